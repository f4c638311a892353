import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  $progress,
  $storage,
  commit,
  flushNow,
  keptOriginal,
  recordVisit,
  releaseOriginal,
  startProgress,
  stopProgress,
  type StartOptions,
} from '../../src/stores/progress';
import { saveQuizDraft, submitQuiz } from '../../src/stores/quiz';
import { saveReflection } from '../../src/stores/reflection';
import { saveDay, startWeek } from '../../src/stores/challenge';
import { recordReview, replaceProgress, resetProgress, saveReminders, setLearnerName } from '../../src/stores/learner';
import { $updateBlocked, applyUpdate, $update, flushAll, onFlush } from '../../src/stores/app';
import { decodeProgress, emptyProgress, encodeProgress, progressKey, withVisit, type Progress } from '../../src/lib/progress/document';
import { withReflection } from '../../src/lib/progress/edits';
import { localBackend, memoryBackend, type StorageBackend, type StorageLike } from '../../src/storage/backends';
import type { ScorableQuestion } from '../../src/lib/course/scoring';
import { noticeCodes } from '../../src/lib/text/notices';

const COURSE = 'networking-ja';
const KEY = progressKey(COURSE);
const BACKUP = `${KEY}:backup`;

/** A fake clock: each reading is a fixed time that tests advance explicitly. */
let t = 0;
const now = () => t;
const tick = (ms = 1000) => (t += ms);
const notices = () => noticeCodes($storage.get());
/** Starts the store synchronously (no Web Locks: the shared key is written at once). */
const start = (o: Omit<StartOptions, 'courseId' | 'now'> & Partial<StartOptions>) =>
  startProgress({ courseId: COURSE, now, locks: null, sessionId: 'tab1', ...o });

beforeEach(() => {
  t = 1_764_240_000_000;
});
afterEach(() => {
  stopProgress();
});

/** The stored shared document, parsed (fails the test if it is absent or not valid). */
function stored(backend: StorageBackend, key = KEY): Progress {
  const raw = backend.read(key);
  expect(raw).not.toBeNull();
  const d = decodeProgress(raw, COURSE, t);
  expect(d.warnings).toEqual([]);
  return d.progress;
}

/**
 * A Web Storage over a Map, with a switch that makes writes fail (quota), an optional quota in
 * characters (keys and values, as browsers count them) and an event target.
 */
