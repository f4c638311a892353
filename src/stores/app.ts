/**
 * App-level state outside the progress document: connection and service-worker updates.
 * Set by the browser adapter src/delivery/pwa.ts; rendered by the CourseStatus island.
 */
import { atom } from 'nanostores';

/** False while the browser reports no network. */
export const $online = atom(true);

/** A new version of the course is installed and waiting; calling it switches over. */
export const $update = atom<(() => void) | null>(null);

/** Event the page dispatches before it reloads, so islands save what is being typed. */
export const FLUSH_EVENT = 'course:flush';

/** Saves pending input, then activates the waiting version (the page reloads when it takes over). */
export function applyUpdate(): void {
  dispatchEvent(new Event(FLUSH_EVENT));
  $update.get()?.();
}

/** Reflection ids an LMS host could not keep (SCORM 1.2 limit); they live only in this browser. */
export const $hostDropped = atom<string[]>([]);
