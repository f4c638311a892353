/** The shared course index (src/lib/course/course-index.ts): one static JSON file, fetched once per page and precached. */
import type { APIRoute } from 'astro';
import { getCourseIndex } from '../layouts/course-data';

export const GET: APIRoute = async () => new Response(JSON.stringify(await getCourseIndex()), { headers: { 'Content-Type': 'application/json' } });
