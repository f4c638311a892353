/**
 * Spaced review (復習) of quiz questions the learner got wrong: a small Leitner schedule.
 * A wrong answer (in a quiz or a review) puts the question in box 0, due the next day; each right
 * review moves it up a box (due after 3, then 7 days, see REVIEW_DAYS) and a right answer in the
 * last box retires it. Due dates are local midnights, so "tomorrow" means tomorrow, at any hour.
 * Right answers in a quiz retake leave the schedule alone: they usually come minutes after the
 * explanation and say little about what will be remembered.
 */
import { REVIEW_DAYS, REVIEW_DONE, nextVersion, type Edit, type Progress, type ReviewRecord } from '../progress/document';
import { startOfDay } from '../text/dates';

/** The box and due date after an answer: right moves up a box (or retires), wrong goes back to box 0. */
export function nextReview(prev: Pick<ReviewRecord, 'box'> | undefined, correct: boolean, now: number): Pick<ReviewRecord, 'box' | 'due'> {
  const box = correct ? (prev?.box ?? 0) + 1 : 0;
  return box >= REVIEW_DONE ? { box: REVIEW_DONE, due: null } : { box, due: startOfDay(now, REVIEW_DAYS[box]) };
}

/** The document with one question's review record answered (right or wrong). */
function answered(p: Progress, id: string, correct: boolean, e: Edit): Progress {
  const prev = p.reviews[id];
  const { clock, ...ver } = nextVersion(p, e, prev);
  return { ...p, clock, updatedAt: Math.max(p.updatedAt, clock), reviews: { ...p.reviews, [id]: { ...nextReview(prev, correct, e.now), ...ver } } };
}

/** Schedules the questions answered wrong in a quiz attempt (back to box 0 if already scheduled). */
export function withMistakes(p: Progress, wrongIds: readonly string[], e: Edit): Progress {
  return wrongIds.reduce((doc, id) => answered(doc, id, false, e), p);
}

/** Records the answer to a review question. */
export const withReview = (p: Progress, id: string, correct: boolean, e: Edit): Progress => answered(p, id, correct, e);
