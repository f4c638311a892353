/**
 * Starts an island in the browser (mount.ts calls it once the island's code and props are here):
 * Preact hydrates the markup the server rendered, so nothing is drawn twice and nothing moves.
 *
 * It also keeps what the learner entered into the island's server-rendered fields before it
 * started (early-input.ts): read before hydrating, handed to the island once it has settled.
 */
import { type ComponentType, h, hydrate } from 'preact';
import { entered, handOver, install } from './early-input';

install();

export function startIsland(element: HTMLElement, Component: ComponentType<Record<string, unknown>>, props: Record<string, unknown>): void {
  const early = entered(element);
  hydrate(h(Component, props), element);
  element.removeAttribute('ssr');
  handOver(element, early);
}
