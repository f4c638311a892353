/**
 * SCORM launcher runtime: the ONE page the LMS launches (launch/index.html). It holds the single
 * SCORM session for the whole visit — Initialize once, Terminate once — and shows the multi-page
 * course in an iframe. Towards the course it is an ordinary embed host (src/lib/lms/embed-protocol.ts)
 * that offers persistence; towards the LMS it maps progress to CMI data (src/lib/lms/scorm.ts,
 * src/lib/lms/interactions.ts): status, score, location, suspend_data, one objective per lesson
 * and one interaction per answer.
 *
 * Every call to the LMS counts (in Moodle each Commit is an HTTP request, and its SCORM 2004
 * runtime re-posts every interaction with each one), so the launcher sets an element only when
 * its value differs from what the LMS holds (CmiLedger), and commits only when something that
 * matters was set: soon (after a short pause that gathers the messages of one step) at
 * milestones — a page opened, a quiz or activity answered, the status changed — and a few seconds
 * after the learner stops typing otherwise; never for what only moves clocks or visit times.
 * Nothing the learner enters waits for Finish/Terminate: Moodle sends Terminate while its page
 * unloads, as a beacon that Chrome refuses over 64 KiB, so in SCORM 2004 the whole attempt is
 * also kept within what that request can carry (exit-request.ts): interactions keep a question's
 * first and latest answer, suspend_data gets what is left. Without an LMS API the course simply
 * runs on its own browser storage.
 */
import { FLUSH_EVENT, envelope, parseCourseMessage, progressReport, type HostMessage, type ProgressReport } from '../lib/lms/embed-protocol';
import { decodeProgress, type Progress } from '../lib/progress/document';
import {
  CmiLedger,
  SUSPEND_LIMIT,
  commitUrgency,
  lookOnly,
  sameSuspendContent,
  endValues,
  keepLmsRecord,
  locationElement,
  objectiveValues,
  pageKey,
  readSuspend,
  resumePage,
  suspendData,
  trackingValues,
  type CommitUrgency,
  type LauncherRecord,
  type ScormVersion,
  type Status12Mode,
} from '../lib/lms/scorm';
import { attemptKeys, interactionRecords, interactionValues, newRecords, parseLmsCatalog, recordIds, type LmsCatalog } from '../lib/lms/interactions';
import { cmiProblems } from '../lib/lms/cmi-types';
import { EXIT_BUDGET, exitBytes, partBytes } from '../lib/lms/exit-request';

/** One interface over the SCORM 1.2 and 2004 runtime APIs. */
interface Lms {
  version: ScormVersion;
  init(): boolean;
  get(element: string): string;
  set(element: string, value: string): boolean;
  commit(): boolean;
  finish(): boolean;
}

type Api12 = Record<'LMSInitialize' | 'LMSGetValue' | 'LMSSetValue' | 'LMSCommit' | 'LMSFinish', (...a: string[]) => string>;
type Api2004 = Record<'Initialize' | 'GetValue' | 'SetValue' | 'Commit' | 'Terminate', (...a: string[]) => string>;

/** Looks for the LMS API in parent frames, then in the opener's (SCORM's API discovery algorithm). */
function findLms(start: Window): Lms | null {
  const search = (w: Window | null): Lms | null => {
    for (let i = 0; w && i < 12; i++) {
      try {
        const x = w as unknown as { API_1484_11?: Api2004; API?: Api12 };
        if (x.API_1484_11) return wrap2004(x.API_1484_11);
        if (x.API) return wrap12(x.API);
      } catch {
        /* a cross-origin frame: keep looking */
      }
      if (w.parent === w) break;
      w = w.parent;
    }
    return null;
  };
  return search(start) ?? search(start.opener as Window | null);
}

const ok = (r: unknown) => r === 'true' || r === true;
function wrap12(api: Api12): Lms {
  return {
    version: '1.2',
    init: () => ok(api.LMSInitialize('')),
    get: (k) => String(api.LMSGetValue(k) ?? ''),
    set: (k, v) => ok(api.LMSSetValue(k, v)),
    commit: () => ok(api.LMSCommit('')),
    finish: () => ok(api.LMSFinish('')),
  };
}
function wrap2004(api: Api2004): Lms {
  return {
    version: '2004',
    init: () => ok(api.Initialize('')),
    get: (k) => String(api.GetValue(k) ?? ''),
    set: (k, v) => ok(api.SetValue(k, v)),
    commit: () => ok(api.Commit('')),
    finish: () => ok(api.Terminate('')),
  };
}

