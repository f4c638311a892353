import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { cmiValues, compactForSuspend, duration2004, lessonStatus12, SUSPEND_LIMIT, timespan12 } from '../../src/lib/scorm';
import { decodeProgress, emptyProgress, withVisit } from '../../src/lib/progress';
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