function fakeStorage(initial: Record<string, string> = {}, quota = Infinity) {
  const data = new Map(Object.entries(initial));
  const state = { full: false, writes: 0 };
  const used = () => [...data].reduce((n, [k, v]) => n + k.length + v.length, 0);
  const storage: StorageLike = {
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => {
      state.writes++;
      if (state.full) throw new DOMException('quota', 'QuotaExceededError');
      if (used() - (data.has(k) ? k.length + data.get(k)!.length : 0) + k.length + v.length > quota) throw new DOMException('quota', 'QuotaExceededError');
      data.set(k, v);
    },
    removeItem: (k) => void data.delete(k),
    key: (i) => [...data.keys()][i] ?? null,
    get length() {
      return data.size;
    },
  };
  const target = new EventTarget();
  /** Another tab wrote `value` under `key` (the browser then fires a storage event here). */
  const fire = (key: string, value: string | null) => {
    if (value === null) data.delete(key);
    else data.set(key, value);
    target.dispatchEvent(Object.assign(new Event('storage'), { key, newValue: value }));
  };
  return { data, state, storage, target, fire, backend: localBackend(storage, target) };
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
    start({ backend });
    expect($progress.get()).toEqual(emptyProgress(COURSE, t));
    expect($storage.get()).toMatchObject({ kind: 'memory', warnings: [], writeFailed: false, original: null });
    expect(backend.read(KEY)).toBeNull();
  });

  it('loads a stored document as it is', () => {
    const saved = withReflection(withVisit(emptyProgress(COURSE, 1000), 'goals', { now: 2000, session: 'x' }), 'l02-r1', '保存済み', {
      now: 3000,
      session: 'x',
    });
    start({ backend: memoryBackend({ [KEY]: encodeProgress(saved) }) });
    expect($progress.get()).toEqual(saved);
  });

  it('memory backend → memory-only; local → no notice; host → host-storage', () => {
    start({ backend: memoryBackend() });
    expect(notices()).toEqual(['memory-only']);
    start({ backend: fakeStorage().backend });
    expect(notices()).toEqual([]);
    start({ backend: { ...memoryBackend(), kind: 'host' } });
    expect(notices()).toEqual(['host-storage']);
  });

  it('corrupted stored JSON → corrupt, fresh document, the raw text kept under the backup key and never overwritten', () => {
    const raw = '{"v":1,"reflections":{"l02-r1":{"text":"途中で切れ';
    const { backend, data } = fakeStorage({ [KEY]: raw });
    start({ backend });
    expect($storage.get()).toMatchObject({ warnings: ['corrupt'], original: 'backed-up' });
    expect(notices()).toEqual(['corrupt']);
    expect(data.get(BACKUP)).toBe(raw);
    tick();
    expect(saveReflection('l02-r1', '書き直し')).toBe(true);
    expect(stored(backend).reflections['l02-r1'].text).toBe('書き直し');
    expect(data.get(BACKUP)).toBe(raw);
  });

  it('when the backup cannot be written (storage full), the original is left untouched and the notice says so, until the learner has downloaded it', () => {
    const raw = '{"v":2,"reflections":{"l02-r1":{"text":"大切な文章","updatedAt":5}},"quizzes":7}';
    const { backend, data, state } = fakeStorage({ [KEY]: raw, filler: 'x' });
    state.full = true;
    start({ backend, health: 'full' });
    expect($storage.get()).toMatchObject({ warnings: ['invalid-parts'], original: 'kept' });
    expect(notices()).toEqual(['invalid-parts-kept']);
    expect(keptOriginal()).toBe(raw);
    // Typing goes on in memory, never over the original, and never claims to be saved.
    state.full = false;
    tick();
    expect(saveReflection('l05-r1', '新しい文')).toBe(false);
    expect(data.get(KEY)).toBe(raw);
    expect($progress.get().reflections['l05-r1'].text).toBe('新しい文');
    // Downloaded: saving resumes, with everything typed meanwhile.
    expect(releaseOriginal()).toBe(true);
    expect(stored(backend).reflections['l05-r1'].text).toBe('新しい文');
    expect(notices()).toEqual(['invalid-parts']);
  });

  it('storage full at start is not private mode: saved work is shown, saving is said to fail, and is retried with the next change', () => {
    const saved = withReflection(emptyProgress(COURSE, 1), 'l02-r1', '前に書いた', { now: 2, session: 'old' });
    const { backend, state } = fakeStorage({ [KEY]: encodeProgress(saved) });
    state.full = true;
    start({ backend, health: 'full' });
    expect($progress.get().reflections['l02-r1'].text).toBe('前に書いた');
    expect(notices()).toEqual(['write-failed']);
    tick();
    expect(saveReflection('l02-r1', '書き足した')).toBe(false);
    expect($storage.get().needed).toBeGreaterThan(100);
    state.full = false;
    tick();
    expect(recordVisit('goals')).toBe(true);
    expect(notices()).toEqual([]);
    expect(stored(backend).reflections['l02-r1'].text).toBe('書き足した');
  });

  it('edits another tab left only in its own key (it closed at the same moment) are merged in at start, and written to the shared key', () => {
    const shared = withReflection(emptyProgress(COURSE, 1), 'l01-r1', '共有', { now: 10, session: 'taba' });
    const lost = withReflection(shared, 'l02-r1', 'タブBだけが持っていた', { now: 20, session: 'tabb' });
    const { backend } = fakeStorage({ [KEY]: encodeProgress(shared), [`${KEY}:tab:tabb`]: encodeProgress(lost) });
    start({ backend });
    expect($progress.get().reflections['l02-r1'].text).toBe('タブBだけが持っていた');
    expect(stored(backend).reflections['l02-r1'].text).toBe('タブBだけが持っていた');
  });
});

