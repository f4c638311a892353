/** Build-time access to the course content, shared by pages and layouts. */
import { getCollection, getEntry, type CollectionEntry } from 'astro:content';
import type { LessonRequirement } from '../lib/completion';
import { lessonPath } from '../lib/paths';

export type LessonEntry = CollectionEntry<'lessons'>;

/** Course metadata from content/course.yaml (fails the build with a clear message when missing). */
export async function getCourse() {
  const entry = await getEntry('course', 'course');
  if (!entry) throw new Error('content/course.yaml must define a top-level "course:" entry.');
  return entry.data;
}

/** Lessons in course order; duplicate `order` or `slug` values fail the build naming both files. */
export async function getLessons(): Promise<LessonEntry[]> {
  const lessons = (await getCollection('lessons')).sort((a, b) => a.data.order - b.data.order);
  lessons.forEach((l, i) => {
    const prev = lessons[i - 1];
    if (prev && prev.data.order === l.data.order)
      throw new Error(`Lessons "${prev.filePath}" and "${l.filePath}" both have order: ${l.data.order}. Each lesson needs its own order.`);
  });
  const ids = new Map<string, string>();
  for (const l of lessons)
    for (const id of [...l.data.quiz.questions.map((q) => q.id), ...l.data.reflections.map((r) => r.id)]) {
      if (ids.has(id)) throw new Error(`Id "${id}" is used in both "${ids.get(id)}" and "${l.filePath}". Quiz and reflection ids must be unique in the course.`);
      ids.set(id, l.filePath ?? l.id);
    }
  if (lessons.length === 0) throw new Error('No lessons found: add content/lessons/NN-slug.mdx files.');
  return lessons;
}

/** What completion rules need per lesson (passed to islands). */
export const requirements = (lessons: LessonEntry[]): LessonRequirement[] =>
  lessons.map((l) => ({ slug: l.id, required: l.data.reflections.filter((r) => r.required).map((r) => r.id) }));

/** Table-of-contents items. */
export const tocItems = (lessons: LessonEntry[]) =>
  lessons.map((l) => ({ slug: l.id, order: l.data.order, title: l.data.title, href: lessonPath(import.meta.env.BASE_URL, l.id) }));
