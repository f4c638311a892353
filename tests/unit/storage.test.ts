import { afterEach, describe, expect, it, vi } from 'vitest';
import { browserBackend, localBackend, memoryBackend, probeStorage, storageWorks, type StorageLike } from '../../src/storage/backends';
import { hostBackend } from '../../src/storage/host';

/** A Map-backed Web Storage fake. */
function fakeStorage(initial: Record<string, string> = {}) {
  const data = new Map(Object.entries(initial));
  const storage: StorageLike = {
    getItem: vi.fn((k: string) => data.get(k) ?? null),
    setItem: vi.fn((k: string, v: string) => void data.set(k, String(v))),
    removeItem: vi.fn((k: string) => void data.delete(k)),
    key: vi.fn((i: number) => [...data.keys()][i] ?? null),
    get length() {
      return data.size;
    },
  };
  return { storage, data };
}

/** A storage whose every method throws, like blocked storage in some browsers. */
const throwingStorage: StorageLike = {
  getItem: () => {
    throw new DOMException('The operation is insecure.', 'SecurityError');
  },
  setItem: () => {
    throw new DOMException('The operation is insecure.', 'SecurityError');
  },
  removeItem: () => {
    throw new DOMException('The operation is insecure.', 'SecurityError');
  },
  key: () => {
    throw new DOMException('The operation is insecure.', 'SecurityError');
  },
  get length(): number {
    throw new DOMException('The operation is insecure.', 'SecurityError');
  },
};

/** What a browser dispatches on window when another tab changes localStorage. */
class FakeStorageEvent extends Event {
  constructor(
    readonly key: string | null,
    readonly newValue: string | null,
  ) {
    super('storage');
  }
}

describe('localBackend', () => {
  it('reads, writes and removes through the storage', () => {
    const { storage, data } = fakeStorage({ a: '1' });
    const b = localBackend(storage);
    expect(b.kind).toBe('local');
    expect(b.read('a')).toBe('1');
    expect(b.read('missing')).toBeNull();
    expect(b.write('b', '{"v":1}')).toBe(true);
    expect(data.get('b')).toBe('{"v":1}');
    b.remove('a');
    expect(data.has('a')).toBe(false);
    expect(b.read('a')).toBeNull();
  });

  it('never throws when the storage throws: read → null, write → false, remove → nothing, keys → none', () => {
    const b = localBackend(throwingStorage);
    expect(b.read('k')).toBeNull();
    expect(b.write('k', 'v')).toBe(false);
    expect(() => b.remove('k')).not.toThrow();
    expect(b.keys('')).toEqual([]);
  });

  it('keys: the stored keys with a prefix', () => {
    const { storage } = fakeStorage({ 'course:x:progress': '{}', 'course:x:progress:backup': '{}', 'course:y:progress': '{}', other: '1' });
    const b = localBackend(storage);
    expect(b.keys('course:x:').sort()).toEqual(['course:x:progress', 'course:x:progress:backup']);
    expect(b.keys('course:').length).toBe(3);
    expect(b.keys('nothing:')).toEqual([]);
  });

  it('reports a quota failure as false and keeps the previous value readable', () => {
    const { storage, data } = fakeStorage({ k: 'old' });
    storage.setItem = vi.fn((k: string, v: string) => {
      if (v.length > 10) throw new DOMException('exceeded the quota', 'QuotaExceededError');
      data.set(k, v);
    });
    const b = localBackend(storage);
    expect(b.write('k', 'x'.repeat(11))).toBe(false);
    expect(b.read('k')).toBe('old');
    expect(b.write('k', 'small')).toBe(true);
    expect(b.read('k')).toBe('small');
  });

  it('subscribe: calls back for changes of its key (and storage.clear()), not other keys', () => {
    const target = new EventTarget();
    const b = localBackend(fakeStorage().storage, target);
    const seen: (string | null)[] = [];
    const off = b.subscribe('course:x:progress', (v) => seen.push(v));

    target.dispatchEvent(new FakeStorageEvent('course:x:progress', '{"v":1}'));
    target.dispatchEvent(new FakeStorageEvent('course:other:progress', 'nope'));
    target.dispatchEvent(new FakeStorageEvent('course:x:progress:backup', 'nope'));
    target.dispatchEvent(new FakeStorageEvent('course:x:progress', null)); // removed elsewhere
    target.dispatchEvent(new FakeStorageEvent(null, null)); // clear() elsewhere
    expect(seen).toEqual(['{"v":1}', null, null]);

    off();
    target.dispatchEvent(new FakeStorageEvent('course:x:progress', 'after'));
    expect(seen).toHaveLength(3);
  });

  it('subscribe: unsubscribing one listener leaves the others', () => {
    const target = new EventTarget();
    const b = localBackend(fakeStorage().storage, target);
    const one = vi.fn();
    const two = vi.fn();
    const offOne = b.subscribe('k', one);
    b.subscribe('k', two);
    offOne();
    target.dispatchEvent(new FakeStorageEvent('k', 'v'));
    expect(one).not.toHaveBeenCalled();
    expect(two).toHaveBeenCalledWith('v');
  });

  it('subscribe without an event target is a no-op that can be unsubscribed', () => {
    const b = localBackend(fakeStorage().storage);
    const off = b.subscribe('k', () => {
      throw new Error('must not be called');
    });
    expect(() => off()).not.toThrow();
  });
});

