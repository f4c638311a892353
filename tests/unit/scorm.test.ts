import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  CmiLedger,
  DEFAULT_STATUS12,
  STATUS12_MODES,
  SUSPEND_LIMIT,
  commitUrgency,
  compactForSuspend,
  decodeSuspend,
  duration2004,
  encodeSuspend,
  endValues,
  keepLmsRecord,
  lookOnly,
  lessonStatus12,
  objectiveValues,
  pageKey,
  readSuspend,
  resumePage,
  sameSuspendContent,
  suspendData,
  suspendSize,
  timespan12,
  trackingValues,
} from '../../src/lib/lms/scorm';
import { cmiProblems } from '../../src/lib/lms/cmi-types';
import { decodeProgress, emptyProgress, encodeProgress, mergeProgress, withVisit, type Progress } from '../../src/lib/progress/document';
import { withCheck, withConversation, withMessage } from '../../src/lib/activities/edits';
import { withPlanItems } from '../../src/lib/plan/edits';
import { withAttempt, withReflection } from '../../src/lib/progress/edits';
import type { ProgressReport } from '../../src/lib/lms/embed-protocol';
import { lessonStatus } from '../../src/lib/course/completion';

const report = (over: Partial<ProgressReport> = {}): ProgressReport => ({
  courseId: 'c',
  lesson: 'goals',
  completed: 2,
  total: 10,
  score: 0.2,
  status: 'incomplete',
  success: 'unknown',
  attempts: 2,
  ...over,
});
const at = (now: number, session = 't') => ({ now, session });
const map = (pairs: [string, string][]) => Object.fromEntries(pairs);
const rules = { passMark: 0.8, requireReflections: true };

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
  it('both are valid CMI timespans for any duration', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3_000_000_000 }), (ms) => {
        expect(cmiProblems('1.2', [['cmi.core.session_time', timespan12(ms)]])).toEqual([]);
        expect(cmiProblems('2004', [['cmi.session_time', duration2004(ms)]])).toEqual([]);
      }),
    );
  });
});

describe('SCORM 1.2 status modes', () => {
  const finished = report({ status: 'completed', success: 'passed', completed: 10 });
  const failing = report({ success: 'failed' });
  it('default: completed when every lesson is complete, else incomplete — never passed or failed', () => {
    expect(DEFAULT_STATUS12).toBe('completed-incomplete');
    expect(lessonStatus12(finished)).toBe('completed');
    expect(lessonStatus12(failing)).toBe('incomplete');
    expect(lessonStatus12(report())).toBe('incomplete');
  });
  it('the four modes', () => {
    const table = Object.fromEntries(STATUS12_MODES.map((m) => [m, [finished, failing, report()].map((r) => lessonStatus12(r, m))]));
    expect(table).toEqual({
      'completed-incomplete': ['completed', 'incomplete', 'incomplete'],
      'passed-incomplete': ['passed', 'incomplete', 'incomplete'],
      'passed-failed': ['passed', 'failed', 'incomplete'],
      'completed-failed': ['completed', 'failed', 'incomplete'],
    });
  });
});

