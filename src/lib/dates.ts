/** Calendar dates in the learner's local time zone (pure: the time zone is the runtime's). */

/** Midnight (local) at the start of the day `days` days after the day of `ms`. DST-safe. */
export function startOfDay(ms: number, days = 0): number {
  const d = new Date(ms);
  d.setHours(0, 0, 0, 0);
  d.setDate(d.getDate() + days);
  return d.getTime();
}
