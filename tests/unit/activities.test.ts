import fs from 'node:fs';
import path from 'node:path';
import yaml from 'js-yaml';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  activitySchema,
  type Activity,
  type ConversationActivity,
  type MatchingActivity,
  type MessageActivity,
  type SortingActivity,
} from '../../src/lib/activities/schema';
import { castOf, graphProblems, portraitId, walk } from '../../src/lib/activities/conversation';
import { betterBest, mergeActivity, readActivity, type ActivityRecord } from '../../src/lib/activities/record';
import { withCheck, withConversation, withMessage, withPlacement } from '../../src/lib/activities/edits';
import { cleanPlacement, placementTask, scorePlacement } from '../../src/lib/activities/placement';
import { composeMessage, missingFields } from '../../src/lib/activities/message';
import { decodeProgress, emptyProgress, encodeProgress, mergeProgress, type Edit, type Progress } from '../../src/lib/progress/document';

const COURSE = 'networking-ja';
const at = (now: number, session = 'tab1'): Edit => ({ now, session });
const empty = () => emptyProgress(COURSE, 1000);

/** The activities as written in content/lessons (validated like the build does). */
function contentActivities(): Activity[] {
  const dir = path.resolve('content/lessons');
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.mdx'))
    .flatMap((f) => (yaml.load(fs.readFileSync(path.join(dir, f), 'utf8').split(/^---$/m)[1]) as { activities?: unknown[] }).activities ?? [])
    .map((a) => activitySchema.parse(a));
}
const all = contentActivities();
const byId = <K extends Activity['kind']>(id: string) => all.find((a) => a.id === id) as Extract<Activity, { kind: K }>;
const l04 = byId<'conversation'>('l04-a1') as ConversationActivity;
const l03 = byId<'sorting'>('l03-a1') as SortingActivity;
const l02 = byId<'matching'>('l02-a1') as MatchingActivity;
const l05 = byId<'message'>('l05-a1') as MessageActivity;

describe('the course content', () => {
  it('has an activity in every lesson, each of the kind its lesson needs', () => {
    expect(Object.fromEntries(all.map((a) => [a.id, a.kind]))).toEqual({
      'l01-a1': 'sorting',
      'l02-a1': 'matching',
      'l03-a1': 'sorting',
      'l04-a1': 'conversation',
      'l05-a1': 'message',
      'l06-a1': 'matching',
      'l07-a1': 'conversation',
      'l08-a1': 'conversation',
      'l09-a1': 'sorting',
      'l10-a1': 'sorting',
    });
  });
});

// ---------------------------------------------------------------------------------------------
// Conversation graphs
// ---------------------------------------------------------------------------------------------

const line = (id: string, ...next: string[]) => ({ id, line: `${id}の台詞`, choices: next.map((n) => ({ text: `→${n}`, feedback: 'なぜなら', next: n })) });
const end = (id: string, rank: number) => ({ id, line: 'おわり', ending: { rank, verdict: `結末${rank}`, text: '次は…' } });
const convo = (nodes: unknown[], start = 'a') => ({ kind: 'conversation', id: 'l04-a9', title: 't', instructions: 'i', role: '坂本さん', start, nodes });
const errors = (a: unknown) => {
  const r = activitySchema.safeParse(a);
  return r.success ? [] : r.error.issues.map((i) => i.message);
};

