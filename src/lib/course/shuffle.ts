/**
 * The order in which a question's options are shown: the authored order in the first attempt (so
 * the server-rendered page and the hydrated one agree), a new order in every retry. Pure and
 * seeded by the question id and the attempt number, so an order is the same within an attempt,
 * after a reload and on every device, without storing it. True/false questions keep 正しい／誤り.
 */

/** A 32-bit FNV-1a hash of a string: the seed of one question's order in one attempt. */
export function hashSeed(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

/** A small seeded generator of numbers in [0, 1) (mulberry32): the same seed, the same sequence. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Fisher-Yates with the given generator (a new array; the input is left as it is). */
function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

const same = (a: readonly unknown[], b: readonly unknown[]) => a.every((x, i) => x === b[i]);

/**
 * The options of question `id` in the order of attempt `attempt` (1 = the first). Attempt 1 is
 * the authored order; each later attempt is a random order (uniform over the orders that differ
 * from the attempt before, so a retry never looks the same as the last try when there are two or
 * more options). `keep` (true/false questions) keeps the authored order always.
 */
export function optionOrder<T>(id: string, options: readonly T[], attempt: number, keep = false): T[] {
  // Positions, not the items themselves: two equal items could never be told apart.
  const positions = options.map((_, i) => i);
  let order = positions;
  if (!keep && options.length >= 2)
    // Each order is drawn against the one before, so attempt n is computed from attempt 2 on (a
    // few microseconds per attempt; attempts are capped at ATTEMPTS_MAX).
    for (let k = 2; k <= attempt; k++) {
      const random = seededRandom(hashSeed(`${id}#${k}`));
      let next = shuffled(positions, random);
      while (same(next, order)) next = shuffled(positions, random);
      order = next;
    }
  return order.map((i) => options[i]);
}

/** A question's options as shown in `attempt`: `optionOrder` with true/false kept as authored. */
export const orderedOptions = <O>(q: { id: string; type: string; options: readonly O[] }, attempt: number): O[] =>
  optionOrder(q.id, q.options, attempt, q.type === 'truefalse');
