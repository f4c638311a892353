import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  envelope,
  isTrustedOrigin,
  parseCourseMessage,
  parseHostMessage,
  parseOriginList,
  progressReport,
} from '../../src/lib/embed-protocol';
import { emptyProgress } from '../../src/lib/progress';
import { withAttempt, withReflection } from '../../src/lib/progress-edits';

const at = (now: number, session = 't') => ({ now, session });
const rules = { passMark: 0.8, requireReflections: true };
const lessons = [
  { slug: 'a', required: ['l01-r1'] },
  { slug: 'b', required: ['l02-r1'] },
];

describe('host messages', () => {
  it('accepts a well-formed init and stored', () => {
    expect(parseHostMessage(envelope({ type: 'init', persist: true, state: '{}' }))).toEqual({ type: 'init', persist: true, state: '{}' });
    expect(parseHostMessage({ protocol: 'course-embed', version: 1, type: 'init' })).toEqual({ type: 'init', persist: false, state: null });
    expect(parseHostMessage(envelope({ type: 'stored', dropped: ['l01-r1'] }))).toEqual({ type: 'stored', dropped: ['l01-r1'] });
    expect(parseHostMessage(envelope({ type: 'init', persist: true, state: null, keeper: 'lms', frame: 'fixed' }))).toEqual({ type: 'init', persist: true, state: null, keeper: 'lms', frame: 'fixed' });
    // An unknown keeper is left out (the course then says "the embedding site").
    expect(parseHostMessage({ ...envelope({ type: 'init', persist: true, state: null }), keeper: 'cloud', frame: 'big' })).toEqual({ type: 'init', persist: true, state: null });
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
    const report = progressReport(emptyProgress('c', 1), lessons, rules, 'a');
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
  it('drops a ready message\'s page when it would leave the course root', () => {
    for (const page of ['../x/', 'a/../../b', '/abs/', 'https://evil.example/', 'x'.repeat(201)])
      expect(parseCourseMessage(envelope({ type: 'ready', courseId: 'c', lesson: null, page }))).toEqual({ type: 'ready', courseId: 'c', lesson: null });
  });
  it('rejects a progress message with a made-up status', () => {
    const report = progressReport(emptyProgress('c', 1), lessons, rules, null);
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

describe('progress report', () => {
  it('is incomplete / unknown at the start', () => {
    expect(progressReport(emptyProgress('c', 1), lessons, rules, null)).toMatchObject({
      completed: 0, total: 2, score: 0, status: 'incomplete', success: 'unknown', attempts: 0,
    });
  });
  it('fails when every quiz was tried and the score is below the pass mark', () => {
    let p = withAttempt(emptyProgress('c', 1), 'a', {}, 0.5, at(2));
    p = withAttempt(p, 'b', {}, 0.5, at(3));
    expect(progressReport(p, lessons, rules, 'b')).toMatchObject({ success: 'failed', score: 0.5, attempts: 2, lesson: 'b' });
  });
  it('fails when one quiz is below the pass mark even if the average reaches it', () => {
    let p = withAttempt(emptyProgress('c', 1), 'a', {}, 1, at(2));
    p = withAttempt(p, 'b', {}, 0.6, at(3));
    expect(progressReport(p, lessons, rules, null)).toMatchObject({ score: 0.8, success: 'failed' });
  });
  it('is completed / passed when every lesson is complete', () => {
    let p = withAttempt(emptyProgress('c', 1), 'a', {}, 1, at(2));
    p = withAttempt(p, 'b', {}, 0.8, at(3));
    expect(progressReport(p, lessons, rules, null).status).toBe('incomplete'); // reflections missing
    p = withReflection(withReflection(p, 'l01-r1', 'x', at(4)), 'l02-r1', 'y', at(5));
    expect(progressReport(p, lessons, rules, null)).toMatchObject({ status: 'completed', success: 'passed', completed: 2, score: 0.9 });
  });
});
