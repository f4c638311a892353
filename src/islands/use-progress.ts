/** Hook for islands: starts the progress store once (after hydration) and subscribes to it. */
import { useEffect } from 'preact/hooks';
import { useStore } from '@nanostores/preact';
import { $backendKind, $progress, ensureStarted } from '../stores/progress';

/**
 * Returns the progress document and whether it has been loaded yet. Before loading (and in the
 * server-rendered HTML) it is an empty document, so the first client render matches the HTML.
 */
export function useProgress() {
  useEffect(() => ensureStarted(), []);
  const progress = useStore($progress);
  const loaded = useStore($backendKind) !== null;
  return { progress, loaded };
}
