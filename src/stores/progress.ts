/**
 * $progress: the learner's progress document, the one source of truth for every island.
 * Actions change it through `commit`, which persists the change without ever losing another tab's:
 *
 * - Every tab (editing session) first writes what the shared document may lack to a key of its own
 *   (`…:progress:tab:<session>`), which no other tab writes: when two tabs save in the same
 *   millisecond or close at once, each tab's edits survive there, and the next start merges them.
 *   It holds only the tab's changes (progressDelta), never a second full copy, so whatever
 *   document fits in storage once can be saved. With Web Locks it is removed once the shared
 *   document has them (writes take turns there); without, it holds the whole session's changes.
 * - The shared key is read, merged and written back; with Web Locks (every current browser) that
 *   happens under a lock, so tabs take turns, else at once. A tab that sees (storage event) a
 *   shared document lacking something it holds writes the merge back.
 * - Merging is by version (src/lib/progress/document.ts), not by wall clock, so a fast clock elsewhere or a
 *   stale tab cannot bring old text back, and a reset (a new epoch) is not undone.
 * - A failed write never discards the in-memory state, never claims to have saved, and is retried
 *   with the next change. Storage that is full is still read (saved work is shown).
 * - Unreadable saved data is backed up first; if even the backup cannot be written, the original
 *   is left untouched (nothing is written over it) until the learner has downloaded it.
 */
import { atom } from 'nanostores';
import {
  decodeProgress,
  emptyProgress,
  encodeProgress,
  mergeProgress,
  newSession,
  progressDelta,
  progressKey,
  withVisit,
  type DecodeWarning,
  type Edit,
  type Progress,
} from '../lib/progress/document';
import { browserBackend, type StorageBackend, type StorageHealth } from '../storage/backends';

/** The current progress document. */
export const $progress = atom<Progress>(emptyProgress('unset', 0));

/** The state of saved data: which backend, what loading found, whether writing works. */
export interface StorageState {
  /** Which kind of storage is in use; null before start-up. */
  kind: StorageBackend['kind'] | null;
  /** Problems found when loading saved data. */
  warnings: DecodeWarning[];
  /** Whether the last write failed (kept until a later write succeeds). */
  writeFailed: boolean;
  /** When a write failed: how many characters it needed to store (≈ 2 bytes each). */
  needed: number;
  /**
   * What happened to saved data that could not be read: 'backed-up' (copied to the backup key),
   * 'kept' (the backup failed too, so the original is left untouched and nothing is saved until
   * the learner has downloaded it), or null (nothing unreadable).
   */
  original: 'backed-up' | 'kept' | null;
}
export const $storage = atom<StorageState>({ kind: null, warnings: [], writeFailed: false, needed: 0, original: null });

const setStorage = (patch: Partial<StorageState>) => {
  const cur = $storage.get();
  if (Object.entries(patch).some(([k, v]) => cur[k as keyof StorageState] !== v)) $storage.set({ ...cur, ...patch });
};

interface Session {
  courseId: string;
  key: string;
  /** This tab's own key (only for browser storage, which tabs share). */
  tabKey: string | null;
  backend: StorageBackend;
  now: () => number;
  /** This editing session's id (Edit.session). */
  id: string;
  /** The shared document as this tab last wrote or merged it (skips re-reading unchanged storage). */
  lastWritten: string | null;
  /**
   * What the shared document is known to hold: this tab's key holds the changes since. Set at
   * start-up, and (with Web Locks only) after each locked write of the shared document.
   */
  base: Progress | null;
  /** The unreadable original, kept aside while it could not be backed up. */
  original: string | null;
  locks: LockManager | null;
  /** A change not yet confirmed in the shared key (pagehide writes only then). */
  pending: boolean;
  unsubscribe: () => void;
}
let session: Session | null = null;

export interface StartOptions {
  courseId: string;
  backend: StorageBackend;
  now?: () => number;
  /** What the start-up probe found about the backend (default 'ok'). */
  health?: StorageHealth;
  /** The editing session id (default: a new random one). */
  sessionId?: string;
  /** Web Locks (default navigator.locks where the browser has them; null = write at once, unlocked). */
  locks?: LockManager | null;
}

const TAB = ':tab:';
const browserLocks = () => (typeof navigator !== 'undefined' && 'locks' in navigator ? navigator.locks : null);

