/** The certificate (修了証): whether it can be shown, and if not, what is still missing. Pure. */
import type { AssessmentRules, CompletionRules } from '../course/schema';
import type { Progress } from '../progress/document';
import { missingActivities, missingReflections, quizPassed, summarize, type LessonRequirement } from '../course/completion';
import { finalMissing } from '../course/assessment';
import { taken } from '../checks/results';

/** What a lesson still needs before the course is complete. */
interface MissingPart {
  slug: string;
  /** The quiz has not reached the pass mark yet. */
  quiz: boolean;
  /** Required reflections that are still empty. */
  reflections: string[];
  /** Required practice activities not done yet. */
  activities: string[];
}

export type CertificateState =
  | { complete: true; completedAt: number; averageScore: number; finalScore: number | null }
  /** `final`: what the final check still needs (take it, or reach its pass mark), if anything. */
  | { complete: false; missing: MissingPart[]; final: 'take' | 'pass' | null };

/**
 * Complete when every lesson is and the final check has what course.yaml `assessment.finalCheck`
 * asks (taken, or passed). `completedAt` is when the last requirement was met as saved: the latest
 * of each lesson's best quiz result, its required reflections and activities (so rewriting a
 * reflection later moves the date to that day) and the required final check. `averageScore` is the
 * mean of the best quiz scores; `finalScore` the final check's best score, when it was taken.
 */
export function certificateState(p: Progress, lessons: readonly LessonRequirement[], rules: CompletionRules, assessment: AssessmentRules): CertificateState {
  const missing = lessons
    .map((l) => ({ slug: l.slug, quiz: !quizPassed(p, l.slug, rules), reflections: missingReflections(p, l, rules), activities: missingActivities(p, l) }))
    .filter((m) => m.quiz || m.reflections.length > 0 || m.activities.length > 0);
  const final = finalMissing(p, assessment);
  if (missing.length || final || !lessons.length) return { complete: false, missing, final };
  const c = p.checks.final;
  const times = lessons.flatMap((l) => [
    p.quizzes[l.slug].bestAt,
    ...(rules.requireReflections ? l.required.map((id) => p.reflections[id].updatedAt) : []),
    ...(l.activities ?? []).map((id) => p.activities[id].last?.at ?? p.activities[id].updatedAt),
  ]);
  if (assessment.finalCheck !== 'optional' && taken(c)) times.push(c.at);
  return {
    complete: true,
    completedAt: Math.max(...times),
    averageScore: summarize(p, lessons, rules).averageScore ?? 0,
    finalScore: taken(c) ? c.best : null,
  };
}
