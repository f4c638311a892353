/**
 * The iframe embedding contract (documented in docs/embedding.md): message shapes, validation and
 * origin rules. Pure; the browser side lives in src/delivery/bridge.ts and public/embed/host.js.
 *
 * Every message is an object { protocol: 'course-embed', version: 1, type, ...payload }.
 * course → host: ready, progress, completed, resize, state
 * host → course: init, stored
 */

/**
 * sessionStorage key under which the course remembers, from one page to the next, that its host
 * keeps the frame's height (`init` with `frame: "fixed"`), so each page lays out the compact
 * player before its first paint (src/layouts/CourseLayout.astro, src/delivery/bridge.ts).
 */
export const FRAME_MODE_KEY = 'course:frame';

export { FLUSH_EVENT } from './events';
import type { AssessmentRules, CompletionRules } from '../course/schema';
import type { Progress } from '../progress/document';
import { summarize, type LessonRequirement } from '../course/completion';
import { courseComplete, reportedScore, reportedSuccess } from '../course/assessment';

const PROTOCOL = 'course-embed';
const PROTOCOL_VERSION = 1;
/** Largest progress state (JSON characters) a host may hand us. */
const MAX_STATE_CHARS = 1_000_000;

/** What the course reports to its host after every change. */
export interface ProgressReport {
  courseId: string;
  /** Slug of the lesson on screen, or null on other pages. */
  lesson: string | null;
  completed: number;
  total: number;
  /**
   * Course score 0-1, as course.yaml `assessment.score` says: the final check's best score (0 until
   * it is taken; the default) or the mean of the best lesson quiz scores over all lessons.
   */
  score: number;
  /** Completed = every lesson complete and what `assessment.finalCheck` asks of the final check. */
  status: 'incomplete' | 'completed';
  /** Pass/fail for what the score measures (see reportedSuccess in src/lib/course/assessment.ts). */
  success: 'passed' | 'failed' | 'unknown';
  /** Quiz attempts plus pre-check and final check submissions so far (lets a host commit "at the end of each quiz"). */
  attempts: number;
}

export type CourseMessage =
  /** `page`: the page's path relative to the course root ("" home, "conclusion/", "lessons/goals/"). */
  | { type: 'ready'; courseId: string; lesson: string | null; page?: string }
  | ({ type: 'progress' } & ProgressReport)
  | { type: 'completed'; courseId: string; score: number }
  | { type: 'resize'; height: number }
  | { type: 'state'; courseId: string; state: string };

export type HostMessage =
  /**
   * Host offers persistence (persist) and/or hands over saved state (a progress JSON string).
   * `keeper` says who keeps the progress when persist is on: "lms" (the SCORM launcher: it follows
   * the learner to other devices) or "host" (any other embedding site; the default). `frame:
   * "fixed"` says the frame keeps its height (the course scrolls inside it, not the host page).
   */
  | { type: 'init'; persist: boolean; state: string | null; keeper?: 'lms' | 'host'; frame?: 'fixed' }
  /** What the host could not keep (e.g. SCORM 1.2's 4,096-character limit): reflection ids and other entries left out of its copy. */
  | { type: 'stored'; dropped: string[] };

/** Wraps a message in the protocol envelope. */
export const envelope = (msg: CourseMessage | HostMessage) => ({ protocol: PROTOCOL, version: PROTOCOL_VERSION, ...msg });

const isObj = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

/** Validates a message from the host; anything unexpected → null (ignored). Never throws. */
export function parseHostMessage(data: unknown): HostMessage | null {
  if (!isObj(data) || data.protocol !== PROTOCOL || data.version !== PROTOCOL_VERSION) return null;
  if (data.type === 'init') {
    const state = data.state ?? null;
    if (state !== null && (typeof state !== 'string' || state.length > MAX_STATE_CHARS)) return null;
    const msg: HostMessage = { type: 'init', persist: data.persist === true, state };
    if (data.keeper === 'lms' || data.keeper === 'host') msg.keeper = data.keeper;
    if (data.frame === 'fixed') msg.frame = 'fixed';
    return msg;
  }
  if (data.type === 'stored') {
    const d = data.dropped;
    if (!Array.isArray(d) || d.length > 100 || !d.every((x) => typeof x === 'string' && x.length <= 64)) return null;
    return { type: 'stored', dropped: d as string[] };
  }
  return null;
}

