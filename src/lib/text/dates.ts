/** Calendar dates in the learner's local time zone (pure: the time zone is the runtime's), and how the learner reads them: 2026年11月27日, and 20261127 for file names. */

/** Midnight (local) at the start of the day `days` days after the day of `ms`. DST-safe. */
export function startOfDay(ms: number, days = 0): number {
  const d = new Date(ms);
  d.setHours(0, 0, 0, 0);
  d.setDate(d.getDate() + days);
  return d.getTime();
}
const pad = (n: number) => String(n).padStart(2, '0');

/** A date the Japanese way: 2026年11月27日. */
export function formatDateJa(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}年${d.getMonth() + 1}月${d.getDate()}日`;
}

/** A date as YYYYMMDD (file names, iCalendar DATE values). */
export function compactDate(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}${pad(d.getMonth() + 1)}${pad(d.getDate())}`;
}