describe('tracking values', () => {
  it('SCORM 1.2: status under the mode, score 0-100', () => {
    expect(map(trackingValues('1.2', report()))).toEqual({
      'cmi.core.lesson_status': 'incomplete',
      'cmi.core.score.min': '0',
      'cmi.core.score.max': '100',
      'cmi.core.score.raw': '20',
    });
    expect(map(trackingValues('1.2', report({ status: 'completed', success: 'passed' }), 'passed-failed'))['cmi.core.lesson_status']).toBe('passed');
  });
  it('SCORM 2004: completion and success apart, completion first, scaled score', () => {
    const v = trackingValues('2004', report({ status: 'completed', success: 'passed', score: 0.925, completed: 10 }));
    expect(map(v)).toEqual({
      'cmi.completion_status': 'completed',
      'cmi.success_status': 'passed',
      'cmi.progress_measure': '1',
      'cmi.score.min': '0',
      'cmi.score.max': '100',
      'cmi.score.raw': '93',
      'cmi.score.scaled': '0.925',
    });
    expect(v.findIndex(([k]) => k === 'cmi.completion_status')).toBeLessThan(v.findIndex(([k]) => k === 'cmi.success_status'));
  });
  it('leaving: exit suspend while unfinished (SCORM 2004: always, so Moodle brings the data back), empty when a 1.2 course is finished, and the session time', () => {
    expect(map(endValues('1.2', report(), 61_000))).toEqual({ 'cmi.core.exit': 'suspend', 'cmi.core.session_time': '0000:01:01.00' });
    expect(map(endValues('1.2', report({ status: 'completed' }), 0))['cmi.core.exit']).toBe('');
    expect(map(endValues('2004', report({ status: 'completed' }), 1000))).toEqual({ 'cmi.exit': 'suspend', 'cmi.session_time': 'PT1S' });
    expect([lookOnly('review'), lookOnly('browse'), lookOnly('normal'), lookOnly('')]).toEqual([true, true, false, false]);
    expect(map(endValues('2004', null, 0))['cmi.exit']).toBe('suspend');
  });
  it('are valid CMI data for any report', () => {
    const reports = fc.record({
      completed: fc.integer({ min: 0, max: 10 }),
      score: fc.double({ min: 0, max: 1, noNaN: true }),
      status: fc.constantFrom('incomplete' as const, 'completed' as const),
      success: fc.constantFrom('passed' as const, 'failed' as const, 'unknown' as const),
    });
    fc.assert(
      fc.property(reports, fc.constantFrom(...STATUS12_MODES), (r, mode) => {
        const rep = report({ ...r, total: 10 });
        expect(cmiProblems('1.2', [...trackingValues('1.2', rep, mode), ...endValues('1.2', rep, 5)])).toEqual([]);
        expect(cmiProblems('2004', [...trackingValues('2004', rep), ...endValues('2004', rep, 5)])).toEqual([]);
      }),
    );
  });
});

describe('what the LMS has recorded stays', () => {
  it("a finished course stays finished, the score never drops below the LMS's", () => {
    const reset = report({ status: 'incomplete', score: 0, completed: 0 });
    expect(keepLmsRecord(reset, { finished: true, score: 0.9 })).toMatchObject({ status: 'completed', score: 0.9 });
    expect(keepLmsRecord(report({ score: 0.5 }), { finished: false, score: 0.2 })).toMatchObject({ status: 'incomplete', score: 0.5 });
    expect(keepLmsRecord(report(), { finished: false, score: null })).toEqual(report());
  });
});

describe('objectives (one per lesson)', () => {
  const lesson = { slug: 'goals', required: ['l02-r1'] };
  const visited = withVisit(emptyProgress('c', 1), 'goals', at(2));
  const failed = withAttempt(visited, 'goals', {}, 0.5, at(3));
  const passed = withAttempt(failed, 'goals', {}, 1, at(4));
  const done = withReflection(passed, 'l02-r1', '書きました', at(5));
  it('a lesson not started sends nothing (the LMS defaults stand)', () => {
    expect(objectiveValues('1.2', 0, emptyProgress('c', 1), lesson, rules)).toEqual([]);
    expect(objectiveValues('2004', 0, emptyProgress('c', 1), lesson, rules)).toEqual([]);
  });
  it('SCORM 1.2: status under the mode and the best quiz score', () => {
    expect(map(objectiveValues('1.2', 3, visited, lesson, rules))).toEqual({ 'cmi.objectives.3.status': 'incomplete' });
    expect(map(objectiveValues('1.2', 3, failed, lesson, rules, 'passed-failed'))).toMatchObject({
      'cmi.objectives.3.status': 'failed',
      'cmi.objectives.3.score.raw': '50',
    });
    expect(map(objectiveValues('1.2', 3, failed, lesson, rules))['cmi.objectives.3.status']).toBe('incomplete');
    expect(map(objectiveValues('1.2', 3, passed, lesson, rules))['cmi.objectives.3.status']).toBe('incomplete'); // reflection missing
    expect(map(objectiveValues('1.2', 3, done, lesson, rules))).toEqual({
      'cmi.objectives.3.status': 'completed',
      'cmi.objectives.3.score.min': '0',
      'cmi.objectives.3.score.max': '100',
      'cmi.objectives.3.score.raw': '100',
    });
  });
  it('SCORM 2004: completion and success apart', () => {
    expect(map(objectiveValues('2004', 0, visited, lesson, rules))).toEqual({
      'cmi.objectives.0.completion_status': 'incomplete',
      'cmi.objectives.0.success_status': 'unknown',
    });
    expect(map(objectiveValues('2004', 0, failed, lesson, rules))).toMatchObject({
      'cmi.objectives.0.success_status': 'failed',
      'cmi.objectives.0.score.scaled': '0.5',
    });
    expect(map(objectiveValues('2004', 0, passed, lesson, rules))).toMatchObject({
      'cmi.objectives.0.completion_status': 'incomplete',
      'cmi.objectives.0.success_status': 'passed',
    });
    expect(map(objectiveValues('2004', 0, done, lesson, rules))['cmi.objectives.0.completion_status']).toBe('completed');
  });
  it('are valid CMI data', () => {
    for (const p of [visited, failed, passed, done])
      for (const mode of STATUS12_MODES) {
        expect(cmiProblems('1.2', [['cmi.objectives.3.id', 'goals'], ...objectiveValues('1.2', 3, p, lesson, rules, mode)])).toEqual([]);
        expect(cmiProblems('2004', [['cmi.objectives.3.id', 'goals'], ...objectiveValues('2004', 3, p, lesson, rules)])).toEqual([]);
      }
  });
});

