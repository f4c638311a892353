/**
 * Starts the page's islands (`<course-island>`, rendered by src/components/Island.astro) in the
 * browser, each when its `data-when` says: `load` at once, `idle` when the browser is idle,
 * `visible` when it comes within 600 px of the viewport (before the learner reaches it). Part of
 * every page's first view, so it stays small: the island's code (islands.ts), Preact and the
 * hydration (start.ts) load only when an island starts.
 *
 * An island's props are in its `data-props`, or for a lesson's practice in the lesson's
 * practice.json (`data-from="…/practice.json#key"`, fetched once per page, when the first of them
 * starts): the page's HTML then carries each text once, as the server rendered it.
 *
 * If the code or the data cannot be loaded (the connection dropped), the island stays as the server
 * rendered it (readable, and what the learner entered stays in its fields) with a message and a
 * button to try again, which also happens by itself when the browser is back online. What the
 * learner enters there is saved once the island starts; until then, leaving the page asks first.
 */
import { ISLAND_FAILED_TEXT } from '../../lib/text/notices';
import { ISLANDS, type IslandName } from './islands';
import { practice } from './practice';

type Props = Record<string, unknown>;

function propsOf(el: HTMLElement): Promise<Props> {
  const { from, props } = el.dataset;
  return from ? practice(from) : Promise.resolve(JSON.parse(props ?? '{}'));
}

async function start(el: HTMLElement): Promise<void> {
  if (el.dataset.state === 'starting' || !el.hasAttribute('ssr')) return;
  el.dataset.state = 'starting';
  try {
    const load = ISLANDS[el.dataset.name as IslandName];
    if (!load) throw new Error(`unknown island "${el.dataset.name}"`);
    const [{ default: Component }, { startIsland }, props] = await Promise.all([load(), import('./start'), propsOf(el)]);
    startIsland(el, Component as Parameters<typeof startIsland>[1], props);
    el.removeAttribute('data-state');
  } catch (error) {
    el.dataset.state = 'failed';
    failed(el, error);
  }
}

/**
 * A message before the island, with a button to try again. Trying again (the button of any such
 * message, or the browser coming back online) restarts every island of the page that failed: they
 * usually failed for the same reason.
 */
function failed(el: HTMLElement, error: unknown): void {
  console.error('Island could not start:', el.dataset.name, error);
  if (el.previousElementSibling?.classList.contains('island-failed')) return;
  const note = document.createElement('p');
  note.className = 'notice island-failed';
  note.setAttribute('role', 'alert');
  const button = document.createElement('button');
  button.type = 'button';
  button.textContent = ISLAND_FAILED_TEXT.retry;
  button.addEventListener('click', retry);
  const fields = el.querySelector('input, textarea, select') ? ISLAND_FAILED_TEXT.kept : '';
  note.append(`${ISLAND_FAILED_TEXT.message}${fields} `, button);
  el.before(note);
  addEventListener('online', retry);
  addEventListener('beforeunload', keep);
}

/**
 * Leaving while an island that could not start holds input (saved only once it starts): the
 * browser asks first, instead of the input being lost without a word.
 */
function keep(e: BeforeUnloadEvent): void {
  if (document.querySelector('course-island[data-state="failed"][data-entered]')) e.preventDefault();
}

/** Notes that the learner entered something into an island before it started (see keep). */
const touched = (e: Event) => (e.currentTarget as HTMLElement).setAttribute('data-entered', '');

function retry(): void {
  removeEventListener('online', retry);
  for (const el of document.querySelectorAll<HTMLElement>('course-island[data-state="failed"]')) {
    if (el.previousElementSibling?.classList.contains('island-failed')) el.previousElementSibling.remove();
    el.removeAttribute('data-state');
    void start(el);
  }
}

let observer: IntersectionObserver | undefined;

/** Starts each island of the page (or of `root`) when its time comes. */
export function mountIslands(root: ParentNode = document): void {
  for (const el of root.querySelectorAll<HTMLElement>('course-island[ssr]')) {
    el.addEventListener('input', touched, { once: true });
    el.addEventListener('change', touched, { once: true });
    const when = el.dataset.when;
    // An island that rendered nothing on the server has nothing to scroll into view: it starts when idle.
    if (when === 'visible' && el.children.length && 'IntersectionObserver' in window) {
      observer ??= new IntersectionObserver(
        (entries) => {
          for (const entry of entries) {
            if (!entry.isIntersecting) continue;
            const island = (entry.target as HTMLElement).closest<HTMLElement>('course-island');
            if (!island) continue;
            for (const child of island.children) observer?.unobserve(child);
            void start(island);
          }
        },
        { rootMargin: '600px' },
      );
      // The island element is display: contents (no box of its own): its children are observed.
      for (const child of el.children) observer.observe(child);
    } else if (when !== 'load' && 'requestIdleCallback' in window) requestIdleCallback(() => void start(el), { timeout: 2000 });
    else void start(el);
  }
}