describe('actions persist to storage', () => {
  it("recordVisit, submitQuiz and saveReflection each write the whole document to the shared key, and only this session's changes to the tab's own key", () => {
    const { backend } = fakeStorage();
    start({ backend });
    tick();
    expect(recordVisit('goals')).toBe(true);
    expect(stored(backend).lessons).toEqual({ goals: { firstAt: t, lastAt: t } });
    tick();
    const result = submitQuiz('goals', questions, { 'l02-q1': ['a', 'zz'], 'l02-q2': ['a'] }, 0.8);
    expect(result).toMatchObject({ correct: 1, total: 2, score: 0.5, passed: false });
    expect(stored(backend).quizzes.goals).toEqual({
      attempts: 1,
      best: 0.5,
      bestAt: t,
      last: { at: t, score: 0.5, answers: { 'l02-q1': ['a'], 'l02-q2': ['a'] } },
    });
    tick();
    expect(saveReflection('l02-r1', '月に一度、連絡を取る')).toBe(true);
    expect(stored(backend).reflections['l02-r1']).toMatchObject({ text: '月に一度、連絡を取る', updatedAt: t });
    expect(encodeProgress(stored(backend))).toBe(encodeProgress($progress.get()));
    // Started from an empty storage, so this session's changes are everything there is.
    expect(encodeProgress(stored(backend, `${KEY}:tab:tab1`))).toBe(encodeProgress($progress.get()));
  });

  it("a document that fits in storage once can be saved: the tab's key holds only its changes, not a second copy", async () => {
    // 60 long reflections saved earlier: about 62 % of the quota, so two copies would not fit.
    let big = emptyProgress(COURSE, 1);
    for (let i = 1; i <= 60; i++) big = withReflection(big, `l${String(i).padStart(2, '0')}-r1`, 'あ'.repeat(1000), { now: 10 + i, session: 'old' });
    const text = encodeProgress(big);
    const s = fakeStorage({ [KEY]: text }, Math.round(text.length / 0.62));
    start({ backend: s.backend, locks: navigator.locks });
    expect($progress.get().reflections['l60-r1'].text).toHaveLength(1000);
    tick();
    // Another tab holds the lock: the change waits in this tab's key, and is saved there.
    let release!: () => void;
    const held = navigator.locks.request(KEY, () => new Promise<void>((r) => (release = r)));
    await Promise.resolve();
    expect(saveReflection('l02-r2', '大きな記録のあとでも保存できる')).toBe(true);
    expect($storage.get().writeFailed).toBe(false);
    expect(Object.keys(stored(s.backend, `${KEY}:tab:tab1`).reflections)).toEqual(['l02-r2']);
    expect(s.data.get(`${KEY}:tab:tab1`)!.length).toBeLessThan(1000);
    release();
    await held;
    await navigator.locks.request(KEY, () => {});
    expect(stored(s.backend).reflections['l02-r2'].text).toBe('大きな記録のあとでも保存できる');
    expect($storage.get().writeFailed).toBe(false);
    // Had the tab closed before the shared write, the next start would merge its key in as before.
    stopProgress();
    s.data.set(`${KEY}:tab:tab1`, encodeProgress(withReflection(emptyProgress(COURSE, 1), 'l03-r2', 'タブに残った変更', { now: t, session: 'tab1' })));
    start({ backend: s.backend, sessionId: 'tab9' });
    expect(Object.keys($progress.get().reflections)).toHaveLength(62);
  });

  it("with Web Locks the tab's key is removed once the shared document holds its changes", async () => {
    const s = fakeStorage();
    start({ backend: s.backend, locks: navigator.locks });
    tick();
    // Another tab holds the lock: the change waits in this tab's key.
    let release!: () => void;
    const held = navigator.locks.request(KEY, () => new Promise<void>((r) => (release = r)));
    await Promise.resolve();
    expect(saveReflection('l02-r1', 'ロックのあと')).toBe(true);
    expect(s.data.has(`${KEY}:tab:tab1`)).toBe(true);
    release();
    await held;
    await navigator.locks.request(KEY, () => {});
    expect(stored(s.backend).reflections['l02-r1'].text).toBe('ロックのあと');
    expect(s.data.has(`${KEY}:tab:tab1`)).toBe(false);
    tick();
    const again = navigator.locks.request(KEY, () => new Promise<void>((r) => (release = r)));
    await Promise.resolve();
    expect(saveReflection('l03-r1', '次の変更')).toBe(true);
    expect(Object.keys(stored(s.backend, `${KEY}:tab:tab1`).reflections)).toEqual(['l03-r1']);
    release();
    await again;
  });

  it('quiz choices not submitted are kept as a draft, and cleared by submitting', () => {
    const backend = memoryBackend();
    start({ backend });
    saveQuizDraft('goals', { 'l02-q1': ['a'] });
    expect(JSON.parse(stored(backend).drafts['quiz:goals'].value)).toEqual({ 'l02-q1': ['a'] });
    submitQuiz('goals', questions, { 'l02-q1': ['a'], 'l02-q2': ['a', 'b'] }, 0.8);
    expect(stored(backend).drafts).toEqual({});
    // A new attempt started with nothing chosen yet is kept as under way (so a reload does not show the last result instead).
    saveQuizDraft('goals', {});
    expect(stored(backend).drafts['quiz:goals'].value).toBe('{}');
    saveQuizDraft('goals', null);
    expect(stored(backend).drafts).toEqual({});
  });

  it('a failed write keeps the change in memory, says how much space it needed, and the next write saves everything', () => {
    const { backend, state } = fakeStorage();
    start({ backend });
    state.full = true;
    tick();
    expect(saveReflection('l02-r1', '消えてはいけない')).toBe(false);
    expect($storage.get()).toMatchObject({ writeFailed: true });
    expect($storage.get().needed).toBe(encodeProgress($progress.get()).length);
    expect(notices()).toEqual(['write-failed']);
    state.full = false;
    tick();
    expect(recordVisit('intro')).toBe(true);
    expect($storage.get().writeFailed).toBe(false);
    expect(stored(backend).reflections['l02-r1'].text).toBe('消えてはいけない');
  });
});

