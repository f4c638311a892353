/**
 * Quiz actions (lesson quizzes). In their own module so the scoring and review code loads with the
 * quiz, when it scrolls into view, not with every page's first view.
 */
import { withAttempt, withDraft } from '../lib/progress/edits';
import { withMistakes } from '../lib/plan/review-schedule';
import { scoreQuiz, type QuizResult, type ScorableQuestion } from '../lib/course/scoring';
import { commit } from './progress';

/** Scores and records a quiz attempt, scheduling wrong answers for review; returns the result to show. */
export function submitQuiz(slug: string, questions: readonly ScorableQuestion[], answers: Record<string, string[]>, passMark: number): QuizResult {
  const result = scoreQuiz(questions, answers, passMark);
  const clean = Object.fromEntries(result.results.map((r) => [r.id, r.chosen]));
  const wrong = result.results.filter((r) => !r.correct).map((r) => r.id);
  commit((p, e) => withDraft(withMistakes(withAttempt(p, slug, clean, result.score, e), wrong, e), `quiz:${slug}`, null, e));
  return result;
}

/**
 * Keeps the choices of an attempt under way, not yet submitted (restored after a reload or an
 * update; `{}` for an attempt started with nothing chosen yet); null clears them.
 */
export const saveQuizDraft = (slug: string, answers: Record<string, string[]> | null) =>
  commit((p, e) => withDraft(p, `quiz:${slug}`, answers ? JSON.stringify(answers) : null, e));
