import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  $progress,
  $storage,
  recordVisit,
  saveReflection,
  startProgress,
  stopProgress,
} from '../../src/stores/progress';
import { submitQuiz } from '../../src/stores/quiz';
import { recordReview, replaceProgress, resetProgress, saveReminders, setLearnerName } from '../../src/stores/learner';
import {
  decodeProgress,
  emptyProgress,
  encodeProgress,
  progressKey,
  withReflection,
  withVisit,
  type Progress,
} from '../../src/lib/progress';
import { localBackend, memoryBackend, type StorageBackend, type StorageLike } from '../../src/storage/backends';
import type { ScorableQuestion } from '../../src/lib/scoring';
import { noticeCodes } from '../../src/lib/messages';

const COURSE = 'networking-ja';
const KEY = progressKey(COURSE);
const BACKUP = `${KEY}:backup`;

/** A fake clock: each reading is a fixed time that tests advance explicitly. */
let t = 0;
const now = () => t;
const tick = (ms = 1000) => (t += ms);
/** The notices the UI shows for the current storage state. */
const notices = () => noticeCodes($storage.get());

beforeEach(() => {
  t = 1_764_240_000_000;
});
afterEach(() => {
  stopProgress();
});

/** The stored document, parsed (fails the test if it is absent or not valid). */
function stored(backend: StorageBackend): Progress {
  const raw = backend.read(KEY);
  expect(raw).not.toBeNull();
  const d = decodeProgress(raw, COURSE, 0);
  expect(d.warnings).toEqual([]);
  return JSON.parse(raw!) as Progress;
}

/** A backend of the given kind around a Map, with switchable write failures. */
function fakeBackend(kind: StorageBackend['kind'], initial: Record<string, string> = {}) {
  const inner = memoryBackend(initial);
  const state = { failWrites: false, writes: 0 };
  const backend: StorageBackend = {
    kind,
    read: inner.read,
    write: (k, v) => {
      state.writes++;
      return state.failWrites ? false : inner.write(k, v);
    },
    remove: inner.remove,
    subscribe: inner.subscribe,
  };
  return { backend, state };
}

const questions: ScorableQuestion[] = [
  {
    id: 'l02-q1',
    type: 'single',
    options: [
      { id: 'a', text: 'A', correct: true, feedback: 'ok' },
      { id: 'b', text: 'B', correct: false, feedback: 'no' },
    ],
  },
  {
    id: 'l02-q2',
    type: 'multiple',
    options: [
      { id: 'a', text: 'A', correct: true, feedback: 'ok' },
      { id: 'b', text: 'B', correct: true, feedback: 'ok' },
      { id: 'c', text: 'C', correct: false, feedback: 'no' },
    ],
  },
];

