import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { cmiValues, compactForSuspend, duration2004, lessonStatus12, SUSPEND_LIMIT, timespan12 } from '../../src/lib/scorm';
import { decodeProgress, emptyProgress, encodeProgress, mergeProgress, withVisit } from '../../src/lib/progress';
import { withCheck, withConversation, withMessage, withPlanItems } from '../../src/lib/activity-edits';
import { withAttempt, withReflection } from '../../src/lib/progress-edits';
import type { ProgressReport } from '../../src/lib/embed-protocol';

const report = (over: Partial<ProgressReport> = {}): ProgressReport => ({
  courseId: 'c', lesson: 'goals', completed: 2, total: 10, score: 0.2, status: 'incomplete', success: 'unknown', attempts: 2, ...over,
});
const at = (now: number, session = 't') => ({ now, session });
const map = (pairs: [string, string][]) => Object.fromEntries(pairs);

describe('time formats', () => {
  it('SCORM 1.2 timespan is HHHH:MM:SS.SS', () => {
    expect(timespan12(0)).toBe('0000:00:00.00');
    expect(timespan12(3_723_450)).toBe('0001:02:03.45');
    expect(timespan12(-5)).toBe('0000:00:00.00');
  });
  it('SCORM 2004 duration is ISO 8601', () => {
    expect(duration2004(0)).toBe('PT0S');
    expect(duration2004(3_723_450)).toBe('PT1H2M3.45S');
    expect(duration2004(60_000)).toBe('PT1M0S');
  });
});

describe('CMI values', () => {
  it('SCORM 1.2 while learning: incomplete, score, location; exit suspend when leaving', () => {
    expect(map(cmiValues('1.2', report()))).toEqual({
      'cmi.core.lesson_status': 'incomplete',
      'cmi.core.score.min': '0', 'cmi.core.score.max': '100', 'cmi.core.score.raw': '20',
      'cmi.core.lesson_location': 'goals',
    });
    const end = map(cmiValues('1.2', report(), { ending: true, sessionMs: 61_000 }));
    expect(end['cmi.core.exit']).toBe('suspend');
    expect(end['cmi.core.session_time']).toBe('0000:01:01.00');
  });
  it('SCORM 1.2 lesson_status: passed when complete, failed when all tried below the mark', () => {
    expect(lessonStatus12(report({ status: 'completed', success: 'passed' }))).toBe('passed');
    expect(lessonStatus12(report({ success: 'failed' }))).toBe('failed');
    expect(lessonStatus12(report())).toBe('incomplete');
  });
  it('SCORM 2004: separate completion and success, scaled score, normal exit when complete', () => {
    const v = map(cmiValues('2004', report({ status: 'completed', success: 'passed', score: 0.925, completed: 10 }), { ending: true, sessionMs: 1000 }));
    expect(v).toMatchObject({
      'cmi.completion_status': 'completed', 'cmi.success_status': 'passed', 'cmi.score.scaled': '0.925',
      'cmi.score.raw': '93', 'cmi.progress_measure': '1', 'cmi.exit': 'normal', 'cmi.session_time': 'PT1S', 'cmi.location': 'goals',
    });
  });
});

describe('suspend_data compaction', () => {
  const full = () => {
    let p = emptyProgress('c', 1);
    for (let i = 1; i <= 10; i++) {
      const slug = `lesson${i}`;
      p = withVisit(p, slug, at(i));
      p = withAttempt(p, slug, { [`l${String(i).padStart(2, '0')}-q1`]: ['a'] }, 1, at(i));
      p = withReflection(p, `l${String(i).padStart(2, '0')}-r1`, `${i}番目のふりかえり。`.padEnd(1500, 'かきくけこ'), at(i));
    }
    return p;
  };
  it('fits ten long Japanese reflections into 4,096 characters, keeping every quiz result', () => {
    const p = full();
    const { data, dropped } = compactForSuspend(p, SUSPEND_LIMIT['1.2']);
    expect(data.length).toBeLessThanOrEqual(4096);
    expect(dropped.length).toBeGreaterThan(0);
    const back = decodeProgress(data, 'c', 99);
    expect(back.warnings).toEqual([]);
    expect(Object.keys(back.progress.quizzes)).toHaveLength(10);
    expect(back.progress.last).toEqual(p.last);
    for (const id of Object.keys(back.progress.reflections)) expect(dropped).not.toContain(id);
    expect(Object.keys(back.progress.reflections).length + dropped.length).toBe(10);
  });
  it('keeps everything (except last answers) when it fits', () => {
    const p = full();
    const { data, dropped } = compactForSuspend(p, SUSPEND_LIMIT['2004']);
    expect(dropped).toEqual([]);
    const back = decodeProgress(data, 'c', 99).progress;
    expect(back.reflections).toEqual(p.reflections);
    expect(back.quizzes.lesson1.last).toBeNull();
    expect(p.quizzes.lesson1.last).not.toBeNull(); // the original is not modified
  });
  it('always returns decodable data within the limit for any reflection sizes', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 3000 }), { maxLength: 12 }), (texts) => {
        let p = emptyProgress('c', 1);
        texts.forEach((t, i) => (p = withReflection(p, `l01-r${i}`, t, at(i + 2))));
        const { data } = compactForSuspend(p, 4096);
        return data.length <= 4096 && decodeProgress(data, 'c', 5).warnings.length === 0;
      }),
    );
  });
});

