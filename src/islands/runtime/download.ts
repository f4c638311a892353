/** Browser helpers for the plan, certificate and data pages (not part of the lesson pages' JavaScript). */

/** Saves generated text as a file: a Blob behind an object URL, clicked through an <a download>. */
export function download(name: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  // Some browsers read the URL after click() returns; revoke it once the download has started.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * The calendar file builder (src/lib/plan/calendar.ts), loaded when the learner asks for a file:
 * the plan and challenge pages do not carry it before (~1 KiB gzip). The service worker precaches
 * it with every other chunk, so it loads offline too; null when it cannot be loaded.
 */
export const loadCalendar = () => import('../../lib/plan/calendar').catch(() => null);