describe('start-up', () => {
  it('an empty backend gives a fresh document and writes nothing yet', () => {
    const backend = memoryBackend();
    startProgress({ courseId: COURSE, backend, now });
    expect($progress.get()).toEqual(emptyProgress(COURSE, t));
    expect($storage.get().warnings).toEqual([]);
    expect($storage.get().writeFailed).toBe(false);
    expect($storage.get().kind).toBe('memory');
    expect(backend.read(KEY)).toBeNull();
  });

  it('loads a stored document as it is', () => {
    const saved = withReflection(withVisit(emptyProgress(COURSE, 1000), 'goals', 2000), 'l02-r1', '保存済み', 3000);
    startProgress({ courseId: COURSE, backend: memoryBackend({ [KEY]: encodeProgress(saved) }), now });
    expect($progress.get()).toEqual(saved);
    expect($storage.get().warnings).toEqual([]);
  });

  it('memory backend → the memory-only notice (and never write-failed)', () => {
    startProgress({ courseId: COURSE, backend: memoryBackend(), now });
    expect(notices()).toEqual(['memory-only']);
  });

  it('local backend → no notice; host backend → host-storage', () => {
    startProgress({ courseId: COURSE, backend: fakeBackend('local').backend, now });
    expect(notices()).toEqual([]);
    startProgress({ courseId: COURSE, backend: fakeBackend('host').backend, now });
    expect($storage.get().kind).toBe('host');
    expect(notices()).toEqual(['host-storage']);
  });

  it('corrupted stored JSON → corrupt warning, fresh document, raw text kept under the backup key', () => {
    const raw = '{"v":1,"reflections":{"l02-r1":{"text":"途中で切れ';
    const backend = memoryBackend({ [KEY]: raw });
    startProgress({ courseId: COURSE, backend, now });
    expect($storage.get().warnings).toEqual(['corrupt']);
    expect(notices()).toEqual(['corrupt', 'memory-only']);
    expect($progress.get()).toEqual(emptyProgress(COURSE, t));
    expect(backend.read(BACKUP)).toBe(raw);

    // The next save replaces the broken document; the backup stays.
    tick();
    expect(saveReflection('l02-r1', '書き直し')).toBe(true);
    expect(stored(backend).reflections).toEqual({ 'l02-r1': { text: '書き直し', updatedAt: t } });
    expect(backend.read(BACKUP)).toBe(raw);
  });

  it('partly invalid data → invalid-parts, the valid parts loaded, the original backed up', () => {
    const raw = JSON.stringify({
      ...emptyProgress(COURSE, 1000),
      reflections: { 'l02-r1': { text: 'ok', updatedAt: 5 }, 'l02-r2': { text: null, updatedAt: 5 } },
    });
    const backend = fakeBackend('local', { [KEY]: raw }).backend;
    startProgress({ courseId: COURSE, backend, now });
    expect($storage.get().warnings).toEqual(['invalid-parts']);
    expect(notices()).toEqual(['invalid-parts']);
    expect($progress.get().reflections).toEqual({ 'l02-r1': { text: 'ok', updatedAt: 5 } });
    expect(backend.read(BACKUP)).toBe(raw);
  });

  it('clean data is not backed up', () => {
    const backend = memoryBackend({ [KEY]: encodeProgress(emptyProgress(COURSE, 1)) });
    startProgress({ courseId: COURSE, backend, now });
    expect(backend.read(BACKUP)).toBeNull();
  });
});

describe('actions persist to the backend', () => {
  it('recordVisit, submitQuiz and saveReflection each write the whole document', () => {
    const backend = memoryBackend();
    startProgress({ courseId: COURSE, backend, now });
    const created = t;

    tick();
    expect(recordVisit('goals')).toBe(true);
    expect(stored(backend)).toEqual($progress.get());
    expect(stored(backend).lessons).toEqual({ goals: { firstAt: t, lastAt: t } });
    expect(stored(backend).last).toEqual({ slug: 'goals', at: t });

    tick();
    const result = submitQuiz('goals', questions, { 'l02-q1': ['a', 'zz'], 'l02-q2': ['a'] }, 0.8);
    expect(result).toMatchObject({ correct: 1, total: 2, score: 0.5, passed: false });
    expect(stored(backend).quizzes.goals).toEqual({
      attempts: 1,
      best: 0.5,
      bestAt: t,
      // Only the cleaned choice is stored, for every question.
      last: { at: t, score: 0.5, answers: { 'l02-q1': ['a'], 'l02-q2': ['a'] } },
    });

    tick();
    expect(submitQuiz('goals', questions, { 'l02-q1': ['a'], 'l02-q2': ['b', 'a'] }, 0.8).passed).toBe(true);
    expect(stored(backend).quizzes.goals).toMatchObject({ attempts: 2, best: 1, bestAt: t });

    tick();
    expect(saveReflection('l02-r1', '月に一度、連絡を取る')).toBe(true);
    const doc = stored(backend);
    expect(doc.reflections).toEqual({ 'l02-r1': { text: '月に一度、連絡を取る', updatedAt: t } });
    expect(doc.createdAt).toBe(created);
    expect(doc.updatedAt).toBe(t);
    expect(doc).toEqual($progress.get());
    expect($storage.get().writeFailed).toBe(false);
  });

  it('a restarted session reads back what was saved', () => {
    const backend = memoryBackend();
    startProgress({ courseId: COURSE, backend, now });
    tick();
    saveReflection('l02-r1', '残る');
    const before = $progress.get();
    stopProgress();
    $progress.set(emptyProgress('unset', 0));
    startProgress({ courseId: COURSE, backend, now });
    expect($progress.get()).toEqual(before);
  });
});