export interface LauncherOptions {
  courseId: string;
  frame: HTMLIFrameElement;
  /** The URL of every page that can be the location, by location key (lesson slugs, home, conclusion, …); relative in a package. */
  pages: Record<string, string>;
  /** URL of lms-catalog.json (questions and answer keys for interactions, lessons for objectives). */
  catalog: string;
  /** How SCORM 1.2 reports status (course.yaml scorm.status12). */
  status12: Status12Mode;
  /** Shown when no LMS is found. */
  onStandalone?: () => void;
}

/** A milestone commits after this pause, which gathers the messages one step of the learner sends (page load: ready, progress, state). */
const MILESTONE_MS = 1000;
/** Other changes (a reflection saved) commit once the learner has paused this long… */
const CHANGE_MS = 4000;
/** …or at the latest this long after the first change not yet committed (typing without a pause). */
const CHANGE_MAX_MS = 20_000;
/** What one interaction record may take in Moodle's exit request (id, type, response, result), for the reserve of records not yet answered. */
const RECORD_RESERVE = ['id', 'type', 'learner_response', 'result'].reduce(
  (n, k) => n + partBytes(`cmi.interactions.999.${k}`, 'x'.repeat(k === 'learner_response' ? 24 : 12)),
  0,
);

/** Tracking elements read at launch, so values the LMS already holds are not set again. */
const PRIMED: Record<ScormVersion, string[]> = {
  '1.2': ['cmi.core.score.raw', 'cmi.core.score.min', 'cmi.core.score.max'],
  '2004': ['cmi.success_status', 'cmi.progress_measure', 'cmi.score.raw', 'cmi.score.min', 'cmi.score.max', 'cmi.score.scaled'],
};

