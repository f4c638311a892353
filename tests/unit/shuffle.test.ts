import { describe, expect, it } from 'vitest';
import { hashSeed, optionOrder, orderedOptions, seededRandom } from '../../src/lib/course/shuffle';

const four = ['a', 'b', 'c', 'd'];
const ids = (n: number) => Array.from({ length: n }, (_, i) => `l${String((i % 90) + 10)}-q${i}`);

describe('optionOrder', () => {
  it('the first attempt shows the authored order (the server-rendered page does not shift)', () => {
    for (const id of ids(200)) expect(optionOrder(id, four, 1)).toEqual(four);
    // Before anything is loaded the island asks for attempt 1; 0 or less is the same.
    expect(optionOrder('l01-q1', four, 0)).toEqual(four);
  });

  it('is deterministic: the same question and attempt give the same order (after a reload, on another device)', () => {
    for (const id of ids(50)) for (const attempt of [2, 3, 7, 40]) expect(optionOrder(id, four, attempt)).toEqual(optionOrder(id, [...four], attempt));
  });

  it('is a permutation of the options (nothing lost, nothing doubled), also for 2 to 6 options', () => {
    for (const n of [2, 3, 4, 5, 6]) {
      const opts = four.concat(['e', 'f']).slice(0, n);
      for (const id of ids(40))
        for (const attempt of [2, 3, 5]) {
          const order = optionOrder(id, opts, attempt);
          expect(order).toHaveLength(n);
          expect([...order].sort()).toEqual(opts);
        }
    }
  });

  it('every retry differs from the attempt before (for 3 or more options, and even for 2)', () => {
    for (const n of [2, 3, 4, 5]) {
      const opts = four.concat(['e']).slice(0, n);
      for (const id of ids(60))
        for (let attempt = 2; attempt <= 12; attempt++) expect(optionOrder(id, opts, attempt)).not.toEqual(optionOrder(id, opts, attempt - 1));
    }
  });

  it('different questions get different orders in the same retry', () => {
    const orders = new Set(ids(100).map((id) => optionOrder(id, four, 2).join('')));
    expect(orders.size).toBeGreaterThan(15); // of the 23 orders that differ from the authored one
  });

  it('is roughly uniform: over many questions each option lands in each position about equally often', () => {
    const n = 6000;
    for (const attempt of [3, 6]) {
      const counts = four.map(() => four.map(() => 0));
      for (const id of ids(n)) optionOrder(id, four, attempt).forEach((o, pos) => counts[four.indexOf(o)][pos]++);
      for (const row of counts) for (const c of row) expect(Math.abs(c / n - 0.25)).toBeLessThan(0.03);
    }
    // Every one of the 24 orders occurs, none more than about twice as often as another.
    const freq = new Map<string, number>();
    for (const id of ids(n)) {
      const k = optionOrder(id, four, 4).join('');
      freq.set(k, (freq.get(k) ?? 0) + 1);
    }
    expect(freq.size).toBe(24);
    expect(Math.max(...freq.values()) / Math.min(...freq.values())).toBeLessThan(2);
  });

  it('keeps the order when asked (true/false) and for a single option', () => {
    expect(optionOrder('l01-q3', ['true', 'false'], 5, true)).toEqual(['true', 'false']);
    expect(optionOrder('l01-q3', ['a'], 5)).toEqual(['a']);
  });

  it('does not change the array it is given', () => {
    const opts = [...four];
    optionOrder('l01-q1', opts, 4);
    expect(opts).toEqual(four);
  });
});

describe('orderedOptions', () => {
  const option = (id: string) => ({ id, text: id, correct: id === 'a', feedback: id });
  it('keeps 正しい／誤り in their order in every attempt; other types are shuffled from the second attempt', () => {
    const tf = { id: 'l01-q3', type: 'truefalse', options: [option('true'), option('false')] };
    for (let attempt = 1; attempt < 8; attempt++) expect(orderedOptions(tf, attempt).map((o) => o.id)).toEqual(['true', 'false']);
    const single = { id: 'l01-q1', type: 'single', options: four.map(option) };
    expect(orderedOptions(single, 1).map((o) => o.id)).toEqual(four);
    expect(orderedOptions(single, 2).map((o) => o.id)).not.toEqual(four);
    // The options themselves (ids, correctness, feedback) travel with their position.
    expect(orderedOptions(single, 2).find((o) => o.id === 'a')).toEqual(option('a'));
  });
});

describe('seededRandom and hashSeed', () => {
  it('repeat for the same seed, differ between seeds, stay in [0, 1)', () => {
    const a = seededRandom(hashSeed('l01-q1#2'));
    const b = seededRandom(hashSeed('l01-q1#2'));
    const c = seededRandom(hashSeed('l01-q1#3'));
    const xs = Array.from({ length: 100 }, () => a());
    expect(xs).toEqual(Array.from({ length: 100 }, () => b()));
    expect(xs).not.toEqual(Array.from({ length: 100 }, () => c()));
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
  });
});
