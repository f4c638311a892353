/**
 * SCORM data mapping (pure): how the course's progress becomes CMI data in SCORM 1.2 and
 * SCORM 2004 4th edition — status, score, location, objectives — how the progress document and
 * the launcher's own record are squeezed into suspend_data, where a relaunch resumes, and which
 * values actually need sending. Interactions are in src/lib/scorm-interactions.ts, the CMI type
 * checks in src/lib/cmi-types.ts; the browser side (API discovery, one session per launch) is
 * src/delivery/scorm-launcher.ts.
 */
import type { ProgressReport } from './embed-protocol';
import { lessonStatus, quizPassed, type LessonRequirement } from './completion';
import { encodeProgress, type Progress } from './progress';
import type { CompletionRules } from './schema';

export type ScormVersion = '1.2' | '2004';

/** suspend_data limits in characters: SCORM 1.2 CMIString4096, SCORM 2004 4th ed. SPM 64,000. */
export const SUSPEND_LIMIT: Record<ScormVersion, number> = { '1.2': 4096, '2004': 64000 };

/**
 * How SCORM 1.2 reports status in its one element, cmi.core.lesson_status: "<when finished>-<otherwise>".
 * The four choices LMS admins know from authoring tools (Articulate, Adapt, iSpring):
 *  - completed-incomplete: "completed" once every lesson is complete (the default: Moodle's
 *    activity form pre-selects the completion rule "Completed", which checks for exactly
 *    `completed` — mod/scorm/mod_form.php data_preprocessing, classes/completion/custom_completion.php);
 *  - passed-incomplete: "passed" once every lesson is complete (every quiz is passed then);
 *  - passed-failed / completed-failed: as above, and "failed" while every quiz has been tried
 *    and at least one is below the pass mark.
 * SCORM 2004 always keeps completion and success apart.
 */
export const STATUS12_MODES = ['completed-incomplete', 'passed-incomplete', 'passed-failed', 'completed-failed'] as const;
export type Status12Mode = (typeof STATUS12_MODES)[number];
export const DEFAULT_STATUS12: Status12Mode = 'completed-incomplete';

/** SCORM 1.2 CMITimespan "HHHH:MM:SS.SS". */
export function timespan12(ms: number): string {
  const cs = Math.max(0, Math.round(ms / 10));
  const h = Math.min(9999, Math.floor(cs / 360000));
  const m = Math.floor((cs % 360000) / 6000);
  const s = (cs % 6000) / 100;
  return `${String(h).padStart(4, '0')}:${String(m).padStart(2, '0')}:${s.toFixed(2).padStart(5, '0')}`;
}

/** SCORM 2004 timeinterval (ISO 8601 duration), e.g. "PT1H2M3.45S". */
export function duration2004(ms: number): string {
  const cs = Math.max(0, Math.round(ms / 10));
  const h = Math.floor(cs / 360000);
  const m = Math.floor((cs % 360000) / 6000);
  const s = (cs % 6000) / 100;
  return `PT${h ? `${h}H` : ''}${m ? `${m}M` : ''}${Number(s.toFixed(2))}S`;
}

/** The one SCORM 1.2 status for a state (course or lesson) under a status mode. */
export function status12(mode: Status12Mode, s: { complete: boolean; failed: boolean; started: boolean }): string {
  const [done, otherwise] = mode.split('-') as ['completed' | 'passed', 'incomplete' | 'failed'];
  if (s.complete) return done;
  if (otherwise === 'failed' && s.failed) return 'failed';
  return s.started ? 'incomplete' : 'not attempted';
}

/** cmi.core.lesson_status of the course: see STATUS12_MODES. */
export function lessonStatus12(r: ProgressReport, mode: Status12Mode = DEFAULT_STATUS12): string {
  // Once launched, the course is at least incomplete (never "not attempted" again).
  return status12(mode, { complete: r.status === 'completed', failed: r.success === 'failed', started: true });
}

const num = (x: number, digits = 4) => String(Math.round(x * 10 ** digits) / 10 ** digits);

/**
 * The tracking elements for a progress report: status, score and (2004) progress measure. The
 * order is deliberate: completion before success, because Moodle's completion check stops at the
 * first stored status row that satisfies the rule (custom_completion.php, completionstatusrequired).
 */
