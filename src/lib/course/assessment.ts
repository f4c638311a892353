/**
 * Course-level rules around the final check (course.yaml `assessment`): when the course is
 * complete, whether the final check may be taken (again), and the score and pass/fail that embed
 * hosts and the LMS receive — plus the same rules in words for learners. Pure. Not loaded with the
 * lesson pages' first view (the table of contents needs lesson statuses only: completion.ts).
 */
import type { CheckRecord } from '../checks/record';
import { taken } from '../checks/results';
import { isPassing, quizPassed, summarize, type LessonRequirement } from './completion';
import type { Progress } from '../progress/document';
import type { AssessmentRules, CompletionRules } from './schema';

/** This course's defaults (the schema's): completion needs the final check taken; the score is the final check's. */
export const DEFAULT_ASSESSMENT: AssessmentRules = { finalCheck: 'taken', finalPassMark: null, score: 'final' };

/** Checks rules that arrived at run time (the course index); null unless well-formed. Never throws. */
export function readAssessment(x: unknown): AssessmentRules | null {
  if (typeof x !== 'object' || x === null) return null;
  const { finalCheck, finalPassMark, score } = x as Record<string, unknown>;
  const mark = finalPassMark === null || (typeof finalPassMark === 'number' && finalPassMark >= 0 && finalPassMark <= 1);
  if (!['optional', 'taken', 'passed'].includes(finalCheck as string) || !mark || !['final', 'quizzes'].includes(score as string)) return null;
  if (finalCheck === 'passed' && finalPassMark === null) return null;
  return { finalCheck, finalPassMark, score } as AssessmentRules;
}

/** What the course still needs of the final check: take it, reach the pass mark, or nothing (null). */
export function finalMissing(p: Progress, a: AssessmentRules): 'take' | 'pass' | null {
  const c = p.checks.final;
  if (a.finalCheck === 'optional') return null;
  if (!taken(c)) return 'take';
  return a.finalCheck === 'passed' && !isPassing(c.best, a.finalPassMark ?? 0) ? 'pass' : null;
}

/** Every lesson complete and what the final check needs done: the course is complete (certificate, LMS "completed"). */
export const courseComplete = (p: Progress, lessons: readonly LessonRequirement[], rules: CompletionRules, a: AssessmentRules) =>
  summarize(p, lessons, rules).allComplete && finalMissing(p, a) === null;

/**
 * Whether the final check can be started now: once every lesson is complete (so it measures what
 * the course taught), never taken — or, when completion needs it passed, not passed yet.
 */
export function finalOpen(p: Progress, lessons: readonly LessonRequirement[], rules: CompletionRules, a: AssessmentRules): boolean {
  if (!summarize(p, lessons, rules).allComplete) return false;
  return !taken(p.checks.final) || canRetakeFinal(p.checks.final, a);
}

/** A retake is offered only when completion needs the final check passed and the best score is below the mark. */
export const canRetakeFinal = (c: CheckRecord | undefined, a: AssessmentRules) =>
  taken(c) && a.finalCheck === 'passed' && !isPassing(c.best, a.finalPassMark ?? 0);

/** The score hosts and the LMS receive (0-1): the final check's best, or the mean of the best lesson quiz scores. */
export function reportedScore(p: Progress, lessons: readonly LessonRequirement[], rules: CompletionRules, a: AssessmentRules): number {
  if (a.score === 'final') return taken(p.checks.final) ? p.checks.final.best : 0;
  return summarize(p, lessons, rules).courseScore;
}

/**
 * Pass/fail as hosts and the LMS receive it, for what the score measures. Score "final": passed /
 * failed at finalPassMark once the final check is taken, unknown before or without a pass mark.
 * Score "quizzes": passed when every lesson quiz is passed, failed when every quiz was attempted
 * but not all passed, otherwise unknown.
 */
export function reportedSuccess(
  p: Progress,
  lessons: readonly LessonRequirement[],
  rules: CompletionRules,
  a: AssessmentRules,
): 'passed' | 'failed' | 'unknown' {
  if (a.score === 'final') {
    const c = p.checks.final;
    if (a.finalPassMark === null || !taken(c)) return 'unknown';
    return isPassing(c.best, a.finalPassMark) ? 'passed' : 'failed';
  }
  if (lessons.every((l) => quizPassed(p, l.slug, rules))) return 'passed';
  return lessons.every((l) => (p.quizzes[l.slug]?.attempts ?? 0) > 0) ? 'failed' : 'unknown';
}

/** The sentences that tell learners the rules (ASSESSMENT_TEXT in src/lib/text/ui-text.ts). */
export interface AssessmentText {
  lessons: string;
  lessonsQuizOnly: string;
  optional: string;
  taken: string;
  passed: string;
  once: string;
  retake: string;
  scoreFinal: string;
  scoreQuizzes: string;
  passFinal: string;
  noPass: string;
  passQuizzes: string;
  precheck: string;
  /**
   * What completes one lesson, step by step, each in its joining form and its final form
   * (「…に届き、」 / 「…に届く」): the quiz, every practice activity or the required ones, the required reflections.
   */
  lessonSteps: Record<'quiz' | 'allPractice' | 'somePractice' | 'reflections', readonly [string, string]>;
  /** The sentence around the steps: {steps} is the joined steps. */
  lessonDone: string;
}

const pct = (x: number) => `${Math.round(x * 100)}%`;
const fillIn = (s: string, v: Record<string, string | number>) => s.replace(/\{(\w+)\}/g, (m, k: string) => (k in v ? String(v[k]) : m));

/**
 * What completes a lesson, in one sentence, e.g. 「クイズで合格ライン（80%）に届き、練習を終え、必須の
 * ふりかえりを書くとレッスン完了です。」: from the same rules the course applies (src/lib/course/completion.ts).
 */
export function lessonDoneInWords(rules: CompletionRules, t: AssessmentText): string {
  const practice = rules.activities === 'none' ? null : rules.activities === 'all' || rules.activities === undefined ? 'allPractice' : 'somePractice';
  const steps = (['quiz', practice, rules.requireReflections ? 'reflections' : null] as const).filter((k) => k !== null).map((k) => t.lessonSteps[k]);
  const joined = steps.map(([joining, final], i) => (i < steps.length - 1 ? `${joining}、` : final)).join('');
  return fillIn(fillIn(t.lessonDone, { steps: joined }), { quizPass: pct(rules.passMark) });
}

/**
 * The rules in words, e.g. 「修了には、全10レッスンの完了と修了テストの受験が必要です。…」 (completion)
 * and 「LMSや埋め込み先に送られる得点は、修了テストの得点です。…」 (score). Built at build time.
 */
export function rulesInWords(
  a: AssessmentRules,
  rules: CompletionRules,
  lessonCount: number,
  t: AssessmentText,
): { completion: string; score: string; precheck: string } {
  const v = { n: lessonCount, quizPass: pct(rules.passMark), pass: a.finalPassMark === null ? '' : pct(a.finalPassMark) };
  const completion = [
    fillIn(rules.requireReflections ? t.lessons : t.lessonsQuizOnly, v),
    fillIn(t[a.finalCheck], v),
    a.finalCheck === 'passed' ? fillIn(t.retake, v) : fillIn(t.once, v),
  ];
  const score =
    a.score === 'final'
      ? [fillIn(t.scoreFinal, v), fillIn(a.finalPassMark === null ? t.noPass : t.passFinal, v)]
      : [fillIn(t.scoreQuizzes, v), fillIn(t.passQuizzes, v)];
  return { completion: completion.join(''), score: score.join(''), precheck: t.precheck };
}
