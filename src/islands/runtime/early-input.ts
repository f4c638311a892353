/**
 * Input that arrives before an island starts. Islands hydrate when they scroll into view, but
 * their fields are server-rendered and live before that: a paste, browser autofill, dictation or
 * a quick tap can fill a text box or tick an option before the island's code runs. Hydration would
 * then wipe it (Preact sets a textarea's value from the first render, and every later render sets
 * `checked` and `value` from the island's state, which knows nothing of it).
 *
 * So start.ts reads what the learner entered into an island's fields just before
 * hydrating it (`entered`), shows it again at once, and once the islands have settled (their
 * effects have run: saved progress loaded and shown) hands it to the island as the input and
 * change events the learner's own typing or clicking would have fired (`handOver`). The island
 * then saves it like any other input. A field the learner changes again in between is left alone:
 * its own events already carried the whole value.
 */
import { options } from 'preact';
import { FLUSH_EVENT } from '../../lib/lms/events';

type Field = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;
/** A field the learner changed before hydration, and what they entered. */
interface Entry {
  el: Field;
  value?: string;
  checked?: boolean;
}

let replaying = false;
/**
 * True while input entered before hydration is handed to an island. The learner typed it into a
 * server-rendered field, which showed nothing saved: a reflection edited this way is based on
 * nothing, so text saved earlier is kept for the learner to choose instead of being replaced.
 */
export const isEarlyInput = () => replaying;

/**
 * Whether the learner has entered anything into the island holding `el`, before it started or
 * since (mount.ts marks it `data-entered` on the first input or change event).
 */
export const enteredInto = (el: Element | null | undefined) => !!el?.closest('course-island')?.hasAttribute('data-entered');

/** The fields of an island that hold something the learner entered (not what the server rendered). */
export function entered(island: HTMLElement): Entry[] {
  const out: Entry[] = [];
  for (const el of island.querySelectorAll<Field>('input, textarea, select')) {
    // A field of an island nested inside this one is that island's.
    if (el.closest('course-island') !== island) continue;
    if (el instanceof HTMLSelectElement) {
      if ([...el.options].some((o) => o.selected !== o.defaultSelected)) out.push({ el, value: el.value });
    } else if (el instanceof HTMLInputElement && (el.type === 'checkbox' || el.type === 'radio')) {
      if (el.checked !== el.defaultChecked) out.push({ el, checked: el.checked });
    } else if (!(el instanceof HTMLInputElement && (el.type === 'file' || el.type === 'hidden')) && el.value !== el.defaultValue) {
      out.push({ el, value: el.value });
    }
  }
  return out;
}

const put = ({ el, value, checked }: Entry) => {
  if (checked !== undefined) (el as HTMLInputElement).checked = checked;
  else if (value !== undefined) el.value = value;
};

// Settling: Preact runs effects in batches, each after the next frame (options.requestAnimationFrame
// is its documented hook for scheduling them). The islands have settled when a batch has run and
// no render it caused asked for another batch.
let batches = 0;
const waiting: (() => void)[] = [];
/** Preact's own scheduling (preact/hooks afterNextFrame): the next frame, or 35 ms when frames do not come (a hidden tab). */
const nextFrame = (run: () => void) => {
  let raf = 0;
  const done = () => {
    clearTimeout(timeout);
    cancelAnimationFrame(raf);
    setTimeout(run);
  };
  const timeout = setTimeout(done, 35);
  raf = requestAnimationFrame(done);
};
let installed = false;
/** Starts counting effect batches (the renderer calls it before the first island hydrates). */
export function install(): void {
  if (installed) return;
  installed = true;
  const schedule = options.requestAnimationFrame ?? nextFrame;
  options.requestAnimationFrame = (flush) => {
    batches++;
    schedule(() => {
      flush();
      const n = batches;
      // Renders the effects caused run first (Preact renders in a microtask), then this check.
      setTimeout(() => batches === n && settled());
    });
  };
}
function settled() {
  for (const run of waiting.splice(0)) run();
}

/**
 * Shows the entries again right after hydration (a textarea was reset to the server's text), then
 * hands them over once the islands have settled.
 */
export function handOver(island: HTMLElement, entries: Entry[]): void {
  if (!entries.length) return;
  install();
  for (const e of entries) put(e);
  const since = new Set<EventTarget>();
  const mark = (e: Event) => e.target && since.add(e.target);
  island.addEventListener('input', mark, true);
  island.addEventListener('change', mark, true);
  const queue = [...entries];
  const done = () => {
    island.removeEventListener('input', mark, true);
    island.removeEventListener('change', mark, true);
    removeEventListener('pagehide', now, true);
    removeEventListener(FLUSH_EVENT, now, true);
  };
  /** Hands one entry to the island; false when none is left. */
  const one = (): boolean => {
    const entry = queue.shift();
    if (!entry) return false;
    // A list that showed its saved rows may have replaced the element: the field of the same id.
    const el = entry.el.isConnected ? entry.el : entry.el.id ? island.querySelector<Field>(`#${CSS.escape(entry.el.id)}`) : null;
    // Changed again meanwhile (its own events carried it), gone, or a radio that was left
    // (checking another one of its group says so).
    if (el && !since.has(el) && !(entry.checked === false && (el as HTMLInputElement).type === 'radio')) {
      replaying = true;
      try {
        put({ ...entry, el });
        el.dispatchEvent(new Event('input', { bubbles: true }));
        el.dispatchEvent(new Event('change', { bubbles: true }));
      } finally {
        replaying = false;
      }
      since.delete(el);
    }
    return true;
  };
  // One entry at a time, each in a task of its own as the learner's own input events come: the
  // island renders the change of one (Preact renders in a microtask) before the next arrives.
  const next = () => (one() ? setTimeout(next) : done());
  waiting.push(next);
  // Leaving before that (or a host asking for everything now): everything at once, before the
  // page's own saving on pagehide or the flush event (a capturing listener on window runs first),
  // each change rendered at once so the next one builds on it.
  const now = () => {
    const i = waiting.indexOf(next);
    if (i >= 0) waiting.splice(i, 1);
    const render = options.debounceRendering;
    options.debounceRendering = (flush) => flush();
    try {
      while (one());
    } finally {
      options.debounceRendering = render;
      done();
    }
  };
  addEventListener('pagehide', now, true);
  addEventListener(FLUSH_EVENT, now, true);
  // Settles after the batch that hydrating asked for (queued before this one, so it runs first),
  // unless that batch asked for another; at once if hydrating asked for none.
  const n = batches;
  nextFrame(() => batches === n && settled());
}