describe('write failures', () => {
  it('a failed write sets $storage.writeFailed and the write-failed notice but keeps the change in $progress', () => {
    const { backend, state } = fakeBackend('local');
    startProgress({ courseId: COURSE, backend, now });
    state.failWrites = true;

    tick();
    expect(saveReflection('l02-r1', '消えてはいけない')).toBe(false);
    expect($storage.get().writeFailed).toBe(true);
    expect(notices()).toContain('write-failed');
    expect($progress.get().reflections['l02-r1']).toEqual({ text: '消えてはいけない', updatedAt: t });
    expect(backend.read(KEY)).toBeNull();

    tick();
    expect(recordVisit('goals')).toBe(false);
    expect($progress.get().reflections['l02-r1'].text).toBe('消えてはいけない');

    // Once storage works again, the next write saves everything and clears the flag.
    state.failWrites = false;
    tick();
    expect(recordVisit('intro')).toBe(true);
    expect($storage.get().writeFailed).toBe(false);
    expect(notices()).not.toContain('write-failed');
    const doc = stored(backend);
    expect(doc.reflections['l02-r1'].text).toBe('消えてはいけない');
    expect(Object.keys(doc.lessons).sort()).toEqual(['goals', 'intro']);
  });

  it('a new start clears an earlier write failure', () => {
    const { backend, state } = fakeBackend('local');
    startProgress({ courseId: COURSE, backend, now });
    state.failWrites = true;
    recordVisit('goals');
    expect($storage.get().writeFailed).toBe(true);
    startProgress({ courseId: COURSE, backend: memoryBackend(), now });
    expect($storage.get()).toEqual({ kind: 'memory', warnings: [], writeFailed: false });
  });

  it('the same through localBackend over a storage that runs out of quota', () => {
    const data = new Map<string, string>();
    let full = false;
    const storage: StorageLike = {
      getItem: (k) => data.get(k) ?? null,
      setItem: (k, v) => {
        if (full) throw new DOMException('quota', 'QuotaExceededError');
        data.set(k, v);
      },
      removeItem: (k) => void data.delete(k),
    };
    startProgress({ courseId: COURSE, backend: localBackend(storage), now });
    tick();
    expect(recordVisit('goals')).toBe(true);
    full = true;
    tick();
    expect(() => saveReflection('l02-r1', 'x')).not.toThrow();
    expect($storage.get().writeFailed).toBe(true);
    expect(notices()).toEqual(['write-failed']);
    expect($progress.get().reflections['l02-r1'].text).toBe('x');
    expect(JSON.parse(data.get(KEY)!).reflections).toEqual({}); // the last good document is still there
  });
});

