import { describe, expect, it } from 'vitest';
import {
  STATUS_LABEL,
  lessonStatus,
  missingActivities,
  missingReflections,
  requiredActivities,
  quizPassed,
  resumeSlug,
  summarize,
  type LessonRequirement,
} from '../../src/lib/course/completion';
import { emptyProgress, withVisit, type Progress } from '../../src/lib/progress/document';
import { withAttempt, withReflection } from '../../src/lib/progress/edits';
import type { CompletionRules } from '../../src/lib/course/schema';

const rules: CompletionRules = { passMark: 0.8, requireReflections: true };
const goals: LessonRequirement = { slug: 'goals', required: ['l02-r1'] };
const intro: LessonRequirement = { slug: 'intro', required: ['l01-r1', 'l01-r2'] };
const follow: LessonRequirement = { slug: 'follow-up', required: [] };
const lessons = [intro, goals, follow];

const at = (now: number, session = 't') => ({ now, session });
const empty = () => emptyProgress('networking-ja', 100);
const pass = (p: Progress, slug: string, score = 1, t = 200) => withAttempt(p, slug, {}, score, at(t));

describe('lessonStatus', () => {
  it('not-started when nothing of the lesson was touched (other lessons do not count)', () => {
    expect(lessonStatus(empty(), goals, rules)).toBe('not-started');
    const other = withReflection(pass(withVisit(empty(), 'intro', at(150)), 'intro'), 'l01-r1', 'x', at(160));
    expect(lessonStatus(other, goals, rules)).toBe('not-started');
  });

  it('in-progress after a visit, a failed quiz or a required reflection alone', () => {
    expect(lessonStatus(withVisit(empty(), 'goals', at(150)), goals, rules)).toBe('in-progress');
    expect(lessonStatus(pass(empty(), 'goals', 0.6), goals, rules)).toBe('in-progress');
    expect(lessonStatus(withReflection(empty(), 'l02-r1', '目標を書いた', at(150)), goals, rules)).toBe('in-progress');
  });

  it('in-progress when the quiz is passed but a required reflection is missing', () => {
    const p = pass(empty(), 'goals');
    expect(quizPassed(p, 'goals', rules)).toBe(true);
    expect(missingReflections(p, goals, rules)).toEqual(['l02-r1']);
    expect(lessonStatus(p, goals, rules)).toBe('in-progress');
  });

  it('complete when the quiz is passed (best attempt) and the required reflections have text', () => {
    let p = withReflection(pass(empty(), 'goals', 0.8), 'l02-r1', '目標を書いた', at(300));
    expect(lessonStatus(p, goals, rules)).toBe('complete');
    // A later worse attempt does not undo completion: the best counts.
    p = pass(p, 'goals', 0.2, 400);
    expect(p.quizzes.goals.best).toBe(0.8);
    expect(lessonStatus(p, goals, rules)).toBe('complete');
    // Every required reflection is needed.
    const q = withReflection(pass(empty(), 'intro'), 'l01-r1', 'a', at(300));
    expect(missingReflections(q, intro, rules)).toEqual(['l01-r2']);
    expect(lessonStatus(q, intro, rules)).toBe('in-progress');
    expect(lessonStatus(withReflection(q, 'l01-r2', 'b', at(310)), intro, rules)).toBe('complete');
  });

  it('a lesson without required reflections is complete with a passed quiz', () => {
    expect(lessonStatus(pass(empty(), 'follow-up'), follow, rules)).toBe('complete');
  });

  it('requireReflections false: a passed quiz is enough', () => {
    const off: CompletionRules = { ...rules, requireReflections: false };
    const p = pass(empty(), 'goals');
    expect(missingReflections(p, goals, off)).toEqual([]);
    expect(lessonStatus(p, goals, off)).toBe('complete');
    expect(lessonStatus(pass(empty(), 'goals', 0.6), goals, off)).toBe('in-progress');
  });

  it('a whitespace-only reflection (incl. full-width spaces and newlines) does not count', () => {
    for (const text of ['', '   ', '\n\t', '\u3000\u3000', ' \u3000\n']) {
      const p = withReflection(pass(empty(), 'goals'), 'l02-r1', text, at(300));
      expect(missingReflections(p, goals, rules), JSON.stringify(text)).toEqual(['l02-r1']);
      expect(lessonStatus(p, goals, rules)).toBe('in-progress');
    }
    expect(lessonStatus(withReflection(pass(empty(), 'goals'), 'l02-r1', ' あ ', at(300)), goals, rules)).toBe('complete');
  });

  it('the pass mark comes from the rules', () => {
    const p = pass(empty(), 'follow-up', 0.6);
    expect(quizPassed(p, 'follow-up', rules)).toBe(false);
    expect(quizPassed(p, 'follow-up', { ...rules, passMark: 0.6 })).toBe(true);
    expect(quizPassed(p, 'follow-up', { ...rules, passMark: 3 / 5 })).toBe(true);
  });

  it('a quiz record with zero attempts is not passed', () => {
    const p: Progress = { ...empty(), quizzes: { goals: { attempts: 0, best: 1, bestAt: 0, last: null } } };
    expect(quizPassed(p, 'goals', rules)).toBe(false);
  });

  // Regression test (fixed): see git history for the original report.
  it('a slug named like an Object.prototype member is not-started when untouched', () => {
    expect(lessonStatus(empty(), { slug: 'constructor', required: [] }, rules)).toBe('not-started');
  });

  it('has a Japanese label for each status', () => {
    expect(STATUS_LABEL).toEqual({ 'not-started': '未着手', 'in-progress': '学習中', complete: '完了' });
  });
});

