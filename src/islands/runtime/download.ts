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
 * the plan and challenge pages do not carry it before (~0.8–0.9 KiB gzip less on them). Where the
 * service worker runs (the site, the installed app) it is precached with every other chunk and
 * loads offline; in a frame (LMS, SCORM, embed) it comes from the package or the network. Null
 * when it cannot be loaded (logged, so a bug in it does not pass for a network problem).
 */
const loadCalendar = () =>
  import('../../lib/plan/calendar').catch((e: unknown) => {
    console.error('The calendar file builder could not be loaded:', e);
    return null;
  });

let loading = false;

/**
 * For a calendar button: `make(calendar)` runs once the builder is loaded, one press at a time on the page (a
 * press while an earlier one still loads it does nothing: 'busy'). 'failed' when the builder
 * cannot be loaded; pressing again tries again.
 */
export async function withCalendar(make: (calendar: NonNullable<Awaited<ReturnType<typeof loadCalendar>>>) => void): Promise<'made' | 'busy' | 'failed'> {
  if (loading) return 'busy';
  loading = true;
  const calendar = await loadCalendar();
  loading = false;
  if (!calendar) return 'failed';
  make(calendar);
  return 'made';
}
