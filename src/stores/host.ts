/**
 * Actions for an embedding host or LMS (used by src/delivery/bridge.ts, which loads only inside frames).
 */
import { decodeProgress, mergeProgress } from '../lib/progress/document';
import type { StorageBackend } from '../storage/backends';
import { $progress, commit, ensureStarted, sessionInfo, startProgress } from './progress';

/**
 * Moves to another backend after start-up (an LMS host offering persistence when the browser blocks
 * storage). What the learner did meanwhile is merged into what the new backend holds and written there.
 */
export function switchBackend(backend: StorageBackend): void {
  const before = $progress.get();
  const s = sessionInfo();
  const courseId = s?.courseId ?? before.courseId;
  const now = s?.now ?? Date.now;
  startProgress({ courseId, backend, now, ...(s && { sessionId: s.id }) });
  if (before.courseId === courseId) commit((p) => mergeProgress(p, before));
}

/**
 * Merges a progress document handed over from elsewhere (an LMS host's saved copy) into the
 * current one and saves the result. Unreadable or foreign data is ignored. Returns whether it was used.
 */
export function mergeFrom(raw: string): boolean {
  ensureStarted();
  const s = sessionInfo()!;
  const other = decodeProgress(raw, s.courseId, s.now());
  if (other.warnings.includes('corrupt') || other.warnings.includes('foreign-course')) return false;
  // Merged item by item. Only an explicit reset or import elsewhere (a newer epoch) replaces what
  // this browser holds; a copy simply started on another device never does.
  commit((p) => mergeProgress(p, other.progress));
  return true;
}
