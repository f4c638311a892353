/**
 * Actions only the home, plan, review, certificate and data pages need (kept out of the lesson
 * pages' JavaScript). They change $progress through the same commit as every other action.
 */
import type { Progress, Reminder } from '../lib/progress/document';
import { withName, withReminders, withReset } from '../lib/progress/edits';
import { fitGraphemes } from '../lib/text/count';
import { withReview } from '../lib/plan/review-schedule';
import { scoreQuiz, type QuestionResult, type ScorableQuestion } from '../lib/course/scoring';
import { commit } from './progress';

/** Replaces all progress with an empty document of a new epoch (after the learner confirmed): no older copy can bring it back. */
export const resetProgress = () => commit((p, e) => withReset(p, e));

/** Scores one review question and moves it in the review schedule; returns the result to show. */
export function recordReview(question: ScorableQuestion, chosen: string[]): QuestionResult {
  const result = scoreQuiz([question], { [question.id]: chosen }, 1).results[0];
  commit((p, e) => withReview(p, question.id, result.correct, e));
  return result;
}

/** Saves the name shown on the certificate (capped in characters as the learner sees them); returns whether it reached storage. */
export const setLearnerName = (name: string, urgent = false) => commit((p, e) => withName(p, name, e, fitGraphemes), { urgent });

/** Saves the list of people to reconnect with; returns whether it reached storage. */
export const saveReminders = (people: readonly Reminder[], urgent = false) => commit((p, e) => withReminders(p, people, e, fitGraphemes), { urgent });

/**
 * Replaces all progress with an imported document (checked by readProgressFile, confirmed by the
 * learner), as a new epoch like a reset, so other tabs and older copies take it over instead of
 * merging the old state back in.
 */
export const replaceProgress = (imported: Progress) => commit((p, e) => withReset(p, e, imported));
