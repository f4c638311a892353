/**
 * The learner's work in practice activities (conversation, sorting, matching, message builder), as
 * kept in the progress document's `activities` (keyed by activity id, e.g. "l04-a1"). Pure. The
 * authoring side (what an activity contains) is src/lib/activity-schema.ts.
 */
import type { ActivityKind } from './activity-schema';
import type { Versioned } from './progress';
import type { Obj } from './read';

export type { ActivityKind };

/** Kind-specific work. */
export type ActivityState =
  /** The choices made so far, as indexes into each node's choices, from the start. */
  | { path: number[] }
  /** Sorting: item id → category id; matching: pair id → answer id. `checked` once the learner asked for feedback. */
  | { placed: Record<string, string>; checked: boolean }
  /** Message builder: field id → text. */
  | { fields: Record<string, string> };

export interface ActivityRecord extends Versioned {
  kind: ActivityKind;
  state: ActivityState;
  /** Finished: an ending reached, every item placed and checked, the message composed. */
  done: boolean;
  /** Best result so far: conversation = best ending rank reached (1 is best); sorting/matching = best share right (0-1); message = null. */
  best: number | null;
}

/** Bounds for stored activity work (the authoring schema's limits, with room). */
const MAX_STEPS = 40;
const MAX_KEYS = 16;
const MAX_FIELD = 2_000;
const KEY = /^[a-z0-9-]{1,24}$/;

const KINDS: readonly ActivityKind[] = ['conversation', 'sorting', 'matching', 'message'];

function readMap(x: unknown, maxValue: number, valuePattern?: RegExp): Record<string, string> | null {
  if (typeof x !== 'object' || x === null || Array.isArray(x)) return null;
  const entries = Object.entries(x);
  if (entries.length > MAX_KEYS) return null;
  const out: Record<string, string> = {};
  for (const [k, v] of entries) {
    if (!KEY.test(k) || typeof v !== 'string' || v.length > maxValue || (valuePattern && !valuePattern.test(v))) return null;
    out[k] = v;
  }
  return out;
}

/** Reads the kind-specific part of a stored activity record (the version is read by the caller); null when unreadable. */
export function readActivity(x: Obj): Omit<ActivityRecord, keyof Versioned> | null {
  const kind = x.kind as ActivityKind;
  if (!KINDS.includes(kind) || typeof x.done !== 'boolean' || typeof x.state !== 'object' || x.state === null) return null;
  const s = x.state as Obj;
  let state: ActivityState | null = null;
  if (kind === 'conversation') {
    const path = s.path;
    if (Array.isArray(path) && path.length <= MAX_STEPS && path.every((i) => Number.isInteger(i) && i >= 0 && i < 4)) state = { path: path as number[] };
  } else if (kind === 'message') {
    const fields = readMap(s.fields, MAX_FIELD);
    if (fields) state = { fields };
  } else {
    const placed = readMap(s.placed, 24, KEY);
    if (placed && typeof s.checked === 'boolean') state = { placed, checked: s.checked };
  }
  if (!state) return null;
  const best = x.best;
  const bestOk = best === null || (kind === 'conversation' ? Number.isInteger(best) && (best as number) >= 1 && (best as number) <= 4 : typeof best === 'number' && best >= 0 && best <= 1);
  if (!bestOk || (kind === 'message' && best !== null)) return null;
  return { kind, state, done: x.done, best: best as number | null };
}