describe('the 1週間チャレンジ', () => {
  it('starting the week and recording a day reach storage; texts are cut in characters as the learner counts them', () => {
    const { backend } = fakeStorage();
    start({ backend });
    tick();
    const days = Array.from({ length: 7 }, (_, i) => ({ action: `l0${(i % 9) + 1}-c1`, date: `2026-12-${String(7 + i).padStart(2, '0')}` }));
    expect(startWeek(days)).toBe(true);
    tick();
    expect(saveDay('d1', { predict: 20, worry: '👨‍👩‍👧‍👦'.repeat(130), status: 'done', outcome: 'partly' })).toBe(true);
    const d1 = stored(backend).challenge.d1!;
    expect(d1).toMatchObject({ action: 'l01-c1', date: '2026-12-07', predict: 20, status: 'done', outcome: 'partly' });
    // 120 characters as counted, within the stored bound: an 11-unit emoji sequence keeps fewer, whole.
    const graphemes = [...new Intl.Segmenter('ja', { granularity: 'grapheme' }).segment(d1.worry)].map((g) => g.segment);
    expect(graphemes.length).toBeLessThanOrEqual(120);
    expect(graphemes.every((g) => g === '👨‍👩‍👧‍👦')).toBe(true);
    expect(d1.worry.length).toBeLessThanOrEqual(480);
    expect(Object.keys(stored(backend).challenge)).toHaveLength(7);
  });
});

