/**
 * The storage backend interface (pure types): implemented in src/storage/backends.ts, used by the
 * stores, named by lib code (e.g. notices depend on which kind of storage is in use).
 */

export type BackendKind = 'local' | 'memory' | 'host';

export interface StorageBackend {
  readonly kind: BackendKind;
  /** The stored string, or null when absent or unreadable. Never throws. */
  read(key: string): string | null;
  /** Stores a string; false when it could not be stored (e.g. quota). Never throws. */
  write(key: string, value: string): boolean;
  /** Removes a key. Never throws. */
  remove(key: string): void;
  /** The stored keys that start with `prefix`. Never throws. */
  keys(prefix: string): string[];
  /** Calls back when another tab/frame changed the key. Returns an unsubscribe function. */
  subscribe(key: string, onChange: (value: string | null) => void): () => void;
}

/** Minimal Web Storage surface, so tests can pass a fake. */
export type StorageLike = Pick<Storage, 'getItem' | 'setItem' | 'removeItem' | 'key' | 'length'>;

/** What a start-up probe found: usable, readable but full (writes fail), or not usable at all (blocked, private mode). */
export type StorageHealth = 'ok' | 'full' | 'unavailable';
