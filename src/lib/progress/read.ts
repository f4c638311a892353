/** Small readers shared by the lib modules that validate stored or received data (never throw). */

export type Obj = Record<string, unknown>;
export const isObj = (x: unknown): x is Obj => typeof x === 'object' && x !== null && !Array.isArray(x);
/** A plausible time in ms: not negative, not beyond the year 9999 (so it formats as a date). */
export const isTime = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x) && x >= 0 && x < 253_402_300_800_000;
/** Keys we accept for lessons, questions and reflections; never an Object.prototype name like __proto__. */
export const ID = /^(?!__proto__$)[A-Za-z0-9_:-]{1,64}$/;

/** Quiz answers: question id → chosen option ids (a few short ids each). */
export function readAnswers(x: unknown): Record<string, string[]> | null {
  if (!isObj(x)) return null;
  const out: Record<string, string[]> = {};
  for (const [k, v] of Object.entries(x)) {
    if (!ID.test(k) || !Array.isArray(v) || v.length > 8 || !v.every((s) => typeof s === 'string' && s.length <= 16)) return null;
    out[k] = v as string[];
  }
  return out;
}