export function trackingValues(version: ScormVersion, r: ProgressReport, mode: Status12Mode = DEFAULT_STATUS12): [string, string][] {
  const raw = String(Math.round(r.score * 100));
  if (version === '1.2')
    return [
      ['cmi.core.lesson_status', lessonStatus12(r, mode)],
      ['cmi.core.score.min', '0'],
      ['cmi.core.score.max', '100'],
      ['cmi.core.score.raw', raw],
    ];
  return [
    ['cmi.completion_status', r.status],
    ['cmi.success_status', r.success],
    ['cmi.progress_measure', num(r.total ? r.completed / r.total : 0, 2)],
    ['cmi.score.min', '0'],
    ['cmi.score.max', '100'],
    ['cmi.score.raw', raw],
    ['cmi.score.scaled', num(r.score)],
  ];
}

/**
 * A report that never takes back what the LMS has recorded for this attempt: a course the LMS has
 * as finished stays finished, and the score never drops below the LMS's. Progress can shrink on
 * this side — a reset, or a device where SCORM 1.2's 4,096 characters could not bring every
 * reflection — but the LMS's record (completion, grade) is the institution's and stays.
 */
export function keepLmsRecord(r: ProgressReport, lms: { finished: boolean; score: number | null }): ProgressReport {
  const score = lms.score !== null && lms.score > r.score ? lms.score : r.score;
  return { ...r, score, status: lms.finished ? 'completed' : r.status };
}

/**
 * What is set once when the learner leaves: `exit` is "suspend" while the course is unfinished,
 * so the LMS resumes with suspend_data next time, and the session time.
 */
export function endValues(version: ScormVersion, r: ProgressReport | null, sessionMs: number): [string, string][] {
  const unfinished = r?.status !== 'completed';
  return version === '1.2'
    ? [['cmi.core.exit', unfinished ? 'suspend' : ''], ['cmi.core.session_time', timespan12(sessionMs)]]
    : [['cmi.exit', unfinished ? 'suspend' : 'normal'], ['cmi.session_time', duration2004(sessionMs)]];
}

/** The element holding the learner's location. */
export const locationElement = (version: ScormVersion) => (version === '1.2' ? 'cmi.core.lesson_location' : 'cmi.location');

// ---------------------------------------------------------------------------------------------
// Objectives: one per lesson
// ---------------------------------------------------------------------------------------------

/** What the objectives need per lesson (the course index and the LMS catalog carry it). */
export type ObjectiveLesson = LessonRequirement;

/**
 * The elements of lesson `lesson`'s objective at index n (its id is set when it is created, see
 * the launcher): SCORM 1.2 status (under the same mode as the course) and score 0-100; SCORM 2004
 * completion and success apart, and the score (scaled and raw). A lesson without a quiz attempt has
 * no score; a lesson not started has no values at all.
 */
export function objectiveValues(
  version: ScormVersion,
  n: number,
  p: Progress,
  lesson: ObjectiveLesson,
  rules: CompletionRules,
  mode: Status12Mode = DEFAULT_STATUS12,
): [string, string][] {
  const status = lessonStatus(p, lesson, rules);
  // Nothing to say about a lesson not started: the LMS's defaults ("not attempted" / "unknown") stand.
  if (status === 'not-started') return [];
  const quiz = p.quizzes[lesson.slug];
  const tried = !!quiz && quiz.attempts > 0;
  const passed = quizPassed(p, lesson.slug, rules);
  const at = `cmi.objectives.${n}`;
  const out: [string, string][] = [];
  if (version === '1.2') {
    out.push([`${at}.status`, status12(mode, { complete: status === 'complete', failed: tried && !passed, started: true })]);
    if (tried) out.push([`${at}.score.min`, '0'], [`${at}.score.max`, '100'], [`${at}.score.raw`, String(Math.round(quiz.best * 100))]);
    return out;
  }
  out.push([`${at}.completion_status`, status === 'complete' ? 'completed' : 'incomplete']);
  out.push([`${at}.success_status`, tried ? (passed ? 'passed' : 'failed') : 'unknown']);
  if (tried)
    out.push([`${at}.score.min`, '0'], [`${at}.score.max`, '100'], [`${at}.score.raw`, String(Math.round(quiz.best * 100))], [`${at}.score.scaled`, num(quiz.best)]);
  return out;
}

// ---------------------------------------------------------------------------------------------
// Location and resume
// ---------------------------------------------------------------------------------------------

/** Page keys of the course's pages other than lessons (a lesson's key is its slug). */
export const PAGE_KEYS = ['home', 'conclusion', 'plan', 'review', 'certificate', 'data'] as const;

/**
 * The location key of a page from its path relative to the course root ("" = home,
 * "conclusion/", "lessons/goals/"; a trailing index.html is ignored): the lesson slug, or one of
 * PAGE_KEYS, or null for any other page (which never becomes the location).
 */
