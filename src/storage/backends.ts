/**
 * Storage backends for the progress document. One interface, chosen once at start-up:
 * - `local`: window.localStorage, every call guarded (private mode, blocked third-party storage,
 *   quota exceeded all throw in some browser);
 * - `memory`: keeps data for this page only (used when localStorage is unusable);
 * - `host`: an LMS or host page keeps the data (see src/delivery/bridge.ts, src/delivery/scorm-launcher.ts).
 * The interface itself is pure (src/lib/progress/backend.ts), so lib code can name the kinds.
 */

import type { StorageBackend, StorageLike } from '../lib/progress/backend';

import type { StorageHealth } from '../lib/progress/backend';

export type { StorageBackend, StorageHealth, StorageLike } from '../lib/progress/backend';

/** Data kept in a plain Map: lost when the page closes. */
export function memoryBackend(initial: Record<string, string> = {}): StorageBackend {
  const data = new Map(Object.entries(initial));
  return {
    kind: 'memory',
    read: (key) => data.get(key) ?? null,
    write: (key, value) => (data.set(key, value), true),
    remove: (key) => void data.delete(key),
    keys: (prefix) => [...data.keys()].filter((k) => k.startsWith(prefix)),
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
    keys(prefix) {
      try {
        const out: string[] = [];
        for (let i = 0; i < storage.length; i++) {
          const k = storage.key(i);
          if (k?.startsWith(prefix)) out.push(k);
        }
        return out;
      } catch {
        return [];
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

/**
 * What a storage is good for: 'ok' when it accepts a write and reads it back; 'full' when it can be
 * read but a write fails (quota exceeded: saved work must still be shown); 'unavailable' when it
 * throws on access, lies, or has no room at all (blocked third-party storage, some private modes).
 */
export function probeStorage(get: () => StorageLike | null | undefined): StorageHealth {
  let s: StorageLike | null | undefined;
  try {
    s = get();
    if (!s) return 'unavailable';
    s.getItem('__course_probe__');
  } catch {
    return 'unavailable';
  }
  try {
    const probe = '__course_probe__';
    s.setItem(probe, '1');
    const ok = s.getItem(probe) === '1';
    s.removeItem(probe);
    return ok ? 'ok' : 'unavailable';
  } catch {
    // Full, or a private mode with no quota at all (then nothing is stored either).
    try {
      return s.length > 0 ? 'full' : 'unavailable';
    } catch {
      return 'unavailable';
    }
  }
}

/** True when the storage accepts a write and reads it back. */
export const storageWorks = (get: () => StorageLike | null | undefined) => probeStorage(get) === 'ok';

/** The browser's localStorage when it can at least be read (writes may fail when it is full), else memory. */
export function browserBackend(): { backend: StorageBackend; health: StorageHealth } {
  const health = typeof window === 'undefined' ? 'unavailable' : probeStorage(() => window.localStorage);
  return health === 'unavailable' ? { backend: memoryBackend(), health } : { backend: localBackend(window.localStorage, window), health };
}
