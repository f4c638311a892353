import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { IMPORT_MAX_BYTES, overview, progressFile, progressFileName, readProgressFile } from '../../src/lib/progress/files';
import { PROGRESS_VERSION, emptyProgress, withVisit, type Progress } from '../../src/lib/progress/document';
import { withAttempt, withName, withReflection, withReminders } from '../../src/lib/progress/edits';
import { withMistakes } from '../../src/lib/plan/review-schedule';
import type { LessonRequirement } from '../../src/lib/course/completion';

const COURSE = 'networking-ja';
const NOW = 1_764_240_000_000;
const at = (now: number, session = 't') => ({ now, session });
const rules = { passMark: 0.8, requireReflections: true };
const lessons: LessonRequirement[] = [
  { slug: 'importance', required: ['l01-r1'] },
  { slug: 'goals', required: ['l02-r1'] },
];

function sample(): Progress {
  let p = withVisit(emptyProgress(COURSE, 1000), 'importance', at(1100));
  p = withAttempt(p, 'importance', { 'l01-q1': ['c'] }, 1, at(1200));
  p = withReflection(p, 'l01-r1', '社内の勉強会で、営業企画の人と話す。', at(1300));
  p = withAttempt(p, 'goals', { 'l02-q1': ['a'] }, 0.5, at(1400));
  p = withMistakes(p, ['l02-q1', 'l02-q2'], at(1400));
  p = withName(p, '山田 花子', at(1500));
  return withReminders(p, [{ id: 'a', who: '佐藤さん', every: 'quarterly' }], at(1600));
}
const read = (text: string, bytes = new TextEncoder().encode(text).length) => readProgressFile(text, bytes, COURSE, NOW);

describe('progress files', () => {
  it('an exported file reads back as the same document', () => {
    const p = sample();
    expect(read(progressFile(p))).toEqual({ ok: true, progress: p });
  });

  it('the file name carries the local date', () => {
    expect(progressFileName(new Date(2026, 10, 27, 23, 30).getTime())).toBe('networking-progress-20261127.json');
  });

  it('a file from version 1 is migrated', () => {
    const v1 = {
      v: 1,
      courseId: COURSE,
      createdAt: 1,
      updatedAt: 2,
      last: null,
      lessons: {},
      quizzes: {},
      reflections: { 'l01-r1': { text: '古い記録', updatedAt: 2 } },
    };
    const r = read(JSON.stringify(v1));
    expect(r.ok && r.progress).toEqual({
      ...v1,
      v: 3,
      epoch: 0,
      clock: 2,
      // The migrated reflection gets a version id derived from its content ("m<hash>.0").
      reflections: { 'l01-r1': { text: '古い記録', updatedAt: 2, v: expect.stringMatching(/^m[0-9a-z]+\.0$/) } },
      reviews: {},
      profile: {},
      drafts: {},
      activities: {},
      checks: {},
      plan: null,
      challenge: {},
    });
    // ... the same id on every device (every read of the same file).
    const again = read(JSON.stringify(v1));
    expect(again.ok && again.progress.reflections['l01-r1'].v).toBe(r.ok && r.progress.reflections['l01-r1'].v);
  });

  it('a file from version 2 is migrated, every edited item getting a version', () => {
    const v2 = {
      v: 2,
      courseId: COURSE,
      createdAt: 1,
      updatedAt: 5,
      last: null,
      lessons: {},
      quizzes: {},
      reflections: { 'l01-r1': { text: '古い記録', updatedAt: 2 } },
      reviews: { 'l02-q1': { box: 1, due: 9, updatedAt: 3 } },
      profile: { name: { text: '山田 花子', updatedAt: 4 }, reminders: { people: [{ id: 'a', who: '佐藤さん', every: 'monthly' }], updatedAt: 5 } },
    };
    const r = read(JSON.stringify(v2));
    const version = expect.stringMatching(/^m[0-9a-z]+\.0$/);
    expect(r.ok && r.progress).toEqual({
      ...v2,
      v: 3,
      epoch: 0,
      clock: 5,
      reflections: { 'l01-r1': { ...v2.reflections['l01-r1'], v: version } },
      reviews: { 'l02-q1': { ...v2.reviews['l02-q1'], v: version } },
      profile: { name: { ...v2.profile.name, v: version }, reminders: { ...v2.profile.reminders, v: version } },
      drafts: {},
      activities: {},
      checks: {},
      plan: null,
      challenge: {},
    });
  });

  it.each([
    ['too large (as the browser reports the size)', () => read('{}', IMPORT_MAX_BYTES + 1), 'too-large'],
    ['too large (text)', () => read(' '.repeat(IMPORT_MAX_BYTES + 1), 10), 'too-large'],
    ['empty', () => read(''), 'not-json'],
    ['not JSON', () => read('{"v":2,'), 'not-json'],
    ['JSON but not an object', () => read('[1,2]'), 'not-progress'],
    ['no version', () => read(JSON.stringify({ ...sample(), v: undefined })), 'not-progress'],
    ['no course id', () => read(JSON.stringify({ ...sample(), courseId: undefined })), 'not-progress'],
    ['another course', () => read(progressFile({ ...sample(), courseId: 'other-course' })), 'foreign-course'],
    ['a newer version', () => read(progressFile({ ...sample(), v: (PROGRESS_VERSION + 1) as never })), 'newer-version'],
    ['a missing part', () => read(JSON.stringify({ ...sample(), quizzes: undefined })), 'damaged'],
    ['a file without reviews', () => read(JSON.stringify({ ...sample(), reviews: undefined })), 'damaged'],
    ['a v2 file without reviews', () => read(JSON.stringify({ ...sample(), v: 2, reviews: undefined })), 'damaged'],
    ['no createdAt', () => read(JSON.stringify({ ...sample(), createdAt: 'yesterday' })), 'damaged'],
    ['one unreadable reflection', () => read(JSON.stringify({ ...sample(), reflections: { 'l01-r1': { text: 5, updatedAt: 1, v: 't.1' } } })), 'damaged'],
    ['a bad review', () => read(JSON.stringify({ ...sample(), reviews: { 'l02-q1': { box: 9, due: 1, updatedAt: 1, v: 't.1' } } })), 'damaged'],
    ['a bad profile', () => read(JSON.stringify({ ...sample(), profile: { name: 42 } })), 'damaged'],
  ])('refuses a file that is %s', (_label, run, error) => {
    expect(run()).toEqual({ ok: false, error });
  });

  it('never throws, and accepts only what decodes cleanly', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: 'binary' }),
          fc.json(),
          fc.jsonValue().map((v) => JSON.stringify({ ...sample(), lessons: v })),
        ),
        (text) => {
          const r = read(text);
          if (r.ok) expect(readProgressFile(progressFile(r.progress), 0, COURSE, NOW)).toEqual(r);
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('overview', () => {
  it('summarises what a document holds', () => {
    expect(overview(sample(), lessons, rules)).toEqual({
      completed: 1,
      total: 2,
      quizzes: 2,
      reflections: 1,
      reviews: 2,
      reminders: 1,
      name: '山田 花子',
      updatedAt: 1600,
    });
    expect(overview(emptyProgress(COURSE, 5), lessons, rules)).toEqual({
      completed: 0,
      total: 2,
      quizzes: 0,
      reflections: 0,
      reviews: 0,
      reminders: 0,
      name: '',
      updatedAt: 5,
    });
  });
});
