/**
 * $progress: the learner's progress document, the one source of truth for every island.
 * Actions persist each change through the storage backend chosen once at start-up, merging with
 * what another tab may have written meanwhile. A failed write never discards the in-memory state.
 */
import { atom } from 'nanostores';
import {
  decodeProgress,
  emptyProgress,
  encodeProgress,
  progressKey,
  reconcile,
  withReflection,
  withVisit,
  type DecodeWarning,
  type Progress,
} from '../lib/progress';
import { browserBackend, type StorageBackend } from '../storage/backends';

/** The current progress document. */
export const $progress = atom<Progress>(emptyProgress('unset', 0));
/** The state of saved data: which backend, what loading found, whether the last write failed. */
export interface StorageState {
  /** Which kind of storage is in use; null before start-up. */
  kind: StorageBackend['kind'] | null;
  /** Problems found when loading saved data. */
  warnings: DecodeWarning[];
  /** Whether the last write failed (kept until a later write succeeds). */
  writeFailed: boolean;
}
export const $storage = atom<StorageState>({ kind: null, warnings: [], writeFailed: false });

const setWriteFailed = (writeFailed: boolean) => {
  if ($storage.get().writeFailed !== writeFailed) $storage.set({ ...$storage.get(), writeFailed });
};

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
  $storage.set({ kind: backend.kind, warnings, writeFailed: false });
  $progress.set(progress);
}

/** Starts with the browser's storage unless something (LMS launcher, tests) started it already. */
export function ensureStarted(courseId?: string): void {
  if (session) return;
  const id = courseId ?? (typeof document !== 'undefined' ? document.documentElement.dataset.courseId : undefined);
  startProgress({ courseId: id || 'course', backend: browserBackend() });
}

/** The running session's course id and clock (null before start-up). */
export const sessionInfo = () => (session ? { courseId: session.courseId, now: session.now } : null);

/** Stops listening (tests, LMS hand-over). */
export function stopProgress(): void {
  session?.unsubscribe();
  session = null;
}

/**
 * Applies a change, merges with what is stored meanwhile, and persists. Returns whether it was saved.
 * Exported for the sibling store modules (learner.ts, host.ts) that hold actions only some pages need,
 * so they stay out of the lesson pages' JavaScript.
 */
export function commit(change: (p: Progress, now: number) => Progress, mergeStored = true): boolean {
  if (!session) ensureStarted();
  const s = session!;
  let current = $progress.get();
  // First take in what another tab stored meanwhile (a reset there replaces), then apply the change.
  const stored = s.backend.read(s.key);
  if (mergeStored && stored && stored !== s.lastWritten) {
    const other = decodeProgress(stored, s.courseId, s.now());
    if (!other.warnings.includes('foreign-course') && !other.warnings.includes('corrupt'))
      current = reconcile(current, other.progress);
  }
  const next = change(current, s.now());
  $progress.set(next);
  const encoded = encodeProgress(next);
  const ok = s.backend.write(s.key, encoded);
  if (ok) s.lastWritten = encoded;
  setWriteFailed(!ok);
  return ok;
}

/** Records that the learner opened a lesson. */
export const recordVisit = (slug: string) => commit((p, now) => withVisit(p, slug, now));

/** Saves a reflection's text; returns whether it reached storage. */
export const saveReflection = (id: string, text: string) => commit((p, now) => withReflection(p, id, text, now));
