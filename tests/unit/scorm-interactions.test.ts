import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  LMS_CATALOG_VERSION,
  attemptKeys,
  clock12,
  interactionRecords,
  interactionValues,
  newRecords,
  parseLmsCatalog,
  recordIds,
  timestamp2004,
  type Answer,
  type InteractionRecord,
  type LmsCatalog,
} from '../../src/lib/lms/interactions';
import { cmiProblems } from '../../src/lib/lms/cmi-types';
import { emptyProgress, withVisit, type Progress } from '../../src/lib/progress/document';
import type { ActivityRecord } from '../../src/lib/activities/record';
import type { CheckRecord } from '../../src/lib/checks/record';
import { withAttempt } from '../../src/lib/progress/edits';

const at = (now: number) => ({ now, session: 't' });

const catalog: LmsCatalog = {
  v: LMS_CATALOG_VERSION,
  courseId: 'c',
  rules: { passMark: 0.8, requireReflections: true },
  assessment: { finalCheck: 'taken', finalPassMark: null, score: 'final' },
  lessons: [
    {
      slug: 'goals',
      required: ['l02-r1'],
      quiz: [
        { id: 'l02-q1', type: 'single', options: ['a', 'b', 'c', 'd'], correct: ['d'] },
        { id: 'l02-q2', type: 'multiple', options: ['a', 'b', 'c', 'd', 'e'], correct: ['a', 'b', 'd'] },
        { id: 'l02-q3', type: 'truefalse', options: ['true', 'false'], correct: ['false'] },
      ],
      pre: [{ id: 'l02-p1', type: 'single', options: ['a', 'b'], correct: ['a'] }],
      final: [{ id: 'l02-f1', type: 'single', options: ['a', 'b'], correct: ['b'] }],
      practice: [
        {
          id: 'l02-a1',
          kind: 'sorting',
          categories: ['passive', 'active'],
          items: [
            { id: 'notes', category: 'passive' },
            { id: 'ask-speaker', category: 'active' },
          ],
        },
        {
          id: 'l02-a2',
          kind: 'matching',
          answers: ['x1', 'x2', 'x3'],
          pairs: [
            { id: 'p1', answer: 'x2' },
            { id: 'p2', answer: 'x1' },
          ],
        },
        {
          id: 'l02-a3',
          kind: 'conversation',
          start: 'start',
          nodes: [
            { id: 'start', next: ['end-weak', 'mid'], rank: null },
            { id: 'mid', next: ['end-best', 'end-good'], rank: null },
            { id: 'end-best', next: [], rank: 1 },
            { id: 'end-good', next: [], rank: 2 },
            { id: 'end-weak', next: [], rank: 3 },
          ],
        },
        { id: 'l02-a4', kind: 'message' },
      ],
    },
    { slug: 'value', required: [], quiz: [{ id: 'l06-q1', type: 'single', options: ['a', 'b'], correct: ['a'] }], pre: [], final: [], practice: [] },
  ],
};
const T0 = Date.UTC(2026, 11, 1, 1, 0, 0); // 10:00 JST
const opened = withVisit(emptyProgress('c', T0 - 1000), 'goals', at(T0));
const first = withAttempt(opened, 'goals', { 'l02-q1': ['d'], 'l02-q2': ['b', 'a'], 'l02-q3': ['true'] }, 1 / 3, at(T0 + 95_500));
const second = withAttempt(first, 'goals', { 'l02-q1': ['d'], 'l02-q2': ['a', 'b', 'd'], 'l02-q3': ['false'] }, 1, at(T0 + 125_500));

describe('the LMS catalog', () => {
  it('accepts a well-formed catalog of this course only', () => {
    expect(parseLmsCatalog(JSON.parse(JSON.stringify(catalog)), 'c')).toEqual(catalog);
    expect(parseLmsCatalog(catalog, 'other')).toBeNull();
    expect(parseLmsCatalog({ ...catalog, v: 2 }, 'c')).toBeNull();
    expect(
      parseLmsCatalog(
        { ...catalog, lessons: [{ slug: 'x', required: [], quiz: [{ id: 'q', type: 'essay', options: [], correct: [] }], pre: [], final: [] }] },
        'c',
      ),
    ).toBeNull();
    fc.assert(fc.property(fc.anything(), (x) => void parseLmsCatalog(x, 'c')));
  });
});