describe('location and resume', () => {
  it('page keys: lesson slugs, named pages, nothing else', () => {
    expect(pageKey('')).toBe('home');
    expect(pageKey('index.html')).toBe('home');
    expect(pageKey('lessons/goals/')).toBe('goals');
    expect(pageKey('lessons/goals/index.html')).toBe('goals');
    expect(pageKey('conclusion/')).toBe('conclusion');
    expect(pageKey('plan/index.html')).toBe('plan');
    expect(pageKey('launch/')).toBeNull();
    expect(pageKey('home/')).toBeNull();
    expect(pageKey('lessons/')).toBeNull();
    expect(pageKey('embed/host.js')).toBeNull();
  });
  const known = (k: string) => ['home', 'goals', 'importance', 'conclusion'].includes(k);
  it('the launcher record in suspend_data beats a stale cmi.location (Moodle 2004 dropped the change back)', () => {
    // The learner went goals → importance → goals; the LMS kept "importance" as location.
    expect(resumePage({ location: 'importance', record: { page: 'goals', at: 30, n: 0 }, last: { slug: 'goals', at: 30 } }, known)).toBe('goals');
  });
  it('the conclusion page counts, and the newer timed record wins', () => {
    expect(resumePage({ location: 'feedback', record: { page: 'conclusion', at: 50, n: 0 }, last: { slug: 'goals', at: 40 } }, known)).toBe('conclusion');
    expect(resumePage({ location: null, record: { page: 'conclusion', at: 10, n: 0 }, last: { slug: 'goals', at: 40 } }, known)).toBe('goals');
  });
  it('cmi.location is used when suspend_data has no timed record; unknown keys are skipped', () => {
    expect(resumePage({ location: 'importance', record: null, last: null }, known)).toBe('importance');
    expect(resumePage({ location: 'importance', record: { page: 'gone', at: 9, n: 0 }, last: null }, known)).toBe('importance');
    expect(resumePage({ location: 'nowhere', record: null, last: null }, known)).toBeNull();
  });
});