/** Decodes another copy of this course's document, or null when it is unusable. */
function readCopy(raw: string | null, courseId: string, now: number): Progress | null {
  if (!raw) return null;
  const d = decodeProgress(raw, courseId, now);
  return d.warnings.includes('corrupt') || d.warnings.includes('foreign-course') ? null : d.progress;
}

/**
 * Loads saved progress (the shared document plus what tabs left in their own keys) and listens for
 * changes from other tabs. Restarting replaces the previous session.
 */
export function startProgress({ courseId, backend, now = Date.now, health = 'ok', sessionId = newSession(), locks = browserLocks() }: StartOptions): void {
  session?.unsubscribe();
  const key = progressKey(courseId);
  const raw = backend.read(key);
  const decoded = decodeProgress(raw, courseId, now());
  let progress = decoded.progress;
  const base = raw && !decoded.warnings.length ? progress : null;
  const { warnings } = decoded;
  // Keep what could not be read, so nothing is lost silently; if even that fails, write nothing over it.
  let original: StorageState['original'] = null;
  let kept: string | null = null;
  if (warnings.length && raw) {
    original = backend.write(`${key}:backup`, raw) ? 'backed-up' : 'kept';
    if (original === 'kept') kept = raw;
  }
  // Edits other tabs saved only in their own keys (they closed at the same moment as another tab).
  const tabKeys = backend.kind === 'local' ? backend.keys(`${key}${TAB}`) : [];
  /** Keys of tabs that have not written for a day: surely closed (used when Web Locks cannot tell). */
  const stale: string[] = [];
  for (const k of tabKeys) {
    const copy = readCopy(backend.read(k), courseId, now());
    if (copy) progress = mergeProgress(progress, copy);
    if (!copy || copy.updatedAt < now() - 86_400_000) stale.push(k);
  }
  const tabKey = backend.kind === 'local' ? `${key}${TAB}${sessionId}` : null;
  session = {
    courseId,
    key,
    tabKey,
    backend,
    now,
    id: sessionId,
    lastWritten: raw,
    base,
    original: kept,
    locks,
    pending: false,
    unsubscribe: backend.subscribe(key, (value) => {
      const s = session;
      if (!s || value === null || value === s.lastWritten) return;
      const incoming = readCopy(value, courseId, now());
      if (!incoming) return;
      s.lastWritten = value;
      const merged = mergeProgress($progress.get(), incoming);
      $progress.set(merged);
      // The other tab's document lacks something we hold (it wrote without having seen it): put it back.
      if (encodeProgress(merged) !== encodeProgress(incoming)) {
        s.pending = true;
        persist(merged);
      }
    }),
  };
  $storage.set({ kind: backend.kind, warnings, writeFailed: health === 'full', needed: 0, original });
  $progress.set(progress);
  if (tabKeys.length) {
    // What tabs left behind is in the shared document from now on; keys of tabs still open stay.
    session.pending = true;
    persist(progress, () => {
      void liveSessions().then((live) => {
        for (const k of tabKeys) if (live ? !live.has(k.slice(k.lastIndexOf(':') + 1)) : stale.includes(k)) backend.remove(k);
      });
    });
  }
  if (locks && tabKey) void locks.request(`${key}${TAB}${sessionId}`, () => new Promise(() => {})).catch(() => {});
}

/** Session ids of the tabs open now (each holds a Web Lock named after its key), or null when unknown. */
async function liveSessions(): Promise<Set<string> | null> {
  if (!session?.locks) return null;
  try {
    const { held = [] } = await session.locks.query();
    const prefix = `${session.key}${TAB}`;
    return new Set(
      held
        .map((l) => l.name ?? '')
        .filter((n) => n.startsWith(prefix))
        .map((n) => n.slice(prefix.length)),
    );
  } catch {
    return null;
  }
}

/** Starts with the browser's storage unless something (LMS launcher, tests) started it already. */
export function ensureStarted(courseId?: string): void {
  if (session) return;
  const id = courseId ?? (typeof document !== 'undefined' ? document.documentElement.dataset.courseId : undefined);
  const { backend, health } = browserBackend();
  startProgress({ courseId: id || 'course', backend, health });
}