describe('interaction records', () => {
  it('one per question of the last attempt, with result, attempt number and when it became available', () => {
    const r = interactionRecords(first, catalog);
    expect(r.map((x) => [x.id, x.result, x.attempt, x.group])).toEqual([
      ['l02-q1', 'correct', '1', 'quiz:goals'],
      ['l02-q2', 'incorrect', '1', 'quiz:goals'], // partly right is wrong, as in the quiz
      ['l02-q3', 'incorrect', '1', 'quiz:goals'],
    ]);
    expect(r[0]).toMatchObject({ objective: 'goals', at: T0 + 95_500, since: T0 });
    expect(r[1].answer).toEqual({ type: 'choice', response: ['a', 'b'], correct: [['a', 'b', 'd']], options: ['a', 'b', 'c', 'd', 'e'] });
    expect(r[2].answer).toEqual({ type: 'true-false', response: true, correct: false });
  });
  it('a retry is a new attempt, available from when the previous one was scored', () => {
    const r = interactionRecords(second, catalog, first);
    expect(r.every((x) => x.attempt === '2' && x.result === 'correct' && x.since === T0 + 95_500)).toBe(true);
  });
  it('sends each attempt once: what the LMS had at launch, and what was sent since, is not new', () => {
    expect(newRecords(interactionRecords(first, catalog), attemptKeys(opened))).toHaveLength(3);
    expect(newRecords(interactionRecords(first, catalog), attemptKeys(first))).toHaveLength(0);
    expect(newRecords(interactionRecords(second, catalog, first), attemptKeys(first))).toHaveLength(3);
    // The suspend_data the LMS returns has no answers (compacted), but the attempt counts are there.
    const fromLms = { ...second, quizzes: { goals: { ...second.quizzes.goals, last: null } } };
    expect(newRecords(interactionRecords(second, catalog), attemptKeys(fromLms))).toHaveLength(0);
  });

  const version = (n: number) => ({ updatedAt: T0 + n, v: `s.${n.toString(36)}` });
  const withActivity = (p: Progress, id: string, r: Omit<ActivityRecord, 'updatedAt' | 'v' | 'last'>, n: number): Progress => ({
    ...p,
    activities: { ...p.activities, [id]: { last: null, ...r, ...version(n) } },
  });
  it('a checked sorting or matching activity: one choice per item, among its categories / answers', () => {
    let p = withActivity(
      opened,
      'l02-a1',
      { kind: 'sorting', state: { placed: { notes: 'active', 'ask-speaker': 'active' }, checked: true }, done: true, best: 0.5 },
      60_000,
    );
    p = withActivity(p, 'l02-a2', { kind: 'matching', state: { placed: { p1: 'x2', p2: 'x3' }, checked: true }, done: true, best: 0.5 }, 70_000);
    const r = interactionRecords(p, catalog);
    expect(r.map((x) => [x.id, x.group, x.result])).toEqual([
      ['l02-a1-notes', 'activity:l02-a1', 'incorrect'],
      ['l02-a1-ask-speaker', 'activity:l02-a1', 'correct'],
      ['l02-a2-p1', 'activity:l02-a2', 'correct'],
      ['l02-a2-p2', 'activity:l02-a2', 'incorrect'],
    ]);
    expect(r[0]).toMatchObject({
      objective: 'goals',
      at: T0 + 60_000,
      since: T0,
      answer: { type: 'choice', response: ['active'], correct: [['passive']], options: ['passive', 'active'] },
    });
    // Checking the same placement again is nothing new; a changed one is.
    expect(newRecords(r, attemptKeys(p))).toEqual([]);
    const moved = withActivity(
      p,
      'l02-a1',
      { kind: 'sorting', state: { placed: { notes: 'passive', 'ask-speaker': 'active' }, checked: true }, done: true, best: 1 },
      80_000,
    );
    expect(newRecords(interactionRecords(moved, catalog), attemptKeys(p)).map((x) => x.id)).toEqual(['l02-a1-notes', 'l02-a1-ask-speaker']);
    // Not checked or not finished: nothing to report.
    const unchecked = withActivity(opened, 'l02-a1', { kind: 'sorting', state: { placed: { notes: 'passive' }, checked: false }, done: false, best: null }, 1);
    expect(interactionRecords(unchecked, catalog)).toEqual([]);
  });
  it('a finished conversation: the ending reached, the best ending correct; a composed message: neutral, without its text', () => {
    let p = withActivity(opened, 'l02-a3', { kind: 'conversation', state: { path: [1, 1] }, done: true, best: 2 }, 90_000);
    p = withActivity(p, 'l02-a4', { kind: 'message', state: { fields: { thanks: '個人的な文面' } }, done: true, best: null }, 95_000);
    const [talk, message] = interactionRecords(p, catalog);
    expect(talk).toMatchObject({
      id: 'l02-a3',
      result: 'incorrect',
      answer: { type: 'choice', response: ['end-good'], correct: [['end-best']], options: ['end-best', 'end-good', 'end-weak'] },
    });
    expect(message).toMatchObject({ id: 'l02-a4', result: 'neutral', answer: { type: 'other' } });
    expect(JSON.stringify(interactionValues('2004', 0, message, 0))).not.toContain('個人的');
    const best = withActivity(p, 'l02-a3', { kind: 'conversation', state: { path: [1, 0] }, done: true, best: 1 }, 99_000);
    expect(interactionRecords(best, catalog)[0].result).toBe('correct');
  });
  it('activity records are valid CMI data in both versions (hyphenated ids, endings, no response)', () => {
    let p = withActivity(
      opened,
      'l02-a1',
      { kind: 'sorting', state: { placed: { notes: 'active', 'ask-speaker': 'active' }, checked: true }, done: true, best: 0.5 },
      60_000,
    );
    p = withActivity(p, 'l02-a2', { kind: 'matching', state: { placed: { p1: 'x2' }, checked: true }, done: true, best: 0.5 }, 70_000);
    p = withActivity(p, 'l02-a3', { kind: 'conversation', state: { path: [0] }, done: true, best: 3 }, 90_000);
    p = withActivity(p, 'l02-a4', { kind: 'message', state: { fields: {} }, done: true, best: null }, 95_000);
    const records = interactionRecords(p, catalog);
    expect(records).toHaveLength(2 + 2 + 1 + 1);
    for (const version of ['1.2', '2004'] as const)
      expect(
        cmiProblems(
          version,
          records.flatMap((r, i) => interactionValues(version, i, r, 540)),
        ),
      ).toEqual([]);
    const talk = Object.fromEntries(interactionValues('2004', 0, records[4], 0));
    expect(talk).toMatchObject({ 'cmi.interactions.0.learner_response': 'end_weak', 'cmi.interactions.0.result': 'incorrect' });
    // SCORM 2004 (perItem false): a sorting or matching activity is one "matching" record with every placement.
    const whole = interactionRecords(p, catalog, null, false);
    expect(whole).toHaveLength(1 + 1 + 1 + 1);
    expect(Object.fromEntries(interactionValues('2004', 0, whole[0], 0))).toEqual({
      'cmi.interactions.0.id': 'l02-a1',
      'cmi.interactions.0.type': 'matching',
      'cmi.interactions.0.learner_response': 'notes[.]active[,]ask_speaker[.]active',
      'cmi.interactions.0.result': 'incorrect',
    });
    expect(
      cmiProblems(
        '2004',
        whole.flatMap((r, i) => interactionValues('2004', i, r, 540)),
      ),
    ).toEqual([]);
    expect(recordIds(catalog, false).filter((id) => id.startsWith('l02-a'))).toEqual(['l02-a1', 'l02-a2', 'l02-a3', 'l02-a4']);
    expect(recordIds(catalog, true).filter((id) => id.startsWith('l02-a1'))).toEqual(['l02-a1-notes', 'l02-a1-ask-speaker']);
    // SCORM 1.2: the endings' positions as letters (end-best, end-good, end-weak → a, b, c).
    expect(Object.fromEntries(interactionValues('1.2', 0, records[4], 0))).toMatchObject({
      'cmi.interactions.0.student_response': 'c',
      'cmi.interactions.0.correct_responses.0.pattern': 'a',
    });
    expect(Object.fromEntries(interactionValues('1.2', 0, records[5], 0))).toMatchObject({
      'cmi.interactions.0.type': 'performance',
      'cmi.interactions.0.result': 'neutral',
    });
  });
  it('a submitted check: one record per item of every lesson; a skipped or unsubmitted one: none', () => {
    const check = (over: Partial<CheckRecord>): Progress => ({
      ...opened,
      checks: {
        pre: { answers: { 'l02-p1': ['a'] }, marks: { 'l02-p1': 1 }, score: 1, best: 1, at: T0 + 5000, skipped: false, attempts: 1, ...version(5000), ...over },
      },
    });
    const r = interactionRecords(check({}), catalog);
    expect(r.map((x) => [x.id, x.group, x.attempt, x.result, x.objective])).toEqual([['l02-p1', 'check:pre', '1', 'correct', 'goals']]);
    expect(r[0].since).toBeNull(); // when the check was opened is not recorded
    expect(interactionRecords(check({ skipped: true }), catalog)).toEqual([]);
    expect(interactionRecords(check({ at: null }), catalog)).toEqual([]);
    expect(newRecords(r, attemptKeys(check({})))).toEqual([]);
    expect(newRecords(interactionRecords(check({ attempts: 2, at: T0 + 9000 }), catalog, check({})), attemptKeys(check({})))[0]).toMatchObject({
      attempt: '2',
      since: T0 + 5000,
    });
  });
});

