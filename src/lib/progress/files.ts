/**
 * Progress files (進捗の書き出し・読み込み): the progress document as a JSON file to carry to
 * another browser or device, and the strict check of a file before it replaces anything.
 * Unlike loading from storage (decodeProgress, which keeps what it can), an import is all or
 * nothing: a file that is not entirely readable is refused and nothing changes.
 */
import type { CompletionRules } from '../course/schema';
import { PROGRESS_VERSION, decodeProgress, type Progress } from './document';
import { summarize, type LessonRequirement } from '../course/completion';
import { compactDate } from '../text/dates';

/** Largest file accepted (a full course with long reflections is well under 100 KB). */
export const IMPORT_MAX_BYTES = 1024 * 1024;

/** Why a file was refused; the page says each in Japanese (TRANSFER_TEXT.errors). */
export type ImportError = 'too-large' | 'not-json' | 'not-progress' | 'foreign-course' | 'newer-version' | 'damaged';
export type ImportResult = { ok: true; progress: Progress } | { ok: false; error: ImportError };

/** The export file's text: the stored document, indented for people who open it. */
export const progressFile = (p: Progress) => `${JSON.stringify(p, null, 2)}\n`;

/** networking-progress-YYYYMMDD.json (local date). */
export const progressFileName = (now: number) => `networking-progress-${compactDate(now)}.json`;

type Obj = Record<string, unknown>;
const isObj = (x: unknown): x is Obj => typeof x === 'object' && x !== null && !Array.isArray(x);
const isTime = (x: unknown) => typeof x === 'number' && Number.isFinite(x) && x >= 0;

/**
 * Checks an imported file: size (`bytes` as the browser reports it), JSON, that it is a progress
 * document of this course in a version this page understands, and that every part of it is
 * readable. Older versions are migrated. Never throws.
 */
export function readProgressFile(text: string, bytes: number, courseId: string, now: number): ImportResult {
  const fail = (error: ImportError): ImportResult => ({ ok: false, error });
  if (bytes > IMPORT_MAX_BYTES || text.length > IMPORT_MAX_BYTES) return fail('too-large');
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    return fail('not-json');
  }
  if (!isObj(doc) || !Number.isInteger(doc.v) || (doc.v as number) < 1 || typeof doc.courseId !== 'string') return fail('not-progress');
  if (doc.courseId !== courseId) return fail('foreign-course');
  if ((doc.v as number) > PROGRESS_VERSION) return fail('newer-version');
  const parts = ['lessons', 'quizzes', 'reflections', ...((doc.v as number) >= 2 ? ['reviews', 'profile'] : [])];
  if (!isTime(doc.createdAt) || !isTime(doc.updatedAt) || !parts.every((k) => isObj(doc[k]))) return fail('damaged');
  const { progress, warnings } = decodeProgress(doc, courseId, now);
  return warnings.length ? fail('damaged') : { ok: true, progress };
}

/** What a progress document holds, in the terms the import confirmation shows. */
export interface ProgressOverview {
  completed: number;
  total: number;
  /** Lessons whose quiz was taken at least once. */
  quizzes: number;
  /** Reflections with text. */
  reflections: number;
  /** Questions still in the review schedule. */
  reviews: number;
  reminders: number;
  name: string;
  updatedAt: number;
}

export function overview(p: Progress, lessons: readonly LessonRequirement[], rules: CompletionRules): ProgressOverview {
  const s = summarize(p, lessons, rules);
  return {
    completed: s.completed,
    total: s.total,
    quizzes: Object.values(p.quizzes).filter((q) => q.attempts > 0).length,
    reflections: Object.values(p.reflections).filter((r) => r.text.trim()).length,
    reviews: Object.values(p.reviews).filter((r) => r.due !== null).length,
    reminders: p.profile.reminders?.people.length ?? 0,
    name: p.profile.name?.text ?? '',
    updatedAt: p.updatedAt,
  };
}
