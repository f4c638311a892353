/**
 * The catalog of questions the SCORM launcher needs for cmi.interactions and cmi.objectives
 * (src/lib/lms/interactions.ts): ids, types and answer keys, no text. Only the launcher fetches
 * it; pages never do.
 */
import type { APIRoute } from 'astro';
import { getCourseIndex, getLessons } from '../layouts/course-data';
import { LMS_CATALOG_VERSION, type CatalogActivity, type CatalogItem, type LmsCatalog } from '../lib/lms/interactions';
import type { Question } from '../lib/course/schema';
import type { Activity } from '../lib/activities/schema';

const item = (q: Question): CatalogItem => ({
  id: q.id,
  type: q.type,
  options: q.options.map((o) => o.id),
  correct: q.options.filter((o) => o.correct).map((o) => o.id),
});

const activity = (a: Activity): CatalogActivity => {
  switch (a.kind) {
    case 'sorting':
      return { id: a.id, kind: a.kind, categories: a.categories.map((c) => c.id), items: a.items.map((i) => ({ id: i.id, category: i.category })) };
    case 'matching':
      return { id: a.id, kind: a.kind, answers: a.answers.map((x) => x.id), pairs: a.pairs.map((p) => ({ id: p.id, answer: p.answer })) };
    case 'conversation':
      return {
        id: a.id,
        kind: a.kind,
        start: a.start,
        nodes: a.nodes.map((n) => ({ id: n.id, next: (n.choices ?? []).map((c) => c.next), rank: n.ending?.rank ?? null })),
      };
    case 'message':
      return { id: a.id, kind: a.kind };
  }
};

export const GET: APIRoute = async () => {
  const [index, lessons] = await Promise.all([getCourseIndex(), getLessons()]);
  const catalog: LmsCatalog = {
    v: LMS_CATALOG_VERSION,
    courseId: index.courseId,
    rules: index.rules,
    assessment: index.assessment,
    lessons: index.lessons.map((l, i) => ({
      slug: l.slug,
      required: l.required,
      ...(l.activities ? { activities: l.activities } : {}),
      quiz: lessons[i].data.quiz.questions.map(item),
      pre: lessons[i].data.checks.pre.map(item),
      final: lessons[i].data.checks.final.map(item),
      practice: lessons[i].data.activities.map(activity),
    })),
  };
  return new Response(JSON.stringify(catalog), { headers: { 'Content-Type': 'application/json' } });
};
