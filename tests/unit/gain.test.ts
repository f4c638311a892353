import { describe, expect, it } from 'vitest';
import { withCheckSkipped, withCheckSubmitted } from '../../src/lib/checks/edits';
import { learningGain, precheckAdvice, type GainLesson } from '../../src/lib/course/gain';
import { emptyProgress, type Progress } from '../../src/lib/progress/document';
import type { ScorableQuestion } from '../../src/lib/course/scoring';

const opt = (id: string, correct: boolean) => ({ id, text: id, correct, feedback: id });
const q = (id: string): ScorableQuestion => ({ id, type: 'single', options: [opt('a', true), opt('b', false)] });
/** Three lessons; the third has two items in each check. */
const lessons: GainLesson[] = [
  { slug: 'importance', pre: ['l01-p1'], final: ['l01-f1'] },
  { slug: 'goals', pre: ['l02-p1'], final: ['l02-f1'] },
  { slug: 'events', pre: ['l03-p1', 'l03-p2'], final: ['l03-f1', 'l03-f2'] },
];
const pre = lessons.flatMap((l) => l.pre.map(q));
const fin = lessons.flatMap((l) => l.final.map(q));
const at = (now: number) => ({ now, session: 's' });
const R = ['a'];
const W = ['b'];
const take = (p: Progress, set: 'pre' | 'final', answers: Record<string, string[]>, t: number) =>
  withCheckSubmitted(p, set, set === 'pre' ? pre : fin, answers, at(t));
const empty = () => emptyProgress('networking-ja', 1);

describe('learningGain', () => {
  it('compares the pre-check and the final check lesson by lesson', () => {
    let p = take(empty(), 'pre', { 'l01-p1': W, 'l02-p1': R, 'l03-p1': W, 'l03-p2': R }, 10);
    p = take(p, 'final', { 'l01-f1': R, 'l02-f1': R, 'l03-f1': R, 'l03-f2': W }, 20);
    const g = learningGain(p.checks, lessons);
    expect(g.lessons).toEqual([
      { slug: 'importance', before: { right: 0, answered: 1, total: 1 }, after: { right: 1, answered: 1, total: 1 }, trend: 'up' },
      { slug: 'goals', before: { right: 1, answered: 1, total: 1 }, after: { right: 1, answered: 1, total: 1 }, trend: 'kept' },
      { slug: 'events', before: { right: 1, answered: 2, total: 2 }, after: { right: 1, answered: 2, total: 2 }, trend: 'gap' },
    ]);
    expect(g).toMatchObject({ pre: 'taken', final: true, before: { right: 2, answered: 4, total: 4 }, after: { right: 3, answered: 4, total: 4 } });
    expect(g.gaps).toEqual(['events']);
  });

  it('says "down" when the final check went worse than the pre-check', () => {
    const p = take(take(empty(), 'pre', { 'l01-p1': R }, 10), 'final', { 'l01-f1': W }, 20);
    expect(learningGain(p.checks, lessons).lessons[0]).toMatchObject({ trend: 'down' });
  });

  it('is unknown — not 0 — where the pre-check was skipped, not taken, or a question was skipped', () => {
    const fin1 = (p: Progress) => take(p, 'final', { 'l01-f1': R, 'l02-f1': W, 'l03-f1': R, 'l03-f2': R }, 20);
    const skipped = learningGain(fin1(withCheckSkipped(empty(), 'pre', at(5))).checks, lessons);
    expect(skipped.pre).toBe('skipped');
    expect(skipped.before).toBeNull();
    expect(skipped.lessons.map((l) => [l.before, l.trend])).toEqual([
      [null, 'unknown'],
      [null, 'unknown'],
      [null, 'unknown'],
    ]);
    expect(skipped.gaps).toEqual(['goals']); // the final check still finds gaps

    expect(learningGain(fin1(empty()).checks, lessons).pre).toBe('none');

    const partly = learningGain(fin1(take(empty(), 'pre', { 'l01-p1': W, 'l03-p2': W }, 10)).checks, lessons);
    expect(partly.lessons[1]).toMatchObject({ before: null, trend: 'unknown' });
    // Of two questions one was answered: that one counts, the skipped one does not.
    expect(partly.lessons[2]).toMatchObject({ before: { right: 0, answered: 1, total: 2 }, trend: 'up' });
    expect(partly.before).toEqual({ right: 0, answered: 2, total: 4 });
  });

  it('before the final check there is no "after" and no gap', () => {
    const g = learningGain(take(empty(), 'pre', { 'l01-p1': R }, 10).checks, lessons);
    expect(g).toMatchObject({ final: false, after: null, gaps: [] });
    expect(g.lessons.every((l) => l.after === null && l.trend === 'unknown')).toBe(true);
  });

  it('uses the FIRST final check: a retake after reading the feedback does not count as learning', () => {
    let p = take(empty(), 'pre', { 'l01-p1': W, 'l02-p1': W, 'l03-p1': W, 'l03-p2': W }, 10);
    p = take(p, 'final', { 'l01-f1': W, 'l02-f1': R, 'l03-f1': W, 'l03-f2': W }, 20);
    p = take(p, 'final', { 'l01-f1': R, 'l02-f1': R, 'l03-f1': R, 'l03-f2': R }, 30);
    const g = learningGain(p.checks, lessons);
    expect(g.after).toEqual({ right: 1, answered: 4, total: 4 });
    expect(g.gaps).toEqual(['importance', 'events']);
    expect(g.lessons.map((l) => l.trend)).toEqual(['gap', 'up', 'gap']);
  });

  it('ignores marks of questions the course no longer has (content changed since)', () => {
    const p = take(empty(), 'final', { 'l01-f1': R }, 20);
    const g = learningGain(p.checks, [{ slug: 'importance', pre: ['l01-p9'], final: ['l01-f9'] }]);
    expect(g.lessons[0]).toMatchObject({ after: null, trend: 'unknown' });
    expect(g.gaps).toEqual([]);
  });
});

describe('precheckAdvice', () => {
  it('names the lessons to watch for (wrong or skipped) and those already known (all right), without answers', () => {
    const p = take(empty(), 'pre', { 'l01-p1': R, 'l02-p1': W, 'l03-p1': R }, 10);
    expect(precheckAdvice(learningGain(p.checks, lessons))).toEqual({ watch: ['goals', 'events'], known: ['importance'] });
  });
});
