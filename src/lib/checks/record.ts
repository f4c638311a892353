/**
 * The pre-check (事前チェック) and final check (修了テスト) as kept in the progress document's
 * `checks`. Small on purpose (SCORM 1.2 keeps the whole document in 4,096 characters): one mark per
 * question, the scores, and the choices of the last submission, which may be left out
 * (compactForSuspend) without losing a result. Loaded with every page (the decoder needs it);
 * scoring and changes are in check-edits.ts.
 *
 * "final": { "attempts": 1, "at": 1764…, "skipped": false,
 *            "marks": { "l01-f1": 1, "l02-f1": 0 },        // 1 right, 0 wrong; skipped questions are absent
 *            "answers": { "l01-f1": ["a"], "l02-f1": ["c"] }, // choices of the last submission (may be {})
 *            "score": 0.5, "best": 0.5,
 *            "first": { "at": 1764…, "marks": {…}, "score": 0.5 },  // only once a retake replaced the first submission
 *            "updatedAt": 1764…, "v": "k3x9ab.4" }
 */
import type { Versioned } from '../progress/versions';
import { isObj, isTime, readAnswers, type Obj } from '../progress/read';

export type CheckSet = 'pre' | 'final';

/** Right (1) or wrong (0) per question id; a question the learner skipped has no mark. */
export type Marks = Record<string, 0 | 1>;

/** One submission's result. */
export interface CheckResult {
  /** When it was submitted (ms). */
  at: number;
  marks: Marks;
  /** Right answers / questions of the check (skipped ones count as not right), 0-1. */
  score: number;
}

export interface CheckRecord extends Versioned {
  /** Submissions so far (0 while only skipped). */
  attempts: number;
  /** When it was last submitted (ms), or null while never submitted. */
  at: number | null;
  /** The learner chose to skip it (the pre-check is optional); a later submission clears it. */
  skipped: boolean;
  /** Marks of the last submission. */
  marks: Marks;
  /** Choices of the last submission, by question id (shown with the feedback); {} when left out to save space. */
  answers: Record<string, string[]>;
  /** Score of the last submission (0-1; 0 while never submitted). */
  score: number;
  /** Best score of all submissions (0-1). */
  best: number;
  /**
   * The first submission, once a retake replaced it in `marks`/`score`: the measurement of what was
   * learned (a retake after seeing the feedback partly measures memory of the feedback).
   */
  first?: CheckResult;
}

/** Question ids of checks (and, in old records, of quizzes). */
const QID = /^l\d{2}-[qpf]\d{1,3}$/;
/** At most this many questions per check are read back (a bound for damaged data). */
const MAX_QUESTIONS = 200;
const isScore = (x: unknown): x is number => typeof x === 'number' && x >= 0 && x <= 1;

function readMarks(x: unknown): Marks | null {
  if (!isObj(x)) return null;
  const entries = Object.entries(x);
  if (entries.length > MAX_QUESTIONS || !entries.every(([k, v]) => QID.test(k) && (v === 0 || v === 1))) return null;
  return x as Marks;
}

/** Reads the check-specific part of a stored record (the version is read by the caller); null when unreadable. Never throws. */
export function readCheck(x: Obj, clamp: (t: number) => number): Omit<CheckRecord, keyof Versioned> | null {
  const answers = readAnswers(x.answers ?? {});
  const marks = readMarks(x.marks);
  const { at, attempts, skipped, score, best, first } = x;
  if (!answers || Object.keys(answers).length > MAX_QUESTIONS || !marks) return null;
  if (!(at === null || isTime(at)) || typeof skipped !== 'boolean' || !Number.isInteger(attempts) || (attempts as number) < 0) return null;
  if (!isScore(score) || !isScore(best)) return null;
  let firstOut: CheckResult | undefined;
  if (first !== undefined) {
    const m = isObj(first) ? readMarks(first.marks) : null;
    if (!isObj(first) || !m || !isTime(first.at) || !isScore(first.score)) return null;
    firstOut = { at: clamp(first.at), marks: m, score: first.score };
  }
  return {
    attempts: Math.min(attempts as number, 10_000),
    at: at === null ? null : clamp(at as number),
    skipped,
    marks,
    answers,
    score,
    best: Math.max(best, at === null ? 0 : score),
    ...(firstOut && { first: firstOut }),
  };
}
