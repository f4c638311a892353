/** Quiz scoring: pure functions over the authored questions and the learner's chosen option ids. */
import type { Question } from './schema';
import { isPassing } from './completion';

export { isPassing };

/** The parts of a question scoring needs (what the quiz island receives as props). */
export type ScorableQuestion = Pick<Question, 'id' | 'type' | 'options'>;

export interface QuestionResult {
  id: string;
  correct: boolean;
  chosen: string[];
  correctIds: string[];
}

export interface QuizResult {
  results: QuestionResult[];
  correct: number;
  total: number;
  /** correct / total, 0-1. */
  score: number;
  passed: boolean;
}

/** Keeps only option ids the question has, once each, in authored order. */
export function cleanChoice(q: ScorableQuestion, chosen: readonly string[] = []): string[] {
  const picked = new Set(chosen);
  const ids = q.options.filter((o) => picked.has(o.id)).map((o) => o.id);
  return q.type === 'multiple' ? ids : ids.slice(0, 1);
}

/**
 * A question counts as correct only when the chosen set equals the correct set (so for
 * "すべて選択" questions a partly right answer is wrong). Unanswered questions are wrong.
 */
export function scoreQuiz(questions: readonly ScorableQuestion[], answers: Record<string, readonly string[]>, passMark: number): QuizResult {
  const results = questions.map((q) => {
    const chosen = cleanChoice(q, answers[q.id]);
    const correctIds = q.options.filter((o) => o.correct).map((o) => o.id);
    const correct = chosen.length === correctIds.length && correctIds.every((id) => chosen.includes(id));
    return { id: q.id, correct, chosen, correctIds };
  });
  const correct = results.filter((r) => r.correct).length;
  const total = questions.length;
  const score = total === 0 ? 0 : correct / total;
  return { results, correct, total, score, passed: isPassing(score, passMark) };
}

/** Which questions still lack an answer (to tell the learner before scoring). */
export function unanswered(questions: readonly ScorableQuestion[], answers: Record<string, readonly string[]>): string[] {
  return questions.filter((q) => cleanChoice(q, answers[q.id]).length === 0).map((q) => q.id);
}

/** Formats a 0-1 score as a whole percentage, e.g. 0.75 → "75%". */
export const percent = (score: number) => `${Math.round(score * 100)}%`;

/** The fewest right answers of `total` that pass (with four questions and 80 %, all four). */
export function neededToPass(total: number, passMark: number): number {
  let k = 0;
  while (k < total && !isPassing(k / total, passMark)) k++;
  return k;
}