export function pageKey(path: string): string | null {
  const p = path.replace(/(^|\/)index\.html$/, '$1').replace(/^\/+/, '');
  if (p === '') return 'home';
  const lesson = /^lessons\/([a-z0-9-]+)\/?$/.exec(p);
  if (lesson) return lesson[1];
  const page = /^([a-z]+)\/?$/.exec(p)?.[1];
  return page && page !== 'home' && (PAGE_KEYS as readonly string[]).includes(page) ? page : null;
}

/** The launcher's own record, kept in suspend_data next to the progress document. */
export interface LauncherRecord {
  /** Location key of the page the learner was on, and when they opened it (ms). */
  page: string | null;
  at: number;
  /** SCORM 1.2: next free cmi.interactions index (an LMS may not report _count back reliably). */
  n: number;
}

/**
 * Where a relaunch opens. Timed records in suspend_data — the launcher's page record and the
 * course's own last lesson visit — beat cmi.location, newest first: the launcher writes them in
 * the same commit as the location, and unlike the location they always reach the LMS, because
 * they change with every write. (Moodle's SCORM 2004 runtime posts only values that differ from
 * those loaded at launch, so going 2 → 1 → 2 in one session leaves lesson 1 in its database:
 * mod/scorm/datamodels/scorm_13.js, CollectData.) cmi.location is used when suspend_data has
 * neither (data from older packages or other tools). Keys the build does not know are skipped.
 */
export function resumePage(
  opts: { location: string | null; record: LauncherRecord | null; last: Progress['last'] },
  known: (key: string) => boolean,
): string | null {
  const timed = [opts.record?.page ? { key: opts.record.page, at: opts.record.at } : null, opts.last ? { key: opts.last.slug, at: opts.last.at } : null]
    .filter((x): x is { key: string; at: number } => !!x && known(x.key))
    .sort((a, b) => b.at - a.at);
  if (timed.length) return timed[0].key;
  return opts.location && known(opts.location) ? opts.location : null;
}

// ---------------------------------------------------------------------------------------------
// suspend_data
// ---------------------------------------------------------------------------------------------

export interface Compacted {
  /** What goes into suspend_data (a progress document the course can decode). */
  data: string;
  /**
   * What was left out to fit the limit (it stays only in the browser): ids of reflections and of
   * message builders whose texts were left out, "plan", and "reviews" / "reminders" / "visits" /
   * "activities" (every activity's state) when those parts had to go too.
   */
  dropped: string[];
}

/**
 * Fits the progress document into `limit` characters, keeping what tracking needs. First it drops
 * what the LMS does not need (the answers of the last quiz and check attempts — results and
 * attempt counts stay —, drafts, the other side of a conflict), then the learner's own texts,
 * largest first (reflections, the texts of message builders, the if-then plan), then the review
 * schedule and the reminder list. Quiz and check results, visits and the last location are kept
 * as long as at all possible; every activity record keeps `done`, `best` and `last` (completion
 * and LMS interactions need them) — at the very last its state goes too (`slim`, see
 * ActivityRecord). Work is dropped as whole items, never cut: a copy without an item cannot
 * overwrite the item where it is still kept (a slim record loses to the full one in a merge).
 */
export function compactForSuspend(p: Progress, limit: number): Compacted {
  const slim: Progress = structuredClone(p);
  for (const q of Object.values(slim.quizzes)) q.last = null;
  // Likewise the choices of the pre-check and final check: their marks and scores (the gain, the
  // final check's score) stay.
  for (const c of Object.values(slim.checks)) if (c) c.answers = {};
  // Drafts (input not saved as such yet) and the other side of a conflict stay in this browser.
  slim.drafts = {};
  for (const r of Object.values(slim.reflections)) delete r.other;
  const fits = () => encodeProgress(slim).length <= limit;
  const dropped: string[] = [];
  const size = (x: unknown) => JSON.stringify(x).length;
  // A message builder's texts go as one item: the record stays (done counts for completion), its fields stay in this browser.
  const slimmed = (id: string) => {
    const a = slim.activities[id];
    slim.activities[id] = { ...a, state: a.kind === 'conversation' ? { path: [] } : a.kind === 'message' ? { fields: {} } : { placed: {}, checked: false }, slim: true };
  };
  const work: { name: string; size: number; drop: () => void }[] = [
    ...Object.entries(slim.reflections).map(([id, r]) => ({ name: id, size: size(r), drop: () => delete slim.reflections[id] })),
    ...Object.entries(slim.activities)
      .filter(([, a]) => a.kind === 'message' && !a.slim)
      .map(([id, a]) => ({ name: id, size: size(a), drop: () => slimmed(id) })),
    ...(slim.plan ? [{ name: 'plan', size: size(slim.plan), drop: () => (slim.plan = null) }] : []),
  ].sort((a, b) => b.size - a.size || (a.name < b.name ? -1 : 1));
  for (const w of work) {
    if (fits()) break;
    w.drop();
    dropped.push(w.name);
  }
  dropped.sort();
  if (!fits() && Object.keys(slim.reviews).length) {
    slim.reviews = {};
    dropped.push('reviews');
  }
  if (!fits() && slim.profile.reminders) {
    delete slim.profile.reminders;
    dropped.push('reminders');
  }
  if (!fits() && Object.keys(slim.lessons).length) {
    for (const slug of Object.keys(slim.lessons)) if (!fits()) delete slim.lessons[slug];
    dropped.push('visits');
  }
  // Last resort: what the other activities hold beyond done and best.
  if (!fits() && Object.values(slim.activities).some((a) => !a.slim)) {
    for (const id of Object.keys(slim.activities)) if (!slim.activities[id].slim) slimmed(id);
    dropped.push('activities');
  }
  return { data: encodeProgress(slim), dropped };
}