describe('summarize', () => {
  it('counts completion and averages scores', () => {
    // intro: complete (best 1); goals: attempted, best 0.5; follow-up: untouched.
    let p = withReflection(withReflection(pass(empty(), 'intro', 1), 'l01-r1', 'a', at(300)), 'l01-r2', 'b', at(310));
    p = pass(p, 'goals', 0.5, 320);
    const s = summarize(p, lessons, rules);
    expect(s.statuses).toEqual({ intro: 'complete', goals: 'in-progress', 'follow-up': 'not-started' });
    expect(s.completed).toBe(1);
    expect(s.total).toBe(3);
    expect(s.ratio).toBeCloseTo(1 / 3, 12);
    expect(s.averageScore).toBeCloseTo(0.75, 12); // over attempted lessons only
    expect(s.courseScore).toBeCloseTo(0.5, 12); // (1 + 0.5 + 0) / 3
    expect(s.allComplete).toBe(false);
  });

  it('allComplete once every lesson is complete', () => {
    let p = withReflection(withReflection(pass(empty(), 'intro', 1), 'l01-r1', 'a', at(300)), 'l01-r2', 'b', at(310));
    p = withReflection(pass(p, 'goals', 0.8), 'l02-r1', 'c', at(330));
    p = pass(p, 'follow-up', 0.9);
    const s = summarize(p, lessons, rules);
    expect(s).toMatchObject({ completed: 3, total: 3, ratio: 1, allComplete: true });
    expect(s.averageScore).toBeCloseTo(0.9, 12);
    expect(s.courseScore).toBeCloseTo(0.9, 12);
  });

  it('with nothing done: zeros and a null average', () => {
    expect(summarize(empty(), lessons, rules)).toEqual({
      completed: 0,
      total: 3,
      ratio: 0,
      averageScore: null,
      courseScore: 0,
      allComplete: false,
      statuses: { intro: 'not-started', goals: 'not-started', 'follow-up': 'not-started' },
    });
  });

  it('with no lessons: nothing is complete and nothing divides by zero', () => {
    expect(summarize(pass(empty(), 'goals'), [], rules)).toEqual({
      completed: 0,
      total: 0,
      ratio: 0,
      averageScore: null,
      courseScore: 0,
      allComplete: false,
      statuses: {},
    });
  });

  it('a quiz record without attempts does not count towards the average', () => {
    const p: Progress = {
      ...pass(empty(), 'goals', 0.5),
      quizzes: { ...pass(empty(), 'goals', 0.5).quizzes, intro: { attempts: 0, best: 1, bestAt: 0, last: null } },
    };
    expect(summarize(p, lessons, rules).averageScore).toBeCloseTo(0.5, 12);
  });

  it('ignores quizzes of lessons that are not in the course', () => {
    const s = summarize(pass(empty(), 'removed-lesson', 1), lessons, rules);
    expect(s.averageScore).toBeNull();
    expect(s.courseScore).toBe(0);
  });
});