export function startLauncher({ courseId, frame, pages, catalog: catalogUrl, status12, onStandalone }: LauncherOptions): void {
  const lms = findLms(window);
  if (!lms?.init()) {
    onStandalone?.();
    frame.src = pages.home;
    return;
  }
  const started = Date.now();
  const v = lms.version;
  const ledger = new CmiLedger();
  /** Values read at launch: Moodle's exit request re-sends a top-level element only when it differs from these. */
  const atLaunch = new Map<string, string>();
  const read = (el: string) => {
    const value = lms.get(el);
    ledger.know(el, value);
    atLaunch.set(el, value);
    return value;
  };

  // What the LMS has from earlier sessions.
  const { state: launchState, record: launchRecord } = readSuspend(read('cmi.suspend_data') || null);
  const location = read(locationElement(v)) || null;
  const status = read(v === '1.2' ? 'cmi.core.lesson_status' : 'cmi.completion_status');
  // Review or browse: the learner looks at a finished attempt; the LMS's record stays as it is.
  const readOnly = lookOnly(lms.get(v === '1.2' ? 'cmi.core.lesson_mode' : 'cmi.mode'));
  for (const el of PRIMED[v]) read(el);
  const decoded = launchState ? decodeProgress(launchState, courseId, started) : null;
  const launchProgress = decoded && !decoded.warnings.includes('corrupt') && !decoded.warnings.includes('foreign-course') ? decoded.progress : null;
  let record: LauncherRecord = launchRecord ?? { page: null, at: 0, n: 0 };
  // Journaled interactions continue after what the LMS holds (and after what this course sent, if the LMS reports less).
  let next = Math.max(Number(lms.get('cmi.interactions._count')) || 0, record.n);
  /**
   * SCORM 2004: where each question's (or activity's) first and latest record are. Interactions
   * are readable there, so the LMS says, and every element it holds is known for the exit budget.
   */
  const slots = new Map<string, number[]>();
  if (v === '2004')
    for (let i = 0; i < next; i++) {
      const at = `cmi.interactions.${i}`;
      const id = read(`${at}.id`);
      for (const k of [
        'type',
        'learner_response',
        'result',
        'timestamp',
        'latency',
        'weighting',
        'description',
        'objectives.0.id',
        'correct_responses.0.pattern',
      ]) {
        const value = lms.get(`${at}.${k}`);
        if (value !== '') ledger.know(`${at}.${k}`, value);
      }
      // Data journaled by an older package can hold more: its first and its last record are the slots.
      const list = slots.get(id);
      if (!list) slots.set(id, [i]);
      else list[1] = i;
    }
  const sentAttempts: Record<string, string> = launchProgress ? attemptKeys(launchProgress) : {};
  const interactionTypes: Record<number, string> = {};

  /** Sets what differs from what the LMS holds (checked against the CMI types first); returns how many were set. */
  const send = (pairs: readonly (readonly [string, string])[]): number => {
    if (readOnly) return 0;
    let sent = 0;
    for (const [el, value] of ledger.pending(pairs)) {
      const problems = cmiProblems(v, [[el, value]], interactionTypes);
      if (problems.length) {
        console.warn(`SCORM: not sent: ${problems.join('; ')}`);
        continue;
      }
      if (!lms.set(el, value)) continue;
      ledger.know(el, value);
      const type = /^cmi\.interactions\.(\d+)\.type$/.exec(el);
      if (type) interactionTypes[Number(type[1])] = value;
      sent++;
    }
    return sent;
  };

  if (status === 'not attempted' || status === 'unknown' || status === '')
    send([[v === '1.2' ? 'cmi.core.lesson_status' : 'cmi.completion_status', 'incomplete']]);
  const target = resumePage({ location, record: launchRecord, last: launchProgress?.last ?? null }, (key) => Object.hasOwn(pages, key));
  frame.src = (target && pages[target]) || pages.home;

  /** The latest progress document from the course (full, as the course holds it) and its report. */
  let state: string | null = launchState;
  let current: Progress | null = launchProgress;
  let previous: Progress | null = launchProgress;
  let last: ProgressReport | null = null;
  // What the LMS has recorded stays: finished stays finished, the score never drops (keepLmsRecord).
  const rawBefore = Number.parseFloat(ledger.get(v === '1.2' ? 'cmi.core.score.raw' : 'cmi.score.raw') ?? '');
  const lmsRecord = {
    finished: v === '1.2' ? status === 'completed' || status === 'passed' : status === 'completed',
    score: Number.isFinite(rawBefore) ? Math.min(1, Math.max(0, rawBefore / 100)) : null,
  };
  let dropped: string[] = [];
  let finished = false;
  let dirty = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  /** When the pending commit is due, whether it is a milestone's, and when the oldest uncommitted change came. */
  let due = 0;
  let dueMilestone = false;
  let firstChange = 0;

  const post = (msg: HostMessage) => frame.contentWindow?.postMessage(envelope(msg), window.location.origin);

  /** SCORM 2004: what Moodle's exit request would carry now for everything but suspend_data, plus `extra`. */
  const exitNow = (extra: readonly (readonly [string, string])[] = []) =>
    exitBytes([...ledger.entries().filter(([k]) => k !== 'cmi.suspend_data'), ...endValues(v, last, 10 * 3_600_000), ...extra], (k) => atLaunch.get(k));
  /** Room kept for the first record of every question or activity not answered yet (they come before anything else). */
  const reserve = () => (catalog ? recordIds(catalog, false).filter((id) => !slots.has(id)).length * RECORD_RESERVE : 0);

  /**
   * suspend_data: the course's progress document and the launcher's record, within the version's
   * limit — SCORM 1.2's 4,096 characters; in SCORM 2004 whatever Moodle's exit request has room
   * for. It is the one big value (kilobytes), so it is worked out at every change but set only
   * when a commit is due: once per commit, however many changes came before. A document that
   * differs from the LMS's only in its clocks or visit times is not sent at all.
   */
  let suspend: string | null = null;
  const putSuspend = (): number => {
    if (!current) return 0;
    const limit = v === '1.2' ? SUSPEND_LIMIT[v] : Math.min(SUSPEND_LIMIT[v], EXIT_BUDGET - exitNow() - reserve() - partBytes('cmi.suspend_data', ''));
    const fit = suspendData(current, { ...record, n: next }, v, Math.max(limit, 1024));
    // The learner is told about their own texts that stay in this browser; visit times and activity
    // states the course can do without go unmentioned.
    const texts = fit.dropped.filter((d) => d !== 'visits' && d !== 'activities');
    if (texts.join() !== dropped.join()) post({ type: 'stored', dropped: (dropped = texts) });
    const held = ledger.get('cmi.suspend_data');
    suspend = held !== undefined && held !== '' && sameSuspendContent(held, fit.data) ? null : fit.data;
    return suspend === null ? 0 : ledger.pending([['cmi.suspend_data', suspend]]).length;
  };
  const flushSuspend = () => {
    if (suspend !== null) send([['cmi.suspend_data', suspend]]);
    suspend = null;
  };

  const commit = () => {
    clearTimeout(timer);
    timer = undefined;
    if (!dirty || finished) return;
    flushSuspend();
    if (lms.commit()) {
      dirty = false;
      firstChange = 0;
    }
  };
  /**
   * A milestone commits after MILESTONE_MS (or sooner if already due); a change once the learner
   * has paused for CHANGE_MS, but no later than CHANGE_MAX_MS after the first uncommitted change.
   */
  const schedule = (urgency: CommitUrgency) => {
    if (urgency === 'none') return;
    dirty = true;
    const now = Date.now();
    firstChange ||= now;
    let at: number;
    if (urgency === 'milestone') at = timer !== undefined ? Math.min(due, now + MILESTONE_MS) : now + MILESTONE_MS;
    else if (timer !== undefined && dueMilestone) return;
    else at = Math.min(now + CHANGE_MS, firstChange + CHANGE_MAX_MS);
    clearTimeout(timer);
    due = at;
    dueMilestone = urgency === 'milestone' || (timer !== undefined && dueMilestone);
    timer = setTimeout(commit, Math.max(0, at - now));
  };

  /** Status and score of a report; says whether the status or the number of quiz attempts changed. */
  const track = (report: ProgressReport) => {
    const r = keepLmsRecord(report, lmsRecord);
    const status = !!last && (last.status !== r.status || last.success !== r.success);
    const attempts = !!last && last.attempts !== r.attempts;
    last = r;
    return { sent: send(trackingValues(v, r, status12)), status, attempts };
  };

  // Objectives, interactions and the report need the catalog (fetched once). Without it, only the
  // course's own progress messages are sent (status and score).
  let catalog: LmsCatalog | null = null;
  let catalogFailed = false;
  let reported: ProgressReport | null = null;
  const objectiveAt = new Map<string, number>();
  /** Finds each lesson's objective (earlier sessions created them) and creates the missing ones, in course order. */
  const setUpObjectives = (c: LmsCatalog) => {
    let count = Number(lms.get('cmi.objectives._count')) || 0;
    for (let i = 0; i < count; i++) objectiveAt.set(read(`cmi.objectives.${i}.id`), i);
    for (const lesson of c.lessons) {
      const n = objectiveAt.get(lesson.slug);
      if (n !== undefined) {
        // The LMS got these with the suspend_data it returned: known, not to be sent again.
        if (launchProgress) for (const [el, value] of objectiveValues(v, n, launchProgress, lesson, c.rules, status12)) ledger.know(el, value);
        continue;
      }
      // Objectives are an ordered collection: stop at the first that cannot be created (no gaps).
      if (send([[`cmi.objectives.${count}.id`, lesson.slug]]) === 0) break;
      objectiveAt.set(lesson.slug, count++);
    }
  };

  /**
   * Everything a progress document means for the LMS: status and score, objectives, new
   * interactions, suspend_data. Then commits as its changes deserve (see commitUrgency).
   */
  const apply = (p: Progress, page = false) => {
    let sent = 0;
    let interactions = 0;
    let t = { status: false, attempts: false };
    if (catalog) {
      const c = catalog;
      const tracked = track(progressReport(p, c.lessons, c.rules, null, c.assessment));
      sent += tracked.sent;
      t = tracked;
      sent += send(c.lessons.flatMap((l) => (objectiveAt.has(l.slug) ? objectiveValues(v, objectiveAt.get(l.slug)!, p, l, c.rules, status12) : [])));
      const offset = -new Date().getTimezoneOffset();
      for (const r of newRecords(interactionRecords(p, c, previous, v === '1.2'), sentAttempts)) {
        sentAttempts[r.group] = r.attempt;
        // SCORM 1.2 journals every answer. SCORM 2004 keeps a question's first record and its
        // latest, rewritten in place; a second record only while the exit request has room for it
        // next to suspend_data (else the first stays and the course keeps the rest).
        const list = v === '2004' ? slots.get(r.id) : undefined;
        const at = v === '1.2' || !list ? next : (list[1] ?? next);
        const values = interactionValues(v, at, r, offset);
        if (at === next) {
          const bytes = values.reduce((n, [k, x]) => n + partBytes(k, x), 0);
          if (list && exitNow() + reserve() + bytes + partBytes('cmi.suspend_data', suspend ?? ledger.get('cmi.suspend_data') ?? '') > EXIT_BUDGET) continue;
          // The id comes first; an interaction whose id the LMS refused is not there at all.
          if (send(values.slice(0, 1)) === 0) continue;
          if (v === '2004') slots.set(r.id, [...(list ?? []), next]);
          next++;
          sent++;
        }
        sent += send(values.slice(1));
        interactions++;
      }
      previous = p;
    }
    sent += putSuspend();
    schedule(commitUrgency({ status: t.status, attempts: t.attempts, sent, interactions, page }));
  };

  void fetch(catalogUrl)
    .then((res) => (res.ok ? res.json() : null))
    .catch(() => null)
    .then((x) => {
      if (finished) return;
      const c = parseLmsCatalog(x, courseId);
      if (!c) {
        catalogFailed = true;
        if (reported) schedule(commitUrgency({ sent: track(reported).sent, interactions: 0, page: false, status: true, attempts: false }));
        return;
      }
      catalog = c;
      setUpObjectives(c);
      // What the LMS returned at launch it has already; anything newer is applied now.
      if (current && current !== launchProgress) apply(current);
      else if (current) last = progressReport(current, c.lessons, c.rules, null, c.assessment);
    });

  /** A progress document from the course (the bridge sends them only after our init, so they include the LMS's copy). */
  const keepState = (json: string): Progress | null => {
    const { progress, warnings } = decodeProgress(json, courseId, Date.now());
    if (warnings.includes('corrupt') || warnings.includes('foreign-course')) return null;
    state = json;
    current = progress;
    return progress;
  };

  addEventListener('message', (e: MessageEvent) => {
    if (e.source !== frame.contentWindow || e.origin !== window.location.origin || finished) return;
    const msg = parseCourseMessage(e.data);
    if (!msg || ('courseId' in msg && msg.courseId !== courseId)) return;
    if (msg.type === 'ready') {
      // The course frame fills this page (the LMS's frame or window): it scrolls inside, never the LMS page.
      post({ type: 'init', persist: true, state, keeper: 'lms', frame: 'fixed' });
      if (dropped.length) post({ type: 'stored', dropped });
      // The learner is on this page now: the location, and the launcher's record in suspend_data.
      const key = msg.lesson ?? (msg.page === undefined ? null : pageKey(msg.page));
      if (!key || !Object.hasOwn(pages, key) || key === record.page) return;
      record = { ...record, page: key, at: Date.now() };
      const sent = send([[locationElement(v), key]]) + putSuspend();
      schedule(commitUrgency({ sent, interactions: 0, page: true, status: false, attempts: false }));
    } else if (msg.type === 'state') {
      const p = keepState(msg.state);
      if (p) apply(p);
    } else if (msg.type === 'progress') {
      // The course's own report can come before our init reached it (then it lacks the LMS's
      // copy): the report worked out from its state messages is used instead, this one only
      // when the catalog cannot be had.
      reported = msg;
      if (catalogFailed) {
        const t = track(msg);
        schedule(commitUrgency({ sent: t.sent, interactions: 0, page: false, status: t.status, attempts: t.attempts }));
      }
    }
  });

  const end = () => {
    if (finished) return;
    // Save what is being typed in the course frame and read its state now: a postMessage sent
    // while unloading would arrive after Finish. (Same origin in a package; ignored otherwise.)
    try {
      const w = frame.contentWindow as (Window & { courseEmbedState?: () => string }) | null;
      w?.dispatchEvent(new Event(FLUSH_EVENT));
      const json = w?.courseEmbedState?.();
      const p = json && json !== state ? keepState(json) : null;
      if (p) apply(p);
    } catch {
      /* a cross-origin or already unloaded frame: the last state message stands */
    }
    clearTimeout(timer);
    timer = undefined;
    flushSuspend();
    send(endValues(v, last, Date.now() - started));
    finished = true;
    lms.finish();
  };
  // Only pagehide: beforeunload can still be cancelled, and the session must end exactly once.
  addEventListener('pagehide', end);
}