describe('suspend_data', () => {
  const full = (text = (i: number) => `${i}番目のふりかえり。`.padEnd(1500, 'かきくけこ')) => {
    let p = emptyProgress('c', 1);
    for (let i = 1; i <= 10; i++) {
      const slug = `lesson${i}`;
      p = withVisit(p, slug, at(i));
      p = withAttempt(p, slug, { [`l${String(i).padStart(2, '0')}-q1`]: ['a'] }, 1, at(i));
      p = withReflection(p, `l${String(i).padStart(2, '0')}-r1`, text(i), at(i));
    }
    return p;
  };
  /** Japanese text that does not repeat (a compressor gains little on it), `n` characters. */
  const prose = (seed: number, n: number) => Array.from({ length: n }, (_, i) => String.fromCharCode(0x4e00 + ((seed * 7919 + i * 104729) % 20000))).join('');

  it("fits ten long Japanese reflections into 4,096 characters: every quiz result and every reflection's record stay, texts that do not fit are kept as written (away)", () => {
    const p = full((i) => prose(i, 1500));
    const { data, dropped } = suspendData(p, { page: 'lesson10', at: 5, n: 0 }, '1.2', SUSPEND_LIMIT['1.2']);
    expect(data.length).toBeLessThanOrEqual(4096);
    expect(dropped.slice(0, 1)).toEqual(['visits']);
    const back = decodeProgress(readSuspend(data).state, 'c', 99);
    expect(back.warnings).toEqual([]);
    expect(Object.keys(back.progress.quizzes)).toHaveLength(10);
    expect(Object.keys(back.progress.reflections)).toHaveLength(10);
    const away = Object.entries(back.progress.reflections)
      .filter(([, r]) => r.away)
      .map(([id]) => id);
    expect(away.length).toBeGreaterThan(0);
    expect(away.sort()).toEqual(dropped.filter((d) => d.startsWith('l')).sort());
    for (const [id, r] of Object.entries(back.progress.reflections)) if (!r.away) expect(r.text).toBe(p.reflections[id].text);
    // Completion counts them as written: on another device the lessons are complete.
    const lessons = Array.from({ length: 10 }, (_, i) => ({ slug: `lesson${i + 1}`, required: [`l${String(i + 1).padStart(2, '0')}-r1`] }));
    expect(lessons.map((l) => lessonStatus(back.progress, l, rules))).toEqual(lessons.map(() => 'complete'));
  });
  it('the issue #19 journey: ten short reflections stay, before visit times and activity states', () => {
    const p = full((i) => `${i}番目：勉強会で質問する。`);
    const { data, dropped } = suspendData(p, { page: 'lesson10', at: 5, n: 83 }, '1.2', SUSPEND_LIMIT['1.2']);
    expect(data.length).toBeLessThanOrEqual(4096);
    expect(dropped.filter((d) => d.startsWith('l'))).toEqual([]);
    const back = decodeProgress(readSuspend(data).state, 'c', 99).progress;
    for (const [id, r] of Object.entries(p.reflections)) expect(back.reflections[id].text).toBe(r.text);
  });
  it('keeps everything (except last answers) when it fits, as plain JSON', () => {
    const p = full();
    const { data, dropped } = compactForSuspend(p, SUSPEND_LIMIT['2004']);
    expect(dropped).toEqual([]);
    const back = decodeProgress(data, 'c', 99).progress;
    expect(back.reflections).toEqual(p.reflections);
    expect(back.quizzes.lesson1.last).toBeNull();
    expect(p.quizzes.lesson1.last).not.toBeNull(); // the original is not modified
    const plain = suspendData(p, { page: null, at: 0, n: 0 }, '2004', 64000).data;
    expect(plain.startsWith('{')).toBe(true);
  });
  it("drops what the course can do without first (check answers, visit times, activity states), then the learner's texts, reflections last, as whole items", () => {
    const v = (n: number) => ({ updatedAt: n, v: `s.${n}` });
    const p: Progress = {
      ...withVisit(withReflection(emptyProgress('c', 1), 'l01-r1', '短いふりかえり', at(2)), 'goals', at(2)),
      checks: { pre: { answers: { 'l01-p1': ['a'] }, marks: { 'l01-p1': 1 }, score: 1, best: 1, at: 3, skipped: false, attempts: 1, ...v(3) } },
      activities: {
        'l05-a1': {
          kind: 'message',
          state: { fields: { thanks: 'ご無沙汰しております。'.repeat(150), news: '近況をお知らせします。'.repeat(150) } },
          done: true,
          best: null,
          last: null,
          ...v(4),
        },
        'l03-a1': {
          kind: 'sorting',
          state: { placed: Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`item-${i}`, 'passive'])), checked: true },
          done: true,
          best: 1,
          last: { at: 5, result: 1 },
          ...v(5),
        },
      },
      plan: { items: [{ id: 'p1', when: '月曜の朝', action: 'お礼のメッセージを送る', with: '', remind: null }], ...v(6) },
    };
    // From everything kept to everything dropped, every stage in turn.
    const full = compactForSuspend(p, 1e6).data.length;
    const results = Array.from({ length: Math.ceil(full / 20) + 1 }, (_, i) => [full - 20 * i, compactForSuspend(p, full - 20 * i)] as const);
    const stages: string[][] = [];
    for (const [limit, r] of results) {
      // Over the limit only once nothing is left to drop.
      if (r.data.length > limit) expect(r.dropped).toHaveLength(5);
      if (JSON.stringify(stages.at(-1)) !== JSON.stringify(r.dropped)) stages.push(r.dropped);
    }
    expect(stages).toEqual([
      [],
      ['visits'],
      ['visits', 'activities'],
      ['visits', 'activities', 'plan'],
      ['visits', 'activities', 'plan', 'l05-a1'],
      ['visits', 'activities', 'plan', 'l01-r1', 'l05-a1'],
    ]);
    const stage = (dropped: string[]) => results.find(([, r]) => JSON.stringify(r.dropped) === JSON.stringify(dropped))![1];
    const back = decodeProgress(stage(['visits', 'activities', 'plan', 'l05-a1']).data, 'c', 99).progress;
    expect(back.checks.pre).toMatchObject({ answers: {}, marks: { 'l01-p1': 1 }, attempts: 1 });
    // The message builder's record stays (done counts for completion), without its texts.
    expect(back.activities['l05-a1']).toMatchObject({ done: true, slim: true, state: { fields: {} } });
    expect(back.activities['l03-a1']).toMatchObject({ done: true, best: 1, slim: true });
    expect(back.reflections['l01-r1'].text).toBe('短いふりかえり');
    const last = decodeProgress(stage(['visits', 'activities', 'plan', 'l01-r1', 'l05-a1']).data, 'c', 99).progress;
    expect(last.reflections['l01-r1']).toMatchObject({ text: '', away: true, v: p.reflections['l01-r1'].v });
  });
  it('carries the launcher record within the limit, and splits it off again (compressed or not)', () => {
    for (const p of [full(), full((i) => prose(i, 1500))]) {
      const record = { page: 'conclusion', at: 1_764_240_000_000, n: 42 };
      const { data } = suspendData(p, record, '1.2', 4096);
      expect(data.length).toBeLessThanOrEqual(4096);
      const { state, record: back } = readSuspend(data);
      expect(back).toEqual(record);
      expect(state).not.toContain('"lms"');
      const decoded = decodeProgress(state, 'c', 99);
      expect(decoded.warnings).toEqual([]);
      expect(decoded.progress.quizzes).toEqual(decodeProgress(compactForSuspend(p, 1e6).data, 'c', 99).progress.quizzes);
    }
  });
  it("compresses only when plain JSON does not fit, in the form that suits the version's limit", () => {
    const json = encodeProgress(full());
    expect(encodeSuspend(json, '1.2', 1e6)).toBe(json);
    const small = encodeSuspend(json, '1.2', 4096);
    expect(small.startsWith('lz16:')).toBe(true);
    expect(small.length).toBeLessThan(json.length);
    expect(decodeSuspend(small)).toBe(json);
    const bytes = encodeSuspend(json, '2004', 4096);
    expect(bytes.startsWith('lzuri:')).toBe(true);
    expect(suspendSize(bytes, '2004')).toBe(bytes.length); // ASCII: one byte a character
    expect(suspendSize(bytes, '2004')).toBeLessThan(suspendSize(json, '2004'));
    expect(decodeSuspend(bytes)).toBe(json);
    expect(decodeSuspend('lz16:\u1234broken')).toBeNull();
    expect(readSuspend('lzuri:***').state).toBe('lzuri:***'); // unreadable: the course's decoder backs it up
  });
  it('reads data of older packages (no record), and anything else without throwing', () => {
    const old = encodeProgress(emptyProgress('c', 1));
    expect(readSuspend(old)).toEqual({ state: old, record: null });
    expect(readSuspend('')).toEqual({ state: null, record: null });
    expect(readSuspend('not json')).toEqual({ state: 'not json', record: null });
    expect(readSuspend('{"v":2,"lms":{"page":5,"at":1,"n":0}}').record).toBeNull();
    fc.assert(fc.property(fc.string(), (s) => void readSuspend(s)));
  });
  it('always returns decodable data within the limit for any reflection sizes', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 3000 }), { maxLength: 12 }), fc.constantFrom('1.2', '2004'), (texts, version) => {
        let p = emptyProgress('c', 1);
        texts.forEach((t, i) => (p = withReflection(p, `l01-r${i}`, t, at(i + 2))));
        const limit = version === '1.2' ? 4096 : 6000;
        const { data } = suspendData(p, { page: 'goals', at: 5, n: 3 }, version as '1.2' | '2004', limit);
        const { state, record } = readSuspend(data);
        return suspendSize(data, version as '1.2' | '2004') <= limit && record?.n === 3 && decodeProgress(state, 'c', 5).warnings.length === 0;
      }),
      { numRuns: 60 },
    );
  });
  it('the same progress apart from clocks and visit times is the same content (no commit for a relaunch that only reopens pages)', () => {
    const p = full();
    const record = { page: 'lesson2', at: 5, n: 0 };
    const a = suspendData(p, record, '2004', 64000).data;
    const later = withVisit({ ...p, clock: p.clock + 50_000, updatedAt: p.updatedAt + 50_000 }, 'lesson3', at(p.clock + 60_000));
    expect(sameSuspendContent(a, suspendData(later, record, '2004', 64000).data)).toBe(true);
    expect(sameSuspendContent(a, suspendData(later, record, '1.2', 4096).data)).toBe(true);
    expect(sameSuspendContent(a, suspendData(later, { ...record, page: 'lesson3' }, '2004', 64000).data)).toBe(false);
    expect(sameSuspendContent(a, suspendData(withReflection(p, 'l01-r1', '書き直した', at(99)), record, '2004', 64000).data)).toBe(false);
    expect(sameSuspendContent('not json', 'not json either')).toBe(false);
  });
});

