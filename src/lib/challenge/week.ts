/**
 * The 1週間チャレンジ (one-week challenge): seven small real-world actions from the lessons, one a
 * day, climbing from easy (a specific thank-you) to bold (a direct ask). Before each, the learner
 * writes what they expect and how likely a "yes" is (0-100); after it, what happened. At the end
 * the two stand side by side: people underestimate how willing others are (lessons 3 and 7), and
 * the week makes that the learner's own data; fear of approaching people falls with repeated
 * practice over days, not with being told it is unfounded (Sandstrom, Boothby & Cooney 2022).
 *
 * Kept in the progress document's `challenge`: one versioned record per day slot (d1-d7), so two
 * tabs or devices recording different days merge without losing either. Pure.
 */
import { type Versioned, pickVersion } from '../progress/versions';
import type { Obj } from '../progress/read';

/** The week's day slots. */
export const CHALLENGE_SLOTS = ['d1', 'd2', 'd3', 'd4', 'd5', 'd6', 'd7'] as const;
export type Slot = (typeof CHALLENGE_SLOTS)[number];
/** What the learner expects before acting, in characters as they count them (the editor's limit). */
export const WORRY_MAX = 120;
/** What happened, likewise. */
export const NOTE_MAX = 300;
/** The stored bound of a text, per character of its limit (a character may take up to 4 code units; longer ones are cut). */
export const STORED = 4;

type DayStatus = 'planned' | 'done' | 'skipped';
export type Outcome = 'yes' | 'partly' | 'no';

/** One day of the week. */
export interface ChallengeDay extends Versioned {
  /** The challenge action's id (lesson frontmatter `challenge`, e.g. "l06-c1"). */
  action: string;
  /** The day it is planned for, "YYYY-MM-DD" (the learner may move it). */
  date: string;
  /** Before acting: how likely a "yes" is, 0-100, or null when not estimated. */
  predict: number | null;
  /** Before acting: what the learner expects (「断られると思う」). */
  worry: string;
  status: DayStatus;
  /** After acting: what the other person did. */
  outcome: Outcome | null;
  /** After acting: what happened, in the learner's words. */
  note: string;
  /** An LMS copy without the texts (SCORM's suspend_data is small): the version with them wins. */
  slim?: true;
}
export type Challenge = Partial<Record<Slot, ChallengeDay>>;

const DAY = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const STATUSES: readonly DayStatus[] = ['planned', 'done', 'skipped'];
const OUTCOMES: readonly Outcome[] = ['yes', 'partly', 'no'];

/** Reads the day-specific part of a stored day (the version is read by the caller); null when unreadable. */
export function readChallengeDay(x: Obj): Omit<ChallengeDay, keyof Versioned> | null {
  const text = (s: unknown, max: number) => typeof s === 'string' && s.length <= max * STORED;
  if (typeof x.action !== 'string' || !/^l\d{2}-c\d+$/.test(x.action) || typeof x.date !== 'string' || !DAY.test(x.date)) return null;
  const predict =
    x.predict === null ? null : Number.isInteger(x.predict) && (x.predict as number) >= 0 && (x.predict as number) <= 100 ? (x.predict as number) : undefined;
  if (predict === undefined || !text(x.worry, WORRY_MAX) || !text(x.note, NOTE_MAX)) return null;
  if (!STATUSES.includes(x.status as DayStatus) || !(x.outcome === null || OUTCOMES.includes(x.outcome as Outcome))) return null;
  return {
    action: x.action,
    date: x.date,
    predict,
    worry: x.worry as string,
    status: x.status as DayStatus,
    outcome: x.outcome as Outcome | null,
    note: x.note as string,
    ...(x.slim === true && { slim: true as const }),
  };
}

/** Two versions of one day: the newer (pickVersion); of the same version, the one with its texts. */
export function mergeChallengeDay(x: ChallengeDay, y: ChallengeDay): ChallengeDay {
  if (x.v === y.v && !!x.slim !== !!y.slim)
    return x.slim ? { ...y, updatedAt: Math.min(x.updatedAt, y.updatedAt) } : { ...x, updatedAt: Math.min(x.updatedAt, y.updatedAt) };
  return pickVersion(x, y).winner;
}