describe('two tabs sharing one storage', () => {
  /** What another tab does: read the shared document, change it, write it back (with a storage event here). */
  function otherTab(s: ReturnType<typeof fakeStorage>, change: (p: Progress) => Progress, session = 'tab2') {
    const { progress } = decodeProgress(s.data.get(KEY) ?? null, COURSE, t);
    const next = change(progress);
    s.data.set(`${KEY}:tab:${session}`, encodeProgress(next));
    s.fire(KEY, encodeProgress(next));
  }
  const e = (session = 'tab2') => ({ now: t, session });

  it('a change written by another tab between our writes is merged, and ours is kept too', () => {
    const s = fakeStorage();
    start({ backend: s.backend });
    tick();
    saveReflection('l02-r1', 'こちらのタブ');
    tick();
    otherTab(s, (p) => withReflection(withVisit(p, 'intro', e()), 'l05-r1', 'あちらのタブ', e()));
    tick();
    expect(recordVisit('goals')).toBe(true);
    for (const doc of [$progress.get(), stored(s.backend)]) {
      expect(doc.reflections['l02-r1'].text).toBe('こちらのタブ');
      expect(doc.reflections['l05-r1'].text).toBe('あちらのタブ');
      expect(Object.keys(doc.lessons).sort()).toEqual(['goals', 'intro']);
    }
  });

  it('the other tab wrote without having seen our last save (both saved in the same millisecond): the listener writes the merge back', () => {
    const s = fakeStorage();
    start({ backend: s.backend });
    const before = decodeProgress(s.data.get(KEY) ?? encodeProgress(emptyProgress(COURSE, t)), COURSE, t).progress;
    saveReflection('l02-r1', 'こちら'); // written...
    // ...and overwritten at once by the other tab, which had read the document before our write.
    const theirs = withReflection(before, 'l03-r1', 'あちら', e());
    s.fire(KEY, encodeProgress(theirs));
    const doc = stored(s.backend);
    expect(doc.reflections['l02-r1'].text).toBe('こちら');
    expect(doc.reflections['l03-r1'].text).toBe('あちら');
  });

  it('the same reflection typed in both tabs: the newer is shown and the other kept as a conflict to choose', () => {
    const s = fakeStorage();
    start({ backend: s.backend });
    tick();
    saveReflection('l04-r1', '最初の文');
    const seen = $progress.get().reflections['l04-r1'];
    tick();
    otherTab(s, (p) => withReflection(p, 'l04-r1', 'あちらで書き直し', e()));
    tick();
    // This tab's learner was still looking at the first text when they typed.
    saveReflection('l04-r1', 'こちらで書き直し', seen);
    const r = stored(s.backend).reflections['l04-r1'];
    expect(r.text).toBe('こちらで書き直し');
    expect(r.other?.text).toBe('あちらで書き直し');
  });

  it('unreadable data another program wrote into the shared key is backed up before our next save replaces it; a page that changed nothing writes nothing', () => {
    const s = fakeStorage();
    start({ backend: s.backend });
    s.data.set(KEY, '{broken by someone');
    expect(flushNow()).toBe(true);
    expect(s.data.get(KEY)).toBe('{broken by someone');
    saveReflection('l02-r1', 'mine');
    expect(s.data.get(BACKUP)).toBe('{broken by someone');
    expect(stored(s.backend).reflections['l02-r1'].text).toBe('mine');
  });

  it('unrelated keys, unreadable or foreign documents from another tab change nothing', () => {
    const s = fakeStorage();
    start({ backend: s.backend });
    saveReflection('l02-r1', 'mine');
    const before = $progress.get();
    s.fire('some-other-key', encodeProgress(emptyProgress(COURSE, t + 10)));
    s.fire(KEY, '{broken');
    s.fire(KEY, encodeProgress(emptyProgress('other-course', t + 10)));
    expect($progress.get()).toBe(before);
  });

  it('a reset in another tab replaces ours and our next write does not undo it; after stopProgress nothing is listened to', () => {
    const s = fakeStorage();
    start({ backend: s.backend });
    tick();
    saveReflection('l02-r1', 'リセット前');
    tick();
    otherTab(s, (p) => ({ ...emptyProgress(COURSE, t, p.epoch + 1) }));
    expect($progress.get().reflections).toEqual({});
    tick();
    recordVisit('goals');
    expect(stored(s.backend).reflections).toEqual({});
    const after = $progress.get();
    stopProgress();
    s.fire(KEY, encodeProgress(withReflection(after, 'l05-r1', 'late', e())));
    expect($progress.get()).toBe(after);
  });

  it('with Web Locks, the shared write waits for the lock and then merges what the other tab wrote meanwhile', async () => {
    const s = fakeStorage();
    start({ backend: s.backend, locks: navigator.locks });
    let release!: () => void;
    const held = navigator.locks.request(KEY, () => new Promise<void>((r) => (release = r)));
    await Promise.resolve();
    expect(saveReflection('l02-r1', 'ロック待ち')).toBe(true); // in this tab's own key already
    expect(s.data.get(KEY)).toBeUndefined();
    s.data.set(KEY, encodeProgress(withReflection(emptyProgress(COURSE, t), 'l03-r1', '他のタブ', { now: t, session: 'tab2' })));
    release();
    await held;
    await navigator.locks.request(KEY, () => {});
    const doc = stored(s.backend);
    expect(doc.reflections['l02-r1'].text).toBe('ロック待ち');
    expect(doc.reflections['l03-r1'].text).toBe('他のタブ');
  });
});

