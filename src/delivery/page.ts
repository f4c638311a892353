/**
 * What every page starts besides its islands (called from the layout's script): the lesson visit,
 * connection tracking and the service worker (top level only), and — only inside a frame — the
 * embed bridge, loaded on demand so stand-alone pages never download it.
 */
import { FLUSH_EVENT, flushAll } from '../stores/app';
import { recordVisit } from '../stores/progress';
import { startPwa } from './pwa';
import type { CourseMeta } from './bridge';

/** Build-time facts the layout writes into <script type="application/json" id="course-meta">. */
function readMeta(): CourseMeta | null {
  try {
    return JSON.parse(document.getElementById('course-meta')?.textContent ?? 'null');
  } catch {
    return null;
  }
}

export function startPage(): void {
  const meta = readMeta();
  // A lesson page counts as visited (and becomes 続きから) as soon as it opens.
  if (meta?.lesson) recordVisit(meta.lesson);
  // Whatever is being typed is saved when the page goes away or is hidden, and when a host asks.
  const flush = () => void flushAll();
  addEventListener('pagehide', flush);
  addEventListener(FLUSH_EVENT, flush);
  document.addEventListener('visibilitychange', () => document.visibilityState === 'hidden' && flush());
  startPwa();
  if (window.self !== window.top && meta) void import('./bridge').then((m) => m.startBridge(meta));
}
