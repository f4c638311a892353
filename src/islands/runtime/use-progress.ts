/** Hooks for islands: start the progress store once (after hydration) and subscribe to atoms. */
import { useEffect, useState } from 'preact/hooks';
import type { ReadableAtom } from 'nanostores';
import { emptyProgress } from '../../lib/progress/document';
import { $progress, $storage, ensureStarted } from '../../stores/progress';

/**
 * Subscribes a component to an atom. (A few lines instead of @nanostores/preact's useStore, which
 * pulls in nanostores' key-listening code: the lesson page has a 12 KiB first-view JavaScript budget.)
 */
function useAtom<T>(store: ReadableAtom<T>): T {
  const [, rerender] = useState(0);
  const value = store.get();
  useEffect(() => {
    const off = store.listen(() => rerender((n) => n + 1));
    // The atom may have changed between this render and the subscription (e.g. start-up).
    if (store.get() !== value) rerender((n) => n + 1);
    return off;
  }, [store]);
  return value;
}

/**
 * False during the first render. An island's first client render must match its server HTML, even
 * when another island has loaded progress already: Preact hydration keeps mismatched server nodes
 * (e.g. a stale 「読み込んでいます」 placeholder).
 */
export function useHydrated(): boolean {
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  return hydrated;
}

/** What islands render before progress is loaded (a constant: the store may be loaded before this module runs). */
const EMPTY = emptyProgress('', 0);

/**
 * Returns the progress document and whether it has been loaded yet. Until then — and always in
 * the first render, which must match the server-rendered HTML — it is an empty document.
 */
export function useProgress() {
  useEffect(() => ensureStarted(), []);
  const hydrated = useHydrated();
  const progress = useAtom($progress);
  const loaded = useAtom($storage).kind !== null && hydrated;
  return { progress: loaded ? progress : EMPTY, loaded };
}