describe('two tabs sharing one storage', () => {
  /** What another tab does: read the stored document, change it, write it back. */
  function otherTab(backend: StorageBackend, change: (p: Progress) => Progress) {
    const { progress } = decodeProgress(backend.read(KEY), COURSE, t);
    backend.write(KEY, encodeProgress(change(progress)));
  }

  it('a change written by another tab between our writes is merged, and ours is kept too', () => {
    const backend = memoryBackend();
    startProgress({ courseId: COURSE, backend, now });
    tick();
    saveReflection('l02-r1', 'こちらのタブ');

    tick();
    otherTab(backend, (p) => withReflection(withVisit(p, 'intro', t), 'l05-r1', 'あちらのタブ', t));

    tick();
    expect(recordVisit('goals')).toBe(true);
    for (const doc of [$progress.get(), stored(backend)]) {
      expect(doc.reflections).toEqual({
        'l02-r1': { text: 'こちらのタブ', updatedAt: t - 2000 },
        'l05-r1': { text: 'あちらのタブ', updatedAt: t - 1000 },
      });
      expect(Object.keys(doc.lessons).sort()).toEqual(['goals', 'intro']);
      expect(doc.last).toEqual({ slug: 'goals', at: t });
    }
  });

  it('per reflection the newer text wins, whichever tab wrote it', () => {
    const backend = memoryBackend();
    startProgress({ courseId: COURSE, backend, now });
    tick();
    saveReflection('l02-r1', '古い（こちら）');
    tick();
    otherTab(backend, (p) => withReflection(p, 'l02-r1', '新しい（あちら）', t));
    tick();
    saveReflection('l02-r2', '別の項目');
    expect(stored(backend).reflections['l02-r1'].text).toBe('新しい（あちら）');
    expect(stored(backend).reflections['l02-r2'].text).toBe('別の項目');

    tick();
    otherTab(backend, (p) => withReflection(p, 'l02-r2', 'あちらの更新', t));
    tick();
    saveReflection('l02-r2', 'こちらの最新');
    expect(stored(backend).reflections['l02-r2'].text).toBe('こちらの最新');
    expect($progress.get()).toEqual(stored(backend));
  });

  it('a better quiz result from the other tab is not lost', () => {
    const backend = memoryBackend();
    startProgress({ courseId: COURSE, backend, now });
    tick();
    otherTab(backend, (p) => ({
      ...p,
      quizzes: { goals: { attempts: 3, best: 1, bestAt: t, last: { at: t, score: 1, answers: {} } } },
    }));
    tick();
    submitQuiz('goals', questions, {}, 0.8); // 0 points
    const q = stored(backend).quizzes.goals;
    expect(q).toMatchObject({ best: 1, last: { at: t, score: 0 } });
    expect(q.attempts).toBeGreaterThanOrEqual(3); // never lower than either tab's count
  });

  it('corrupt or foreign data written by someone else is not merged but overwritten', () => {
    const backend = memoryBackend();
    startProgress({ courseId: COURSE, backend, now });
    tick();
    saveReflection('l02-r1', 'mine');
    backend.write(KEY, encodeProgress(withReflection(emptyProgress('other-course', 0), 'l09-r9', 'foreign', t)));
    tick();
    recordVisit('goals');
    expect(Object.keys(stored(backend).reflections)).toEqual(['l02-r1']);
    backend.write(KEY, '{broken');
    tick();
    recordVisit('intro');
    expect(stored(backend).reflections['l02-r1'].text).toBe('mine');
  });

  it('storage events from another tab update $progress; unrelated or unreadable ones are ignored', () => {
    const data = new Map<string, string>();
    const storage: StorageLike = {
      getItem: (k) => data.get(k) ?? null,
      setItem: (k, v) => void data.set(k, v),
      removeItem: (k) => void data.delete(k),
    };
    const target = new EventTarget();
    const fire = (key: string | null, newValue: string | null) => {
      if (key && newValue !== null) data.set(key, newValue);
      target.dispatchEvent(Object.assign(new Event('storage'), { key, newValue }));
    };
    startProgress({ courseId: COURSE, backend: localBackend(storage, target), now });
    tick();
    saveReflection('l02-r1', 'mine');
    const mine = $progress.get();

    tick();
    fire(KEY, encodeProgress(withReflection(mine, 'l05-r1', 'theirs', t)));
    expect(Object.keys($progress.get().reflections).sort()).toEqual(['l02-r1', 'l05-r1']);

    const before = $progress.get();
    fire('some-other-key', encodeProgress(emptyProgress(COURSE, t + 10)));
    fire(KEY, '{broken');
    fire(KEY, encodeProgress(emptyProgress('other-course', t + 10)));
    fire(KEY, null);
    expect($progress.get()).toBe(before);

    // A reset in the other tab (a document created after our last change) replaces ours.
    tick();
    fire(KEY, encodeProgress(emptyProgress(COURSE, t)));
    expect($progress.get()).toEqual(emptyProgress(COURSE, t));

    // After stopProgress, events are no longer listened to.
    const afterReset = $progress.get();
    stopProgress();
    tick();
    fire(KEY, encodeProgress(withReflection(emptyProgress(COURSE, 0), 'l05-r1', 'late', t)));
    expect($progress.get()).toBe(afterReset);
  });

  it('restarting unsubscribes from the previous backend', () => {
    const target = new EventTarget();
    const storage: StorageLike = { getItem: () => null, setItem: () => {}, removeItem: () => {} };
    startProgress({ courseId: COURSE, backend: localBackend(storage, target), now });
    startProgress({ courseId: COURSE, backend: memoryBackend(), now });
    const before = $progress.get();
    tick();
    target.dispatchEvent(
      Object.assign(new Event('storage'), { key: KEY, newValue: encodeProgress(withReflection(emptyProgress(COURSE, 0), 'l05-r1', 'x', t)) }),
    );
    expect($progress.get()).toBe(before);
  });

  it('stopping then starting on another backend leaves no listener on the old one', () => {
    const target = new EventTarget();
    const storage: StorageLike = { getItem: () => null, setItem: () => {}, removeItem: () => {} };
    startProgress({ courseId: COURSE, backend: localBackend(storage, target), now });
    stopProgress();
    startProgress({ courseId: COURSE, backend: memoryBackend(), now });
    const before = $progress.get();
    tick();
    target.dispatchEvent(
      Object.assign(new Event('storage'), { key: KEY, newValue: encodeProgress(withReflection(emptyProgress(COURSE, 0), 'l05-r1', 'x', t)) }),
    );
    expect($progress.get()).toBe(before);
  });

  // Regression test (fixed): see git history for the original report.
  it('a reset done in another tab is not undone by our next write', () => {
    const backend = memoryBackend();
    startProgress({ courseId: COURSE, backend, now });
    tick();
    saveReflection('l02-r1', 'リセット前');
    tick();
    backend.write(KEY, encodeProgress(emptyProgress(COURSE, t))); // the other tab's resetProgress()
    tick();
    recordVisit('goals');
    expect($progress.get().reflections).toEqual({});
    expect(stored(backend).reflections).toEqual({});
  });
});

