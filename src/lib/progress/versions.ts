/**
 * Versions of the items a learner edits (see "Versions" in document.ts): reading them, and which of
 * two versions of one item to keep. Below the document and the item readers that use it
 * (activities, checks, plan), so that none of them imports the document.
 */
import { isTime, type Obj } from './read';

/** A version of an item (see "Versions" above). */
export interface Versioned {
  /** When it was saved (ms, at most FUTURE_TOLERANCE ahead of the reader's clock). */
  updatedAt: number;
  /** "<session>.<stamp in base 36>": which editing session saved it, and when in that session. */
  v: string;
  /** The version(s) this one was made from, comma separated (at most 3), if any. */
  b?: string;
}

export const VERSION = /^[a-z0-9]{1,12}\.[a-z0-9]{1,12}$/;
const BASES = /^[a-z0-9]{1,12}\.[a-z0-9]{1,12}(,[a-z0-9]{1,12}\.[a-z0-9]{1,12}){0,2}$/;

/** Reads the times and version of a versioned item, clamping a time from the future. Null when unreadable. */
export function readVersioned(x: Obj, limit: number): Versioned | null {
  if (!isTime(x.updatedAt) || typeof x.v !== 'string' || !VERSION.test(x.v)) return null;
  if (x.b !== undefined && (typeof x.b !== 'string' || !BASES.test(x.b))) return null;
  return { updatedAt: Math.min(x.updatedAt, limit), v: x.v, ...(x.b !== undefined && { b: x.b as string }) };
}

/** The editing session of a version id. */
export const sessionOf = (v: string) => v.slice(0, v.indexOf('.'));
const seqOf = (v: string) => parseInt(v.slice(v.indexOf('.') + 1), 36);
/** `a` is the same version as `b` or a later one of the same session. */
const atLeast = (a: string, b: string) => sessionOf(a) === sessionOf(b) && seqOf(a) >= seqOf(b);

/**
 * Whether version `y` was made knowing version `x`: later in the same session, or made from `x`
 * or from a later version of `x`'s session.
 */
export function descends(y: Pick<Versioned, 'v' | 'b'>, x: Pick<Versioned, 'v'>): boolean {
  if (y.v === x.v) return false;
  if (sessionOf(y.v) === sessionOf(x.v)) return seqOf(y.v) > seqOf(x.v);
  return !!y.b && y.b.split(',').some((b) => atLeast(b, x.v));
}

/** Orders versions that did not see each other: the later time, then the larger id (the same on every device). */
export const later = (x: Versioned, y: Versioned) => x.updatedAt > y.updatedAt || (x.updatedAt === y.updatedAt && x.v > y.v);

/**
 * The version to keep of two versions of one item: the same version once (with the earlier,
 * clamped time, so all copies converge), the one made knowing the other, or else the later one.
 * Returns which one won and whether they were concurrent (neither saw the other).
 */
export function pickVersion<T extends Versioned>(x: T, y: T): { winner: T; loser: T; concurrent: boolean } {
  if (x.v === y.v) return x.updatedAt <= y.updatedAt ? { winner: x, loser: y, concurrent: false } : { winner: y, loser: x, concurrent: false };
  if (descends(y, x)) return { winner: y, loser: x, concurrent: false };
  if (descends(x, y)) return { winner: x, loser: y, concurrent: false };
  return later(x, y) ? { winner: x, loser: y, concurrent: true } : { winner: y, loser: x, concurrent: true };
}