describe('resumeSlug', () => {
  it('the last visited lesson when it is in the course', () => {
    const p = withVisit(withVisit(empty(), 'follow-up', at(150)), 'goals', at(160));
    expect(resumeSlug(p, lessons, rules)).toBe('goals');
  });

  it('else the first incomplete lesson', () => {
    const done = withReflection(withReflection(pass(empty(), 'intro'), 'l01-r1', 'a', at(300)), 'l01-r2', 'b', at(310));
    expect(resumeSlug(done, lessons, rules)).toBe('goals');
    // A last lesson that no longer exists is ignored.
    expect(resumeSlug(withVisit(done, 'removed-lesson', at(400)), lessons, rules)).toBe('goals');
    expect(resumeSlug(empty(), lessons, rules)).toBe('intro');
  });

  it('else the first lesson, or null without lessons', () => {
    let p = withReflection(withReflection(pass(empty(), 'intro'), 'l01-r1', 'a', at(300)), 'l01-r2', 'b', at(310));
    p = withReflection(pass(p, 'goals'), 'l02-r1', 'c', at(330));
    p = pass(p, 'follow-up');
    expect(resumeSlug(p, lessons, rules)).toBe('intro');
    expect(resumeSlug(empty(), [], rules)).toBeNull();
  });
});

describe('required activities (course.yaml completion.activities)', () => {
  const withActivity: LessonRequirement = { slug: 'goals', required: ['l02-r1'], activities: ['l02-a1'] };
  const passed = () => withReflection(pass(empty(), 'goals'), 'l02-r1', '目標', at(300));

  it('a lesson is complete only once its required activity is done, whatever the score', async () => {
    const { withCheck, withPlacement } = await import('../../src/lib/activities/edits');
    expect(lessonStatus(passed(), withActivity, rules)).toBe('in-progress');
    expect(missingActivities(passed(), withActivity)).toEqual(['l02-a1']);
    const placedOnly = withPlacement(passed(), 'l02-a1', 'matching', { career: 'leader' }, at(400));
    expect(lessonStatus(placedOnly, withActivity, rules)).toBe('in-progress');
    const checked = withCheck(placedOnly, 'l02-a1', 'matching', { career: 'hub' }, 0, true, at(500));
    expect(lessonStatus(checked, withActivity, rules)).toBe('complete');
    expect(summarize(checked, [withActivity], rules)).toMatchObject({ completed: 1, allComplete: true });
  });

  it('an activity alone marks the lesson as started', async () => {
    const { withConversation } = await import('../../src/lib/activities/edits');
    expect(lessonStatus(withConversation(empty(), 'l02-a1', [0], null, at(200)), withActivity, rules)).toBe('in-progress');
  });

  it('requiredActivities resolves "all", "none" and a list, and names an id no lesson has', () => {
    const ls = [
      { slug: 'goals', activities: ['l02-a1'] },
      { slug: 'communication', activities: ['l04-a1', 'l04-a2'] },
      { slug: 'importance', activities: [] },
    ];
    expect(requiredActivities('all', ls)).toEqual({ goals: ['l02-a1'], communication: ['l04-a1', 'l04-a2'], importance: [] });
    expect(requiredActivities('none', ls)).toEqual({ goals: [], communication: [], importance: [] });
    expect(requiredActivities(['l04-a2'], ls)).toEqual({ goals: [], communication: ['l04-a2'], importance: [] });
    expect(() => requiredActivities(['l04-a1', 'l09-a7'], ls)).toThrow('completion.activities lists "l09-a7", which no lesson has');
  });
});
