/**
 * The catalog of questions the SCORM launcher needs for cmi.interactions and cmi.objectives
 * (src/lib/scorm-interactions.ts): ids, types and answer keys, no text. Only the launcher fetches
 * it; pages never do.
 */
import type { APIRoute } from 'astro';
import { getCourseIndex, getLessons } from '../layouts/course-data';
import { LMS_CATALOG_VERSION, type CatalogItem, type LmsCatalog } from '../lib/scorm-interactions';
import type { Question } from '../lib/schema';

const item = (q: Question): CatalogItem => ({
  id: q.id,
  type: q.type,
  options: q.options.map((o) => o.id),
  correct: q.options.filter((o) => o.correct).map((o) => o.id),
});

export const GET: APIRoute = async () => {
  const [index, lessons] = await Promise.all([getCourseIndex(), getLessons()]);
  const catalog: LmsCatalog = {
    v: LMS_CATALOG_VERSION,
    courseId: index.courseId,
    rules: index.rules,
    lessons: index.lessons.map((l, i) => ({
      slug: l.slug,
      required: l.required,
      quiz: lessons[i].data.quiz.questions.map(item),
      pre: lessons[i].data.checks.pre.map(item),
      final: lessons[i].data.checks.final.map(item),
    })),
  };
  return new Response(JSON.stringify(catalog), { headers: { 'Content-Type': 'application/json' } });
};
