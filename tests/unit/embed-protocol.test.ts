import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { envelope, isTrustedOrigin, parseCourseMessage, parseHostMessage, parseOriginList, progressReport } from '../../src/lib/lms/embed-protocol';
import { emptyProgress, type Progress } from '../../src/lib/progress/document';
import { withAttempt, withReflection } from '../../src/lib/progress/edits';
import { withCheckSkipped, withCheckSubmitted } from '../../src/lib/checks/edits';
import { DEFAULT_ASSESSMENT } from '../../src/lib/course/assessment';
import type { AssessmentRules } from '../../src/lib/course/schema';

const at = (now: number, session = 't') => ({ now, session });
const rules = { passMark: 0.8, requireReflections: true };
const lessons = [
  { slug: 'a', required: ['l01-r1'] },
  { slug: 'b', required: ['l02-r1'] },
];
/** The rules before the final check existed: completion = lessons, score = quizzes. */
const QUIZZES: AssessmentRules = { finalCheck: 'optional', finalPassMark: null, score: 'quizzes' };

describe('host messages', () => {
  it('accepts a well-formed init and stored', () => {
    expect(parseHostMessage(envelope({ type: 'init', persist: true, state: '{}' }))).toEqual({ type: 'init', persist: true, state: '{}' });
    expect(parseHostMessage({ protocol: 'course-embed', version: 1, type: 'init' })).toEqual({ type: 'init', persist: false, state: null });
    expect(parseHostMessage(envelope({ type: 'stored', dropped: ['l01-r1'] }))).toEqual({ type: 'stored', dropped: ['l01-r1'] });
    expect(parseHostMessage(envelope({ type: 'init', persist: true, state: null, keeper: 'lms', frame: 'fixed' }))).toEqual({
      type: 'init',
      persist: true,
      state: null,
      keeper: 'lms',
      frame: 'fixed',
    });
    // An unknown keeper is left out (the course then says "the embedding site").
    expect(parseHostMessage({ ...envelope({ type: 'init', persist: true, state: null }), keeper: 'cloud', frame: 'big' })).toEqual({
      type: 'init',
      persist: true,
      state: null,
    });
  });
  it('ignores other protocols, versions, types and bad payloads', () => {
    expect(parseHostMessage({ protocol: 'other', version: 1, type: 'init' })).toBeNull();
    expect(parseHostMessage({ protocol: 'course-embed', version: 2, type: 'init' })).toBeNull();
    expect(parseHostMessage({ protocol: 'course-embed', version: 1, type: 'resize', height: 3 })).toBeNull();
    expect(parseHostMessage({ protocol: 'course-embed', version: 1, type: 'init', state: 42 })).toBeNull();
    expect(parseHostMessage({ protocol: 'course-embed', version: 1, type: 'init', state: 'x'.repeat(1_000_001) })).toBeNull();
    expect(parseHostMessage({ protocol: 'course-embed', version: 1, type: 'stored', dropped: [1] })).toBeNull();
  });
  it('never throws on arbitrary input', () => {
    fc.assert(fc.property(fc.anything(), (x) => void parseHostMessage(x)));
    fc.assert(fc.property(fc.anything(), (x) => void parseCourseMessage(x)));
  });
});

describe('course messages', () => {
  it('round-trips every message type', () => {
    const report = progressReport(emptyProgress('c', 1), lessons, rules, 'a', QUIZZES);
    for (const m of [
      { type: 'ready', courseId: 'c', lesson: 'a' },
      { type: 'ready', courseId: 'c', lesson: null },
      { type: 'ready', courseId: 'c', lesson: null, page: 'conclusion/' },
      { type: 'ready', courseId: 'c', lesson: 'a', page: 'lessons/a/' },
      { type: 'resize', height: 1200 },
      { type: 'completed', courseId: 'c', score: 1 },
      { type: 'state', courseId: 'c', state: '{"v":1}' },
      { type: 'progress', ...report },
    ] as const)
      expect(parseCourseMessage(envelope(m))).toEqual(m);
  });
  it("drops a ready message's page when it would leave the course root", () => {
    for (const page of ['../x/', 'a/../../b', '/abs/', 'https://evil.example/', 'x'.repeat(201)])
      expect(parseCourseMessage(envelope({ type: 'ready', courseId: 'c', lesson: null, page }))).toEqual({ type: 'ready', courseId: 'c', lesson: null });
  });
  it('rejects a progress message with a made-up status', () => {
    const report = progressReport(emptyProgress('c', 1), lessons, rules, null, QUIZZES);
    expect(parseCourseMessage(envelope({ type: 'progress', ...report, status: 'done' as never }))).toBeNull();
    expect(parseCourseMessage({ ...envelope({ type: 'resize', height: 5 }), height: -1 })).toBeNull();
  });
});