describe('reflections kept elsewhere (away)', () => {
  it('the version with its text wins over the same version without it, in either order; an away record counts as written', () => {
    const p = withReflection(emptyProgress('c', 1), 'l01-r1', '本文', at(2));
    const r = p.reflections['l01-r1'];
    const lmsCopy: Progress = { ...p, reflections: { 'l01-r1': { text: '', updatedAt: r.updatedAt, v: r.v, away: true } } };
    expect(decodeProgress(encodeProgress(lmsCopy), 'c', 99).progress.reflections['l01-r1'].away).toBe(true);
    expect(mergeProgress(lmsCopy, p).reflections['l01-r1']).toEqual(r);
    expect(mergeProgress(p, lmsCopy).reflections['l01-r1']).toEqual(r);
    const lesson = { slug: 'goals', required: ['l01-r1'] };
    const passed = withAttempt(lmsCopy, 'goals', {}, 1, at(3));
    expect(lessonStatus(passed, lesson, rules)).toBe('complete');
    // A newer edit made on top of it (on the second device) wins, as any later version does.
    const rewritten = withReflection(lmsCopy, 'l01-r1', '二台目で書き直した', at(5, 'phone'));
    expect(mergeProgress(p, rewritten).reflections['l01-r1'].text).toBe('二台目で書き直した');
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
    p = withMessage(
      p,
      'l05-a1',
      Object.fromEntries(['name', 'thanks', 'news', 'purpose', 'ask', 'org', 'sender'].map((k) => [k, '具体的に書いた一文です。'.repeat(6)])),
      true,
      at2(26),
    );
    p = withPlanItems(
      p,
      Array.from({ length: 5 }, (_, i) => ({
        id: `c${i}`,
        when: '交流会で名刺を交換したら'.repeat(3),
        action: '相手の仕事について質問を一つする'.repeat(3),
        with: '名刺を交換した人',
        remind: '2026-12-04',
      })),
      at2(27),
    );
    return p;
  };

  it('fits SCORM 1.2: every quiz result, every activity record (done, best, last) and every reflection is kept', () => {
    const p = course();
    expect(encodeProgress(p).length).toBeGreaterThan(8000);
    const { data, dropped } = suspendData(p, { page: null, at: 0, n: 0 }, '1.2', SUSPEND_LIMIT['1.2']);
    expect(data.length).toBeLessThanOrEqual(4096);
    const back = decodeProgress(readSuspend(data).state, 'c', 99);
    expect(back.warnings).toEqual([]);
    expect(Object.keys(back.progress.quizzes)).toHaveLength(10);
    expect(Object.keys(back.progress.activities).sort()).toEqual(Object.keys(p.activities).sort());
    for (const [id, a] of Object.entries(p.activities))
      expect(back.progress.activities[id], id).toMatchObject({ kind: a.kind, done: a.done, best: a.best, last: a.last });
    for (const [id, r] of Object.entries(p.reflections)) expect(back.progress.reflections[id].text, id).toBe(r.text);
    // What was left out is named (the course says it stays in this browser) and is really gone.
    for (const d of dropped) expect(['visits', 'activities', 'reviews', 'plan', 'l05-a1', 'reminders']).toContain(d);
    if (dropped.includes('plan')) expect(back.progress.plan).toBeNull();
    else expect(back.progress.plan).toEqual(p.plan);
  });

  it('the LMS copy merged back into the browser copy keeps the full message and activity states (the same version, not slim)', () => {
    const p = course();
    const lms = decodeProgress(compactForSuspend(p, 2500).data, 'c', 99).progress;
    expect(lms.activities['l05-a1'].slim).toBe(true);
    expect(mergeProgress(lms, p).activities['l05-a1']).toEqual(p.activities['l05-a1']);
    expect(mergeProgress(p, lms).activities['l05-a1']).toEqual(p.activities['l05-a1']);
    expect(mergeProgress(lms, p).activities['l03-a1']).toEqual(p.activities['l03-a1']);
  });

  it('keeps everything when it fits (SCORM 2004)', () => {
    const p = course();
    const big = compactForSuspend(p, SUSPEND_LIMIT['2004']);
    expect(big.dropped).toEqual([]);
    expect(decodeProgress(big.data, 'c', 99).progress.activities).toEqual(p.activities);
  });
});

describe('sending only what changed', () => {
  it('never sends a value the LMS holds, and each element once with its last value', () => {
    const ledger = new CmiLedger();
    ledger.know('cmi.core.lesson_status', 'incomplete');
    expect(
      ledger.pending([
        ['cmi.core.lesson_status', 'incomplete'],
        ['cmi.core.score.raw', '20'],
      ]),
    ).toEqual([['cmi.core.score.raw', '20']]);
    expect(
      ledger.pending([
        ['cmi.suspend_data', 'a'],
        ['cmi.suspend_data', 'b'],
      ]),
    ).toEqual([['cmi.suspend_data', 'b']]);
    ledger.know('cmi.suspend_data', 'b');
    expect(ledger.pending([['cmi.suspend_data', 'b']])).toEqual([]);
  });
  it('commits at once at milestones, later for other changes, never when nothing was set', () => {
    const none = { interactions: 0, page: false, status: false, attempts: false };
    expect(commitUrgency({ sent: 0, ...none, page: true })).toBe('none');
    expect(commitUrgency({ sent: 1, ...none })).toBe('change');
    expect(commitUrgency({ sent: 3, ...none, attempts: true })).toBe('milestone');
    expect(commitUrgency({ sent: 8, ...none, interactions: 2 })).toBe('milestone');
    expect(commitUrgency({ sent: 1, ...none, page: true })).toBe('milestone');
    expect(commitUrgency({ sent: 1, ...none, status: true })).toBe('milestone');
  });
});
