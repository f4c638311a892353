/**
 * SCORM launcher runtime: the ONE page the LMS launches (launch/index.html). It holds the single
 * SCORM session for the whole visit — Initialize once, Terminate once — and shows the multi-page
 * course in an iframe. Towards the course it is an ordinary embed host (src/lib/embed-protocol.ts)
 * that offers persistence; towards the LMS it maps progress to CMI data (src/lib/scorm.ts).
 * Without an LMS API the course simply runs on its own browser storage.
 */
import { FLUSH_EVENT, envelope, parseCourseMessage, type HostMessage, type ProgressReport } from '../lib/embed-protocol';
import { decodeProgress } from '../lib/progress';
import { SUSPEND_LIMIT, cmiValues, compactForSuspend, type ScormVersion } from '../lib/scorm';

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
export function findLms(start: Window): Lms | null {
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
  /** Course home and lesson URLs (relative in a package). */
  home: string;
  lessons: Record<string, string>;
  /** Shown when no LMS is found. */
  onStandalone?: () => void;
}

export function startLauncher({ courseId, frame, home, lessons, onStandalone }: LauncherOptions): void {
  const lms = findLms(window);
  const started = Date.now();
  let suspend: string | null = null;
  let resumeAt: string | null = null;
  const connected = !!lms && lms.init();
  if (lms && connected) {
    const v12 = lms.version === '1.2';
    suspend = lms.get('cmi.suspend_data') || null;
    resumeAt = lms.get(v12 ? 'cmi.core.lesson_location' : 'cmi.location') || null;
    const status = lms.get(v12 ? 'cmi.core.lesson_status' : 'cmi.completion_status');
    if (status === 'not attempted' || status === 'unknown' || status === '')
      lms.set(v12 ? 'cmi.core.lesson_status' : 'cmi.completion_status', 'incomplete');
  } else onStandalone?.();

  frame.src = (resumeAt && lessons[resumeAt]) || home;

  let last: ProgressReport | null = null;
  let dropped: string[] = [];
  let finished = false;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const post = (msg: HostMessage) => frame.contentWindow?.postMessage(envelope(msg), window.location.origin);
  const apply = (report: ProgressReport, ending = false) => {
    if (!lms || !connected) return;
    for (const [k, v] of cmiValues(lms.version, report, { sessionMs: Date.now() - started, ending })) lms.set(k, v);
  };
  /** Puts the course's progress document into suspend_data (compacted to the version's limit). */
  const keepState = (state: string): boolean => {
    if (!lms || !connected) return false;
    const { progress, warnings } = decodeProgress(state, courseId, Date.now());
    if (warnings.includes('corrupt') || warnings.includes('foreign-course')) return false;
    const fit = compactForSuspend(progress, SUSPEND_LIMIT[lms.version]);
    suspend = fit.data;
    lms.set('cmi.suspend_data', fit.data);
    if (fit.dropped.join() !== dropped.join()) post({ type: 'stored', dropped: (dropped = fit.dropped) });
    return true;
  };
  const commitSoon = () => {
    clearTimeout(timer);
    if (connected) timer = setTimeout(() => lms!.commit(), 10_000);
  };

  addEventListener('message', (e: MessageEvent) => {
    if (e.source !== frame.contentWindow || e.origin !== window.location.origin || finished) return;
    const msg = parseCourseMessage(e.data);
    if (!msg || ('courseId' in msg && msg.courseId !== courseId)) return;
    if (msg.type === 'ready') {
      post({ type: 'init', persist: connected, state: suspend });
      if (dropped.length) post({ type: 'stored', dropped });
    } else if (msg.type === 'state') {
      if (keepState(msg.state)) commitSoon();
    } else if (msg.type === 'progress') {
      const important = !last || last.attempts !== msg.attempts || last.lesson !== msg.lesson || last.status !== msg.status;
      last = msg;
      apply(msg);
      // Commit at the end of each quiz, on each lesson change and on completion; otherwise soon.
      if (important && lms && connected) {
        clearTimeout(timer);
        lms.commit();
      } else commitSoon();
    }
  });

  const end = () => {
    if (finished || !lms || !connected) return;
    // Save what is being typed in the course frame and read its state now: a postMessage sent
    // while unloading would arrive after Finish. (Same origin in a package; ignored otherwise.)
    try {
      const w = frame.contentWindow as (Window & { courseEmbedState?: () => string }) | null;
      w?.dispatchEvent(new Event(FLUSH_EVENT));
      const state = w?.courseEmbedState?.();
      if (state) keepState(state);
    } catch {
      /* a cross-origin or already unloaded frame: the last state message stands */
    }
    finished = true;
    clearTimeout(timer);
    if (last) apply(last, true);
    lms.commit();
    lms.finish();
  };
  // Only pagehide: beforeunload can still be cancelled, and the session must end exactly once.
  addEventListener('pagehide', end);
}
