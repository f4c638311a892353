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
  /** Calls back when another tab/frame changed the key. Returns an unsubscribe function. */
  subscribe(key: string, onChange: (value: string | null) => void): () => void;
}

/** Minimal Web Storage surface, so tests can pass a fake. */
export type StorageLike = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;
