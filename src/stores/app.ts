/**
 * App-level state outside the progress document: connection, service-worker updates, and the
 * editors' "save now" registry. Set by the browser adapters in src/delivery; shown by Notices.
 */
import { atom } from 'nanostores';
import { flushNow } from './progress';

/** False while the browser reports no network. */
export const $online = atom(true);

/** A new version of the course is installed and waiting; calling it switches over. */
export const $update = atom<(() => void) | null>(null);

/** True after the learner asked for the new version but something typed could not be saved: the page was not reloaded. */
export const $updateBlocked = atom(false);

export { FLUSH_EVENT } from '../lib/lms/events';

const flushers = new Set<() => boolean>();

/**
 * Registers how an editor saves what is being typed, at once (a reflection, the certificate name,
 * reminders, quiz choices, an activity). It returns whether that input is safe: saved, or kept as a
 * draft. Returns the function that unregisters it.
 */
export function onFlush(save: () => boolean): () => void {
  flushers.add(save);
  return () => void flushers.delete(save);
}

/** Saves everything being edited and writes the document now (pagehide, update, host hand-over). True when all of it reached storage. */
export function flushAll(): boolean {
  let ok = true;
  for (const save of flushers) ok = save() && ok;
  return flushNow() && ok;
}

/**
 * Activates the waiting version once everything typed is saved (the page reloads when it takes
 * over). If something could not be saved, nothing reloads and the learner is told.
 */
export function applyUpdate(): void {
  if (!flushAll()) {
    $updateBlocked.set(true);
    return;
  }
  $updateBlocked.set(false);
  $update.get()?.();
}

/** What an LMS host could not keep (SCORM 1.2 limit: reflection ids, and review, challenge, plan, message and reminder entries); it lives only in this browser. */
export const $hostDropped = atom<string[]>([]);
