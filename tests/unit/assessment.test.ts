import { describe, expect, it } from 'vitest';
import {
  DEFAULT_ASSESSMENT,
  canRetakeFinal,
  courseComplete,
  finalMissing,
  finalOpen,
  readAssessment,
  reportedScore,
  reportedSuccess,
  lessonDoneInWords,
  rulesInWords,
} from '../../src/lib/course/assessment';
import { withCheckSubmitted } from '../../src/lib/checks/edits';
import { COURSE_INDEX_VERSION, parseCourseIndex } from '../../src/lib/course/course-index';
import { emptyProgress, type Progress } from '../../src/lib/progress/document';
import { withAttempt, withReflection } from '../../src/lib/progress/edits';
import { courseSchema, type AssessmentRules, type CompletionRules } from '../../src/lib/course/schema';
import type { ScorableQuestion } from '../../src/lib/course/scoring';
import { ASSESSMENT_TEXT } from '../../src/lib/text/ui-text';

const rules = { passMark: 0.8, requireReflections: true };
const lessons = [
  { slug: 'a', required: ['l01-r1'] },
  { slug: 'b', required: [] },
];
const at = (now: number) => ({ now, session: 's' });
const opt = (id: string, correct: boolean) => ({ id, text: id, correct, feedback: id });
const finals: ScorableQuestion[] = ['l01-f1', 'l02-f1'].map((id) => ({ id, type: 'single', options: [opt('a', true), opt('b', false)] }));
const done = (): Progress => withReflection(withAttempt(withAttempt(emptyProgress('c', 1), 'a', {}, 1, at(2)), 'b', {}, 0.8, at(3)), 'l01-r1', 'x', at(4));
const half = (p: Progress, t = 10) => withCheckSubmitted(p, 'final', finals, { 'l01-f1': ['a'], 'l02-f1': ['b'] }, at(t));
const full = (p: Progress, t = 20) => withCheckSubmitted(p, 'final', finals, { 'l01-f1': ['a'], 'l02-f1': ['a'] }, at(t));
const passed: AssessmentRules = { finalCheck: 'passed', finalPassMark: 0.6, score: 'final' };
const optional: AssessmentRules = { finalCheck: 'optional', finalPassMark: null, score: 'quizzes' };

describe('when the final check opens, and whether it can be taken again', () => {
  it('opens only once every lesson is complete, so it measures what the course taught', () => {
    expect(finalOpen(withAttempt(emptyProgress('c', 1), 'a', {}, 1, at(2)), lessons, rules, DEFAULT_ASSESSMENT)).toBe(false);
    expect(finalOpen(done(), lessons, rules, DEFAULT_ASSESSMENT)).toBe(true);
  });
  it('is taken once unless completion needs it passed: then again while below the mark, not after passing', () => {
    expect(finalOpen(half(done()), lessons, rules, DEFAULT_ASSESSMENT)).toBe(false);
    expect(canRetakeFinal(half(done()).checks.final, DEFAULT_ASSESSMENT)).toBe(false);
    expect(canRetakeFinal(half(done()).checks.final, { ...passed, finalPassMark: 0.75 })).toBe(true);
    expect(finalOpen(half(done()), lessons, rules, { ...passed, finalPassMark: 0.75 })).toBe(true);
    expect(canRetakeFinal(full(half(done())).checks.final, { ...passed, finalPassMark: 0.75 })).toBe(false);
    expect(canRetakeFinal(undefined, passed)).toBe(false);
  });
});

describe('completion', () => {
  it('needs nothing of the final check when optional, the check taken when "taken", the mark when "passed"', () => {
    expect(finalMissing(done(), optional)).toBeNull();
    expect(finalMissing(done(), DEFAULT_ASSESSMENT)).toBe('take');
    expect(finalMissing(half(done()), DEFAULT_ASSESSMENT)).toBeNull();
    expect(finalMissing(done(), { ...passed, finalPassMark: 0.75 })).toBe('take');
    expect(finalMissing(half(done()), { ...passed, finalPassMark: 0.75 })).toBe('pass');
    expect(finalMissing(full(half(done())), passed)).toBeNull();
  });
  it('the course is complete with every lesson and what the final check needs', () => {
    expect(courseComplete(done(), lessons, rules, optional)).toBe(true);
    expect(courseComplete(done(), lessons, rules, DEFAULT_ASSESSMENT)).toBe(false);
    expect(courseComplete(half(done()), lessons, rules, DEFAULT_ASSESSMENT)).toBe(true);
    expect(courseComplete(half(emptyProgress('c', 1)), lessons, rules, DEFAULT_ASSESSMENT)).toBe(false);
  });
});

describe('the score and pass/fail hosts receive', () => {
  it('score "final": the final check\'s best score, 0 before it; "quizzes": the mean of the best quiz scores', () => {
    expect(reportedScore(done(), lessons, rules, DEFAULT_ASSESSMENT)).toBe(0);
    expect(reportedScore(half(done()), lessons, rules, DEFAULT_ASSESSMENT)).toBe(0.5);
    expect(reportedScore(half(full(done())), lessons, rules, DEFAULT_ASSESSMENT)).toBe(1);
    expect(reportedScore(half(done()), lessons, rules, optional)).toBe(0.9);
  });
  it('success follows the score: the final check\'s pass mark, none without one, the quizzes\' rule for "quizzes"', () => {
    expect(reportedSuccess(half(done()), lessons, rules, DEFAULT_ASSESSMENT)).toBe('unknown');
    expect(reportedSuccess(done(), lessons, rules, passed)).toBe('unknown');
    expect(reportedSuccess(withCheckSubmitted(done(), 'final', finals, {}, at(9)), lessons, rules, passed)).toBe('failed');
    expect(reportedSuccess(full(done()), lessons, rules, passed)).toBe('passed');
    expect(reportedSuccess(done(), lessons, rules, optional)).toBe('passed');
  });
});

