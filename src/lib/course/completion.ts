/** Completion rules: when a lesson and the course count as done. Pure; rules come from course.yaml. */
import type { CompletionRules } from './schema';
import type { Progress } from '../progress/document';

/** Whether a score (0-1) reaches the pass mark, tolerant of floating-point noise (4/5 vs 0.8). */
export const isPassing = (score: number, passMark: number) => score + 1e-9 >= passMark;

/** What completion needs to know about a lesson (small enough to pass to islands as props). */
export interface LessonRequirement {
  slug: string;
  /** Ids of reflections that must have text. */
  required: string[];
  /** Ids of practice activities that must be done (course.yaml `completion.activities`); absent = none. */
  activities?: string[];
}

export type LessonStatus = 'not-started' | 'in-progress' | 'complete';

/** Japanese labels for the statuses, as shown in the table of contents. */
export const STATUS_LABEL: Record<LessonStatus, string> = {
  'not-started': '未着手',
  'in-progress': '学習中',
  complete: '完了',
};

/** Whether the quiz of a lesson has been passed (best attempt). */
export function quizPassed(p: Progress, slug: string, rules: CompletionRules): boolean {
  const q = p.quizzes[slug];
  return !!q && q.attempts > 0 && isPassing(q.best, rules.passMark);
}

/** Required reflections of a lesson that are still empty. */
export function missingReflections(p: Progress, lesson: LessonRequirement, rules: CompletionRules): string[] {
  if (!rules.requireReflections) return [];
  // A reflection whose text is kept in another browser (an LMS copy without it) was written.
  return lesson.required.filter((id) => !(p.reflections[id]?.away || p.reflections[id]?.text.trim()));
}

/** Required practice activities of a lesson that are not done yet. */
export const missingActivities = (p: Progress, lesson: LessonRequirement): string[] =>
  (lesson.activities ?? []).filter((id) => !(Object.hasOwn(p.activities, id) && p.activities[id].done));

/** A lesson is complete when its quiz is passed, its required reflections have text and its required activities are done. */
export function lessonStatus(p: Progress, lesson: LessonRequirement, rules: CompletionRules): LessonStatus {
  if (quizPassed(p, lesson.slug, rules) && missingReflections(p, lesson, rules).length === 0 && missingActivities(p, lesson).length === 0) return 'complete';
  const touched =
    Object.hasOwn(p.lessons, lesson.slug) ||
    Object.hasOwn(p.quizzes, lesson.slug) ||
    lesson.required.some((id) => Object.hasOwn(p.reflections, id)) ||
    (lesson.activities ?? []).some((id) => Object.hasOwn(p.activities, id));
  return touched ? 'in-progress' : 'not-started';
}

export interface CourseSummary {
  completed: number;
  total: number;
  /** completed / total, 0-1. */
  ratio: number;
  /** Mean of the best quiz scores over lessons with at least one attempt, or null. */
  averageScore: number | null;
  /** Mean of the best quiz scores over ALL lessons (unattempted count as 0), 0-1: the course score. */
  courseScore: number;
  allComplete: boolean;
  statuses: Record<string, LessonStatus>;
}

/** Course-wide numbers for the home page, conclusion, certificate and the LMS. */
export function summarize(p: Progress, lessons: readonly LessonRequirement[], rules: CompletionRules): CourseSummary {
  const statuses: Record<string, LessonStatus> = {};
  for (const l of lessons) statuses[l.slug] = lessonStatus(p, l, rules);
  const completed = lessons.filter((l) => statuses[l.slug] === 'complete').length;
  const attempted = lessons.map((l) => p.quizzes[l.slug]).filter((q) => q && q.attempts > 0);
  const total = lessons.length;
  return {
    completed,
    total,
    ratio: total ? completed / total : 0,
    averageScore: attempted.length ? attempted.reduce((s, q) => s + q!.best, 0) / attempted.length : null,
    courseScore: total ? lessons.reduce((s, l) => s + (p.quizzes[l.slug]?.best ?? 0), 0) / total : 0,
    allComplete: total > 0 && completed === total,
    statuses,
  };
}

/**
 * The activity ids each lesson needs for completion under `rule` (course.yaml
 * `completion.activities`), from each lesson's activity ids. Throws, naming the id, when the
 * rule lists an activity that no lesson has (a build-time authoring error).
 */
export function requiredActivities(
  rule: 'all' | 'none' | readonly string[],
  lessons: readonly { slug: string; activities: readonly string[] }[],
): Record<string, string[]> {
  if (Array.isArray(rule)) {
    const known = new Set(lessons.flatMap((l) => l.activities));
    const unknown = rule.filter((id) => !known.has(id));
    if (unknown.length)
      throw new Error(
        `content/course.yaml: completion.activities lists ${unknown.map((id) => `"${id}"`).join(', ')}, which no lesson has (activities: ${[...known].join(', ') || 'none'}).`,
      );
  }
  return Object.fromEntries(
    lessons.map((l) => [l.slug, rule === 'all' ? [...l.activities] : rule === 'none' ? [] : l.activities.filter((id) => rule.includes(id))]),
  );
}

/** Where "続きから" leads: the last lesson visited, or else the first incomplete one, or else the first. */
export function resumeSlug(p: Progress, lessons: readonly LessonRequirement[], rules: CompletionRules): string | null {
  if (p.last && lessons.some((l) => l.slug === p.last!.slug)) return p.last.slug;
  return lessons.find((l) => lessonStatus(p, l, rules) !== 'complete')?.slug ?? lessons[0]?.slug ?? null;
}
