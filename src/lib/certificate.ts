/** The certificate (修了証): whether it can be shown, and if not, what is still missing. Pure. */
import type { CompletionRules } from './schema';
import type { Progress } from './progress';
import { missingActivities, missingReflections, quizPassed, summarize, type LessonRequirement } from './completion';

/** What a lesson still needs before the course is complete. */
export interface MissingPart {
  slug: string;
  /** The quiz has not reached the pass mark yet. */
  quiz: boolean;
  /** Required reflections that are still empty. */
  reflections: string[];
  /** Required practice activities not done yet. */
  activities: string[];
}

export type CertificateState =
  | { complete: true; completedAt: number; averageScore: number }
  | { complete: false; missing: MissingPart[] };

/**
 * Complete when every lesson is. `completedAt` is when the last requirement was met as saved: the
 * latest of each lesson's best quiz result, its required reflections and activities (so rewriting a reflection
 * later moves the date to that day). `averageScore` is the mean of the best quiz scores.
 */
export function certificateState(p: Progress, lessons: readonly LessonRequirement[], rules: CompletionRules): CertificateState {
  const missing = lessons
    .map((l) => ({ slug: l.slug, quiz: !quizPassed(p, l.slug, rules), reflections: missingReflections(p, l, rules), activities: missingActivities(p, l) }))
    .filter((m) => m.quiz || m.reflections.length > 0 || m.activities.length > 0);
  if (missing.length || !lessons.length) return { complete: false, missing };
  const times = lessons.flatMap((l) => [
    p.quizzes[l.slug].bestAt,
    ...(rules.requireReflections ? l.required.map((id) => p.reflections[id].updatedAt) : []),
    ...(l.activities ?? []).map((id) => p.activities[id].last?.at ?? p.activities[id].updatedAt),
  ]);
  return { complete: true, completedAt: Math.max(...times), averageScore: summarize(p, lessons, rules).averageScore ?? 0 };
}
