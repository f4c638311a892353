/** The host backend (in its own module: only the embed bridge, which loads only in frames, uses it). */
import type { StorageBackend } from '../lib/progress/backend';

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
    keys: (prefix) => [...data.keys()].filter((k) => k.startsWith(prefix)),
    subscribe: () => () => {},
  };
}
