/**
 * The review queue: which questions are due, and when the next one is. Used only by the review
 * page and the home page, so kept apart from the scheduling in review.ts that every lesson page loads.
 */
import type { Progress } from '../progress/document';

/**
 * Question ids due now, earliest first (then in course order). Only ids in `known` count, so a
 * question removed from the course never blocks the queue.
 */
export function dueReviews(p: Progress, now: number, known: readonly string[]): string[] {
  return known
    .filter((id) => Object.hasOwn(p.reviews, id) && p.reviews[id].due !== null && p.reviews[id].due! <= now)
    .sort((a, b) => p.reviews[a].due! - p.reviews[b].due!);
}

/** When the next review after `now` is due (ms), or null when nothing is scheduled. */
export function nextDue(p: Progress, now: number, known: readonly string[]): number | null {
  const dues = known.map((id) => (Object.hasOwn(p.reviews, id) ? p.reviews[id].due : null)).filter((d): d is number => d !== null && d > now);
  return dues.length ? Math.min(...dues) : null;
}