describe('what completes a lesson, in words (home page)', () => {
  const done = (r: Partial<CompletionRules>) => lessonDoneInWords({ ...rules, ...r }, ASSESSMENT_TEXT);
  it('says exactly the steps the rules require, each joined and the last one ending the sentence', () => {
    expect(done({ activities: 'all', requireReflections: true })).toBe(
      'クイズで合格ライン（80%）に届き、練習を終え、必須のふりかえりを書くとレッスン完了です。',
    );
    expect(done({ activities: ['l04-a1'], requireReflections: true })).toBe(
      'クイズで合格ライン（80%）に届き、必須の練習を終え、必須のふりかえりを書くとレッスン完了です。',
    );
    expect(done({ activities: 'none', requireReflections: true })).toBe('クイズで合格ライン（80%）に届き、必須のふりかえりを書くとレッスン完了です。');
    expect(done({ activities: 'all', requireReflections: false })).toBe('クイズで合格ライン（80%）に届き、練習を終えるとレッスン完了です。');
    expect(done({ activities: 'none', requireReflections: false, passMark: 0.6 })).toBe('クイズで合格ライン（60%）に届くとレッスン完了です。');
  });
});

describe('the rules in words', () => {
  const words = (a: AssessmentRules, r = rules) => rulesInWords(a, r, 10, ASSESSMENT_TEXT);
  it('the default: all lessons and the final check taken; the final check score, no pass/fail', () => {
    expect(words(DEFAULT_ASSESSMENT)).toEqual({
      completion:
        '修了には、全10レッスンの完了（確認クイズで80%以上と、必須のふりかえりの記入）と、修了テストを受けること（得点は問いません）が必要です。修了テストは、すべてのレッスンを終えたあとに一度だけ受けられます。',
      score: '学習管理システム（LMS）や埋め込み先に送られる得点は、修了テストの得点です（受けるまでは0点）。合格・不合格の判定は送られません。',
      precheck: '事前チェックは、始める前の出発点を確かめるためのもので、修了の条件にも得点にも含まれません。',
    });
  });
  it('a pass mark, the quizzes, an optional final check and reflections not required are all said', () => {
    expect(words(passed).completion).toContain('修了テストで60%以上の得点が必要です。');
    expect(words(passed).completion).toContain('60%に届かなかったときは、選択肢の順番を変えてもう一度受けられます。');
    expect(words(passed).score).toContain('60%以上で合格として記録されます。');
    expect(words(optional).completion).toContain('が必要です。修了テストは任意です。');
    expect(words(optional).score).toBe(
      '学習管理システム（LMS）や埋め込み先に送られる得点は、全レッスンの確認クイズの最高スコアの平均です。すべての確認クイズに合格すると、合格として記録されます。',
    );
    expect(words(DEFAULT_ASSESSMENT, { passMark: 0.7, requireReflections: false }).completion).toMatch(
      /^修了には、全10レッスンの完了（確認クイズで70%以上）と、/,
    );
    for (const a of [DEFAULT_ASSESSMENT, passed, optional]) expect(JSON.stringify(words(a))).not.toMatch(/\{\w+\}/);
  });
});

describe('course.yaml assessment block', () => {
  const course = { courseId: 'c', title: 't', shortTitle: 's', description: 'd', intro: 'i', outcomes: ['o'], conclusion: 'c' };
  it("defaults to this course's choice when absent", () => {
    expect(courseSchema.parse(course).assessment).toEqual(DEFAULT_ASSESSMENT);
  });
  it('rejects finalCheck: passed without a pass mark, and unknown values, with a message for the author', () => {
    const r = courseSchema.safeParse({ ...course, assessment: { finalCheck: 'passed' } });
    expect(r.success).toBe(false);
    expect(JSON.stringify(r.error?.issues)).toContain('finalCheck: passed needs a finalPassMark');
    expect(courseSchema.safeParse({ ...course, assessment: { score: 'best' } }).success).toBe(false);
    expect(courseSchema.safeParse({ ...course, assessment: { finalPassMark: 1.2 } }).success).toBe(false);
    expect(courseSchema.parse({ ...course, assessment: { finalCheck: 'passed', finalPassMark: 0.7, score: 'quizzes' } }).assessment).toEqual({
      finalCheck: 'passed',
      finalPassMark: 0.7,
      score: 'quizzes',
    });
  });
});

describe('the course index carries the assessment rules (for the embed bridge)', () => {
  const index = { v: COURSE_INDEX_VERSION, courseId: 'c', rules, assessment: DEFAULT_ASSESSMENT, units: [], lessons: [] };
  it('the index keeps them; the bridge reads them and reports nothing by rules it cannot read', () => {
    expect(readAssessment(parseCourseIndex(index, 'c')?.assessment)).toEqual(DEFAULT_ASSESSMENT);
    const { assessment: _, ...old } = index;
    expect(readAssessment(parseCourseIndex(old, 'c')?.assessment)).toBeNull();
    for (const bad of [{ score: 'x' }, { finalPassMark: 2 }, { finalCheck: 'passed' }, { finalCheck: 'always' }])
      expect(readAssessment({ ...DEFAULT_ASSESSMENT, ...bad }), JSON.stringify(bad)).toBeNull();
    expect(readAssessment(null)).toBeNull();
    expect(readAssessment({ finalCheck: 'passed', finalPassMark: 0.7, score: 'quizzes', extra: 1 })).toEqual({
      finalCheck: 'passed',
      finalPassMark: 0.7,
      score: 'quizzes',
    });
  });
});