describe('storageWorks', () => {
  it('true for a working storage, and the probe is cleaned up', () => {
    const { storage, data } = fakeStorage();
    expect(storageWorks(() => storage)).toBe(true);
    expect(storage.setItem).toHaveBeenCalled();
    expect(data.size).toBe(0);
  });

  it('false when the getter throws (e.g. localStorage access denied)', () => {
    expect(
      storageWorks(() => {
        throw new DOMException('denied', 'SecurityError');
      }),
    ).toBe(false);
  });

  it('false when there is no storage, when it throws, or when it does not keep what was written', () => {
    expect(storageWorks(() => null)).toBe(false);
    expect(storageWorks(() => undefined)).toBe(false);
    expect(storageWorks(() => throwingStorage)).toBe(false);
    const { storage } = fakeStorage();
    storage.setItem = vi.fn(); // accepts silently, keeps nothing
    expect(storageWorks(() => storage)).toBe(false);
  });
});

describe('probeStorage', () => {
  it("'ok' for a working storage, and the probe is cleaned up", () => {
    const { storage, data } = fakeStorage({ kept: '1' });
    expect(probeStorage(() => storage)).toBe('ok');
    expect(data).toEqual(new Map([['kept', '1']]));
  });

  it("'full' when writes fail but saved data can still be read (quota exceeded)", () => {
    const { storage } = fakeStorage({ 'course:x:progress': '{"v":3}' });
    storage.setItem = vi.fn(() => {
      throw new DOMException('exceeded the quota', 'QuotaExceededError');
    });
    expect(probeStorage(() => storage)).toBe('full');
  });

  it("'unavailable' when there is no storage, access throws, it keeps nothing, or a write fails with nothing stored", () => {
    expect(probeStorage(() => null)).toBe('unavailable');
    expect(probeStorage(() => undefined)).toBe('unavailable');
    expect(
      probeStorage(() => {
        throw new DOMException('denied', 'SecurityError');
      }),
    ).toBe('unavailable');
    expect(probeStorage(() => throwingStorage)).toBe('unavailable');
    const lying = fakeStorage().storage;
    lying.setItem = vi.fn(); // accepts silently, keeps nothing
    expect(probeStorage(() => lying)).toBe('unavailable');
    const noQuota = fakeStorage().storage; // e.g. a private mode with a quota of 0
    noQuota.setItem = vi.fn(() => {
      throw new DOMException('exceeded the quota', 'QuotaExceededError');
    });
    expect(probeStorage(() => noQuota)).toBe('unavailable');
  });
});

describe('browserBackend', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });
  const withWindow = (storage: StorageLike) => vi.stubGlobal('window', Object.assign(new EventTarget(), { localStorage: storage }));

  it('memory without a window', () => {
    const { backend, health } = browserBackend();
    expect(backend.kind).toBe('memory');
    expect(health).toBe('unavailable');
  });

  it('localStorage when it works, and when it is full (saved work must still be read)', () => {
    const { storage, data } = fakeStorage({ k: 'saved' });
    withWindow(storage);
    const ok = browserBackend();
    expect(ok.health).toBe('ok');
    expect(ok.backend.kind).toBe('local');
    expect(ok.backend.read('k')).toBe('saved');
    storage.setItem = vi.fn(() => {
      throw new DOMException('exceeded the quota', 'QuotaExceededError');
    });
    const full = browserBackend();
    expect(full.health).toBe('full');
    expect(full.backend.kind).toBe('local');
    expect(full.backend.read('k')).toBe('saved');
    expect(full.backend.write('k', 'new')).toBe(false);
    expect(data.get('k')).toBe('saved');
  });

  it('memory when localStorage is unusable', () => {
    withWindow(throwingStorage);
    const { backend, health } = browserBackend();
    expect(health).toBe('unavailable');
    expect(backend.kind).toBe('memory');
  });
});

describe('memoryBackend', () => {
  it('keeps data per instance, starting from the initial values', () => {
    const b = memoryBackend({ a: '1' });
    expect(b.kind).toBe('memory');
    expect(b.read('a')).toBe('1');
    expect(b.read('b')).toBeNull();
    expect(b.write('b', '2')).toBe(true);
    expect(b.read('b')).toBe('2');
    b.remove('a');
    expect(b.read('a')).toBeNull();
    expect(() => b.remove('never-there')).not.toThrow();
    expect(memoryBackend().read('b')).toBeNull();
  });

  it('does not share or alter the initial object', () => {
    const initial = { a: '1' };
    const b = memoryBackend(initial);
    b.write('a', 'changed');
    b.write('c', '3');
    expect(initial).toEqual({ a: '1' });
  });

  it('keys: the stored keys with a prefix', () => {
    const b = memoryBackend({ 'course:x:a': '1', 'course:y:a': '2' });
    b.write('course:x:b', '3');
    b.remove('course:x:a');
    expect(b.keys('course:x:')).toEqual(['course:x:b']);
    expect(b.keys('').sort()).toEqual(['course:x:b', 'course:y:a']);
  });

  it('subscribe never calls back and unsubscribes cleanly', () => {
    const b = memoryBackend();
    const cb = vi.fn();
    const off = b.subscribe('a', cb);
    b.write('a', 'x');
    off();
    expect(cb).not.toHaveBeenCalled();
  });
});

describe('hostBackend', () => {
  it('sends writes of its key to the host, keeps other keys here, and lists keys', () => {
    const sent: string[] = [];
    const b = hostBackend('course:x:progress', '{"v":3}', (v) => sent.push(v));
    expect(b.kind).toBe('host');
    expect(b.read('course:x:progress')).toBe('{"v":3}');
    expect(b.write('course:x:progress:backup', 'old')).toBe(true);
    expect(b.write('course:x:progress', 'new')).toBe(true);
    expect(sent).toEqual(['new']);
    expect(b.keys('course:x:').sort()).toEqual(['course:x:progress', 'course:x:progress:backup']);
    b.remove('course:x:progress:backup');
    expect(b.keys('course:x:')).toEqual(['course:x:progress']);
  });
});
