/** Dates as the learner reads them, in the local time zone: 2026年11月27日, and 20261127 for file names. */

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