/** The running session's course id, clock and editing session (null before start-up). */
export const sessionInfo = () => (session ? { courseId: session.courseId, now: session.now, id: session.id } : null);

/** Stops listening (tests, LMS hand-over). */
export function stopProgress(): void {
  session?.unsubscribe();
  session = null;
}

/** Who edits now (for the change functions of src/lib/progress/document.ts). */
const editNow = (s: Session): Edit => ({ now: s.now(), session: s.id });

/**
 * Writes a document: first what the shared document may lack to this tab's own key (no other tab
 * writes it, so nothing can overwrite it), then the shared key after merging what is there
 * (under a Web Lock unless `now` is set: on pagehide there is no time to wait). Returns whether
 * the document reached storage (in the shared key, or its changes in this tab's key).
 */
function persist(doc: Progress, after?: () => void, now = false): boolean {
  const s = session!;
  const ownOk = s.tabKey ? s.backend.write(s.tabKey, encodeProgress(progressDelta(doc, s.base))) : false;
  let needed = 0;
  const shared = () => {
    if (session !== s) return true;
    const stored = s.backend.read(s.key);
    let merged = $progress.get();
    if (stored && stored !== s.lastWritten) {
      const other = readCopy(stored, s.courseId, s.now());
      if (other) merged = mergeProgress(merged, other);
      // Something unreadable written meanwhile (by another tab or program) is backed up before it is replaced, or not replaced.
      else if (!s.backend.write(`${s.key}:backup`, stored)) return false;
      if (merged !== $progress.get()) $progress.set(merged);
    }
    const text = encodeProgress(merged);
    needed = text.length;
    // Left untouched until the learner has downloaded it (see StorageState.original).
    if (s.original !== null) return false;
    const ok = text === stored || s.backend.write(s.key, text);
    if (ok) {
      s.lastWritten = text;
      s.pending = false;
    }
    return ok;
  };
  let ok: boolean;
  if (s.locks && !now && ownOk) {
    // The shared write happens under the lock, soon; this tab's key already holds the change.
    ok = true;
    void s.locks
      .request(s.key, () => {
        const sharedOk = shared();
        if (sharedOk && session === s && s.tabKey) {
          // Writes take turns under the lock, so the shared document keeps what it has now: this
          // tab's key has nothing left to add (a later change writes it again).
          s.base = $progress.get();
          s.backend.remove(s.tabKey);
        }
        after?.();
      })
      .catch(() => {});
  } else {
    ok = shared() || ownOk;
    after?.();
  }
  if (s.original !== null) ok = false;
  setStorage({ writeFailed: !ok, needed: ok ? 0 : needed || encodeProgress(doc).length });
  return ok;
}

/**
 * Applies a change (first taking in what another tab stored meanwhile) and persists it. Returns
 * whether it reached storage. Exported for the sibling store modules (learner.ts, host.ts, quiz.ts)
 * that hold actions only some pages need, so they stay out of the lesson pages' first view.
 */
export function commit(change: (p: Progress, e: Edit) => Progress, { urgent = false } = {}): boolean {
  if (!session) ensureStarted();
  const s = session!;
  let current = $progress.get();
  const stored = s.backend.read(s.key);
  if (stored && stored !== s.lastWritten) {
    const other = readCopy(stored, s.courseId, s.now());
    if (other) current = mergeProgress(current, other);
  }
  const next = change(current, editNow(s));
  $progress.set(next);
  s.pending = true;
  return persist(next, undefined, urgent);
}

/**
 * Writes what is in memory now, at once (pagehide, before an update reloads the page), unless it
 * is stored already: a page that changed nothing writes nothing (not even over data it could not read).
 */
export function flushNow(): boolean {
  if (!session?.pending) return true;
  return persist($progress.get(), undefined, true);
}

/**
 * The learner has downloaded the unreadable original that could not be backed up: saving resumes
 * (and overwrites it). Returns whether the current progress then reached storage.
 */
export function releaseOriginal(): boolean {
  if (!session) return false;
  session.original = null;
  session.pending = true;
  setStorage({ original: null });
  return persist($progress.get(), undefined, true);
}

/** The unreadable original kept aside (for its download), or null. */
export const keptOriginal = () => session?.original ?? null;

/** Records that the learner opened a lesson. */
export const recordVisit = (slug: string) => commit((p, e) => withVisit(p, slug, e));