/** The key of the launcher's record inside the suspend_data object (the course's decoder ignores it). */
const RECORD_KEY = 'lms';

/**
 * suspend_data: the compacted progress document with the launcher's record added as one more
 * top-level member, all within `limit` characters.
 */
export function suspendData(p: Progress, record: LauncherRecord, limit: number): Compacted {
  const extra = `,"${RECORD_KEY}":${JSON.stringify(record)}`;
  const fit = compactForSuspend(p, limit - extra.length);
  return { data: `${fit.data.slice(0, -1)}${extra}}`, dropped: fit.dropped };
}

const isObj = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

/**
 * Splits what an LMS returns as suspend_data into the progress document (as JSON, without the
 * launcher's record: null when there is none) and the launcher's record (null when absent or
 * malformed, e.g. data of an older package). Never throws.
 */
export function readSuspend(raw: string | null | undefined): { state: string | null; record: LauncherRecord | null } {
  if (!raw) return { state: null, record: null };
  let doc: unknown;
  try {
    doc = JSON.parse(raw);
  } catch {
    // Not JSON: let the course's decoder say so (it keeps a backup and starts fresh).
    return { state: raw, record: null };
  }
  if (!isObj(doc)) return { state: raw, record: null };
  const { [RECORD_KEY]: r, ...rest } = doc;
  const ok =
    isObj(r) &&
    (r.page === null || (typeof r.page === 'string' && r.page.length <= 64)) &&
    typeof r.at === 'number' && Number.isFinite(r.at) && r.at >= 0 &&
    Number.isInteger(r.n) && (r.n as number) >= 0;
  return { state: JSON.stringify(rest), record: ok ? { page: r.page as string | null, at: r.at as number, n: r.n as number } : null };
}

// ---------------------------------------------------------------------------------------------
// Sending only what changed, committing only at milestones
// ---------------------------------------------------------------------------------------------

/**
 * What the LMS holds, as far as this session knows: each element's last value read or set.
 * `pending` lists the element/value pairs that still differ from it, in order, and each once (the
 * last value wins), so an element is never set twice in a row with the same value.
 */
export class CmiLedger {
  private held = new Map<string, string>();

  /** Records a value the LMS already has (read at launch, or set successfully). */
  know(element: string, value: string): void {
    this.held.set(element, value);
  }

  /** The value the LMS holds for an element, if known. */
  get(element: string): string | undefined {
    return this.held.get(element);
  }

  /** The pairs that would change what the LMS holds. */
  pending(pairs: readonly (readonly [string, string])[]): [string, string][] {
    const last = new Map<string, string>();
    for (const [k, v] of pairs) {
      last.delete(k);
      last.set(k, v);
    }
    return [...last].filter(([k, v]) => this.held.get(k) !== v);
  }
}

/** What a state change means for committing: now (a milestone), soon (after a quiet while) or not at all. */
export type CommitUrgency = 'milestone' | 'change' | 'none';

/**
 * A milestone — a quiz submitted, an activity or check answered (new interactions), the learner
 * on another page, the course status changed — commits at once; any other change (e.g. a
 * reflection) waits for the next milestone or a quiet while; nothing changed, nothing to commit.
 */
export function commitUrgency(change: { sent: number; interactions: number; page: boolean; status: boolean; attempts: boolean }): CommitUrgency {
  if (change.sent === 0) return 'none';
  return change.interactions > 0 || change.page || change.status || change.attempts ? 'milestone' : 'change';
}
