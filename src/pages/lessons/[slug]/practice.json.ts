/**
 * A lesson's practice data (quiz, reflections, activities): the props of its islands by key, which
 * src/islands/runtime/mount.ts fetches when the first of them starts. Precached for offline use
 * and packaged with SCORM like every other file.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getLessons, lessonPractice } from '../../../layouts/course-data';

export const getStaticPaths = (async () => (await getLessons()).map((l) => ({ params: { slug: l.id } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const practice = await lessonPractice(params.slug as string);
  const props = Object.fromEntries(Object.entries(practice).map(([key, island]) => [key, island.props]));
  return new Response(JSON.stringify(props), { headers: { 'Content-Type': 'application/json' } });
};
