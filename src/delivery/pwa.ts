/**
 * Service-worker registration, update prompt and online/offline tracking.
 * Not registered inside frames (LMS, iframe embeds): the embedding page owns caching there, and a
 * worker scoped to the course must not take over an LMS origin's pages.
 */
import { $online, $update } from '../stores/app';

/** Starts connection tracking and (at top level only) the service worker. Base path from <html data-base>. */
export function startPwa(): void {
  const base = document.documentElement.dataset.base ?? '/';
  const syncOnline = () => $online.set(navigator.onLine);
  syncOnline();
  addEventListener('online', syncOnline);
  addEventListener('offline', syncOnline);

  const framed = window.self !== window.top;
  if (framed || !('serviceWorker' in navigator) || document.documentElement.dataset.embed) return;
  const sw = navigator.serviceWorker;
  let reloading = false;

  const offer = (waiting: ServiceWorker) =>
    $update.set(() => {
      // Reload only once the new worker controls the page, and only after the learner asked.
      sw.addEventListener('controllerchange', () => {
        if (!reloading) (reloading = true), location.reload();
      });
      waiting.postMessage({ type: 'SKIP_WAITING' });
    });

  // Registered once the page has loaded (as web.dev/articles/service-workers-registration advises):
  // the worker's install downloads the whole course for offline use (~370 KiB gzip), which must not
  // compete with the page's own first load on a slow phone.
  const register = () =>
    sw.register(`${base}sw.js`, { scope: base }).then(
      (reg) => {
        // A worker already waiting (installed in an earlier visit) is offered right away.
        if (reg.waiting && sw.controller) offer(reg.waiting);
        reg.addEventListener('updatefound', () => {
          const installing = reg.installing;
          installing?.addEventListener('statechange', () => {
            // First install (no controller yet) needs no prompt: there is nothing to replace.
            if (installing.state === 'installed' && sw.controller) offer(installing);
          });
        });
        // Look for a new version when the learner comes back to the tab.
        document.addEventListener('visibilitychange', () => document.visibilityState === 'visible' && reg.update().catch(() => {}));
      },
      () => {},
    );
  if (document.readyState === 'complete') register();
  else addEventListener('load', register, { once: true });
}
