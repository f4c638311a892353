/**
 * The browser half of Astro's Preact renderer, for our islands: @astrojs/preact/client.js minus its
 * support for Preact signals passed as props, which no island of this course uses. That support
 * alone (a dynamic import of @preact/signals plus Vite's preload helper) was ~1.3 KiB gzip on every
 * page, an eighth of the lesson page's first-view JavaScript budget. astro.config.mjs points the
 * renderer's client entry here; the server half (SSR) is unchanged. Passing a signal as a prop
 * would arrive here as a plain value.
 *
 * It also keeps what the learner entered into an island's server-rendered fields before the island
 * started (early-input.ts): read before hydrating, handed to the island once it has settled.
 */
import { h, hydrate, render, type ComponentType } from 'preact';
import { entered, handOver, install } from './early-input';

install();

/** Slot content rendered by Astro on the server, kept as static HTML. */
const StaticHtml = ({ value, name, hydrate = true }: { value?: string; name?: string; hydrate?: boolean }) =>
  value ? h(hydrate ? 'astro-slot' : 'astro-static-slot', { name, dangerouslySetInnerHTML: { __html: value } }) : null;
StaticHtml.shouldComponentUpdate = () => false;

type Slots = Record<string, string | undefined> & { default?: string };

export default (element: HTMLElement) =>
  async (Component: ComponentType, props: Record<string, unknown>, { default: children, ...slotted }: Slots, { client }: { client: string }) => {
    if (!element.hasAttribute('ssr')) return;
    for (const [key, value] of Object.entries(slotted)) props[key] = h(StaticHtml, { value, name: key });
    const child = h(Component, props, children != null ? h(StaticHtml, { value: children }) : children) as ReturnType<typeof h> & {
      _mask?: unknown;
      __m?: unknown;
    };
    // Keeps useId() values equal to the server's (what @astrojs/preact does with the island id).
    const raw = element.getAttribute('data-preact-island-id') ?? element.getAttribute('uid');
    if (raw !== null) {
      const n = Number.parseInt(raw, 10);
      child._mask = child.__m = [Number.isNaN(n) ? raw : n, 0];
    }
    if (client === 'only') {
      element.innerHTML = '';
      render(child, element);
    } else {
      const early = entered(element);
      hydrate(child, element);
      handOver(element, early);
    }
    element.addEventListener('astro:unmount', () => render(null, element), { once: true });
  };
