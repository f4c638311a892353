/**
 * Content collections. The schemas (with a doc comment on every field) live in
 * `src/lib/course/schema.ts` so pure logic and tests share the same types.
 * COURSE_CONTENT_DIR lets tests build a fixture course (e.g. one with a broken lesson).
 */
import { defineCollection } from 'astro:content';
import { file, glob } from 'astro/loaders';
import { courseSchema, lessonSchema, sourceSchema } from './lib/course/schema';

const root = process.env.COURSE_CONTENT_DIR ?? './content';

const lessons = defineCollection({
  loader: glob({ pattern: '*.mdx', base: `${root}/lessons` }),
  schema: lessonSchema,
});

const course = defineCollection({
  loader: file(`${root}/course.yaml`),
  schema: courseSchema,
});

/** content/sources.yaml: the studies lessons cite (参考文献). */
const sources = defineCollection({
  loader: file(`${root}/sources.yaml`),
  schema: sourceSchema,
});

export const collections = { lessons, course, sources };
