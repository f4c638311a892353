/**
 * $courseIndex: the shared course index (src/lib/course/course-index.ts), fetched once per page from
 * `<base>course-index.json` (the service worker serves it offline). Null until it has arrived, and
 * stays null when it cannot be had: islands then show no lesson statuses, and nothing else breaks.
 */
import { atom } from 'nanostores';
import { COURSE_INDEX_FILE, parseCourseIndex, type CourseIndex } from '../lib/course/course-index';

export const $courseIndex = atom<CourseIndex | null>(null);

let loading: Promise<CourseIndex | null> | null = null;

/** Fetches the index (once; later calls share the first). Base path and course id come from <html data-base / data-course-id>. */
export function loadCourseIndex(): Promise<CourseIndex | null> {
  loading ??= (async () => {
    const { base = '/', courseId = '' } = document.documentElement.dataset;
    try {
      const res = await fetch(`${base}${COURSE_INDEX_FILE}`);
      const index = res.ok ? parseCourseIndex(await res.json(), courseId) : null;
      $courseIndex.set(index);
      return index;
    } catch {
      return null;
    }
  })();
  return loading;
}