describe('resetProgress', () => {
  it('clears everything, persists the empty document and is not merged back', () => {
    const backend = memoryBackend();
    startProgress({ courseId: COURSE, backend, now });
    const created = t;
    tick();
    recordVisit('goals');
    submitQuiz('goals', questions, { 'l02-q1': ['a'], 'l02-q2': ['a', 'b'] }, 0.8);
    saveReflection('l02-r1', '消す');

    tick();
    expect(resetProgress()).toBe(true);
    expect($progress.get()).toEqual(emptyProgress(COURSE, t));
    expect(stored(backend)).toEqual(emptyProgress(COURSE, t));
    expect(stored(backend).createdAt).toBeGreaterThan(created);

    tick();
    recordVisit('intro');
    const doc = stored(backend);
    expect(doc.reflections).toEqual({});
    expect(doc.quizzes).toEqual({});
    expect(Object.keys(doc.lessons)).toEqual(['intro']);
    expect($progress.get()).toEqual(doc);
  });

  it('also discards what another tab wrote just before the reset', () => {
    const backend = memoryBackend();
    startProgress({ courseId: COURSE, backend, now });
    tick();
    saveReflection('l02-r1', 'mine');
    tick();
    const { progress } = decodeProgress(backend.read(KEY), COURSE, t);
    backend.write(KEY, encodeProgress(withReflection(progress, 'l05-r1', 'theirs', t)));
    tick();
    resetProgress();
    expect(stored(backend).reflections).toEqual({});
    tick();
    saveReflection('l02-r2', 'after');
    expect(Object.keys(stored(backend).reflections)).toEqual(['l02-r2']);
  });
});

