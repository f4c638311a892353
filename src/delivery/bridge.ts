/**
 * The course side of the iframe embedding protocol (docs/embedding.md, src/lib/lms/embed-protocol.ts).
 * Loaded only when the course runs inside a frame. Talks only to window.parent, and only accepts
 * messages from the course's own origin or an allowlisted one.
 */
import { encodeProgress, progressKey } from '../lib/progress/document';
import { envelope, FRAME_MODE_KEY, isTrustedOrigin, parseHostMessage, progressReport, type CourseMessage } from '../lib/lms/embed-protocol';
import { $progress, $storage, ensureStarted } from '../stores/progress';
import { mergeFrom, switchBackend } from '../stores/host';
import { $hostDropped } from '../stores/app';
import { $courseIndex, loadCourseIndex } from '../stores/course';
import { readAssessment } from '../lib/course/assessment';
import { hostBackend } from '../storage/host';
import { pathWithin } from '../lib/course/paths';
import { revealTop, visibleBand } from '../lib/lms/frame-scroll';

/** Build-time facts the layout writes into <script type="application/json" id="course-meta"> (the lessons and rules come from the course index). */
export interface CourseMeta {
  courseId: string;
  lesson: string | null;
  /** Allowlisted host origins (COURSE_EMBED_ORIGINS / course.yaml embed.allowedOrigins). */
  origins: string[];
}

/**
 * In a fixed-height frame, focusing an element (the quiz result after scoring, the next question,
 * a dialog's button) or scrolling it into view must not scroll the host page — an LMS page would
 * scroll its own controls ("Exit activity") out of sight. So focus() and scrollIntoView() scroll
 * only this document there (src/lib/lms/frame-scroll.ts); in other frames they behave as always.
 * Installed when the bridge starts, a moment after the page's own script (it is loaded on demand
 * to keep it out of the first view of stand-alone pages). Before that nothing in the course
 * scrolls by itself: every focus() follows something the learner did in a hydrated island.
 */
function keepScrollInside(): void {
  const fixed = () => document.documentElement.dataset.frame === 'fixed';
  /** The part of this frame the learner can see: inside every ancestor's viewport we may look at. */
  const visible = () => {
    const frames: { top: number; parentHeight: number }[] = [];
    try {
      for (let w: Window = window; w !== w.parent && w.frameElement; w = w.parent) {
        const el = w.frameElement as HTMLElement;
        frames.push({ top: el.getBoundingClientRect().top + el.clientTop, parentHeight: w.parent.innerHeight });
      }
    } catch {
      /* a cross-origin ancestor: its viewport is not ours to know */
    }
    return visibleBand(innerHeight, frames);
  };
  const reveal = (el: Element) => {
    const band = visible();
    const bar = document.querySelector('.embed-bar')?.getBoundingClientRect().bottom ?? 0;
    const top = revealTop(el.getBoundingClientRect(), { top: Math.max(band.top, bar), bottom: band.bottom, scrollY });
    if (top !== null) scrollTo({ top });
  };
  const focus = HTMLElement.prototype.focus;
  HTMLElement.prototype.focus = function (this: HTMLElement, options?: FocusOptions) {
    if (!fixed() || options?.preventScroll) return focus.call(this, options);
    focus.call(this, { ...options, preventScroll: true });
    reveal(this);
  };
  const into = Element.prototype.scrollIntoView;
  Element.prototype.scrollIntoView = function (this: Element, arg?: boolean | ScrollIntoViewOptions) {
    if (!fixed()) return into.call(this, arg);
    reveal(this);
  };
}

/** Sets or clears <html data-frame="fixed"> and the sessionStorage flag the next page starts from. */
function setFrameMode(fixed: boolean): void {
  const root = document.documentElement;
  if (fixed) root.dataset.frame = 'fixed';
  else delete root.dataset.frame;
  try {
    if (fixed) sessionStorage.setItem(FRAME_MODE_KEY, 'fixed');
    else sessionStorage.removeItem(FRAME_MODE_KEY);
  } catch {
    /* storage blocked: each page waits for the host's message, as before */
  }
}

