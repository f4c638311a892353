import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scoreCheck, withCheckSkipped, withCheckSubmitted } from '../../src/lib/checks/edits';
import { readCheck } from '../../src/lib/checks/record';
import { firstResult } from '../../src/lib/checks/results';
import { decodeProgress, emptyProgress, encodeProgress, mergeProgress, withVisit, type Progress } from '../../src/lib/progress/document';
import { withAttempt, withDraft, withReflection } from '../../src/lib/progress/edits';
import { withMistakes } from '../../src/lib/plan/review-schedule';
import { readSuspend, suspendData, SUSPEND_LIMIT } from '../../src/lib/lms/scorm';
import type { ScorableQuestion } from '../../src/lib/course/scoring';

const opt = (id: string, correct: boolean) => ({ id, text: `選択肢 ${id}`, correct, feedback: `解説 ${id}` });
/** Ten final check items, one per lesson; the key moves around the positions. */
const finals: ScorableQuestion[] = Array.from({ length: 10 }, (_, i) => ({
  id: `l${String(i + 1).padStart(2, '0')}-f1`,
  type: 'single',
  options: ['a', 'b', 'c', 'd'].map((id, k) => opt(id, k === i % 4)),
}));
const key = (q: ScorableQuestion) => q.options.filter((o) => o.correct).map((o) => o.id);
const notKey = (q: ScorableQuestion) => [q.options.find((o) => !o.correct)!.id];
const multiple: ScorableQuestion = { id: 'l03-p2', type: 'multiple', options: [opt('a', true), opt('b', false), opt('c', true)] };
const at = (now: number, session = 's1') => ({ now, session });
const empty = () => emptyProgress('networking-ja', 100);
const answersFor = (qs: ScorableQuestion[], pick: (q: ScorableQuestion, i: number) => string[] | null) =>
  Object.fromEntries(qs.map((q, i) => [q.id, pick(q, i)]).filter(([, a]) => a !== null)) as Record<string, string[]>;

describe('scoreCheck', () => {
  it('marks right and wrong answers; a question left unanswered is skipped (no mark) and not right', () => {
    const answers = answersFor(finals, (q, i) => (i < 6 ? key(q) : i < 8 ? notKey(q) : null));
    const r = scoreCheck(finals, answers);
    expect(r).toMatchObject({ right: 6, answered: 8, total: 10, score: 0.6 });
    expect(r.marks['l01-f1']).toBe(1);
    expect(r.marks['l07-f1']).toBe(0);
    expect(Object.hasOwn(r.marks, 'l09-f1')).toBe(false);
    expect(Object.keys(r.answers)).toHaveLength(8);
  });
  it('a multiple-response question is right only with exactly its correct options (as in the quizzes)', () => {
    expect(scoreCheck([multiple], { 'l03-p2': ['a', 'c'] }).marks).toEqual({ 'l03-p2': 1 });
    expect(scoreCheck([multiple], { 'l03-p2': ['a'] }).marks).toEqual({ 'l03-p2': 0 });
  });
  it('ignores option ids a question does not have, and answers to questions not in the check', () => {
    const r = scoreCheck(finals.slice(0, 1), { 'l01-f1': ['z'], 'l99-f1': ['a'] });
    expect(r).toMatchObject({ right: 0, answered: 0, total: 1, marks: {}, answers: {} });
  });
  it('an empty check scores 0 (no division by zero)', () => {
    expect(scoreCheck([], {}).score).toBe(0);
  });
});

describe('withCheckSubmitted / withCheckSkipped', () => {
  it('records the marks, scores, choices and a new version; the draft is cleared', () => {
    let p = withDraft(empty(), 'check:final', '{"l01-f1":["a"]}', at(150));
    p = withCheckSubmitted(
      p,
      'final',
      finals,
      answersFor(finals, (q, i) => (i < 7 ? key(q) : notKey(q))),
      at(200),
    );
    const c = p.checks.final!;
    expect(c).toMatchObject({ attempts: 1, at: 200, skipped: false, score: 0.7, best: 0.7 });
    expect(c.first).toBeUndefined();
    expect(c.v).toMatch(/^s1\./);
    expect(p.drafts['check:final']).toBeUndefined();
    expect(firstResult(c)).toEqual({ at: 200, marks: c.marks, score: 0.7 });
  });
  it('a retake keeps the first submission (the measurement) and the best score; the marks are the latest', () => {
    let p = withCheckSubmitted(
      empty(),
      'final',
      finals,
      answersFor(finals, (q, i) => (i < 8 ? key(q) : notKey(q))),
      at(200),
    );
    p = withCheckSubmitted(
      p,
      'final',
      finals,
      answersFor(finals, (q, i) => (i < 5 ? key(q) : notKey(q))),
      at(300),
    );
    p = withCheckSubmitted(
      p,
      'final',
      finals,
      answersFor(finals, (q) => key(q)),
      at(400),
    );
    const c = p.checks.final!;
    expect(c).toMatchObject({ attempts: 3, at: 400, score: 1, best: 1 });
    expect(c.first).toMatchObject({ at: 200, score: 0.8 });
    expect(firstResult(c)!.marks['l09-f1']).toBe(0);
    expect(c.marks['l09-f1']).toBe(1);
  });
  it('skipping the pre-check is recorded (and undone by taking it later); skipping twice changes nothing', () => {
    let p = withCheckSkipped(empty(), 'pre', at(200));
    expect(p.checks.pre).toMatchObject({ skipped: true, attempts: 0, at: null });
    expect(firstResult(p.checks.pre)).toBeNull();
    expect(withCheckSkipped(p, 'pre', at(300))).toBe(p);
    p = withCheckSubmitted(p, 'pre', finals.slice(0, 2), { 'l01-f1': ['a'] }, at(400));
    expect(p.checks.pre).toMatchObject({ skipped: false, attempts: 1, at: 400 });
  });
  it('a later edit of the same check replaces the earlier one when copies are merged (versions, not clocks)', () => {
    const a = withCheckSubmitted(empty(), 'pre', finals, {}, at(200, 'tab1'));
    const b = withCheckSubmitted(a, 'pre', finals, answersFor(finals, key), at(150, 'tab2')); // a slow clock, made after a
    expect(mergeProgress(a, b).checks.pre!.score).toBe(1);
    expect(mergeProgress(b, a).checks.pre!.score).toBe(1);
  });
});