describe('compactForSuspend with practice activities and the if-then plan', () => {
  const at2 = (now: number) => ({ now, session: 'lms1' });
  /** A finished course the way this one is: ten lessons, seven activities done, a full plan, long reflections. */
  const course = () => {
    let p = emptyProgress('c', 1);
    for (let i = 1; i <= 10; i++) {
      const n = String(i).padStart(2, '0');
      const slug = `lesson-${n}`;
      p = withVisit(p, slug, at2(i));
      p = withAttempt(p, slug, { [`l${n}-q1`]: ['a'] }, 1, at2(i));
      p = withReflection(p, `l${n}-r1`, 'ふりかえり'.repeat(60), at2(i));
    }
    const ten = (prefix: string, cat: string) => Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`${prefix}-item-${i}`, `${cat}-${i % 4}`]));
    p = withCheck(p, 'l03-a1', 'sorting', ten('behaviour', 'passive'), 0.9, true, at2(20));
    p = withCheck(p, 'l09-a1', 'sorting', ten('contact', 'customer'), 0.8, true, at2(21));
    p = withCheck(p, 'l02-a1', 'matching', ten('goal', 'answer'), 1, true, at2(22));
    p = withCheck(p, 'l06-a1', 'matching', ten('trouble', 'offer'), 0.6, true, at2(23));
    p = withConversation(p, 'l04-a1', [1, 2, 1, 1], 1, at2(24));
    p = withConversation(p, 'l07-a1', [2, 1, 0], 1, at2(25));
    p = withMessage(p, 'l05-a1', Object.fromEntries(['name', 'thanks', 'news', 'purpose', 'ask', 'org', 'sender'].map((k) => [k, '具体的に書いた一文です。'.repeat(6)])), true, at2(26));
    p = withPlanItems(p, Array.from({ length: 5 }, (_, i) => ({ id: `c${i}`, when: '交流会で名刺を交換したら'.repeat(3), action: '相手の仕事について質問を一つする'.repeat(3), with: '名刺を交換した人', remind: '2026-12-04' })), at2(27));
    return p;
  };

  it('fits SCORM 1.2: every quiz result and every activity record (done, best, last) is kept; the texts go first, named', () => {
    const p = course();
    expect(encodeProgress(p).length).toBeGreaterThan(8000);
    const { data, dropped } = compactForSuspend(p, SUSPEND_LIMIT['1.2']);
    expect(data.length).toBeLessThanOrEqual(4096);
    const back = decodeProgress(data, 'c', 99);
    expect(back.warnings).toEqual([]);
    expect(Object.keys(back.progress.quizzes)).toHaveLength(10);
    expect(Object.keys(back.progress.activities).sort()).toEqual(Object.keys(p.activities).sort());
    for (const [id, a] of Object.entries(p.activities)) expect(back.progress.activities[id], id).toMatchObject({ kind: a.kind, done: a.done, best: a.best, last: a.last });
    // What was left out is named (the course says it stays in this browser) and is really gone.
    expect(dropped).toContain('l05-a1');
    expect(back.progress.activities['l05-a1']).toMatchObject({ slim: true, state: { fields: {} }, done: true });
    if (dropped.includes('plan')) expect(back.progress.plan).toBeNull();
    else expect(back.progress.plan).toEqual(p.plan);
    for (const id of Object.keys(back.progress.reflections)) expect(dropped).not.toContain(id);
    // Sorting, matching and conversation states are small enough to stay.
    expect(dropped).not.toContain('activities');
    expect(back.progress.activities['l03-a1'].state).toEqual(p.activities['l03-a1'].state);
  });

  it('the LMS copy merged back into the browser copy keeps the full message (the same version, not slim)', () => {
    const p = course();
    const lms = decodeProgress(compactForSuspend(p, SUSPEND_LIMIT['1.2']).data, 'c', 99).progress;
    expect(mergeProgress(lms, p).activities['l05-a1']).toEqual(p.activities['l05-a1']);
    expect(mergeProgress(p, lms).activities['l05-a1']).toEqual(p.activities['l05-a1']);
  });

  it('keeps everything when it fits (SCORM 2004), and as a last resort slims every activity but keeps done and best', () => {
    const p = course();
    const big = compactForSuspend(p, SUSPEND_LIMIT['2004']);
    expect(big.dropped).toEqual([]);
    expect(decodeProgress(big.data, 'c', 99).progress.activities).toEqual(p.activities);
    const tiny = compactForSuspend(p, 1800);
    expect(tiny.dropped).toContain('activities');
    const back = decodeProgress(tiny.data, 'c', 99).progress;
    expect(Object.values(back.activities).every((a) => a.slim && a.done)).toBe(true);
    expect(back.activities['l04-a1'].best).toBe(1);
  });
});
