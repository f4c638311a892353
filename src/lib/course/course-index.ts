/**
 * The course index (`course-index.json`): what the scripts of every page need to know about the
 * whole course — its lessons, units and completion rules — in ONE shared file. Pages fetch it once
 * (the service worker precaches it) instead of each page carrying the whole course in its HTML and
 * island props, which made every page grow with the number of lessons (and the build with
 * lessons²). Built by src/pages/course-index.json.ts; read by src/stores/course.ts.
 *
 * {
 *   "v": 2,
 *   "courseId": "networking-ja",
 *   "rules": { "passMark": 0.8, "requireReflections": true },
 *   "assessment": { "finalCheck": "taken", "finalPassMark": null, "score": "final" },
 *   "units": [ { "title": "基礎をつくる", "lessons": ["importance", "goals", "participate"] } ],
 *   "lessons": [ { "slug": "goals", "order": 2, "title": "目標を設定する", "path": "lessons/goals/",
 *                  "unit": 0, "required": ["l02-r1"], "activities": ["l02-a1"] } ]
 * }
 *
 * Paths are relative to the deploy base (<html data-base>), so the same file works under any base
 * path and inside SCORM packages, whose URLs are only known on the LMS.
 */
import type { LessonRequirement } from './completion';
import type { AssessmentRules, CompletionRules } from './schema';

export const COURSE_INDEX_VERSION = 2;
/** File name of the index, relative to the base path. */
export const COURSE_INDEX_FILE = 'course-index.json';

interface IndexLesson extends LessonRequirement {
  order: number;
  title: string;
  /** The lesson page, relative to the base path ("lessons/goals/"). */
  path: string;
  /** Position of its unit in `units`. */
  unit: number;
}
export interface IndexUnit {
  title: string;
  /** Slugs of the unit's lessons, in course order. */
  lessons: string[];
}
export interface CourseIndex {
  v: typeof COURSE_INDEX_VERSION;
  courseId: string;
  rules: CompletionRules;
  /**
   * course.yaml `assessment`: what completion needs of the final check and which score hosts
   * receive. Not checked here (every page's first view loads this file, and only the embed bridge
   * needs it): the bridge reads it with readAssessment (src/lib/course/assessment.ts).
   */
  assessment: AssessmentRules;
  units: IndexUnit[];
  lessons: IndexLesson[];
}

/** One unit in a page's table of contents. */
export interface TocUnit {
  title: string;
  /** Position in the course index's units (the island counts its completed lessons from there). */
  index: number;
  /** The unit's first lesson. */
  href: string;
  count: number;
  /** Whether it is shown open: every unit of a small course; in a big one the unit of the page's lesson. */
  open: boolean;
  /** Its lessons, or null when the course is too big to list every unit's lessons on every page. */
  lessons: { slug: string; order: number; title: string; href: string }[] | null;
}

/** Lessons from 1 to this many show every unit's lessons in the table of contents; bigger courses only the current unit's. */
export const TOC_FULL_LESSONS = 30;

/**
 * Groups lessons (in course order) into the units declared in course.yaml. Without declared units
 * the course is one unit with every lesson. Throws, naming the slug, when a declared unit lists a
 * lesson that does not exist or a lesson is in no unit or in two (a build-time authoring error).
 */
export function groupUnits(slugs: readonly string[], declared: readonly { title: string; lessons: readonly string[] }[], courseTitle: string): IndexUnit[] {
  if (declared.length === 0) return [{ title: courseTitle, lessons: [...slugs] }];
  const seen = new Map<string, string>();
  for (const u of declared)
    for (const slug of u.lessons) {
      if (!slugs.includes(slug))
        throw new Error(`content/course.yaml: unit "${u.title}" lists lesson "${slug}", which does not exist (slugs: ${slugs.join(', ')}).`);
      if (seen.has(slug)) throw new Error(`content/course.yaml: lesson "${slug}" is in two units ("${seen.get(slug)}" and "${u.title}").`);
      seen.set(slug, u.title);
    }
  const missing = slugs.filter((s) => !seen.has(s));
  if (missing.length)
    throw new Error(`content/course.yaml: lesson(s) ${missing.map((s) => `"${s}"`).join(', ')} are in no unit; add them to one of the units.`);
  // Each unit's lessons in course order, whatever order the author listed them in.
  return declared.map((u) => ({ title: u.title, lessons: slugs.filter((s) => u.lessons.includes(s)) }));
}

const isObj = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const isStrings = (x: unknown): x is string[] => Array.isArray(x) && x.every((s) => typeof s === 'string');

/**
 * Checks a fetched index (it may come from an older deployment, a proxy's error page or a broken
 * cache). Returns null unless it is a well-formed index of this course; never throws.
 */
export function parseCourseIndex(x: unknown, courseId: string): CourseIndex | null {
  if (!isObj(x) || x.v !== COURSE_INDEX_VERSION || x.courseId !== courseId || !isObj(x.rules)) return null;
  const { passMark, requireReflections } = x.rules;
  if (typeof passMark !== 'number' || !(passMark >= 0 && passMark <= 1) || typeof requireReflections !== 'boolean') return null;
  if (!Array.isArray(x.units) || !Array.isArray(x.lessons)) return null;
  const units = x.units.every((u) => isObj(u) && typeof u.title === 'string' && isStrings(u.lessons));
  const lessons = x.lessons.every(
    (l) =>
      isObj(l) &&
      typeof l.slug === 'string' &&
      typeof l.title === 'string' &&
      typeof l.path === 'string' &&
      Number.isInteger(l.order) &&
      Number.isInteger(l.unit) &&
      isStrings(l.required) &&
      (l.activities === undefined || isStrings(l.activities)),
  );
  return units && lessons ? (x as unknown as CourseIndex) : null;
}
