import { describe, expect, it } from 'vitest';
import { certificateState } from '../../src/lib/plan/certificate';
import type { LessonRequirement } from '../../src/lib/course/completion';
import { emptyProgress, type Progress } from '../../src/lib/progress/document';
import { withAttempt, withReflection } from '../../src/lib/progress/edits';
import type { AssessmentRules, CompletionRules } from '../../src/lib/course/schema';
import { withCheckSubmitted } from '../../src/lib/checks/edits';

const rules: CompletionRules = { passMark: 0.8, requireReflections: true };
const lessons: LessonRequirement[] = [
  { slug: 'importance', required: ['l01-r1'] },
  { slug: 'goals', required: ['l02-r1', 'l02-r2'] },
  { slug: 'events', required: [] },
];
const base = emptyProgress('networking-ja', 1);
/** The final check optional: completion = every lesson (the rules before the final check existed). */
const optional: AssessmentRules = { finalCheck: 'optional', finalPassMark: null, score: 'final' };
const at = (now: number, session = 't') => ({ now, session });

function complete(): Progress {
  let p = withReflection(withAttempt(base, 'importance', {}, 1, at(100)), 'l01-r1', 'a', at(110));
  p = withAttempt(withAttempt(p, 'goals', {}, 0.6, at(200)), 'goals', {}, 0.8, at(300));
  p = withReflection(withReflection(p, 'l02-r1', 'b', at(250)), 'l02-r2', 'c', at(260));
  return withAttempt(p, 'events', {}, 1, at(400));
}

describe('certificateState', () => {
  it('before anything: every lesson is missing its quiz, and its reflections when it has required ones', () => {
    expect(certificateState(base, lessons, rules, optional)).toEqual({
      complete: false,
      missing: [
        { slug: 'importance', quiz: true, reflections: ['l01-r1'], activities: [] },
        { slug: 'goals', quiz: true, reflections: ['l02-r1', 'l02-r2'], activities: [] },
        { slug: 'events', quiz: true, reflections: [], activities: [] },
      ],
      final: null,
    });
  });

  it('names only what is still missing: a failed quiz, an empty required reflection', () => {
    let p = complete();
    p = withAttempt(withReflection(p, 'l02-r2', '  ', at(500)), 'events', {}, 0.5, at(510)); // a worse retry does not undo a pass
    p = { ...p, quizzes: { ...p.quizzes, importance: { ...p.quizzes.importance, best: 0.6 } } };
    expect(certificateState(p, lessons, rules, optional)).toEqual({
      complete: false,
      missing: [
        { slug: 'importance', quiz: true, reflections: [], activities: [] },
        { slug: 'goals', quiz: false, reflections: ['l02-r2'], activities: [] },
      ],
      final: null,
    });
  });

  it('complete: the date is when the last requirement was met, the score the mean of the best scores', () => {
    const s = certificateState(complete(), lessons, rules, optional);
    expect(s).toEqual({ complete: true, completedAt: 400, averageScore: (1 + 0.8 + 1) / 3, finalScore: null });
    // Rewriting a reflection afterwards moves the date to that day.
    expect(certificateState(withReflection(complete(), 'l01-r1', 'new', at(900)), lessons, rules, optional)).toMatchObject({ completedAt: 900 });
  });

  it('without required reflections only the quizzes count', () => {
    const quizOnly = { ...rules, requireReflections: false };
    const p = withAttempt(withAttempt(withAttempt(base, 'importance', {}, 1, at(10)), 'goals', {}, 1, at(20)), 'events', {}, 0.8, at(30));
    expect(certificateState(p, lessons, quizOnly, optional)).toEqual({ complete: true, completedAt: 30, averageScore: (1 + 1 + 0.8) / 3, finalScore: null });
  });

  it('a course without lessons has no certificate', () => {
    expect(certificateState(base, [], rules, optional)).toEqual({ complete: false, missing: [], final: null });
  });

  describe('with the final check required', () => {
    const finals = [
      {
        id: 'l01-f1',
        type: 'single' as const,
        options: [
          { id: 'a', text: 'a', correct: true, feedback: 'a' },
          { id: 'b', text: 'b', correct: false, feedback: 'b' },
        ],
      },
      {
        id: 'l02-f1',
        type: 'single' as const,
        options: [
          { id: 'a', text: 'a', correct: false, feedback: 'a' },
          { id: 'b', text: 'b', correct: true, feedback: 'b' },
        ],
      },
    ];
    const taken: AssessmentRules = { finalCheck: 'taken', finalPassMark: null, score: 'final' };
    const passed: AssessmentRules = { finalCheck: 'passed', finalPassMark: 0.75, score: 'final' };
    it('names the final check as missing, together with any lessons, until it is taken', () => {
      expect(certificateState(base, lessons, rules, taken)).toMatchObject({ complete: false, final: 'take' });
      expect(certificateState(complete(), lessons, rules, taken)).toEqual({ complete: false, missing: [], final: 'take' });
    });
    it('taken: complete at any score, dated by the final check when it came last, with its score', () => {
      const p = withCheckSubmitted(complete(), 'final', finals, { 'l01-f1': ['a'], 'l02-f1': ['a'] }, at(1000));
      expect(certificateState(p, lessons, rules, taken)).toEqual({ complete: true, completedAt: 1000, averageScore: (1 + 0.8 + 1) / 3, finalScore: 0.5 });
    });
    it('passed: below the pass mark it asks for the pass, a passing retake completes it', () => {
      let p = withCheckSubmitted(complete(), 'final', finals, { 'l01-f1': ['a'], 'l02-f1': ['a'] }, at(1000));
      expect(certificateState(p, lessons, rules, passed)).toEqual({ complete: false, missing: [], final: 'pass' });
      p = withCheckSubmitted(p, 'final', finals, { 'l01-f1': ['a'], 'l02-f1': ['b'] }, at(2000));
      expect(certificateState(p, lessons, rules, passed)).toMatchObject({ complete: true, completedAt: 2000, finalScore: 1 });
    });
    it('optional: a final check taken is shown but does not move the date', () => {
      const p = withCheckSubmitted(complete(), 'final', finals, { 'l01-f1': ['a'], 'l02-f1': ['b'] }, at(1000));
      expect(certificateState(p, lessons, rules, optional)).toMatchObject({ complete: true, completedAt: 400, finalScore: 1 });
    });
  });
});

describe('certificateState with required activities', () => {
  const withActs: LessonRequirement[] = [{ ...lessons[0] }, { ...lessons[1], activities: ['l02-a1'] }, { ...lessons[2] }];
  it('names an activity not done yet, and dates completion by when the activity was finished', async () => {
    const { withCheck } = await import('../../src/lib/activities/edits');
    expect(certificateState(complete(), withActs, rules, optional)).toEqual({
      complete: false,
      missing: [{ slug: 'goals', quiz: false, reflections: [], activities: ['l02-a1'] }],
      final: null,
    });
    const done = withCheck(complete(), 'l02-a1', 'matching', { career: 'leader' }, 0.2, true, at(900));
    expect(certificateState(done, withActs, rules, optional)).toMatchObject({ complete: true, completedAt: 900 });
  });
});