describe('interaction elements', () => {
  const [q1, q2, q3] = interactionRecords(first, catalog);
  const v12 = (r: InteractionRecord, n = 0) => Object.fromEntries(interactionValues('1.2', n, r, 540));
  const v04 = (r: InteractionRecord, n = 0) => Object.fromEntries(interactionValues('2004', n, r, 540));
  it('time formats: SCORM 1.2 clock time, SCORM 2004 UTC timestamp with two decimals and Z', () => {
    expect(clock12(T0, 540)).toBe('10:00:00');
    expect(clock12(T0, -300)).toBe('20:00:00');
    expect(timestamp2004(T0 + 1234)).toBe('2026-12-01T01:00:01.23Z');
  });
  it('SCORM 1.2: single-character choices, t/f, correct/wrong, HHHH:MM:SS latency', () => {
    expect(v12(q2, 4)).toEqual({
      'cmi.interactions.4.id': 'l02-q2',
      'cmi.interactions.4.objectives.0.id': 'goals',
      'cmi.interactions.4.time': '10:00:00',
      'cmi.interactions.4.type': 'choice',
      'cmi.interactions.4.correct_responses.0.pattern': 'a,b,d',
      'cmi.interactions.4.student_response': 'a,b',
      'cmi.interactions.4.result': 'wrong',
      'cmi.interactions.4.latency': '0000:01:35.50',
    });
    expect(v12(q3)).toMatchObject({
      'cmi.interactions.0.type': 'true-false',
      'cmi.interactions.0.student_response': 't',
      'cmi.interactions.0.correct_responses.0.pattern': 'f',
    });
    expect(v12(q1)['cmi.interactions.0.result']).toBe('correct');
  });
  it('SCORM 2004: only what reports use — id, type, the [,]-separated response, correct/incorrect', () => {
    expect(v04(q2, 7)).toEqual({
      'cmi.interactions.7.id': 'l02-q2',
      'cmi.interactions.7.type': 'choice',
      'cmi.interactions.7.learner_response': 'a[,]b',
      'cmi.interactions.7.result': 'incorrect',
    });
    expect(v04(q3)).toEqual({
      'cmi.interactions.0.id': q3.id,
      'cmi.interactions.0.type': 'true-false',
      'cmi.interactions.0.learner_response': 'true',
      'cmi.interactions.0.result': 'incorrect',
    });
  });
  it('the id comes first and the type before any response (SCORM 2004 dependency rules)', () => {
    for (const version of ['1.2', '2004'] as const) {
      const keys = interactionValues(version, 0, q2, 540).map(([k]) => k.split('.').slice(3).join('.'));
      expect(keys[0]).toBe('id');
      expect(keys.indexOf('type')).toBeLessThan(keys.findIndex((k) => k.includes('response')));
    }
  });
  it('no response element for an unanswered question, no latency when the start is unknown', () => {
    const r: InteractionRecord = { ...q1, answer: { ...(q1.answer as Extract<Answer, { type: 'choice' }>), response: [] }, since: null };
    const keys = interactionValues('2004', 0, r, 0).map(([k]) => k);
    expect(keys).not.toContain('cmi.interactions.0.learner_response');
    const keys12 = interactionValues('1.2', 0, r, 0).map(([k]) => k);
    expect(keys12).not.toContain('cmi.interactions.0.student_response');
    expect(keys12).not.toContain('cmi.interactions.0.latency');
  });
  it('option ids that are not single characters get a letter in SCORM 1.2 and a safe identifier in 2004', () => {
    const r: InteractionRecord = { ...q1, answer: { type: 'choice', response: ['opt-2'], correct: [['opt-1']], options: ['opt-1', 'opt-2'] } };
    expect(v12(r)).toMatchObject({ 'cmi.interactions.0.student_response': 'b', 'cmi.interactions.0.correct_responses.0.pattern': 'a' });
    // Mixed ids never share a letter: all options are then lettered by position.
    const mixed: InteractionRecord = { ...q1, answer: { type: 'choice', response: ['b'], correct: [['long']], options: ['long', 'b'] } };
    expect(v12(mixed)).toMatchObject({ 'cmi.interactions.0.student_response': 'b', 'cmi.interactions.0.correct_responses.0.pattern': 'a' });
    expect(v04(r)).toMatchObject({ 'cmi.interactions.0.learner_response': 'opt_2' });
  });
  it('are valid CMI data in both versions for any answers', () => {
    const item = catalog.lessons[0].quiz;
    const answers = fc.record({
      'l02-q1': fc.subarray(['a', 'b', 'c', 'd'], { maxLength: 1 }),
      'l02-q2': fc.subarray(['a', 'b', 'c', 'd', 'e']),
      'l02-q3': fc.subarray(['true', 'false'], { maxLength: 1 }),
    });
    fc.assert(
      fc.property(
        answers,
        fc.integer({ min: 0, max: 3_600_000 }),
        fc.integer({ min: 0, max: 500 }),
        fc.integer({ min: -720, max: 840 }),
        (a, dt, n, offset) => {
          const p = withAttempt(opened, 'goals', a, 0.5, at(T0 + dt));
          const records = interactionRecords(p, catalog);
          expect(records).toHaveLength(item.length);
          for (const version of ['1.2', '2004'] as const) {
            const pairs = records.flatMap((r, i) => interactionValues(version, n + i, r, offset));
            expect(cmiProblems(version, pairs)).toEqual([]);
          }
        },
      ),
    );
  });
});

