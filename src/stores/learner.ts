/**
 * Actions only the home, plan, review, certificate and data pages need (kept out of the lesson
 * pages' JavaScript). They change $progress through the same commit as every other action.
 */
import { emptyProgress, withName, withReminders, type Progress, type Reminder } from '../lib/progress';
import { withReview } from '../lib/review';
import { scoreQuiz, type QuestionResult, type ScorableQuestion } from '../lib/scoring';
import { commit } from './progress';

/** Replaces all progress with an empty document (after the learner confirmed). */
export const resetProgress = () => commit((p, now) => emptyProgress(p.courseId, now), false);

/** Scores one review question and moves it in the review schedule; returns the result to show. */
export function recordReview(question: ScorableQuestion, chosen: string[]): QuestionResult {
  const result = scoreQuiz([question], { [question.id]: chosen }, 1).results[0];
  commit((p, now) => withReview(p, question.id, result.correct, now));
  return result;
}

/** Saves the name shown on the certificate; returns whether it reached storage. */
export const setLearnerName = (name: string) => commit((p, now) => withName(p, name, now));

/** Saves the list of people to reconnect with; returns whether it reached storage. */
export const saveReminders = (people: readonly Reminder[]) => commit((p, now) => withReminders(p, people, now));

/**
 * Replaces all progress with an imported document (checked by readProgressFile, confirmed by the
 * learner). It gets a new createdAt, like a reset, so other tabs replace their state instead of
 * merging the old one back in.
 */
export const replaceProgress = (imported: Progress) =>
  commit((p, now) => ({ ...imported, courseId: p.courseId, createdAt: now, updatedAt: now }), false);
