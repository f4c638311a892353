/**
 * Planning and looking back on the 1週間チャレンジ: the suggested week, its days in order, and the
 * learner's predictions against what happened. Pure; loaded only by the challenge page (the stored
 * shape, which every page reads, is in week.ts).
 */
import { CHALLENGE_SLOTS, type Challenge, type ChallengeDay, type Outcome } from './week';

/** A challenge action as the page offers it: from a lesson's frontmatter, with its lesson. */
export interface ActionOption {
  id: string;
  /** 1 (easiest) to 5 (boldest). */
  level: number;
  action: string;
  /** What counts as a "yes". */
  yes: string;
  /** The lesson's order (1-based). */
  lesson: number;
}

/** "2026-12-07" plus `n` days, by the calendar alone (no time zone). */
export function addDays(date: string, n: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const t = new Date(Date.UTC(y, m - 1, d + n));
  const pad = (k: number) => String(k).padStart(2, '0');
  return `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`;
}

/** Today in the learner's time zone, "YYYY-MM-DD". */
export function todayISO(now = new Date()): string {
  const pad = (k: number) => String(k).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/**
 * The dates a day of the week may be moved to: from a month before the earliest of today and the
 * week's days to two months after the latest. Anything else is a slip, such as the years a date
 * field passes through while a year is typed digit by digit (0002, 0020, 0202).
 */
export function moveWindow(dates: readonly string[], today: string): { min: string; max: string } {
  const all = [...dates, today].sort();
  return { min: addDays(all[0], -31), max: addDays(all[all.length - 1], 62) };
}

/** "2026-12-07" → month, day and the weekday's kanji (月), by the calendar alone. */
function parts(date: string): { m: number; d: number; w: string } {
  const [y, m, d] = date.split('-').map(Number);
  return { m, d, w: '日月火水木金土'[new Date(Date.UTC(y, m - 1, d)).getUTCDay()] };
}
/** A date as it is best heard: 「12月20日 日曜日」 (a screen reader may read （日） as ひ or にち). */
export function daySpoken(date: string): string {
  const { m, d, w } = parts(date);
  return `${m}月${d}日 ${w}曜日`;
}
/** A day of the week as a Japanese reader writes it in a plan: "2026-12-07" → 12月7日（月）. */
export function dayJa(date: string): string {
  const { m, d, w } = parts(date);
  return `${m}月${d}日（${w}）`;
}

/**
 * The suggested week from the actions on offer, starting on `start`: seven actions climbing by
 * level (easiest first), spread evenly over what there is, preferring the lessons the learner has
 * done (`done`: lesson orders); with fewer than seven actions, some come twice.
 */
export function suggestWeek(actions: readonly ActionOption[], done: ReadonlySet<number>, start: string): { action: string; date: string }[] {
  const pool = actions.filter((a) => done.has(a.lesson)).length >= CHALLENGE_SLOTS.length ? actions.filter((a) => done.has(a.lesson)) : [...actions];
  if (!pool.length) return [];
  const sorted = [...pool].sort((a, b) => a.level - b.level || a.lesson - b.lesson || (a.id < b.id ? -1 : 1));
  const n = CHALLENGE_SLOTS.length;
  return CHALLENGE_SLOTS.map((_, i) => ({ action: sorted[Math.round((i * (sorted.length - 1)) / (n - 1))].id, date: addDays(start, i) }));
}

/** The week's days in date order (then slot), with their slot. */
export const weekDays = (c: Challenge) =>
  CHALLENGE_SLOTS.filter((s) => c[s])
    .map((slot) => ({ slot, ...(c[slot] as ChallengeDay) }))
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.slot < b.slot ? -1 : 1));

/** How much a "yes" an outcome is: partly counts half. */
const YES: Record<Outcome, number> = { yes: 1, partly: 0.5, no: 0 };

export interface Comparison {
  /** The days acted on and recorded (done with an outcome). */
  recorded: number;
  /** Their mean prediction (0-100), over the recorded days that had one; null if none. */
  predicted: number | null;
  /** Their share of yes (partly = half), 0-100; null if none recorded. */
  actual: number | null;
  /** The days skipped. */
  skipped: number;
  /** Every day is done or skipped. */
  finished: boolean;
}

/** The learner's predictions against what happened, over the days done and recorded. */
export function compareWeek(c: Challenge): Comparison {
  const days = weekDays(c);
  const recorded = days.filter((d) => d.status === 'done' && d.outcome !== null);
  const predicted = recorded.filter((d) => d.predict !== null);
  const mean = (xs: number[]) => (xs.length ? Math.round(xs.reduce((a, b) => a + b, 0) / xs.length) : null);
  return {
    recorded: recorded.length,
    predicted: mean(predicted.map((d) => d.predict as number)),
    actual: mean(recorded.map((d) => YES[d.outcome as Outcome] * 100)),
    skipped: days.filter((d) => d.status === 'skipped').length,
    finished: days.length === CHALLENGE_SLOTS.length && days.every((d) => d.status !== 'planned'),
  };
}
