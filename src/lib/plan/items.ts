/**
 * The learner's if-then commitments (もし〜なら、〜する) on the plan page, as kept in the progress
 * document's `plan`: implementation intentions, each concrete enough to put in a calendar. Pure.
 */
import type { Versioned } from '../progress/versions';
import type { Obj } from '../progress/read';

export interface PlanItem {
  /** Stable id (the calendar event's UID when it has a reminder). */
  id: string;
  /** もし: when, where or in which situation. */
  when: string;
  /** 〜する: what the learner will do. */
  action: string;
  /** With whom (may be empty). */
  with: string;
  /** A dated reminder, "YYYY-MM-DD", or null. */
  remind: string | null;
}
export interface Plan extends Versioned {
  items: PlanItem[];
}

/** At most this many commitments; the page asks for 3-5. */
export const PLAN_ITEMS_MAX = 5;
/** Longest text of one part of a commitment, in characters as the learner counts them (the editor's limit). */
export const PLAN_TEXT_MAX = 200;
/** The stored bound (JS string length: a character may take up to 4 code units, e.g. an emoji sequence). */
export const PLAN_STORED_MAX = PLAN_TEXT_MAX * 4;
const DAY = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

function readItem(x: unknown): PlanItem | null {
  if (typeof x !== 'object' || x === null) return null;
  const i = x as Obj;
  const text = (s: unknown) => typeof s === 'string' && s.length <= PLAN_STORED_MAX;
  if (typeof i.id !== 'string' || !/^[a-z0-9]{1,16}$/.test(i.id) || !text(i.when) || !text(i.action) || !text(i.with)) return null;
  if (i.remind !== null && !(typeof i.remind === 'string' && DAY.test(i.remind))) return null;
  return { id: i.id, when: i.when as string, action: i.action as string, with: i.with as string, remind: i.remind as string | null };
}

/** Reads the plan-specific part of a stored plan (the version is read by the caller); null when unreadable. */
export function readPlan(x: Obj): Omit<Plan, keyof Versioned> | null {
  if (!Array.isArray(x.items) || x.items.length > PLAN_ITEMS_MAX) return null;
  const items = x.items.map(readItem);
  if (items.some((i) => !i)) return null;
  const ids = items.map((i) => i!.id);
  return new Set(ids).size === ids.length ? { items: items as PlanItem[] } : null;
}
