/**
 * The learner's work in practice activities (conversation, sorting, matching, message builder), as
 * kept in the progress document's `activities` (keyed by activity id, e.g. "l04-a1"). Pure. The
 * authoring side (what an activity contains) is src/lib/activities/schema.ts; the changes are in
 * src/lib/activities/edits.ts.
 *
 *   "l04-a1": { "kind": "conversation", "state": { "path": [1, 2, 1] }, "done": true, "best": 2,
 *               "last": { "at": 1764…, "result": 2 }, "updatedAt": 1764…, "v": "k3x9ab.4" }
 *   "l03-a1": { "kind": "sorting", "state": { "placed": { "notes": "passive" }, "checked": true },
 *               "done": true, "best": 0.9, "last": { "at": 1764…, "result": 0.9 }, … }
 *   "l05-a1": { "kind": "message", "state": { "fields": { "name": "鈴木" } }, "done": false, "best": null, "last": null, … }
 *
 * What an LMS interaction needs is all in the record: the kind, the learner's response (`state`
 * at the moment `last.at` changed: the path that reached the ending, the placements that were
 * checked), whether it was right (`last.result`: the ending's rank, 1 = best; the share of items
 * right) and when (`last.at`).
 */
import type { ActivityKind } from './schema';
import { pickVersion, type Versioned } from '../progress/versions';
import { isObj, isTime, type Obj } from '../progress/read';

export type { ActivityKind };

/** Kind-specific work. */
export type ActivityState =
  /** Conversation: the choices made so far, as indexes into each node's choices, from the start. */
  | { path: number[] }
  /**
   * Sorting: item id → category id; matching: pair id → answer id. `checked` once the learner asked
   * for feedback on exactly these placements (any change clears it).
   */
  | { placed: Record<string, string>; checked: boolean }
  /** Message builder: field id → text. */
  | { fields: Record<string, string> };

/** The latest finished attempt: an ending reached, a check. */
interface ActivityOutcome {
  /** When (ms). */
  at: number;
  /** On the scale of `best`: the ending's rank (conversation), the share of items right (sorting, matching). */
  result: number;
}

export interface ActivityRecord extends Versioned {
  kind: ActivityKind;
  state: ActivityState;
  /** Finished: an ending reached, every item placed and checked, every required field of the message filled in. Never goes back. */
  done: boolean;
  /** Best result so far: conversation = best ending rank reached (1 is best); sorting/matching = best share right (0-1); message = null. */
  best: number | null;
  /** The latest finished attempt (conversation, sorting, matching), or null. */
  last: ActivityOutcome | null;
  /**
   * Only on a copy squeezed into an LMS's suspend_data (src/lib/lms/scorm.ts): the state was left out
   * to fit, `done` and `best` are kept; the full state stays in the browser that made it.
   */
  slim?: true;
}

/** Bounds for stored activity work (the authoring schema's limits, with room). */
export const MAX_STEPS = 40;
const MAX_KEYS = 16;
/** Longest stored text of one message field (the editor's own limit, MESSAGE_FIELD_MAX, is lower). */
const MAX_FIELD = 2_000;
const KEY = /^[a-z0-9-]{1,24}$/;

const KINDS: readonly ActivityKind[] = ['conversation', 'sorting', 'matching', 'message'];

function readMap(x: unknown, maxValue: number, valuePattern?: RegExp): Record<string, string> | null {
  if (!isObj(x)) return null;
  const entries = Object.entries(x);
  if (entries.length > MAX_KEYS) return null;
  const out: Record<string, string> = {};
  for (const [k, v] of entries) {
    if (!KEY.test(k) || typeof v !== 'string' || v.length > maxValue || (valuePattern && !valuePattern.test(v))) return null;
    out[k] = v;
  }
  return out;
}

/** Whether `r` is a valid result on the scale of `best` for `kind` (see ActivityRecord.best). */
const isResult = (kind: ActivityKind, r: unknown): r is number =>
  kind === 'conversation' ? Number.isInteger(r) && (r as number) >= 1 && (r as number) <= 4 : kind !== 'message' && typeof r === 'number' && r >= 0 && r <= 1;

/**
 * Reads the kind-specific part of a stored activity record (the version is read by the caller);
 * null when unreadable. `clamp` bounds a time from the future.
 */
export function readActivity(x: Obj, clamp: (t: number) => number = (t) => t): Omit<ActivityRecord, keyof Versioned> | null {
  const kind = x.kind as ActivityKind;
  if (!KINDS.includes(kind) || typeof x.done !== 'boolean' || !isObj(x.state)) return null;
  const s = x.state;
  let state: ActivityState | null = null;
  if (kind === 'conversation') {
    const path = s.path;
    if (Array.isArray(path) && path.length <= MAX_STEPS && path.every((i) => Number.isInteger(i) && i >= 0 && i < 4)) state = { path: [...path] as number[] };
  } else if (kind === 'message') {
    const fields = readMap(s.fields, MAX_FIELD);
    if (fields) state = { fields };
  } else {
    const placed = readMap(s.placed, 24, KEY);
    if (placed && typeof s.checked === 'boolean') state = { placed, checked: s.checked };
  }
  if (!state) return null;
  const best = x.best;
  if (kind === 'message' ? best !== null : best !== null && !isResult(kind, best)) return null;
  let last: ActivityOutcome | null = null;
  if (x.last !== null && x.last !== undefined) {
    const l = x.last;
    if (!isObj(l) || !isTime(l.at) || !isResult(kind, l.result)) return null;
    last = { at: clamp(l.at), result: l.result };
  }
  if (x.slim !== undefined && x.slim !== true) return null;
  return { kind, state, done: x.done, best: best as number | null, last, ...(x.slim === true && { slim: true as const }) };
}

/** Whether result `a` is better than `b` for this kind (a lower rank, a higher share). */
const isBetter = (kind: ActivityKind, a: number, b: number) => (kind === 'conversation' ? a < b : a > b);

/** The better of two bests (null = nothing yet). */
export function betterBest(kind: ActivityKind, a: number | null, b: number | null): number | null {
  if (a === null) return b;
  if (b === null) return a;
  return isBetter(kind, b, a) ? b : a;
}

/**
 * Two versions of one activity record (two tabs, a device and the LMS): the state of the version
 * that knows the other (else the later one), as every other item; but what the learner achieved
 * never goes back: `done` if either was done, the better `best`, the later `last`. Of two copies of
 * the same version, the full one wins over one compacted for an LMS (`slim`). Commutative,
 * associative and idempotent like mergeProgress.
 */
export function mergeActivity(x: ActivityRecord, y: ActivityRecord): ActivityRecord {
  if (x.kind !== y.kind) return pickVersion(x, y).winner;
  let { winner, loser } = pickVersion(x, y);
  if (winner.v === loser.v && winner.slim && !loser.slim) [winner, loser] = [loser, winner];
  const lasts = [winner.last, loser.last].filter((l): l is ActivityOutcome => !!l);
  const last = lasts.reduce<ActivityOutcome | null>(
    (a, l) => (!a || l.at > a.at || (l.at === a.at && isBetter(winner.kind, l.result, a.result)) ? l : a),
    null,
  );
  const merged: ActivityRecord = { ...winner, done: winner.done || loser.done, best: betterBest(winner.kind, winner.best, loser.best), last };
  return merged;
}
