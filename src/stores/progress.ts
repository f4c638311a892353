/**
 * $progress: the learner's progress document, the one source of truth for every island.
 * Actions persist each change through the storage backend chosen once at start-up, merging with
 * what another tab may have written meanwhile. A failed write never discards the in-memory state.
 */
import { atom, computed } from 'nanostores';
import {
  decodeProgress,
  emptyProgress,
  encodeProgress,
  progressKey,
  reconcile,
  withAttempt,
  withReflection,
  withVisit,
  type DecodeWarning,
  type Progress,
} from '../lib/progress';
import type { NoticeCode } from '../lib/messages';
import { scoreQuiz, type QuizResult, type ScorableQuestion } from '../lib/scoring';
import { browserBackend, type StorageBackend } from '../lms/storage';

/** The current progress document. */
export const $progress = atom<Progress>(emptyProgress('unset', 0));
/** Problems found when loading saved data. */
export const $loadWarnings = atom<DecodeWarning[]>([]);
/** Whether the last write failed (kept until a later write succeeds). */
export const $writeFailed = atom(false);
/** Which kind of storage is in use; null before start-up. */
export const $backendKind = atom<StorageBackend['kind'] | null>(null);

/** Everything the learner should be told about their saved data. */
export const $notices = computed([$loadWarnings, $writeFailed, $backendKind], (warnings, failed, kind) => {
  const out: NoticeCode[] = [...warnings];
  if (kind === 'memory') out.push('memory-only');
  else if (failed) out.push('write-failed');
  if (kind === 'host') out.push('host-storage');
  return out;
});

interface Session {
  courseId: string;
  key: string;
  backend: StorageBackend;
  now: () => number;
  lastWritten: string | null;
  unsubscribe: () => void;
}
let session: Session | null = null;

export interface StartOptions {
  courseId: string;
  backend: StorageBackend;
  now?: () => number;
}

/** Loads saved progress from a backend and listens for changes from other tabs. Idempotent per call. */
export function startProgress({ courseId, backend, now = Date.now }: StartOptions): void {
  session?.unsubscribe();
  const key = progressKey(courseId);
  const raw = backend.read(key);
  const { progress, warnings } = decodeProgress(raw, courseId, now());
  // Keep what could not be read, so nothing is lost silently (export/support can recover it).
  if (warnings.length && raw) backend.write(`${key}:backup`, raw);
  session = {
    courseId,
    key,
    backend,
    now,
    lastWritten: raw,
    unsubscribe: backend.subscribe(key, (value) => {
      if (!session || value === null) return;
      const incoming = decodeProgress(value, courseId, now());
      if (incoming.warnings.includes('foreign-course') || incoming.warnings.includes('corrupt')) return;
      session.lastWritten = value;
      $progress.set(reconcile($progress.get(), incoming.progress));
    }),
  };
  $loadWarnings.set(warnings);
  $writeFailed.set(false);
  $backendKind.set(backend.kind);
  $progress.set(progress);
}

/** Starts with the browser's storage unless something (LMS launcher, tests) started it already. */
export function ensureStarted(courseId?: string): void {
  if (session) return;
  const id = courseId ?? (typeof document !== 'undefined' ? document.documentElement.dataset.courseId : undefined);
  startProgress({ courseId: id || 'course', backend: browserBackend() });
}

/** Stops listening (tests, LMS hand-over). */
export function stopProgress(): void {
  session?.unsubscribe();
  session = null;
}

/** Applies a change, merges with what is stored meanwhile, and persists. Returns whether it was saved. */
function commit(change: (p: Progress, now: number) => Progress, mergeStored = true): boolean {
  if (!session) ensureStarted();
  const s = session!;
  let next = change($progress.get(), s.now());
  const stored = s.backend.read(s.key);
  if (mergeStored && stored && stored !== s.lastWritten) {
    const other = decodeProgress(stored, s.courseId, s.now());
    if (!other.warnings.includes('foreign-course') && !other.warnings.includes('corrupt'))
      next = reconcile(next, other.progress);
  }
  $progress.set(next);
  const encoded = encodeProgress(next);
  const ok = s.backend.write(s.key, encoded);
  if (ok) s.lastWritten = encoded;
  $writeFailed.set(!ok);
  return ok;
}

/** Records that the learner opened a lesson. */
export const recordVisit = (slug: string) => commit((p, now) => withVisit(p, slug, now));

/** Scores and records a quiz attempt; returns the result to show. */
export function submitQuiz(
  slug: string,
  questions: readonly ScorableQuestion[],
  answers: Record<string, string[]>,
  passMark: number,
): QuizResult {
  const result = scoreQuiz(questions, answers, passMark);
  const clean = Object.fromEntries(result.results.map((r) => [r.id, r.chosen]));
  commit((p, now) => withAttempt(p, slug, clean, result.score, now));
  return result;
}

/** Saves a reflection's text; returns whether it reached storage. */
export const saveReflection = (id: string, text: string) => commit((p, now) => withReflection(p, id, text, now));

/** Replaces all progress with an empty document (after the learner confirmed). */
export const resetProgress = () => commit((p, now) => emptyProgress(p.courseId, now), false);