describe('origins', () => {
  it('trusts only its own origin and the allowlist', () => {
    const own = 'https://course.example';
    expect(isTrustedOrigin(own, own, [])).toBe(true);
    expect(isTrustedOrigin('https://lms.example', own, ['https://lms.example'])).toBe(true);
    expect(isTrustedOrigin('https://evil.example', own, ['https://lms.example'])).toBe(false);
    expect(isTrustedOrigin('null', own, ['*'])).toBe(false);
    expect(isTrustedOrigin('https://any.example', own, ['*'])).toBe(true);
  });
  it('parses an origin list, dropping anything that is not an origin', () => {
    expect(parseOriginList('https://a.example, http://127.0.0.1:4351  https://b.example/path javascript:x *')).toEqual([
      'https://a.example',
      'http://127.0.0.1:4351',
      '*',
    ]);
    expect(parseOriginList(undefined)).toEqual([]);
  });
});

describe('progress report (score: quizzes, final check optional: the rules before the final check)', () => {
  it('is incomplete / unknown at the start', () => {
    expect(progressReport(emptyProgress('c', 1), lessons, rules, null, QUIZZES)).toMatchObject({
      completed: 0,
      total: 2,
      score: 0,
      status: 'incomplete',
      success: 'unknown',
      attempts: 0,
    });
  });
  it('fails when every quiz was tried and the score is below the pass mark', () => {
    let p = withAttempt(emptyProgress('c', 1), 'a', {}, 0.5, at(2));
    p = withAttempt(p, 'b', {}, 0.5, at(3));
    expect(progressReport(p, lessons, rules, 'b', QUIZZES)).toMatchObject({ success: 'failed', score: 0.5, attempts: 2, lesson: 'b' });
  });
  it('fails when one quiz is below the pass mark even if the average reaches it', () => {
    let p = withAttempt(emptyProgress('c', 1), 'a', {}, 1, at(2));
    p = withAttempt(p, 'b', {}, 0.6, at(3));
    expect(progressReport(p, lessons, rules, null, QUIZZES)).toMatchObject({ score: 0.8, success: 'failed' });
  });
  it('is completed / passed when every lesson is complete', () => {
    let p = withAttempt(emptyProgress('c', 1), 'a', {}, 1, at(2));
    p = withAttempt(p, 'b', {}, 0.8, at(3));
    expect(progressReport(p, lessons, rules, null, QUIZZES).status).toBe('incomplete'); // reflections missing
    p = withReflection(withReflection(p, 'l01-r1', 'x', at(4)), 'l02-r1', 'y', at(5));
    expect(progressReport(p, lessons, rules, null, QUIZZES)).toMatchObject({ status: 'completed', success: 'passed', completed: 2, score: 0.9 });
  });
});

const opt = (id: string, correct: boolean) => ({ id, text: id, correct, feedback: id });
const finals = [
  { id: 'l01-f1', type: 'single' as const, options: [opt('a', true), opt('b', false)] },
  { id: 'l02-f1', type: 'single' as const, options: [opt('a', false), opt('b', true)] },
];
/** Both lessons complete (quizzes at 100 % and 80 %, reflections written). */
function lessonsDone(): Progress {
  const p = withAttempt(withAttempt(emptyProgress('c', 1), 'a', {}, 1, at(2)), 'b', {}, 0.8, at(3));
  return withReflection(withReflection(p, 'l01-r1', 'x', at(4)), 'l02-r1', 'y', at(5));
}
const takeFinal = (p: Progress, answers: Record<string, string[]>, t = 10) => withCheckSubmitted(p, 'final', finals, answers, at(t));