describe('the CMI type validator', () => {
  it('accepts valid values', () => {
    expect(
      cmiProblems('1.2', [
        ['cmi.core.lesson_status', 'completed'],
        ['cmi.core.lesson_location', 'goals'],
        ['cmi.core.score.raw', '85.5'],
        ['cmi.interactions.0.id', 'l04-q2'],
        ['cmi.interactions.0.type', 'choice'],
        ['cmi.interactions.0.student_response', 'a,c'],
        ['cmi.interactions.0.result', 'wrong'],
        ['cmi.interactions.0.time', '23:59:59.5'],
        ['cmi.interactions.0.latency', '00:00:12'],
        ['cmi.interactions.1.id', 'x'],
        ['cmi.interactions.1.type', 'true-false'],
        ['cmi.interactions.1.correct_responses.0.pattern', '1'],
        ['cmi.objectives.0.id', 'goals'],
        ['cmi.objectives.0.status', 'not attempted'],
      ]),
    ).toEqual([]);
    expect(
      cmiProblems('2004', [
        ['cmi.completion_status', 'completed'],
        ['cmi.success_status', 'unknown'],
        ['cmi.score.scaled', '-0.5'],
        ['cmi.progress_measure', '0.3'],
        ['cmi.interactions.0.id', 'urn:course:l04-q2'],
        ['cmi.interactions.0.type', 'choice'],
        ['cmi.interactions.0.learner_response', ''],
        ['cmi.interactions.0.correct_responses.0.pattern', 'a[,]b'],
        ['cmi.interactions.0.timestamp', '2026-12-01T10:00:00.0+09:00'],
        ['cmi.interactions.0.timestamp', '2026-12-01'],
        ['cmi.interactions.0.latency', 'PT1M0S'],
        ['cmi.interactions.0.result', '0.5'],
        ['cmi.session_time', 'P1DT2H'],
      ]),
    ).toEqual([]);
  });
  it('names every invalid value (each of these is a mistake a launcher could make)', () => {
    const bad12: [string, string][] = [
      ['cmi.core.lesson_status', 'not attempted'], // the SCO may not set it
      ['cmi.core.score.raw', '101'],
      ['cmi.core.lesson_location', 'x'.repeat(256)],
      ['cmi.suspend_data', 'x'.repeat(4097)],
      ['cmi.interactions.0.id', 'l04 q2'], // CMIIdentifier: no white space
      ['cmi.interactions.0.id', '問1'], // nor characters outside printable ASCII
      ['cmi.interactions.0.type', 'choice'],
      ['cmi.interactions.0.student_response', 'a[,]b'], // 2004 syntax
      ['cmi.interactions.0.student_response', 'ab'], // one character per choice
      ['cmi.interactions.0.result', 'incorrect'], // 1.2 says "wrong"
      ['cmi.interactions.0.time', '2026-12-01T10:00:00'],
      ['cmi.interactions.0.latency', 'PT5S'],
      ['cmi.interactions.1.type', 'true-false'],
      ['cmi.interactions.1.student_response', 'true'], // 1.2: 0 1 t f
      ['cmi.interactions.2.type', 'other'], // not a 1.2 type
      ['cmi.objectives.0.status', 'done'],
      ['cmi.interactions.0.description', 'x'], // not a 1.2 element
    ];
    const valid = (el: string, value: string) => /\.type$/.test(el) && value !== 'other';
    const flagged = (version: '1.2' | '2004', pairs: [string, string][]) => cmiProblems(version, pairs).map((p) => p.split(/ = |: /)[0]);
    expect(flagged('1.2', bad12)).toEqual(bad12.filter(([el, value]) => !valid(el, value)).map(([el]) => el));
    const bad04: [string, string][] = [
      ['cmi.completion_status', 'passed'],
      ['cmi.score.scaled', '1.5'],
      ['cmi.interactions.0.type', 'choice'],
      ['cmi.interactions.0.learner_response', 'a,b'], // 1.2 syntax: "a,b" is one identifier with a comma
      ['cmi.interactions.0.learner_response', 'a[,]a'], // a choice set has no repeats
      ['cmi.interactions.0.correct_responses.0.pattern', 'opt-1'], // Moodle: [\w.] only
      ['cmi.interactions.0.timestamp', '2026-12-01T10:00:00Z'], // TZD needs the fraction
      ['cmi.interactions.0.timestamp', '2026-12-01T10:00:00.123Z'], // at most two decimals
      ['cmi.interactions.0.timestamp', '2040-01-01'],
      ['cmi.interactions.0.latency', '00:00:05'],
      ['cmi.interactions.0.latency', 'PT'],
      ['cmi.interactions.0.result', 'wrong'],
      ['cmi.interactions.0.description', 'あ'.repeat(251)],
      ['cmi.session_time', 'P'],
    ];
    expect(flagged('2004', bad04)).toEqual(bad04.filter(([el, value]) => !valid(el, value)).map(([el]) => el));
  });
  it('checks responses against the type set before, also in an earlier batch', () => {
    expect(cmiProblems('2004', [['cmi.interactions.3.learner_response', 'maybe']], { 3: 'true-false' })).toHaveLength(1);
    expect(cmiProblems('2004', [['cmi.interactions.3.learner_response', 'true']], { 3: 'true-false' })).toEqual([]);
  });
});
