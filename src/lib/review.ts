/**
 * Spaced review (復習) of quiz questions the learner got wrong: a small Leitner schedule.
 * A wrong answer (in a quiz or a review) puts the question in box 0, due the next day; each right
 * review moves it up a box (due after 3, then 7 days, see REVIEW_DAYS) and a right answer in the
 * last box retires it. Due dates are local midnights, so "tomorrow" means tomorrow, at any hour.
 * Right answers in a quiz retake leave the schedule alone: they usually come minutes after the
 * explanation and say little about what will be remembered.
 */
import { REVIEW_DAYS, REVIEW_DONE, type Progress, type ReviewRecord } from './progress';
import { startOfDay } from './dates';

/** The record after an answer: right moves up a box (or retires), wrong goes back to box 0. */
export function nextReview(prev: ReviewRecord | undefined, correct: boolean, now: number): ReviewRecord {
  const box = correct ? (prev?.box ?? 0) + 1 : 0;
  return box >= REVIEW_DONE
    ? { box: REVIEW_DONE, due: null, updatedAt: now }
    : { box, due: startOfDay(now, REVIEW_DAYS[box]), updatedAt: now };
}

/** Schedules the questions answered wrong in a quiz attempt (back to box 0 if already scheduled). */
export function withMistakes(p: Progress, wrongIds: readonly string[], now: number): Progress {
  if (!wrongIds.length) return p;
  const reviews = { ...p.reviews };
  for (const id of wrongIds) reviews[id] = nextReview(reviews[id], false, now);
  return { ...p, updatedAt: now, reviews };
}

/** Records the answer to a review question. */
export function withReview(p: Progress, id: string, correct: boolean, now: number): Progress {
  return { ...p, updatedAt: now, reviews: { ...p.reviews, [id]: nextReview(p.reviews[id], correct, now) } };
}