describe('progress report with the default rules (completion needs the final check taken; score = final check, no pass/fail)', () => {
  it('the default is what the course uses: taken, no pass mark, the final check score', () => {
    expect(DEFAULT_ASSESSMENT).toEqual({ finalCheck: 'taken', finalPassMark: null, score: 'final' });
  });
  it('every lesson complete is not enough: incomplete, score 0, until the final check is taken', () => {
    expect(progressReport(lessonsDone(), lessons, rules, null, DEFAULT_ASSESSMENT)).toMatchObject({
      completed: 2,
      status: 'incomplete',
      score: 0,
      success: 'unknown',
    });
  });
  it("after the final check: completed, its score (not the quizzes' 90 %), success unknown; the submission counts as an attempt", () => {
    const p = takeFinal(lessonsDone(), { 'l01-f1': ['a'], 'l02-f1': ['a'] });
    expect(progressReport(p, lessons, rules, null, DEFAULT_ASSESSMENT)).toMatchObject({ status: 'completed', score: 0.5, success: 'unknown', attempts: 3 });
  });
  it('a final check taken before the lessons are complete does not complete the course', () => {
    const p = takeFinal(emptyProgress('c', 1), { 'l01-f1': ['a'], 'l02-f1': ['b'] });
    expect(progressReport(p, lessons, rules, null, DEFAULT_ASSESSMENT)).toMatchObject({ status: 'incomplete', score: 1 });
  });
  it('the pre-check never counts: not for the score, not for completion (only as an attempt, for the commit)', () => {
    const pre = [{ id: 'l01-p1', type: 'single' as const, options: [opt('a', true), opt('b', false)] }];
    const p = withCheckSubmitted(lessonsDone(), 'pre', pre, { 'l01-p1': ['a'] }, at(6));
    expect(progressReport(p, lessons, rules, null, DEFAULT_ASSESSMENT)).toMatchObject({ status: 'incomplete', score: 0, attempts: 3 });
    expect(progressReport(withCheckSkipped(lessonsDone(), 'pre', at(6)), lessons, rules, null, DEFAULT_ASSESSMENT)).toMatchObject({
      status: 'incomplete',
      attempts: 2,
    });
  });
});

describe('progress report with a final check pass mark', () => {
  const mark: AssessmentRules = { finalCheck: 'taken', finalPassMark: 0.75, score: 'final' };
  const needsPass: AssessmentRules = { finalCheck: 'passed', finalPassMark: 0.75, score: 'final' };
  it('passed / failed at the mark once taken; unknown before', () => {
    expect(progressReport(lessonsDone(), lessons, rules, null, mark).success).toBe('unknown');
    expect(progressReport(takeFinal(lessonsDone(), { 'l01-f1': ['a'], 'l02-f1': ['a'] }), lessons, rules, null, mark)).toMatchObject({
      status: 'completed',
      success: 'failed',
      score: 0.5,
    });
    expect(progressReport(takeFinal(lessonsDone(), { 'l01-f1': ['a'], 'l02-f1': ['b'] }), lessons, rules, null, mark)).toMatchObject({
      status: 'completed',
      success: 'passed',
      score: 1,
    });
  });
  it('finalCheck: passed — below the mark the course stays incomplete; a passing retake completes it with the best score', () => {
    let p = takeFinal(lessonsDone(), { 'l01-f1': ['a'], 'l02-f1': ['a'] });
    expect(progressReport(p, lessons, rules, null, needsPass)).toMatchObject({ status: 'incomplete', success: 'failed', score: 0.5 });
    p = takeFinal(p, { 'l01-f1': ['a'], 'l02-f1': ['b'] }, 20);
    expect(progressReport(p, lessons, rules, null, needsPass)).toMatchObject({ status: 'completed', success: 'passed', score: 1, attempts: 4 });
    // A worse retake would not lower what was reached.
    expect(progressReport(takeFinal(p, {}, 30), lessons, rules, null, needsPass)).toMatchObject({ status: 'completed', success: 'passed', score: 1 });
  });
  it("score: quizzes with a final check requirement: the quizzes' mean and pass rule, completion still needs the final check", () => {
    const quizzesButFinal: AssessmentRules = { finalCheck: 'taken', finalPassMark: null, score: 'quizzes' };
    expect(progressReport(lessonsDone(), lessons, rules, null, quizzesButFinal)).toMatchObject({ status: 'incomplete', score: 0.9, success: 'passed' });
    expect(progressReport(takeFinal(lessonsDone(), {}), lessons, rules, null, quizzesButFinal)).toMatchObject({ status: 'completed', score: 0.9 });
  });
});
