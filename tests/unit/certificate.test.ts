import { describe, expect, it } from 'vitest';
import { certificateState } from '../../src/lib/certificate';
import type { LessonRequirement } from '../../src/lib/completion';
import { emptyProgress, type Progress } from '../../src/lib/progress';
import { withAttempt, withReflection } from '../../src/lib/progress-edits';
import type { CompletionRules } from '../../src/lib/schema';

const rules: CompletionRules = { passMark: 0.8, requireReflections: true };
const lessons: LessonRequirement[] = [
  { slug: 'importance', required: ['l01-r1'] },
  { slug: 'goals', required: ['l02-r1', 'l02-r2'] },
  { slug: 'events', required: [] },
];
const base = emptyProgress('networking-ja', 1);
const at = (now: number, session = 't') => ({ now, session });

function complete(): Progress {
  let p = withReflection(withAttempt(base, 'importance', {}, 1, at(100)), 'l01-r1', 'a', at(110));
  p = withAttempt(withAttempt(p, 'goals', {}, 0.6, at(200)), 'goals', {}, 0.8, at(300));
  p = withReflection(withReflection(p, 'l02-r1', 'b', at(250)), 'l02-r2', 'c', at(260));
  return withAttempt(p, 'events', {}, 1, at(400));
}

describe('certificateState', () => {
  it('before anything: every lesson is missing its quiz, and its reflections when it has required ones', () => {
    expect(certificateState(base, lessons, rules)).toEqual({
      complete: false,
      missing: [
        { slug: 'importance', quiz: true, reflections: ['l01-r1'] },
        { slug: 'goals', quiz: true, reflections: ['l02-r1', 'l02-r2'] },
        { slug: 'events', quiz: true, reflections: [] },
      ],
    });
  });

  it('names only what is still missing: a failed quiz, an empty required reflection', () => {
    let p = complete();
    p = withAttempt(withReflection(p, 'l02-r2', '  ', at(500)), 'events', {}, 0.5, at(510)); // a worse retry does not undo a pass
    p = { ...p, quizzes: { ...p.quizzes, importance: { ...p.quizzes.importance, best: 0.6 } } };
    expect(certificateState(p, lessons, rules)).toEqual({
      complete: false,
      missing: [
        { slug: 'importance', quiz: true, reflections: [] },
        { slug: 'goals', quiz: false, reflections: ['l02-r2'] },
      ],
    });
  });

  it('complete: the date is when the last requirement was met, the score the mean of the best scores', () => {
    const s = certificateState(complete(), lessons, rules);
    expect(s).toEqual({ complete: true, completedAt: 400, averageScore: (1 + 0.8 + 1) / 3 });
    // Rewriting a reflection afterwards moves the date to that day.
    expect(certificateState(withReflection(complete(), 'l01-r1', 'new', at(900)), lessons, rules)).toMatchObject({ completedAt: 900 });
  });

  it('without required reflections only the quizzes count', () => {
    const quizOnly = { ...rules, requireReflections: false };
    const p = withAttempt(withAttempt(withAttempt(base, 'importance', {}, 1, at(10)), 'goals', {}, 1, at(20)), 'events', {}, 0.8, at(30));
    expect(certificateState(p, lessons, quizOnly)).toEqual({ complete: true, completedAt: 30, averageScore: (1 + 1 + 0.8) / 3 });
  });

  it('a course without lessons has no certificate', () => {
    expect(certificateState(base, [], rules)).toEqual({ complete: false, missing: [] });
  });
});