export function startBridge(meta: CourseMeta): void {
  const parent = window.parent;
  if (parent === window) return;
  const own = location.origin;
  let hostOrigin: string | null = null;
  let persist = false;

  // Before the host has introduced itself, only allowlisted origins (or our own) may listen.
  const targets = () => (hostOrigin ? [hostOrigin] : meta.origins.includes('*') ? ['*'] : [own, ...meta.origins]);
  const send = (msg: CourseMessage) => {
    for (const t of targets()) {
      try {
        parent.postMessage(envelope(msg), t);
      } catch {
        /* a malformed target origin must not break the course */
      }
    }
  };

  ensureStarted(meta.courseId);
  keepScrollInside();
  // Same-origin hosts (the SCORM launcher) read the latest state synchronously while unloading,
  // when a postMessage would arrive too late.
  (window as unknown as { courseEmbedState?: () => string }).courseEmbedState = () => encodeProgress($progress.get());

  addEventListener('message', (e: MessageEvent) => {
    if (e.source !== parent || !isTrustedOrigin(e.origin, own, meta.origins)) return;
    const msg = parseHostMessage(e.data);
    if (!msg) return;
    hostOrigin = e.origin;
    if (msg.type === 'stored') return $hostDropped.set(msg.dropped);
    persist = msg.persist;
    // Which "where is it saved" texts apply (SavedWhere.astro, the notices): set before the stores change.
    if (persist) document.documentElement.dataset.kept = msg.keeper ?? 'host';
    // A frame of fixed height: compact player (global.css) and focus that scrolls only inside the
    // course. Remembered for the next page in this frame (the layout's first script reads it).
    setFrameMode(msg.frame === 'fixed');
    const key = progressKey(meta.courseId);
    if (persist && $storage.get().kind === 'memory') {
      // Storage is blocked in this frame: the host keeps our progress instead.
      switchBackend(hostBackend(key, msg.state, (state) => send({ type: 'state', courseId: meta.courseId, state })));
    } else if (msg.state) {
      mergeFrom(msg.state);
    }
    report();
  });

  let lastReport = '';
  let wasComplete = false;
  const report = () => {
    const p = $progress.get();
    const index = $courseIndex.get();
    // Progress is reported once the course index (lessons, rules, assessment) has arrived, and
    // only by the rules it carries (never by a guess: an index of an older deployment has none).
    const assessment = index && readAssessment(index.assessment);
    if (!index || !assessment) return;
    const r = progressReport(p, index.lessons, index.rules, meta.lesson, assessment);
    const key = JSON.stringify(r);
    if (key !== lastReport) send({ type: 'progress', ...r });
    lastReport = key;
    if (r.status === 'completed' && !wasComplete) send({ type: 'completed', courseId: r.courseId, score: r.score });
    wasComplete = r.status === 'completed';
    if (persist && $storage.get().kind !== 'host') send({ type: 'state', courseId: meta.courseId, state: encodeProgress(p) });
  };
  $progress.listen(report);

  let lastHeight = -1;
  new ResizeObserver(() => {
    // The content's own height (scrollHeight never drops below the frame's height, so a frame
    // sized for a long lesson would never shrink for a shorter page).
    const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (height !== lastHeight) send({ type: 'resize', height });
    lastHeight = height;
  }).observe(document.body);

  // Links that leave the course open in a new tab instead of replacing the embedded course.
  for (const a of document.querySelectorAll<HTMLAnchorElement>('a[href]')) if (a.origin !== own) (a.target = '_blank'), (a.rel = 'noopener');

  // Where in the course this page is (the SCORM launcher keeps it as the LMS location).
  const root = new URL(document.documentElement.dataset.base ?? '/', location.href).pathname;
  const page = pathWithin(root, location.pathname);
  send({ type: 'ready', courseId: meta.courseId, lesson: meta.lesson, ...(page === null ? {} : { page }) });
  void loadCourseIndex().then(report);
}
