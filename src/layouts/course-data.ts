/** Build-time access to the course content, shared by pages and layouts. */
import fs from 'node:fs';
import path from 'node:path';
import { getCollection, getEntry, type CollectionEntry } from 'astro:content';
import { requiredActivities, type LessonRequirement } from '../lib/course/completion';
import type { CompletionRules, Source } from '../lib/course/schema';
import type { CheckItem } from '../lib/checks/edits';
import type { CheckSet } from '../lib/checks/record';
import { COURSE_INDEX_VERSION, TOC_FULL_LESSONS, groupUnits, type CourseIndex, type TocUnit } from '../lib/course/course-index';
import { lessonPath } from '../lib/course/paths';
import type { Activity } from '../lib/activities/schema';
import { placementTask } from '../lib/activities/placement';
import { CONVERSATION_TEXT, MESSAGE_TEXT, PLACEMENT_TEXT, QUIZ_TEXT, REFLECTION_TEXT } from '../lib/text/ui-text';

export type LessonEntry = CollectionEntry<'lessons'>;

/** Course metadata from content/course.yaml (fails the build with a clear message when missing). */
export async function getCourse() {
  const entry = await getEntry('course', 'course');
  if (!entry) throw new Error('content/course.yaml must define a top-level "course:" entry.');
  return entry.data;
}

/**
 * Astro's loader keeps only one of two lessons with the same `slug` (with a mere warning), so a
 * lesson would silently vanish: count the files and name the clash instead.
 */