describe('flushing before the page goes away or updates', () => {
  it('flushAll saves every registered editor and the document at once; an update waits for it', () => {
    const { backend, state } = fakeStorage();
    start({ backend });
    let pending = 'まだ保存していない';
    const off = onFlush(() => saveReflection('l02-r1', pending, undefined, true));
    expect(flushAll()).toBe(true);
    expect(stored(backend).reflections['l02-r1'].text).toBe('まだ保存していない');
    // If it cannot be saved, the update does not reload.
    let reloaded = false;
    $update.set(() => (reloaded = true));
    state.full = true;
    pending = '保存できない';
    applyUpdate();
    expect(reloaded).toBe(false);
    expect($updateBlocked.get()).toBe(true);
    state.full = false;
    applyUpdate();
    expect(reloaded).toBe(true);
    expect($updateBlocked.get()).toBe(false);
    off();
    $update.set(null);
    expect(flushNow()).toBe(true);
  });
});

describe('reset, import, review and profile', () => {
  it('resetProgress clears everything with a new epoch that an older copy cannot undo', () => {
    const s = fakeStorage();
    start({ backend: s.backend });
    tick();
    recordVisit('goals');
    saveReflection('l02-r1', '消す');
    const old = $progress.get();
    tick();
    expect(resetProgress()).toBe(true);
    expect(stored(s.backend)).toMatchObject({ epoch: 1, reflections: {}, lessons: {} });
    // An older tab writes its pre-reset copy back: it counts for nothing.
    s.fire(KEY, encodeProgress(withReflection(old, 'l05-r1', '古いタブ', { now: t, session: 'tab2' })));
    tick();
    recordVisit('intro');
    expect(stored(s.backend).reflections).toEqual({});
    expect(Object.keys(stored(s.backend).lessons)).toEqual(['intro']);
  });

  it('replaceProgress (import) replaces everything as a new epoch', () => {
    const s = fakeStorage();
    start({ backend: s.backend });
    saveReflection('l02-r1', 'いまの記録');
    const imported = withReflection(emptyProgress(COURSE, 1), 'l09-r1', 'ファイルの記録', { now: 2, session: 'file' });
    expect(replaceProgress(imported)).toBe(true);
    const doc = stored(s.backend);
    expect(doc.epoch).toBe(1);
    expect(Object.keys(doc.reflections)).toEqual(['l09-r1']);
  });

  it('submitQuiz schedules wrong answers for tomorrow; recordReview moves them; name and reminders persist', () => {
    const backend = memoryBackend();
    start({ backend });
    submitQuiz('goals', questions, { 'l02-q1': ['b'], 'l02-q2': ['a', 'b'] }, 0.8);
    expect(Object.keys(stored(backend).reviews)).toEqual(['l02-q1']);
    expect(recordReview(questions[0], ['a']).correct).toBe(true);
    expect(stored(backend).reviews['l02-q1'].box).toBe(1);
    expect(setLearnerName('  山田 花子  ')).toBe(true);
    expect(saveReminders([{ id: 'a', who: '佐藤さん', every: 'monthly' }])).toBe(true);
    expect(stored(backend).profile.name?.text).toBe('山田 花子');
    expect(stored(backend).profile.reminders?.people).toEqual([{ id: 'a', who: '佐藤さん', every: 'monthly' }]);
  });

  it('commit passes the editing session to the change', () => {
    start({ backend: memoryBackend(), sessionId: 'abc123' });
    let seen = '';
    commit((p, e) => ((seen = e.session), p));
    expect(seen).toBe('abc123');
  });
});
