/**
 * Learning gain per lesson: the pre-check (before) against the final check (after), question by
 * question for each lesson's parallel items. Pure. Both sides use the first submission: the
 * pre-check measures the start, the final check's first try what the course taught (a retake after
 * its feedback would partly measure memory of that feedback). Unknown (null) where a side was not
 * taken or its questions were skipped — never guessed as 0.
 */
import type { CheckRecord, CheckSet, Marks } from '../checks/record';
import { firstResult } from '../checks/results';

/** What the gain needs of a lesson: its pre-check and final check question ids. */
export interface GainLesson {
  slug: string;
  pre: readonly string[];
  final: readonly string[];
}

/** One side of one lesson: right answers of the questions answered (skipped ones are left out). */
export interface Tally {
  right: number;
  answered: number;
  /** The lesson's questions in this check. */
  total: number;
}

/**
 * up: more right after than before; down: fewer; kept: right before and after; gap: as few right
 * after as before and not all (still to learn); unknown: a side is missing.
 */
type Trend = 'up' | 'down' | 'kept' | 'gap' | 'unknown';

interface LessonGain {
  slug: string;
  /** Pre-check, or null when it was skipped, not taken, or this lesson's questions were all skipped. */
  before: Tally | null;
  /** Final check (first submission), or null when it was not taken. */
  after: Tally | null;
  trend: Trend;
}

export interface Gain {
  lessons: LessonGain[];
  /** 'taken', 'skipped' (the learner chose to skip it) or 'none' (neither yet). */
  pre: 'taken' | 'skipped' | 'none';
  /** Whether the final check has been taken. */
  final: boolean;
  /** Sums over every lesson (null when that check was not taken). */
  before: Tally | null;
  after: Tally | null;
  /** Slugs of the lessons where the final check found a gap (a question answered wrong), in course order. */
  gaps: string[];
}

function tally(marks: Marks, ids: readonly string[]): Tally | null {
  const answered = ids.filter((id) => Object.hasOwn(marks, id));
  if (!answered.length) return null;
  return { right: answered.filter((id) => marks[id] === 1).length, answered: answered.length, total: ids.length };
}

const share = (t: Tally) => t.right / t.answered;

function trendOf(before: Tally | null, after: Tally | null): Trend {
  if (!before || !after) return 'unknown';
  const d = share(after) - share(before);
  if (Math.abs(d) < 1e-9) return share(after) === 1 ? 'kept' : 'gap';
  return d > 0 ? 'up' : 'down';
}

/** Sums of one side over all lessons; `total` counts every question of the check, answered or not. */
function sum(ts: (Tally | null)[], total: number): Tally {
  const known = ts.filter((t): t is Tally => !!t);
  return { right: known.reduce((n, t) => n + t.right, 0), answered: known.reduce((n, t) => n + t.answered, 0), total };
}

/** Before → after per lesson from the stored pre-check and final check. */
export function learningGain(checks: Partial<Record<CheckSet, CheckRecord>>, lessons: readonly GainLesson[]): Gain {
  const pre = firstResult(checks.pre);
  const fin = firstResult(checks.final);
  const rows = lessons.map((l) => {
    const before = pre ? tally(pre.marks, l.pre) : null;
    const after = fin ? tally(fin.marks, l.final) : null;
    return { slug: l.slug, before, after, trend: trendOf(before, after) };
  });
  return {
    lessons: rows,
    pre: pre ? 'taken' : checks.pre?.skipped ? 'skipped' : 'none',
    final: !!fin,
    before: pre
      ? sum(
          rows.map((r) => r.before),
          lessons.reduce((n, l) => n + l.pre.length, 0),
        )
      : null,
    after: fin
      ? sum(
          rows.map((r) => r.after),
          lessons.reduce((n, l) => n + l.final.length, 0),
        )
      : null,
    gaps: rows.filter((r) => r.after && r.after.right < r.after.total).map((r) => r.slug),
  };
}

/**
 * What the pre-check result tells a learner without giving away any answer: the lessons to watch
 * for (a question not right, or skipped) and those they already have a grip on (all right).
 */
export function precheckAdvice(g: Gain): { watch: string[]; known: string[] } {
  const isKnown = (l: LessonGain) => !!l.before && l.before.answered === l.before.total && l.before.right === l.before.total;
  return { watch: g.lessons.filter((l) => !isKnown(l)).map((l) => l.slug), known: g.lessons.filter(isKnown).map((l) => l.slug) };
}
