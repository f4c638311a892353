/**
 * Storage backends for the progress document. One interface, chosen once at start-up:
 * - `local`: window.localStorage, every call guarded (private mode, blocked third-party storage,
 *   quota exceeded all throw in some browser);
 * - `memory`: keeps data for this page only (used when localStorage is unusable);
 * - `host`: an LMS or host page keeps the data (see src/delivery/bridge.ts, src/delivery/scorm-launcher.ts).
 * The interface itself is pure (src/lib/backend.ts), so lib code can name the kinds.
 */

import type { StorageBackend, StorageLike } from '../lib/backend';

export type { BackendKind, StorageBackend, StorageLike } from '../lib/backend';

/** Data kept in a plain Map: lost when the page closes. */
export function memoryBackend(initial: Record<string, string> = {}): StorageBackend {
  const data = new Map(Object.entries(initial));
  return {
    kind: 'memory',
    read: (key) => data.get(key) ?? null,
    write: (key, value) => (data.set(key, value), true),
    remove: (key) => void data.delete(key),
    subscribe: () => () => {},
  };
}

/**
 * Wraps a Web Storage object. `target` receives `storage` events (window in the browser).
 */
export function localBackend(storage: StorageLike, target?: Pick<Window, 'addEventListener' | 'removeEventListener'>): StorageBackend {
  return {
    kind: 'local',
    read(key) {
      try {
        return storage.getItem(key);
      } catch {
        return null;
      }
    },
    write(key, value) {
      try {
        storage.setItem(key, value);
        return true;
      } catch {
        return false;
      }
    },
    remove(key) {
      try {
        storage.removeItem(key);
      } catch {
        /* nothing to remove from an unusable storage */
      }
    },
    subscribe(key, onChange) {
      if (!target) return () => {};
      const handler = (e: Event) => {
        const se = e as StorageEvent;
        if (se.key === key || se.key === null) onChange(se.key === null ? null : se.newValue);
      };
      target.addEventListener('storage', handler);
      return () => target.removeEventListener('storage', handler);
    },
  };
}

/** True when the storage accepts a write and reads it back (it throws or lies in some modes). */
export function storageWorks(get: () => StorageLike | null | undefined): boolean {
  try {
    const s = get();
    if (!s) return false;
    const probe = '__course_probe__';
    s.setItem(probe, '1');
    const ok = s.getItem(probe) === '1';
    s.removeItem(probe);
    return ok;
  } catch {
    return false;
  }
}

/** Picks the browser's localStorage when it works, else memory. */
export function browserBackend(): StorageBackend {
  if (typeof window !== 'undefined' && storageWorks(() => window.localStorage)) return localBackend(window.localStorage, window);
  return memoryBackend();
}

/**
 * The host page (LMS, SCORM launcher) keeps the progress document: writes of `key` are sent to it;
 * other keys (e.g. the unreadable-data backup) stay in memory.
 */
export function hostBackend(key: string, initial: string | null, send: (value: string) => void): StorageBackend {
  const data = new Map<string, string>(initial ? [[key, initial]] : []);
  return {
    kind: 'host',
    read: (k) => data.get(k) ?? null,
    write(k, value) {
      data.set(k, value);
      if (k === key) send(value);
      return true;
    },
    remove: (k) => void data.delete(k),
    subscribe: () => () => {},
  };
}