function checkSlugsUnique(loaded: number) {
  const dir = path.join(process.env.COURSE_CONTENT_DIR ?? './content', 'lessons');
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.mdx'));
  if (files.length === loaded) return;
  const bySlug = new Map<string, string[]>();
  for (const f of files) {
    const slug = /^slug:\s*["']?([^"'\s]+)/m.exec(fs.readFileSync(path.join(dir, f), 'utf8'))?.[1] ?? f;
    bySlug.set(slug, [...(bySlug.get(slug) ?? []), f]);
  }
  const clash = [...bySlug].find(([, fs]) => fs.length > 1);
  if (clash)
    throw new Error(`Lessons ${clash[1].map((f) => `"content/lessons/${f}"`).join(' and ')} have the same slug: ${clash[0]}. Each lesson needs its own slug.`);
}

/** A text as the basis check compares it: no whitespace, no Markdown emphasis. */
const comparable = (s: string) => s.replace(/\*\*|__/g, '').replace(/\s+/g, '');

/** Every string inside a value (an activity's instructions, lines, choices and feedback). */
const strings = (x: unknown): string[] =>
  typeof x === 'string' ? [x] : Array.isArray(x) ? x.flatMap(strings) : x && typeof x === 'object' ? Object.values(x).flatMap(strings) : [];

/**
 * What a learner reads on a lesson page besides its questions: the objectives, the body (the
 * article's section, key points, scenario; component tags dropped), the research findings and the
 * activities. A question's `basis` must occur in it.
 */
function lessonText(l: LessonEntry): string {
  const d = l.data;
  const body = (l.body ?? '').replace(/<[^>]*>/g, '\n');
  return [...d.objectives, body, ...d.evidence.flatMap((e) => [e.title, e.belief, e.finding, e.action]), ...strings(d.activities)].join('\n');
}

/** Checks that each question's basis occurs in its lesson and each finding cites known studies; throws naming the file. */
function checkTeaching(l: LessonEntry, sourceIds: ReadonlySet<string>) {
  const where = l.filePath ?? l.id;
  const text = comparable(lessonText(l));
  for (const q of [...l.data.quiz.questions, ...l.data.checks.pre, ...l.data.checks.final])
    if (q.basis !== undefined && !text.includes(comparable(q.basis)))
      throw new Error(
        `${where}: question ${q.id}: its basis 「${q.basis.slice(0, 40)}${q.basis.length > 40 ? '…' : ''}」 does not occur in this lesson. Copy the passage that decides the key from the lesson's body, key points, scenario, findings (evidence) or activities.`,
      );
  for (const e of l.data.evidence)
    for (const id of e.sources)
      if (!sourceIds.has(id))
        throw new Error(
          `${where}: finding ${e.id} cites "${id}", which content/sources.yaml does not list. Add the study there (id, authors, short, year, title, venue, note).`,
        );
  const placed = /<Evidence\s*\/>/.test(l.body ?? '');
  if (l.data.evidence.length && !placed)
    throw new Error(
      `${where}: this lesson has evidence: but its body has no <Evidence />; put it where the 研究からわかること section belongs (after the scenario).`,
    );
  if (!l.data.evidence.length && placed) throw new Error(`${where}: the body has <Evidence /> but the frontmatter has no evidence: findings.`);
}

/** The studies of content/sources.yaml, in file order; a duplicate id fails the build. */
export async function getSources(): Promise<Source[]> {
  const file = path.join(process.env.COURSE_CONTENT_DIR ?? './content', 'sources.yaml');
  const raw = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
  const ids = [...raw.matchAll(/^\s*-\s*id:\s*["']?([^"'\s]+)/gm)].map((m) => m[1]);
  const dup = ids.find((id, i) => ids.indexOf(id) !== i);
  if (dup) throw new Error(`content/sources.yaml lists the study "${dup}" twice. Each study needs its own id.`);
  const entries = await getCollection('sources');
  const byId = new Map(entries.map((e) => [e.id, e.data]));
  return ids.filter((id) => byId.has(id)).map((id) => byId.get(id)!);
}

/** Lessons in course order; duplicate `order`, `slug` or ids fail the build naming both files. */
export async function getLessons(): Promise<LessonEntry[]> {
  const lessons = (await getCollection('lessons')).sort((a, b) => a.data.order - b.data.order);
  lessons.forEach((l, i) => {
    const prev = lessons[i - 1];
    if (prev && prev.data.order === l.data.order)
      throw new Error(`Lessons "${prev.filePath}" and "${l.filePath}" both have order: ${l.data.order}. Each lesson needs its own order.`);
  });
  checkSlugsUnique(lessons.length);
  const ids = new Map<string, string>();
  for (const l of lessons)
    for (const id of [...l.data.quiz.questions, ...l.data.checks.pre, ...l.data.checks.final, ...l.data.reflections, ...l.data.activities].map((x) => x.id)) {
      if (ids.has(id))
        throw new Error(
          `Id "${id}" is used in both "${ids.get(id)}" and "${l.filePath}". Quiz, check, reflection and activity ids must be unique in the course.`,
        );
      ids.set(id, l.filePath ?? l.id);
    }
  if (lessons.length === 0) throw new Error('No lessons found: add content/lessons/NN-slug.mdx files.');
  const sourceIds = new Set((await getSources()).map((s) => s.id));
  for (const l of lessons) checkTeaching(l, sourceIds);
  return lessons;
}

/** What completion rules need per lesson (passed to islands): required reflections, and the activities course.yaml requires. */
export function requirements(lessons: LessonEntry[], rule: NonNullable<CompletionRules['activities']>): LessonRequirement[] {
  const activities = requiredActivities(
    rule,
    lessons.map((l) => ({ slug: l.id, activities: l.data.activities.map((a) => a.id) })),
  );
  return lessons.map((l) => ({ slug: l.id, required: l.data.reflections.filter((r) => r.required).map((r) => r.id), activities: activities[l.id] }));
}

/** A lesson's activity by id, or a build error naming the lesson file and what went wrong. */
export async function lessonActivity<K extends Activity['kind']>(
  slug: string | undefined,
  id: string,
  kind: K,
  component: string,
): Promise<Extract<Activity, { kind: K }>> {
  const lessons = await getLessons();
  const lesson = lessons.find((l) => l.id === slug);
  const where = lesson?.filePath ?? `the page ${slug ?? '(not a lesson)'}`;
  const tag = `<${component} id="${id}" />`;
  if (!lesson) throw new Error(`${tag} is used outside a lesson (${where}); activities belong in a lesson body.`);
  const a = lesson.data.activities.find((x) => x.id === id);
  if (!a) {
    const elsewhere = lessons.find((l) => l.data.activities.some((x) => x.id === id));
    const own = lesson.data.activities.map((x) => x.id).join(', ') || 'none';
    throw new Error(
      `${where}: ${tag} names activity "${id}", which is not in this lesson's \`activities:\` (${elsewhere ? `it is in ${elsewhere.filePath}; ` : ''}this lesson has: ${own}).`,
    );
  }
  if (a.kind !== kind) throw new Error(`${where}: ${tag}: activity "${id}" is a ${a.kind}, not a ${kind}; use <${ACTIVITY_COMPONENT[a.kind]} id="${id}" />.`);
  return a as Extract<Activity, { kind: K }>;
}

/** The island that runs each activity kind, and the props it gets. */
function activityIsland(a: Activity): { name: 'Conversation' | 'Placement' | 'MessageBuilder'; props: Record<string, unknown> } {
  switch (a.kind) {
    case 'conversation':
      return { name: 'Conversation', props: { id: a.id, role: a.role, start: a.start, nodes: a.nodes, t: CONVERSATION_TEXT } };
    case 'sorting':
    case 'matching':
      return { name: 'Placement', props: { id: a.id, kind: a.kind, ...placementTask(a), t: PLACEMENT_TEXT } };
    case 'message':
      return { name: 'MessageBuilder', props: { id: a.id, fields: a.fields, template: a.template, t: MESSAGE_TEXT } };
  }
}

/** A lesson's practice islands by key: what the page renders and its practice.json gives the browser. */
export type LessonPractice = Record<string, { name: 'Quiz' | 'Reflection' | 'Conversation' | 'Placement' | 'MessageBuilder'; props: Record<string, unknown> }>;

/**
 * The props of a lesson's practice islands, keyed "quiz", each reflection's id and each
 * activity's id: the one source for the page (components/LessonIsland.astro renders them) and for
 * the lesson's practice.json (pages/lessons/[slug]/practice.json.ts), so the two cannot differ.
 */
export function lessonPractice(slug: string): Promise<LessonPractice> {
  let p = practices.get(slug);
  if (!p) practices.set(slug, (p = buildPractice(slug)));
  return p;
}
const practices = new Map<string, Promise<LessonPractice>>();
async function buildPractice(slug: string): Promise<LessonPractice> {
  const lesson = (await getLessons()).find((l) => l.id === slug);
  if (!lesson) throw new Error(`No lesson with the slug "${slug}".`);
  const { passMark } = (await getCourse()).completion;
  return {
    quiz: { name: 'Quiz', props: { slug, questions: lesson.data.quiz.questions, passMark, t: QUIZ_TEXT } },
    ...Object.fromEntries(lesson.data.reflections.map((r) => [r.id, { name: 'Reflection' as const, props: { ...r, t: REFLECTION_TEXT } }])),
    ...Object.fromEntries(lesson.data.activities.map((a) => [a.id, activityIsland(a)])),
  };
}

/** The MDX component of each activity kind. */
const ACTIVITY_COMPONENT: Record<Activity['kind'], string> = {
  conversation: 'Conversation',
  sorting: 'Sorting',
  matching: 'Matching',
  message: 'MessageBuilder',
};

/** Table-of-contents items. */
export const tocItems = (lessons: LessonEntry[]) =>
  lessons.map((l) => ({ slug: l.id, order: l.data.order, title: l.data.title, href: lessonPath(import.meta.env.BASE_URL, l.id) }));

/** The questions of the pre-check or final check, lesson by lesson in course order, each with its lesson. */
export const checkItems = (lessons: LessonEntry[], set: CheckSet): CheckItem[] =>
  lessons.flatMap((l) =>
    l.data.checks[set].map((question) => ({
      question,
      lesson: { slug: l.id, order: l.data.order, title: l.data.title, href: lessonPath(import.meta.env.BASE_URL, l.id) },
    })),
  );

/** What the learning gain needs per lesson: its title and link, and its pre-check and final check question ids. */
export const gainLessons = (lessons: LessonEntry[]) =>
  lessons.map((l) => ({
    slug: l.id,
    order: l.data.order,
    title: l.data.title,
    href: lessonPath(import.meta.env.BASE_URL, l.id),
    pre: l.data.checks.pre.map((q) => q.id),
    final: l.data.checks.final.map((q) => q.id),
  }));

/** Minutes a check takes: about half a minute per question (a short scenario and four options). */
export const checkMinutes = (items: readonly unknown[]) => Math.max(1, Math.round(items.length / 2));

let index: Promise<CourseIndex> | null = null;
/** The course index (src/lib/course/course-index.ts), built once per build and shared by every page. */
export function getCourseIndex(): Promise<CourseIndex> {
  index ??= (async () => {
    const [course, lessons] = await Promise.all([getCourse(), getLessons()]);
    const units = groupUnits(
      lessons.map((l) => l.id),
      course.units,
      course.title,
    );
    const unitOf = new Map(units.flatMap((u, i) => u.lessons.map((slug) => [slug, i] as const)));
    return {
      v: COURSE_INDEX_VERSION,
      courseId: course.courseId,
      rules: course.completion,
      assessment: course.assessment,
      units,
      lessons: requirements(lessons, course.completion.activities).map((r, i) => ({
        ...r,
        order: lessons[i].data.order,
        title: lessons[i].data.title,
        path: `lessons/${r.slug}/`,
        unit: unitOf.get(r.slug)!,
      })),
    };
  })();
  return index;
}

/**
 * The table of contents of one page: every unit, with its lessons listed when the course is small
 * (at most TOC_FULL_LESSONS lessons) or when it is the page's unit. So a page's TOC grows with the
 * number of units and the size of one unit, not with the whole course.
 */
export async function tocUnits(current?: string): Promise<TocUnit[]> {
  const { units, lessons } = await getCourseIndex();
  const base = import.meta.env.BASE_URL;
  const full = lessons.length <= TOC_FULL_LESSONS;
  const currentUnit = lessons.find((l) => l.slug === current)?.unit ?? -1;
  const bySlug = new Map(lessons.map((l) => [l.slug, l]));
  return units.map((u, i) => ({
    title: u.title,
    index: i,
    href: lessonPath(base, u.lessons[0]),
    count: u.lessons.length,
    // A small course shows every unit open (all its lessons are on the page anyway); a big one its current unit.
    open: full || i === currentUnit,
    lessons:
      full || i === currentUnit
        ? u.lessons.map((slug) => {
            const l = bySlug.get(slug)!;
            return { slug, order: l.order, title: l.title, href: lessonPath(base, slug) };
          })
        : null,
  }));
}