describe('graphProblems (build errors of a conversation)', () => {
  it('accepts a sound graph and every conversation of the course', () => {
    expect(errors(convo([line('a', 'b', 'c'), line('b', 'x', 'y'), line('c', 'y', 'x'), end('x', 1), end('y', 2)]))).toEqual([]);
    for (const a of all.filter((x) => x.kind === 'conversation')) expect(graphProblems(a), a.id).toEqual([]);
  });

  it('names a dangling target', () => {
    expect(errors(convo([line('a', 'b', 'nowhere'), end('b', 1), end('c', 2)]))).toContainEqual(
      expect.stringContaining('node "a" has a choice leading to "nowhere", which does not exist (dangling target)'),
    );
  });

  it('names an unreachable node', () => {
    expect(errors(convo([line('a', 'x', 'y'), end('x', 1), end('y', 2), line('lost', 'x', 'y')]))).toContainEqual(
      expect.stringContaining('node "lost" cannot be reached from the start "a" (unreachable node)'),
    );
  });

  it('names a loop', () => {
    expect(errors(convo([line('a', 'b', 'x'), line('b', 'a', 'y'), end('x', 1), end('y', 2)]))).toContainEqual(
      expect.stringContaining('loops back to node "a"'),
    );
  });

  it('names a path without an ending (a node with neither choices nor an ending)', () => {
    const stuck = { id: 'b', line: '……' };
    expect(errors(convo([line('a', 'b', 'x'), stuck, end('x', 1), end('y', 2)]))).toContainEqual(
      expect.stringContaining('node "b" needs either choices (a line the learner answers) or an ending, not neither'),
    );
  });

  it('names a missing start, a duplicate node, a missing best ending and a single ending', () => {
    expect(graphProblems({ start: 'zz', nodes: [{ id: 'a', ending: { rank: 1 } }] })).toContain('start node "zz" does not exist');
    expect(errors(convo([line('a', 'x', 'x'), end('x', 1), end('x', 2)]))).toContainEqual(expect.stringContaining('node "x" is defined twice'));
    expect(errors(convo([line('a', 'x', 'y'), end('x', 2), end('y', 3)]))).toContainEqual(expect.stringContaining('one ending needs rank: 1'));
    expect(errors(convo([line('a', 'x', 'x'), line('b', 'x', 'x'), end('x', 1)], 'a'))).toContainEqual(expect.stringContaining('at least two endings'));
  });
});

describe("walk (a learner's path through a conversation)", () => {
  it('follows the choices to the node reached', () => {
    const w = walk(l04, [1, 2, 1, 1]);
    expect(w.steps.map((s) => s.node.id)).toEqual(['start', 'intro-good', 'worry', 'deep']);
    expect(w.current.id).toBe('end-best');
    expect(w.current.ending?.rank).toBe(1);
    expect(w.path).toEqual([1, 2, 1, 1]);
  });

  it('starts at the start with an empty path', () => {
    expect(walk(l04, []).current.id).toBe('start');
  });

  it('cuts a saved path where it no longer fits (an index past the choices, a step past an ending)', () => {
    expect(walk(l04, [1, 3, 0]).path).toEqual([1]);
    expect(walk(l04, [1, 2, 1, 1, 0, 0]).path).toEqual([1, 2, 1, 1]);
  });

  it('reaches an ending along every path, and rank 1 only by applying the lesson (short intro, empathy plus a question, no promise)', () => {
    for (const a of all.filter((x): x is ConversationActivity => x.kind === 'conversation')) {
      const ranks = new Set<number>();
      const visit = (p: number[]) => {
        const w = walk(a, p);
        if (w.current.ending) return void ranks.add(w.current.ending.rank);
        w.current.choices!.forEach((_, i) => visit([...p, i]));
      };
      visit([]);
      expect(ranks.has(1), a.id).toBe(true);
      expect(ranks.size, a.id).toBeGreaterThanOrEqual(3);
    }
  });
});

// ---------------------------------------------------------------------------------------------
// Sorting and matching
// ---------------------------------------------------------------------------------------------

describe("a conversation's cast and their portraits", () => {
  const nodes = [{ line: '…' }, { speaker: '大野さん' }, { speaker: '久保さん' }, { speaker: '大野さん' }, {}];
  it('the cast is every speaker once, in the order they first speak; narration has none', () => {
    expect(castOf(nodes)).toEqual(['大野さん', '久保さん']);
    expect(castOf([{}, { speaker: '' }])).toEqual([]);
  });
  it('each cast member has their own portrait id, the same from the server and the island, unique across conversations', () => {
    const cast = castOf(nodes);
    expect(portraitId('l04-a1', '大野さん', cast)).toBe('l04-a1-portrait-0');
    expect(portraitId('l04-a1', '久保さん', cast)).toBe('l04-a1-portrait-1');
    expect(portraitId('l07-a1', '大野さん', cast)).not.toBe(portraitId('l04-a1', '大野さん', cast));
    // Ids fit HTML: no spaces or Japanese names in them.
    for (const name of cast) expect(portraitId('l04-a1', name, cast)).toMatch(/^[a-z0-9-]+$/);
  });
});

