/**
 * Scoring the pre-check and final check, and the changes that record them in the progress
 * document (src/lib/checks/record.ts has the stored shape). Pure; loaded only by the check pages.
 */
import { ATTEMPTS_MAX, nextVersion, touched, type Edit, type Progress } from '../progress/document';
import type { CheckRecord, CheckSet, Marks } from './record';
import { firstResult } from './results';
import { cleanChoice, scoreQuiz, type ScorableQuestion } from '../course/scoring';
import type { Question } from '../course/schema';

/** The lesson a check question comes from, as check pages show it (links computed at build time). */
interface CheckLesson {
  slug: string;
  order: number;
  title: string;
  href: string;
}
/** One question of a check page, with its lesson. */
export interface CheckItem {
  question: Question;
  lesson: CheckLesson;
}

export interface CheckScore {
  /** 1 right, 0 wrong; unanswered (skipped) questions have no mark. */
  marks: Marks;
  /** The choices kept (only option ids the questions have; unanswered questions left out). */
  answers: Record<string, string[]>;
  right: number;
  /** Questions answered. */
  answered: number;
  /** Questions in the check. */
  total: number;
  /** right / total (skipped questions count as not right), 0-1; 0 for an empty check. */
  score: number;
}

/**
 * Scores a check: a question is right only when exactly its correct options are chosen (as in the
 * lesson quizzes); an unanswered question is skipped — no mark, not right.
 */
export function scoreCheck(questions: readonly ScorableQuestion[], answers: Record<string, readonly string[]>): CheckScore {
  const { results } = scoreQuiz(questions, answers, 1);
  const marks: Marks = {};
  const kept: Record<string, string[]> = {};
  for (const [i, r] of results.entries()) {
    if (cleanChoice(questions[i], answers[r.id]).length === 0) continue;
    marks[r.id] = r.correct ? 1 : 0;
    kept[r.id] = r.chosen;
  }
  const right = results.filter((r) => r.correct).length;
  const total = questions.length;
  return { marks, answers: kept, right, answered: Object.keys(marks).length, total, score: total ? right / total : 0 };
}

const withoutDraft = (p: Progress, set: CheckSet) => {
  const drafts = { ...p.drafts };
  delete drafts[`check:${set}`];
  return drafts;
};

/**
 * Records a submission of a check. The first submission stays available as `first` once a retake
 * replaces it (the gain is measured with it); the best score never goes down.
 */
export function withCheckSubmitted(
  p: Progress,
  set: CheckSet,
  questions: readonly ScorableQuestion[],
  answers: Record<string, readonly string[]>,
  e: Edit,
): Progress {
  const prev = p.checks[set];
  const r = scoreCheck(questions, answers);
  const { clock, ...ver } = nextVersion(p, e, prev);
  const first = prev?.at != null ? firstResult(prev)! : undefined;
  const record: CheckRecord = {
    attempts: Math.min((prev?.attempts ?? 0) + 1, ATTEMPTS_MAX),
    at: e.now,
    skipped: false,
    marks: r.marks,
    answers: r.answers,
    score: r.score,
    best: Math.max(prev?.best ?? 0, r.score),
    ...(first && { first }),
    ...ver,
  };
  return { ...p, ...touched(p, clock), checks: { ...p.checks, [set]: record }, drafts: withoutDraft(p, set) };
}

/**
 * The learner skips a check (the pre-check: 「とばす」). A check already submitted keeps its result;
 * `skipped` only says the learner chose not to take it (again) now. Skipping again changes nothing.
 */
export function withCheckSkipped(p: Progress, set: CheckSet, e: Edit): Progress {
  const prev = p.checks[set];
  if (prev?.skipped) return p;
  const { clock, ...ver } = nextVersion(p, e, prev);
  const body = prev && (({ updatedAt: _, v: __, b: ___, ...rest }) => rest)(prev);
  const record: CheckRecord = body
    ? { ...body, skipped: true, ...ver }
    : { attempts: 0, at: null, skipped: true, marks: {}, answers: {}, score: 0, best: 0, ...ver };
  return { ...p, ...touched(p, clock), checks: { ...p.checks, [set]: record }, drafts: withoutDraft(p, set) };
}
