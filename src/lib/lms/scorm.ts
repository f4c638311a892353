/**
 * SCORM data mapping (pure): how the course's progress becomes CMI data in SCORM 1.2 and
 * SCORM 2004 4th edition — status, score, location, objectives — how the progress document and
 * the launcher's own record are squeezed into suspend_data, where a relaunch resumes, and which
 * values actually need sending. Interactions are in src/lib/lms/interactions.ts, the CMI type
 * checks in src/lib/lms/cmi-types.ts; the browser side (API discovery, one session per launch) is
 * src/delivery/scorm-launcher.ts.
 */
import type { ProgressReport } from './embed-protocol';
import { lessonStatus, quizPassed, type LessonRequirement } from '../course/completion';
import { encodeProgress, type Progress } from '../progress/document';
import type { CompletionRules } from '../course/schema';
import { DEFAULT_STATUS12, type Status12Mode } from './status12';
import LZString from 'lz-string';

export type ScormVersion = '1.2' | '2004';

/** suspend_data limits in characters: SCORM 1.2 CMIString4096, SCORM 2004 4th ed. SPM 64,000 (see also the exit budget, exit-request.ts). */
export const SUSPEND_LIMIT: Record<ScormVersion, number> = { '1.2': 4096, '2004': 64000 };

export { DEFAULT_STATUS12, STATUS12_MODES, type Status12Mode } from './status12';

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
function status12(mode: Status12Mode, s: { complete: boolean; failed: boolean; started: boolean }): string {
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
 * What is set once when the learner leaves: the session time, and `exit`. SCORM 1.2: "suspend"
 * while the course is unfinished, so the LMS resumes with suspend_data next time. SCORM 2004:
 * always "suspend" — a finished learner comes back to their plan, certificate and reflections, and
 * Moodle's 2004 player brings back an attempt's data only after "suspend" (mod/scorm/datamodels/
 * scorm_13lib.php, get_scorm_default: "only cmi.exit==suspend should allow previous datamodel
 * elements on re-launch"); after "normal" the course would start blank and report a score of 0
 * over the learner's. Completion and success are their own elements, so "suspend" changes neither.
 */
export function endValues(version: ScormVersion, r: ProgressReport | null, sessionMs: number): [string, string][] {
  const unfinished = r?.status !== 'completed';
  return version === '1.2'
    ? [
        ['cmi.core.exit', unfinished ? 'suspend' : ''],
        ['cmi.core.session_time', timespan12(sessionMs)],
      ]
    : [
        ['cmi.exit', 'suspend'],
        ['cmi.session_time', duration2004(sessionMs)],
      ];
}

/** Whether the LMS launched the course only to look at (SCORM "review" or "browse" mode): then nothing is recorded. */
export const lookOnly = (mode: string) => mode === 'review' || mode === 'browse';

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
 * completion and success apart, and the scaled score. A lesson without a quiz attempt has no
 * score; a lesson not started has no values at all.
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
  // The normative score only: Moodle re-sends every objective element in its exit request (exit-request.ts).
  if (tried) out.push([`${at}.score.scaled`, num(quiz.best)]);
  return out;
}

// ---------------------------------------------------------------------------------------------
// Location and resume
// ---------------------------------------------------------------------------------------------

/** Page keys of the course's pages other than lessons (a lesson's key is its slug). */
export const PAGE_KEYS = ['home', 'conclusion', 'plan', 'challenge', 'review', 'certificate', 'data', 'sources'] as const;

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
   * What was left out to fit the limit (it stays only in the browser): "visits" and "activities"
   * (what the course can do without: visit times, activity states beyond done and best),
   * "reviews", "challenge" (the week's texts), "plan", ids of message builders whose texts were
   * left out, "reminders", and ids of
   * reflections whose text was left out (the LMS copy keeps that they were written).
   */
  dropped: string[];
}

/**
 * Fits the progress document into suspend_data, keeping what tracking needs (`limit`: characters
 * of JSON, or whether a document, as JSON, fits the version's limit once encoded). First it drops what the LMS does
 * not need (the answers of the last quiz and check attempts — results and attempt counts stay —,
 * drafts, the other side of a conflict), then what the course can rebuild or do without: visit
 * times, and the states of activities beyond `done` and `best` (`slim`, see ActivityRecord). Then
 * the learner's own texts, the reflections last because they are what the learner wrote about
 * themselves and what completion needs: the review schedule, the texts of the 1週間チャレンジ
 * (its days and results stay), the if-then plan, the texts of message builders, the reminder
 * list, and finally reflections, largest first — a reflection left
 * out keeps its version with `away` (it counts as written; the text stays in this browser). Work
 * is dropped as whole items, never cut: a copy without an item cannot overwrite the item where it
 * is still kept (a slim or away record loses to the full one in a merge).
 */
export function compactForSuspend(p: Progress, limit: number | ((json: string) => boolean)): Compacted {
  const fits = typeof limit === 'number' ? (json: string) => json.length <= limit : limit;
  const slim: Progress = structuredClone(p);
  for (const q of Object.values(slim.quizzes)) q.last = null;
  // Likewise the choices of the pre-check and final check: their marks and scores (the gain, the
  // final check's score) stay.
  for (const c of Object.values(slim.checks)) if (c) c.answers = {};
  // Drafts (input not saved as such yet) and the other side of a conflict stay in this browser.
  slim.drafts = {};
  for (const r of Object.values(slim.reflections)) delete r.other;
  const ok = () => fits(encodeProgress(slim));
  const dropped: string[] = [];
  const size = (x: unknown) => JSON.stringify(x).length;
  /** An activity record reduced to kind, done, best and last (completion and LMS interactions need them). */
  const slimmed = (id: string) => {
    const a = slim.activities[id];
    slim.activities[id] = {
      ...a,
      state: a.kind === 'conversation' ? { path: [] } : a.kind === 'message' ? { fields: {} } : { placed: {}, checked: false },
      slim: true,
    };
  };
  const steps: { name: string; when: () => boolean; drop: () => void }[] = [
    { name: 'visits', when: () => Object.keys(slim.lessons).length > 0 || slim.last !== null, drop: () => ((slim.lessons = {}), (slim.last = null)) },
    {
      name: 'activities',
      when: () => Object.values(slim.activities).some((a) => !a.slim && a.kind !== 'message'),
      drop: () => Object.keys(slim.activities).forEach((id) => slim.activities[id].kind !== 'message' && slimmed(id)),
    },
    { name: 'reviews', when: () => Object.keys(slim.reviews).length > 0, drop: () => (slim.reviews = {}) },
    {
      // The week's texts (what the learner expected, what happened); its days, estimates and outcomes stay.
      name: 'challenge',
      when: () => Object.values(slim.challenge).some((d) => !d.slim && (d.worry || d.note)),
      drop: () => {
        for (const [slot, d] of Object.entries(slim.challenge))
          if (!d.slim && (d.worry || d.note)) slim.challenge[slot as keyof typeof slim.challenge] = { ...d, worry: '', note: '', slim: true };
      },
    },
    { name: 'plan', when: () => slim.plan !== null, drop: () => (slim.plan = null) },
  ];
  for (const step of steps) {
    if (ok()) break;
    if (!step.when()) continue;
    step.drop();
    dropped.push(step.name);
  }
  // The learner's own texts, as whole items, largest first: message texts and reminders, then reflections.
  const texts = (items: { name: string; size: number; drop: () => void }[]) => {
    for (const w of items.sort((a, b) => b.size - a.size || (a.name < b.name ? -1 : 1))) {
      if (ok()) return;
      w.drop();
      dropped.push(w.name);
    }
  };
  texts([
    ...Object.entries(slim.activities)
      .filter(([, a]) => a.kind === 'message' && !a.slim)
      .map(([id, a]) => ({ name: id, size: size(a), drop: () => slimmed(id) })),
    ...(slim.profile.reminders ? [{ name: 'reminders', size: size(slim.profile.reminders), drop: () => delete slim.profile.reminders }] : []),
  ]);
  texts(
    Object.entries(slim.reflections)
      .filter(([, r]) => !r.away)
      .map(([id, r]) => ({
        name: id,
        size: size(r),
        drop: () => (slim.reflections[id] = { text: '', updatedAt: r.updatedAt, v: r.v, ...(r.b && { b: r.b }), away: true }),
      })),
  );
  const order = ['visits', 'activities', 'reviews', 'challenge', 'plan', 'reminders'];
  dropped.sort((a, b) => (order.includes(a) ? order.indexOf(a) : 99) - (order.includes(b) ? order.indexOf(b) : 99) || (a < b ? -1 : a > b ? 1 : 0));
  return { data: encodeProgress(slim), dropped };
}

// ---------------------------------------------------------------------------------------------
// Encoding: plain JSON while it fits, else compressed (lz-string)
// ---------------------------------------------------------------------------------------------

/**
 * Prefixes of compressed suspend_data (plain data is JSON and starts with "{"). SCORM 1.2 counts
 * characters (CMIString4096): lz-string's UTF-16 form packs 15 bits into each character. SCORM
 * 2004's 64,000 characters are plenty, but Moodle re-sends suspend_data in its exit request,
 * whose size counts in bytes: there the URI-safe form (one byte per character) is the densest.
 */
const PACKED: Record<ScormVersion, string> = { '1.2': 'lz16:', '2004': 'lzuri:' };

/** The size of suspend_data as the version's limit counts it: characters (1.2) or UTF-8 bytes (2004, Moodle's exit request). */
export const suspendSize = (data: string, version: ScormVersion) => (version === '1.2' ? data.length : utf8Bytes(data));

/** UTF-8 bytes of a text. */
const utf8Bytes = (s: string) => new TextEncoder().encode(s).length;

/** suspend_data for a JSON text: the JSON itself when it fits `limit`, else its compressed form when that is smaller. */
export function encodeSuspend(json: string, version: ScormVersion, limit: number): string {
  if (suspendSize(json, version) <= limit) return json;
  const packed = PACKED[version] + (version === '1.2' ? LZString.compressToUTF16(json) : LZString.compressToEncodedURIComponent(json));
  return suspendSize(packed, version) < suspendSize(json, version) ? packed : json;
}

/** The JSON text of suspend_data (plain or compressed), or null when compressed data cannot be read. */
export function decodeSuspend(raw: string): string | null {
  for (const [version, prefix] of Object.entries(PACKED) as [ScormVersion, string][])
    if (raw.startsWith(prefix)) {
      try {
        const body = raw.slice(prefix.length);
        return (version === '1.2' ? LZString.decompressFromUTF16(body) : LZString.decompressFromEncodedURIComponent(body)) || null;
      } catch {
        return null;
      }
    }
  return raw;
}

/** What the course's clocks and visit times alone change: not worth a commit (see sameSuspendContent). */
const CLOCKS = ['clock', 'createdAt', 'updatedAt', 'lessons', 'last'];

/**
 * Whether two suspend_data values hold the same progress apart from clocks and visit times (the
 * document's own times, merged forward on every load, and when each lesson was last opened): a
 * relaunch that only reopens pages changes nothing the LMS needs to store.
 */
export function sameSuspendContent(a: string, b: string): boolean {
  if (a === b) return true;
  const content = (raw: string) => {
    try {
      const doc = JSON.parse(decodeSuspend(raw) ?? '') as Record<string, unknown>;
      for (const k of CLOCKS) delete doc[k];
      return JSON.stringify(doc);
    } catch {
      return null;
    }
  };
  const x = content(a);
  return x !== null && x === content(b);
}

/** The key of the launcher's record inside the suspend_data object (the course's decoder ignores it). */
const RECORD_KEY = 'lms';

/**
 * suspend_data: the compacted progress document with the launcher's record added as one more
 * top-level member, encoded (plain or compressed) within `limit` — characters in SCORM 1.2,
 * UTF-8 bytes in SCORM 2004 (see suspendSize).
 */
export function suspendData(p: Progress, record: LauncherRecord, version: ScormVersion, limit: number): Compacted {
  const extra = `,"${RECORD_KEY}":${JSON.stringify(record)}`;
  const withRecord = (json: string) => `${json.slice(0, -1)}${extra}}`;
  const fit = compactForSuspend(p, (json) => suspendSize(encodeSuspend(withRecord(json), version, limit), version) <= limit);
  return { data: encodeSuspend(withRecord(fit.data), version, limit), dropped: fit.dropped };
}

const isObj = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

/**
 * Splits what an LMS returns as suspend_data into the progress document (as JSON, without the
 * launcher's record: null when there is none) and the launcher's record (null when absent or
 * malformed, e.g. data of an older package). Never throws.
 */
export function readSuspend(stored: string | null | undefined): { state: string | null; record: LauncherRecord | null } {
  if (!stored) return { state: null, record: null };
  // Compressed data that cannot be read goes to the course's decoder as it is (which backs it up).
  const raw = decodeSuspend(stored) ?? stored;
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
    typeof r.at === 'number' &&
    Number.isFinite(r.at) &&
    r.at >= 0 &&
    Number.isInteger(r.n) &&
    (r.n as number) >= 0;
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

  /** Every element and value known to be held. */
  entries(): [string, string][] {
    return [...this.held];
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