describe('scorePlacement', () => {
  const task = placementTask(l03);
  const right = Object.fromEntries(l03.items.map((i) => [i.id, i.category]));

  it('sorting: every item right is a share of 1', () => {
    const r = scorePlacement(task, right);
    expect(r).toMatchObject({ right: l03.items.length, total: l03.items.length, share: 1, complete: true });
  });

  it('gives per-item results in the content order, with what was chosen', () => {
    const placed = { ...right, notes: 'active' };
    const r = scorePlacement(task, placed);
    expect(r.items[0]).toEqual({ id: 'notes', chosen: 'active', correct: false });
    expect(r.right).toBe(l03.items.length - 1);
    expect(r.share).toBeCloseTo((l03.items.length - 1) / l03.items.length);
  });

  it('an item left out, or placed on an option that does not exist, counts as not chosen', () => {
    const { notes: _, ...rest } = right;
    const r = scorePlacement(task, { ...rest, likes: 'gone' });
    expect(r.complete).toBe(false);
    expect(r.items.find((i) => i.id === 'likes')).toEqual({ id: 'likes', chosen: '', correct: false });
    expect(cleanPlacement(task, { ...rest, likes: 'gone', ghost: 'active' })).not.toHaveProperty('likes');
    expect(cleanPlacement(task, { ghost: 'active' })).toEqual({});
  });

  it('matching: pairs are items and answers are options (distractors included)', () => {
    const m = placementTask(l02);
    expect(m.items.map((i) => i.id)).toEqual(l02.pairs.map((p) => p.id));
    expect(m.options).toHaveLength(l02.answers.length);
    const r = scorePlacement(m, { career: 'leader', skill: 'hub' });
    expect(r).toMatchObject({ right: 1, total: 5, share: 0.2, complete: false });
  });
});

// ---------------------------------------------------------------------------------------------
// Message builder
// ---------------------------------------------------------------------------------------------