describe('review, profile and import actions', () => {
  /** Local midnight `days` days after the day of t (due dates are local midnights). */
  const midnight = (days: number) => {
    const d = new Date(t);
    d.setHours(0, 0, 0, 0);
    d.setDate(d.getDate() + days);
    return d.getTime();
  };

  it('submitQuiz schedules the questions answered wrong for tomorrow (a right retry leaves them scheduled)', () => {
    const backend = memoryBackend();
    startProgress({ courseId: COURSE, backend, now });
    tick();
    submitQuiz('goals', questions, { 'l02-q1': ['b'], 'l02-q2': ['a', 'b'] }, 0.8);
    expect(stored(backend).reviews).toEqual({ 'l02-q1': { box: 0, due: midnight(1), updatedAt: t } });
    const scheduledAt = t;
    tick();
    submitQuiz('goals', questions, { 'l02-q1': ['a'], 'l02-q2': ['a', 'b'] }, 0.8);
    expect(stored(backend).reviews['l02-q1']).toEqual({ box: 0, due: midnight(1), updatedAt: scheduledAt });
  });

  it('recordReview scores one question and moves it up (right) or back to the start (wrong)', () => {
    const backend = memoryBackend();
    startProgress({ courseId: COURSE, backend, now });
    submitQuiz('goals', questions, {}, 0.8);
    tick(86_400_000);
    expect(recordReview(questions[1], ['b', 'a'])).toEqual({ id: 'l02-q2', correct: true, chosen: ['a', 'b'], correctIds: ['a', 'b'] });
    expect(stored(backend).reviews['l02-q2']).toEqual({ box: 1, due: midnight(3), updatedAt: t });
    tick();
    expect(recordReview(questions[1], ['a']).correct).toBe(false);
    expect(stored(backend).reviews['l02-q2']).toEqual({ box: 0, due: midnight(1), updatedAt: t });
    expect(stored(backend).quizzes.goals.attempts).toBe(1); // a review is not a quiz attempt
  });

  it('setLearnerName and saveReminders persist the profile', () => {
    const backend = memoryBackend();
    startProgress({ courseId: COURSE, backend, now });
    tick();
    expect(setLearnerName(' 山田 花子 ')).toBe(true);
    tick();
    expect(saveReminders([{ id: 'a', who: '佐藤さん', every: 'monthly' }, { id: 'b', who: '', every: 'monthly' }])).toBe(true);
    expect(stored(backend).profile).toEqual({
      name: { text: '山田 花子', updatedAt: t - 1000 },
      reminders: { people: [{ id: 'a', who: '佐藤さん', every: 'monthly' }], updatedAt: t },
    });
  });

  it('replaceProgress replaces everything (nothing merged back), and another tab takes it over as a replacement', () => {
    const data = new Map<string, string>();
    const storage: StorageLike = {
      getItem: (k) => data.get(k) ?? null,
      setItem: (k, v) => void data.set(k, v),
      removeItem: (k) => void data.delete(k),
    };
    const backend = localBackend(storage);
    startProgress({ courseId: COURSE, backend, now });
    tick();
    saveReflection('l02-r1', 'この端末の記録');
    const imported = withReflection(withVisit(emptyProgress(COURSE, 50), 'intro', 60), 'l05-r1', 'ファイルの記録', 70);
    tick();
    expect(replaceProgress(imported)).toBe(true);
    const doc = stored(backend);
    expect(doc.reflections).toEqual({ 'l05-r1': { text: 'ファイルの記録', updatedAt: 70 } });
    expect(doc.lessons).toEqual(imported.lessons);
    expect(doc.createdAt).toBe(t);
    expect($progress.get()).toEqual(doc);

    // The other tab still holds the old state; the storage event makes it replace, not merge.
    stopProgress();
    const target = new EventTarget();
    startProgress({ courseId: COURSE, backend: localBackend({ getItem: () => null, setItem: () => {}, removeItem: () => {} }, target), now });
    $progress.set(withReflection(emptyProgress(COURSE, 0), 'l02-r1', 'この端末の記録', t - 1000));
    target.dispatchEvent(Object.assign(new Event('storage'), { key: KEY, newValue: encodeProgress(doc) }));
    expect($progress.get().reflections).toEqual({ 'l05-r1': { text: 'ファイルの記録', updatedAt: 70 } });
  });
});