/** Validates a message from the course (for hosts and the SCORM launcher). Never throws. */
export function parseCourseMessage(data: unknown): CourseMessage | null {
  if (!isObj(data) || data.protocol !== PROTOCOL || data.version !== PROTOCOL_VERSION) return null;
  const str = (k: string) => typeof data[k] === 'string';
  const num = (k: string) => typeof data[k] === 'number' && Number.isFinite(data[k]);
  switch (data.type) {
    case 'ready': {
      if (!str('courseId')) return null;
      const msg: CourseMessage = { type: 'ready', courseId: data.courseId as string, lesson: str('lesson') ? (data.lesson as string) : null };
      // The page path is optional (older course builds do not send it) and never leaves the course root.
      if (str('page') && (data.page as string).length <= 200 && !/(^|\/)\.\.(\/|$)|^\/|:/.test(data.page as string)) msg.page = data.page as string;
      return msg;
    }
    case 'resize':
      return num('height') && (data.height as number) >= 0 ? { type: 'resize', height: data.height as number } : null;
    case 'completed':
      return str('courseId') && num('score') ? { type: 'completed', courseId: data.courseId as string, score: data.score as number } : null;
    case 'state':
      return str('courseId') && str('state') && (data.state as string).length <= MAX_STATE_CHARS
        ? { type: 'state', courseId: data.courseId as string, state: data.state as string }
        : null;
    case 'progress': {
      const ok =
        str('courseId') &&
        num('completed') &&
        num('total') &&
        num('score') &&
        num('attempts') &&
        (data.status === 'incomplete' || data.status === 'completed') &&
        (data.success === 'passed' || data.success === 'failed' || data.success === 'unknown');
      if (!ok) return null;
      const { courseId, completed, total, score, status, success, attempts } = data as unknown as ProgressReport;
      return { type: 'progress', courseId, lesson: str('lesson') ? (data.lesson as string) : null, completed, total, score, status, success, attempts };
    }
    default:
      return null;
  }
}

/**
 * Whether a message origin may talk to the course: its own origin (e.g. the SCORM launcher) or one
 * listed in the allowlist; '*' in the list trusts every origin (not recommended).
 */
export function isTrustedOrigin(origin: string, ownOrigin: string, allowlist: readonly string[]): boolean {
  if (!origin || origin === 'null') return false;
  const o = origin.toLowerCase();
  return o === ownOrigin.toLowerCase() || allowlist.some((a) => a === '*' || a.toLowerCase() === o);
}

/** Parses a comma/space separated origin list, keeping only well-formed origins (and '*'). */
export function parseOriginList(raw: string | undefined | null): string[] {
  return (raw ?? '')
    .split(/[\s,]+/)
    .filter(Boolean)
    .filter((o) => o === '*' || /^https?:\/\/[a-z0-9.-]+(:\d+)?$/i.test(o))
    .map((o) => o.toLowerCase());
}

/**
 * The tracking summary hosts and LMSs receive. Completion, score and pass/fail follow the course's
 * rules (course.yaml `completion` and `assessment`; src/lib/course/assessment.ts): by default completed =
 * every lesson complete and the final check taken, score = the final check's, no pass/fail.
 */
export function progressReport(
  p: Progress,
  lessons: readonly LessonRequirement[],
  rules: CompletionRules,
  lesson: string | null,
  assessment: AssessmentRules,
): ProgressReport {
  const s = summarize(p, lessons, rules);
  const checkAttempts = (p.checks.pre?.attempts ?? 0) + (p.checks.final?.attempts ?? 0);
  return {
    courseId: p.courseId,
    lesson,
    completed: s.completed,
    total: s.total,
    score: reportedScore(p, lessons, rules, assessment),
    status: courseComplete(p, lessons, rules, assessment) ? 'completed' : 'incomplete',
    success: reportedSuccess(p, lessons, rules, assessment),
    attempts: lessons.reduce((n, l) => n + (p.quizzes[l.slug]?.attempts ?? 0), checkAttempts),
  };
}