describe('stored check records', () => {
  const round = (p: Progress) => decodeProgress(encodeProgress(p), 'networking-ja', 10_000);
  it('survive encoding and decoding unchanged', () => {
    let p = withCheckSubmitted(empty(), 'final', finals, answersFor(finals, key), at(200));
    p = withCheckSubmitted(p, 'final', finals, {}, at(300));
    p = withCheckSkipped(p, 'pre', at(400));
    const { progress, warnings } = round(p);
    expect(warnings).toEqual([]);
    expect(progress.checks).toEqual(p.checks);
  });
  it('drop a damaged record with a warning and keep everything else', () => {
    const p = withCheckSubmitted(withReflection(empty(), 'l01-r1', '残る文', at(150)), 'final', finals, answersFor(finals, key), at(200));
    for (const bad of [
      { marks: { 'l01-f1': 2 } },
      { marks: { __proto__x: 1 } },
      { score: 1.5 },
      { best: -1 },
      { at: 'yesterday' },
      { attempts: 1.5 },
      { skipped: 'no' },
      { first: { at: 1, marks: {}, score: 7 } },
      { answers: { 'l01-f1': 'a' } },
    ]) {
      const doc = JSON.parse(encodeProgress(p));
      Object.assign(doc.checks.final, bad);
      const d = decodeProgress(doc, 'networking-ja', 10_000);
      expect(d.progress.checks.final, JSON.stringify(bad)).toBeUndefined();
      expect(d.warnings).toContain('invalid-parts');
      expect(d.progress.reflections['l01-r1'].text).toBe('残る文');
    }
  });
  it('are bounded: at most 200 marked questions, attempts capped, times from the future clamped', () => {
    const marks = Object.fromEntries(Array.from({ length: 201 }, (_, i) => [`l01-p${i}`, 1]));
    const base = { attempts: 1, at: 1, skipped: false, answers: {}, score: 1, best: 1 };
    expect(readCheck({ ...base, marks }, (t) => t)).toBeNull();
    const ok = readCheck({ ...base, marks: { 'l01-p1': 1 }, attempts: 1e9, at: 9e12 }, (t) => Math.min(t, 5000));
    expect(ok).toMatchObject({ attempts: 10_000, at: 5000 });
  });
  it('never throw, whatever is stored', () => {
    fc.assert(fc.property(fc.anything(), (x) => void decodeProgress({ v: 3, courseId: 'networking-ja', checks: { pre: x, final: x } }, 'networking-ja', 1)));
    fc.assert(fc.property(fc.dictionary(fc.string(), fc.anything()), (x) => void readCheck(x, (t) => t)));
  });
});

describe('SCORM 1.2 suspend_data with the checks', () => {
  /** A whole course: ten lessons visited and passed (with mistakes to review), long reflections, both checks taken. */
  function wholeCourse(): Progress {
    let p = empty();
    for (let i = 1; i <= 10; i++) {
      const slug = `lesson-${i}`;
      const n = String(i).padStart(2, '0');
      p = withVisit(p, slug, at(1000 + i));
      p = withAttempt(p, slug, { [`l${n}-q1`]: ['a'], [`l${n}-q2`]: ['b', 'c'] }, 0.75, at(1100 + i));
      p = withMistakes(p, [`l${n}-q3`], at(1150 + i));
      p = withAttempt(p, slug, { [`l${n}-q1`]: ['a'] }, 1, at(1200 + i));
      p = withReflection(p, `l${n}-r1`, `${i}番目のふりかえり。`.padEnd(400, 'あ'), at(1300 + i));
    }
    const pres = finals.map((q) => ({ ...q, id: q.id.replace('-f', '-p') }));
    p = withCheckSubmitted(
      p,
      'pre',
      pres,
      answersFor(pres, (q, i) => (i % 3 ? notKey(q) : i === 9 ? null : key(q))),
      at(900),
    );
    return withCheckSubmitted(
      p,
      'final',
      finals,
      answersFor(finals, (q, i) => (i === 4 ? notKey(q) : key(q))),
      at(2000),
    );
  }

  it('both check records together stay small (under 800 characters with their choices)', () => {
    const p = wholeCourse();
    expect(JSON.stringify(p.checks).length).toBeLessThan(800);
  });
  it("keeps every check result within 4,096 characters (only the choices go, like the quizzes' last answers)", () => {
    const p = wholeCourse();
    const { data, dropped } = suspendData(p, { page: null, at: 0, n: 0 }, '1.2', SUSPEND_LIMIT['1.2']);
    expect(data.length).toBeLessThanOrEqual(4096);
    const back = decodeProgress(readSuspend(data).state, 'networking-ja', 10_000);
    expect(back.warnings).toEqual([]);
    for (const set of ['pre', 'final'] as const) {
      const { answers, ...result } = back.progress.checks[set]!;
      const { answers: _, ...original } = p.checks[set]!;
      expect(result).toEqual(original);
      expect(answers).toEqual({});
    }
    expect(dropped).not.toContain('checks');
    // The browser's own copy is untouched.
    expect(Object.keys(p.checks.final!.answers)).toHaveLength(10);
  });
});
