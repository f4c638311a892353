/**
 * Actions of the pre-check (事前チェック) and final check (修了テスト) pages. They change $progress
 * through the same commit as every other action; the scoring and records are src/lib/checks/edits.ts.
 */
import type { CheckSet } from '../lib/checks/record';
import { scoreCheck, withCheckSkipped, withCheckSubmitted, type CheckScore } from '../lib/checks/edits';
import { withDraft } from '../lib/progress/edits';
import type { ScorableQuestion } from '../lib/course/scoring';
import { commit } from './progress';

/** Scores and records a submission; returns the result to show. */
export function submitCheck(set: CheckSet, questions: readonly ScorableQuestion[], answers: Record<string, string[]>): CheckScore {
  commit((p, e) => withCheckSubmitted(p, set, questions, answers, e));
  return scoreCheck(questions, answers);
}

/** The learner skips the check (the pre-check is optional). */
export const skipCheck = (set: CheckSet) => commit((p, e) => withCheckSkipped(p, set, e));

/** Keeps the choices made but not yet submitted (restored after a reload); null or {} clears them. */
export const saveCheckDraft = (set: CheckSet, answers: Record<string, string[]> | null) =>
  commit((p, e) => withDraft(p, `check:${set}`, answers && Object.keys(answers).length ? JSON.stringify(answers) : null, e));