describe('composeMessage', () => {
  const template = '{name}様\n\nご無沙汰しております。{org}の{sender}です。\n{thanks}\n{news}\n\n{purpose}\n\nよろしくお願いいたします。';

  it('puts each field where the template says, trimmed', () => {
    expect(composeMessage('{a}様\n{b}', { a: ' 鈴木 ', b: 'お元気ですか。' })).toBe('鈴木様\nお元気ですか。');
  });

  it('leaves out a line whose fields are all empty, and blank lines never pile up', () => {
    const text = composeMessage(template, { name: '鈴木', org: '△△', sender: '佐藤', thanks: '先日はありがとうございました。', news: '', purpose: '' });
    expect(text).toBe('鈴木様\n\nご無沙汰しております。△△の佐藤です。\n先日はありがとうございました。\n\nよろしくお願いいたします。');
  });

  it('keeps a line with at least one field filled, and line breaks inside a field', () => {
    expect(composeMessage('{a}と{b}', { a: '', b: 'x' })).toBe('とx');
    expect(composeMessage('{a}', { a: '一行目\n二行目' })).toBe('一行目\n二行目');
  });

  it('never starts or ends with a blank line; text that looks like a field stays as typed', () => {
    expect(composeMessage('{a}\n\n本文\n\n{b}', { a: '', b: '' })).toBe('本文');
    expect(composeMessage('{a}', { a: '{b}', b: 'x' })).toBe('{b}');
  });

  it("composes the course's message and knows which required fields are missing", () => {
    const values = Object.fromEntries(l05.fields.map((f) => [f.id, f.placeholder]));
    const text = composeMessage(l05.template, values);
    expect(
      text.startsWith(
        '件名：ご無沙汰しております（株式会社△△ 人事部 杉山 由紀）\n\n株式会社〇〇 人事部 千葉様\n\nご無沙汰しております。株式会社△△ 人事部の杉山です。\n',
      ),
    ).toBe(true);
    expect(missingFields(l05, values)).toEqual([]);
    expect(missingFields(l05, { ...values, trigger: '  ' })).toEqual(['trigger']);
    // A check-in with no request: the message has no field for one.
    expect(l05.fields.map((f) => f.id)).not.toContain('purpose');
    expect(missingFields({ fields: [{ id: 'a', label: '', hint: '', placeholder: '', required: false }] }, {})).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
// Stored records: changes, reading, merging
// ---------------------------------------------------------------------------------------------

describe('activity changes', () => {
  it('a conversation is done once an ending is reached; the best rank is kept through later, weaker endings and restarts', () => {
    let p = withConversation(empty(), 'l04-a1', [1], null, at(2000));
    expect(p.activities['l04-a1']).toMatchObject({ kind: 'conversation', state: { path: [1] }, done: false, best: null, last: null });
    p = withConversation(p, 'l04-a1', [1, 2, 1, 1], 1, at(3000));
    expect(p.activities['l04-a1']).toMatchObject({ done: true, best: 1, last: { at: 3000, result: 1 } });
    p = withConversation(p, 'l04-a1', [], null, at(4000));
    p = withConversation(p, 'l04-a1', [0, 1, 0], 4, at(5000));
    expect(p.activities['l04-a1']).toMatchObject({ state: { path: [0, 1, 0] }, done: true, best: 1, last: { at: 5000, result: 4 } });
  });

  it('each change is a new version of the same session, made from the last one', () => {
    const p1 = withConversation(empty(), 'l04-a1', [1], null, at(2000));
    const p2 = withConversation(p1, 'l04-a1', [1, 2], null, at(2000));
    expect(p2.activities['l04-a1'].v).not.toBe(p1.activities['l04-a1'].v);
    expect(p2.activities['l04-a1'].updatedAt).toBeGreaterThan(p1.activities['l04-a1'].updatedAt);
    expect(p2.clock).toBe(p2.activities['l04-a1'].updatedAt);
  });

  it('sorting: placing clears the check; a complete check is done and keeps the best share', () => {
    let p = withPlacement(empty(), 'l03-a1', 'sorting', { notes: 'active' }, at(2000));
    expect(p.activities['l03-a1']).toMatchObject({ state: { placed: { notes: 'active' }, checked: false }, done: false, best: null });
    p = withCheck(p, 'l03-a1', 'sorting', { notes: 'active' }, 0, false, at(3000));
    expect(p.activities['l03-a1']).toMatchObject({ state: { checked: true }, done: false, best: 0, last: { at: 3000, result: 0 } });
    p = withCheck(p, 'l03-a1', 'sorting', { notes: 'passive' }, 0.9, true, at(4000));
    p = withPlacement(p, 'l03-a1', 'sorting', { notes: 'active' }, at(5000));
    p = withCheck(p, 'l03-a1', 'sorting', { notes: 'active' }, 0.5, true, at(6000));
    expect(p.activities['l03-a1']).toMatchObject({ done: true, best: 0.9, last: { at: 6000, result: 0.5 } });
  });

  it('a record of another kind under the same id is not built on', () => {
    const p = withCheck(empty(), 'l03-a1', 'sorting', {}, 1, true, at(2000));
    const q = withPlacement(p, 'l03-a1', 'matching', { a: 'b' }, at(3000));
    expect(q.activities['l03-a1']).toMatchObject({ kind: 'matching', done: false, best: null });
  });

  it('message: done once every required field has text, and stays done; saving the same fields again changes nothing', () => {
    let p = withMessage(empty(), 'l05-a1', { name: '鈴木' }, false, at(2000));
    expect(p.activities['l05-a1']).toMatchObject({ kind: 'message', state: { fields: { name: '鈴木' } }, done: false, best: null, last: null });
    expect(withMessage(p, 'l05-a1', { name: '鈴木' }, false, at(2500))).toBe(p);
    p = withMessage(p, 'l05-a1', { name: '鈴木', thanks: 'x' }, true, at(3000));
    p = withMessage(p, 'l05-a1', { name: '' }, false, at(4000));
    expect(p.activities['l05-a1']).toMatchObject({ state: { fields: { name: '' } }, done: true });
  });
});

describe('readActivity (stored records are bounded and validated)', () => {
  const rec = (over: Record<string, unknown>) => ({
    kind: 'sorting',
    state: { placed: { a: 'b' }, checked: true },
    done: true,
    best: 0.5,
    last: { at: 5, result: 0.5 },
    ...over,
  });

  it('reads each kind, and a record from before `last` existed', () => {
    expect(readActivity(rec({}))).toEqual({
      kind: 'sorting',
      state: { placed: { a: 'b' }, checked: true },
      done: true,
      best: 0.5,
      last: { at: 5, result: 0.5 },
    });
    expect(readActivity({ kind: 'conversation', state: { path: [0, 3] }, done: false, best: null })).toMatchObject({ last: null });
    expect(readActivity({ kind: 'message', state: { fields: { name: '鈴木' } }, done: false, best: null, last: null })).not.toBeNull();
    expect(readActivity(rec({ slim: true }))).toMatchObject({ slim: true });
  });

  it('refuses what is out of bounds or of the wrong shape', () => {
    const bad: Record<string, unknown>[] = [
      { kind: 'quiz', state: {}, done: true, best: null },
      rec({ done: 'yes' }),
      rec({ state: null }),
      rec({ best: 2 }),
      rec({ best: -0.1 }),
      rec({ last: { at: -1, result: 0.5 } }),
      rec({ last: { at: 5, result: 7 } }),
      rec({ slim: false }),
      rec({ state: { placed: { A: 'b' }, checked: true } }),
      rec({ state: { placed: { a: 'b' } } }),
      rec({ state: { placed: Object.fromEntries(Array.from({ length: 17 }, (_, i) => [`k${i}`, 'v'])), checked: false } }),
      { kind: 'conversation', state: { path: [4] }, done: false, best: null },
      { kind: 'conversation', state: { path: Array(41).fill(0) }, done: false, best: null },
      { kind: 'conversation', state: { path: [0] }, done: true, best: 0.5 },
      { kind: 'conversation', state: { path: [0] }, done: true, best: 5 },
      { kind: 'message', state: { fields: { a: 'x'.repeat(2001) } }, done: false, best: null },
      { kind: 'message', state: { fields: {} }, done: false, best: 1 },
    ];
    for (const b of bad) expect(readActivity(b), JSON.stringify(b).slice(0, 80)).toBeNull();
  });

  it('clamps a time from the future; a bad record is dropped from a document with a warning, the rest kept', () => {
    expect(readActivity(rec({ last: { at: 9e12, result: 1 } }), (t) => Math.min(t, 100))?.last).toEqual({ at: 100, result: 1 });
    const p = withCheck(empty(), 'l03-a1', 'sorting', {}, 1, true, at(2000));
    const doc = JSON.parse(encodeProgress(p));
    doc.activities['l02-a1'] = { kind: 'matching', state: 'broken', done: true, best: 1, updatedAt: 5, v: 'a.1' };
    const d = decodeProgress(JSON.stringify(doc), COURSE, 10_000);
    expect(d.warnings).toEqual(['invalid-parts']);
    expect(Object.keys(d.progress.activities)).toEqual(['l03-a1']);
  });

  it('survives a round trip through storage', () => {
    let p = withConversation(empty(), 'l04-a1', [1, 2, 1, 1], 1, at(2000));
    p = withMessage(p, 'l05-a1', { name: '鈴木「様」\n' }, false, at(3000));
    expect(decodeProgress(encodeProgress(p), COURSE, 10_000)).toEqual({ progress: p, warnings: [] });
  });
});

describe('mergeActivity (two tabs, a device and the LMS)', () => {
  it('keeps the state of the later edit, but the best result and done of both', () => {
    const base = withConversation(empty(), 'l04-a1', [1], null, at(2000, 'tab1'));
    // Tab 1 reaches the best ending; tab 2, not knowing it, restarts and ends weakly later.
    const one = withConversation(base, 'l04-a1', [1, 2, 1, 1], 1, at(3000, 'tab1'));
    const two = withConversation(base, 'l04-a1', [0, 1, 0], 4, at(4000, 'tab2'));
    const m = mergeProgress(one, two).activities['l04-a1'];
    expect(m).toMatchObject({ state: { path: [0, 1, 0] }, done: true, best: 1, last: { at: 4000, result: 4 } });
    expect(mergeProgress(two, one).activities['l04-a1']).toEqual(m);
  });

  it('sorting in two tabs: the better share is kept whichever tab saved last', () => {
    const one = withCheck(empty(), 'l03-a1', 'sorting', { a: 'x' }, 1, true, at(3000, 'tab1'));
    const two = withCheck(empty(), 'l03-a1', 'sorting', { a: 'y' }, 0.4, true, at(4000, 'tab2'));
    expect(mergeProgress(one, two).activities['l03-a1']).toMatchObject({ state: { placed: { a: 'y' } }, best: 1, done: true });
  });

  it('of two copies of one version, the full one wins over the one compacted for an LMS', () => {
    const p = withMessage(empty(), 'l05-a1', { name: '鈴木' }, true, at(3000));
    const full = p.activities['l05-a1'];
    const slim: ActivityRecord = { ...full, state: { fields: {} }, slim: true };
    expect(mergeActivity(full, slim)).toEqual(full);
    expect(mergeActivity(slim, full)).toEqual(full);
  });

  it('betterBest: a lower rank for conversations, a higher share otherwise; null is nothing yet', () => {
    expect(betterBest('conversation', 2, 1)).toBe(1);
    expect(betterBest('sorting', 0.2, 0.8)).toBe(0.8);
    expect(betterBest('matching', null, 0.5)).toBe(0.5);
    expect(betterBest('matching', 0.5, null)).toBe(0.5);
  });

  // Edits in sessions on copies of one document, merged in any order: the result is the same.
  type Op = { s: string; k: 'say' | 'end' | 'place' | 'check'; n: number };
  const opArb: fc.Arbitrary<Op> = fc.record({
    s: fc.constantFrom('tab1', 'tab2', 'lms'),
    k: fc.constantFrom('say', 'end', 'place', 'check'),
    n: fc.integer({ min: 0, max: 3 }),
  });
  const apply = (p: Progress, o: Op, t: number) => {
    const e = at(t, o.s);
    if (o.k === 'say') return withConversation(p, 'l04-a1', [o.n], null, e);
    if (o.k === 'end') return withConversation(p, 'l04-a1', [o.n, 0], o.n + 1, e);
    if (o.k === 'place') return withPlacement(p, 'l03-a1', 'sorting', { notes: o.n % 2 ? 'active' : 'passive' }, e);
    return withCheck(p, 'l03-a1', 'sorting', { notes: 'passive' }, o.n / 3, o.n > 1, e);
  };
  const copies = fc
    .array(fc.array(opArb, { maxLength: 5 }), { minLength: 3, maxLength: 3 })
    .map((lists) => lists.map((ops, i) => ops.reduce((p, o, j) => apply(p, o, 2000 + i * 7 + j * 31), empty())));

  it('merging is commutative, associative and idempotent; best and done never go down', () => {
    fc.assert(
      fc.property(copies, ([a, b, c]) => {
        const ab = mergeProgress(a, b);
        expect(encodeProgress(ab)).toBe(encodeProgress(mergeProgress(b, a)));
        expect(encodeProgress(mergeProgress(ab, c))).toBe(encodeProgress(mergeProgress(a, mergeProgress(b, c))));
        expect(encodeProgress(mergeProgress(ab, ab))).toBe(encodeProgress(ab));
        for (const id of ['l04-a1', 'l03-a1'])
          for (const x of [a, b])
            if (x.activities[id]) {
              expect(ab.activities[id].done || !x.activities[id].done).toBe(true);
              expect(betterBest(x.activities[id].kind, ab.activities[id].best, x.activities[id].best)).toBe(ab.activities[id].best);
            }
      }),
    );
  });
});
