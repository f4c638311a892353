/**
 * The pre-check (事前チェック) and final check (修了テスト) as kept in the progress document's
 * `checks`: the learner's answers and which questions were right. Pure.
 */
import type { Versioned } from './progress';
import { readAnswers, type Obj } from './read';

export type CheckSet = 'pre' | 'final';

export interface CheckRecord extends Versioned {
  /** Answers by question id (option ids), as last submitted (or as chosen so far, while `at` is null). */
  answers: Record<string, string[]>;
  /** Ids of the questions answered right in the last submission. */
  right: string[];
  /** When it was last submitted (ms), or null while not submitted. */
  at: number | null;
  /** The learner chose to skip it (the pre-check is optional). */
  skipped: boolean;
  /** Submissions so far. */
  attempts: number;
}

const QID = /^l\d{2}-[qpf]\d{1,3}$/;

/** Reads the check-specific part of a stored record (the version is read by the caller); null when unreadable. */
export function readCheck(x: Obj, clamp: (t: number) => number): Omit<CheckRecord, keyof Versioned> | null {
  const answers = readAnswers(x.answers);
  const right = x.right;
  const at = x.at;
  if (!answers || Object.keys(answers).length > 200) return null;
  if (!Array.isArray(right) || right.length > 200 || !right.every((id) => typeof id === 'string' && QID.test(id))) return null;
  if (at !== null && !(typeof at === 'number' && Number.isFinite(at) && at >= 0 && at < 253_402_300_800_000)) return null;
  if (typeof x.skipped !== 'boolean' || !Number.isInteger(x.attempts) || (x.attempts as number) < 0) return null;
  return { answers, right: right as string[], at: at === null ? null : clamp(at as number), skipped: x.skipped, attempts: Math.min(x.attempts as number, 10_000) };
}
