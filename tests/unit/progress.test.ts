import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  NAME_MAX,
  PROGRESS_VERSION,
  REMINDERS_MAX,
  REMINDER_MONTHS,
  REMINDER_WHO_MAX,
  REVIEW_DONE,
  STORED_TEXT_CAP,
  decodeProgress,
  emptyProgress,
  encodeProgress,
  mergeProgress,
  progressKey,
  reconcile,
  withAttempt,
  withName,
  withReflection,
  withReminders,
  withVisit,
  type Profile,
  type Progress,
  type QuizRecord,
  type Reminder,
  type ReminderEvery,
  type ReviewRecord,
} from '../../src/lib/progress';

const COURSE = 'networking-ja';
const NOW = 1_764_240_000_000;

// ---------------------------------------------------------------------------------------------
// Arbitraries
// ---------------------------------------------------------------------------------------------

/** Keys that collide with Object.prototype members are excluded here; see the dedicated tests below. */
const notProtoKey = (k: string) => !(k in Object.prototype);
const time = fc.integer({ min: 0, max: 4_000_000_000_000 });
const score = fc.oneof(fc.constantFrom(0, 0.25, 0.5, 0.8, 1), fc.double({ min: 0, max: 1, noNaN: true, noDefaultInfinity: true }).map((x) => x + 0)); // + 0: never -0
/** Small pools so that two generated documents often share keys (needed for the merge properties). */
const slug = fc.oneof(fc.constantFrom('goals', 'intro', 'follow-up', 'first-contact', 'l01'), fc.stringMatching(/^[a-z0-9-]{1,12}$/).filter(notProtoKey));
const reflId = fc.oneof(fc.constantFrom('l01-r1', 'l02-r1', 'l02-r2', 'l05-r1'), fc.stringMatching(/^l\d{2}-r\d{1,2}$/));
const questionId = fc.stringMatching(/^l\d{2}-q\d$/);
const dict = <T>(key: fc.Arbitrary<string>, value: fc.Arbitrary<T>) =>
  fc.dictionary(key, value, { maxKeys: 4, noNullPrototype: true });

const visitArb = fc.tuple(time, time).map(([x, y]) => ({ firstAt: Math.min(x, y), lastAt: Math.max(x, y) }));
const attemptArb = fc.record({
  at: time,
  score,
  answers: dict(questionId, fc.array(fc.constantFrom('a', 'b', 'c', 'd', 'true', 'false'), { maxLength: 4 })),
});
const quizArb: fc.Arbitrary<QuizRecord> = fc.record({
  attempts: fc.nat({ max: 50 }),
  best: score,
  bestAt: time,
  last: fc.option(attemptArb, { nil: null }),
});
const reflectionArb = fc.record({
  text: fc.oneof(fc.string({ unit: 'binary', maxLength: 40 }), fc.constantFrom('', '人脈づくりの目標', 'x'.repeat(STORED_TEXT_CAP))),
  updatedAt: time,
});

const reviewKey = fc.oneof(fc.constantFrom('l01-q1', 'l02-q3', 'l05-q2'), questionId);
const reviewArb: fc.Arbitrary<ReviewRecord> = fc.oneof(
  fc.record({ box: fc.integer({ min: 0, max: REVIEW_DONE - 1 }), due: time, updatedAt: time }),
  fc.record({ box: fc.constant(REVIEW_DONE), due: fc.constant(null), updatedAt: time }),
);
const everyArb = fc.constantFrom(...(Object.keys(REMINDER_MONTHS) as ReminderEvery[]));
const reminderArb: fc.Arbitrary<Reminder> = fc.record({
  id: fc.stringMatching(/^[a-z0-9]{1,10}$/),
  who: fc.oneof(
    fc.constantFrom('佐藤さん', '前の部署の先輩、高橋さん; 月1', 'a\\b'),
    fc.string({ unit: 'binary', minLength: 1, maxLength: REMINDER_WHO_MAX / 2 }).filter((s) => s.trim() !== ''),
  ),
  every: everyArb,
});
const profileArb: fc.Arbitrary<Profile> = fc.record(
  {
    name: fc.record({ text: fc.oneof(fc.constantFrom('', '山田 花子'), fc.string({ unit: 'binary', maxLength: NAME_MAX / 2 })), updatedAt: time }),
    reminders: fc.record({ people: fc.uniqueArray(reminderArb, { selector: (r) => r.id, maxLength: REMINDERS_MAX }), updatedAt: time }),
  },
  { requiredKeys: [] },
);

const progressArb: fc.Arbitrary<Progress> = fc.record({
  v: fc.constant(PROGRESS_VERSION as typeof PROGRESS_VERSION),
  courseId: fc.constant(COURSE),
  createdAt: time,
  updatedAt: time,
  last: fc.option(fc.record({ slug, at: time }), { nil: null }),
  lessons: dict(slug, visitArb),
  quizzes: dict(slug, quizArb),
  reflections: dict(reflId, reflectionArb),
  reviews: dict(reviewKey, reviewArb),
  profile: profileArb,
});

/** Invalid values for each keyed record (none of them can be read as an item of that record). */
const badVisit = fc.oneof(
  fc.constant(null),
  fc.string(),
  fc.integer(),
  fc.constant([]),
  fc.record({ firstAt: fc.constant(-1), lastAt: time }),
  fc.record({ firstAt: time, lastAt: fc.constantFrom(NaN, Infinity, '5', null) }),
);
const badQuiz = fc.oneof(
  fc.constant(null),
  fc.string(),
  fc.record({ attempts: fc.constantFrom(1.5, -1, '2', NaN), best: score }),
  fc.record({ attempts: fc.nat(), best: fc.constantFrom(1.01, -0.1, NaN, '1') }),
  fc.record({ attempts: fc.nat(), best: score, last: fc.record({ at: time, score: fc.constant(2), answers: fc.constant({}) }) }),
  fc.record({ attempts: fc.nat(), best: score, last: fc.record({ at: time, score, answers: fc.constant({ 'l01-q1': 'a' }) }) }),
  fc.record({ attempts: fc.nat(), best: score, last: fc.record({ at: time, score, answers: fc.constant({ 'l01-q1': ['x'.repeat(17)] }) }) }),
);
const badReflection = fc.oneof(
  fc.constant(null),
  fc.string(),
  fc.record({ text: fc.integer(), updatedAt: time }),
  fc.record({ text: fc.string(), updatedAt: fc.constantFrom(-5, NaN, '1', null) }),
  fc.record({ text: fc.constant('x'.repeat(STORED_TEXT_CAP + 1)), updatedAt: time }),
);
const badReview = fc.oneof(
  fc.constant(null),
  fc.string(),
  fc.record({ box: fc.constantFrom(-1, 1.5, REVIEW_DONE + 1, '1', null), due: time, updatedAt: time }),
  fc.record({ box: fc.integer({ min: 0, max: REVIEW_DONE - 1 }), due: fc.constantFrom(null, -1, NaN, '5'), updatedAt: time }),
  fc.record({ box: fc.constant(REVIEW_DONE), due: time, updatedAt: time }),
  fc.record({ box: fc.constant(0), due: time, updatedAt: fc.constantFrom(-1, NaN, null, '1') }),
);
/** Keys no record accepts, whatever the value (so even a valid-looking value is dropped). */
const badKey = fc.constantFrom('', 'has space', 'ä', 'x'.repeat(65), 'dot.ted', 'sl/ash');
/** Valid-format keys that cannot collide with the generated valid keys (those never contain "_"). */
const extraKey = fc.stringMatching(/^_[A-Za-z0-9]{1,8}$/).filter(notProtoKey);

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

/** The document's own round trip: what decode returned must encode and decode to itself, cleanly. */
function expectStable(progress: Progress) {
  const again = decodeProgress(encodeProgress(progress), COURSE, NOW + 1);
  expect(again.warnings).toEqual([]);
  // Compared through JSON only so that a -0 read from an object (e.g. createdAt: -0, which JSON
  // stores as 0) does not count as a difference; anything else that does not survive (NaN,
  // undefined, dropped items) still does.
  expect(again.progress).toEqual(JSON.parse(encodeProgress(progress)));
  expect(encodeProgress(again.progress)).toBe(encodeProgress(progress));
}

function expectWellFormed(progress: Progress) {
  expect(progress.v).toBe(PROGRESS_VERSION);
  expect(progress.courseId).toBe(COURSE);
  for (const rec of [progress.lessons, progress.quizzes, progress.reflections, progress.reviews, progress.profile])
    expect(Object.getPrototypeOf(rec) === Object.prototype || Object.getPrototypeOf(rec) === null).toBe(true);
}

const doc = (over: Partial<Progress> & Record<string, unknown> = {}) => ({ ...emptyProgress(COURSE, 1000), ...over });

// ---------------------------------------------------------------------------------------------
// decodeProgress: properties
// ---------------------------------------------------------------------------------------------

describe('decodeProgress (properties)', () => {
  it('never throws on any value and returns a stable, well-formed document', () => {
    fc.assert(
      fc.property(fc.anything({ withNullPrototype: true, withBigInt: true, withDate: true, withMap: true, withSet: true }), (raw) => {
        const { progress } = decodeProgress(raw, COURSE, NOW);
        expectWellFormed(progress);
        expectStable(progress);
      }),
      { numRuns: 500 },
    );
  });

  it('never throws on any JSON text or arbitrary string', () => {
    fc.assert(
      fc.property(fc.oneof(fc.json(), fc.string({ unit: 'binary' })), (raw) => {
        const { progress } = decodeProgress(raw, COURSE, NOW);
        expectWellFormed(progress);
        expectStable(progress);
      }),
      { numRuns: 500 },
    );
  });

  it('decodes every valid document to itself with no warnings (as object and as JSON)', () => {
    fc.assert(
      fc.property(progressArb, fc.boolean(), (p, asString) => {
        const { progress, warnings } = decodeProgress(asString ? encodeProgress(p) : structuredClone(p), COURSE, NOW);
        expect(warnings).toEqual([]);
        expect(progress).toEqual(p);
      }),
      { numRuns: 300 },
    );
  });

  it('keeps every valid item when invalid items are mixed in, and reports invalid-parts', () => {
    const injected = fc.record({
      lessons: fc.array(fc.oneof(fc.tuple(extraKey, badVisit), fc.tuple(badKey, visitArb)), { maxLength: 3 }),
      quizzes: fc.array(fc.oneof(fc.tuple(extraKey, badQuiz), fc.tuple(badKey, quizArb)), { maxLength: 3 }),
      reflections: fc.array(fc.oneof(fc.tuple(extraKey, badReflection), fc.tuple(badKey, reflectionArb)), { maxLength: 3 }),
      reviews: fc.array(fc.oneof(fc.tuple(extraKey, badReview), fc.tuple(badKey, reviewArb)), { maxLength: 3 }),
    });
    fc.assert(
      fc.property(progressArb, injected, (p, bad) => {
        const raw: Record<string, Record<string, unknown>> & Record<string, unknown> = structuredClone(p) as never;
        let n = 0;
        for (const part of ['lessons', 'quizzes', 'reflections', 'reviews'] as const)
          for (const [k, v] of bad[part]) {
            if (!(k in raw[part])) n++;
            raw[part][k] = v;
          }
        const { progress, warnings } = decodeProgress(raw, COURSE, NOW);
        expect(progress).toEqual(p);
        expect(warnings).toEqual(n > 0 ? ['invalid-parts'] : []);
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on valid documents with random fields replaced by random values', () => {
    const paths = fc.constantFrom(
      'v', 'courseId', 'createdAt', 'updatedAt', 'last', 'last.slug', 'last.at', 'lessons', 'quizzes', 'reflections',
      'lessons.*', 'lessons.*.firstAt', 'quizzes.*', 'quizzes.*.attempts', 'quizzes.*.best', 'quizzes.*.bestAt',
      'quizzes.*.last', 'quizzes.*.last.answers', 'quizzes.*.last.score', 'reflections.*', 'reflections.*.text',
      'reflections.*.updatedAt', 'reviews', 'reviews.*', 'reviews.*.box', 'reviews.*.due', 'reviews.*.updatedAt', 'profile',
      'profile.name', 'profile.name.text', 'profile.name.updatedAt', 'profile.reminders', 'profile.reminders.people',
      'profile.reminders.updatedAt', 'profile.reminders.people.*', 'profile.reminders.people.*.who',
      'profile.reminders.people.*.every', 'profile.reminders.people.*.id', 'extra',
    );
    const mutate = (p: Progress, patches: [string, unknown][]) => {
      const out = structuredClone(p) as unknown as Record<string, unknown>;
      for (const [path, value] of patches) {
        let target: unknown = out;
        const parts = path.split('.');
        for (let i = 0; i < parts.length - 1 && target && typeof target === 'object'; i++) {
          const t = target as Record<string, unknown>;
          const key = parts[i] === '*' ? (Object.keys(t)[0] ?? 'fresh') : parts[i];
          target = t[key];
        }
        if (target && typeof target === 'object') {
          const t = target as Record<string, unknown>;
          const last = parts[parts.length - 1];
          t[last === '*' ? (Object.keys(t)[0] ?? 'fresh') : last] = value;
        }
      }
      return out;
    };
    // As objects: any value, including ones JSON cannot carry.
    fc.assert(
      fc.property(progressArb, fc.array(fc.tuple(paths, fc.anything({ withNullPrototype: true, withBigInt: true })), { minLength: 1, maxLength: 4 }), (p, patches) => {
        const { progress, warnings } = decodeProgress(mutate(p, patches), COURSE, NOW);
        expectWellFormed(progress);
        expectStable(progress);
        for (const w of warnings) expect(['corrupt', 'invalid-parts', 'foreign-course', 'future-version']).toContain(w);
      }),
      { numRuns: 500 },
    );
    // As stored JSON text.
    fc.assert(
      fc.property(progressArb, fc.array(fc.tuple(paths, fc.jsonValue()), { minLength: 1, maxLength: 4 }), (p, patches) => {
        const { progress } = decodeProgress(JSON.stringify(mutate(p, patches)), COURSE, NOW);
        expectWellFormed(progress);
        expectStable(progress);
      }),
      { numRuns: 500 },
    );
  });
});

// ---------------------------------------------------------------------------------------------
// decodeProgress: examples
// ---------------------------------------------------------------------------------------------

describe('decodeProgress (examples)', () => {
  it.each([null, undefined, ''])('%j → a fresh document without warnings', (raw) => {
    expect(decodeProgress(raw, COURSE, NOW)).toEqual({ progress: emptyProgress(COURSE, NOW), warnings: [] });
  });

  it.each(['{"v":1,', 'not json', '[1,2]', '42', '"a string"', 'null'])('corrupt JSON or non-object %j → fresh + corrupt', (raw) => {
    expect(decodeProgress(raw, COURSE, NOW)).toEqual({ progress: emptyProgress(COURSE, NOW), warnings: ['corrupt'] });
  });

  it('a document of another course → fresh + foreign-course (nothing of it is kept)', () => {
    const other = withReflection(emptyProgress('other-course', 1), 'l01-r1', 'secret', 2);
    const r = decodeProgress(encodeProgress(other), COURSE, NOW);
    expect(r.warnings).toEqual(['foreign-course']);
    expect(r.progress).toEqual(emptyProgress(COURSE, NOW));
  });

  it('a future version → future-version, valid parts kept, version downgraded to the one we understand', () => {
    const good = withAttempt(withReflection(withVisit(doc(), 'goals', 2000), 'l02-r1', '目標', 3000), 'goals', { 'l02-q1': ['a'] }, 0.75, 4000);
    const r = decodeProgress(JSON.stringify({ ...good, v: 99, newField: { x: 1 } }), COURSE, NOW);
    expect(r.warnings).toEqual(['future-version']);
    expect(r.progress).toEqual(good);
  });

  it('one bad reflection and one good → good kept + invalid-parts', () => {
    const raw = doc({
      reflections: {
        'l02-r1': { text: '良い振り返り', updatedAt: 5 },
        'l02-r2': { text: 42, updatedAt: 5 },
      } as never,
    });
    const r = decodeProgress(JSON.stringify(raw), COURSE, NOW);
    expect(r.warnings).toEqual(['invalid-parts']);
    expect(r.progress.reflections).toEqual({ 'l02-r1': { text: '良い振り返り', updatedAt: 5 } });
    expect(r.progress.createdAt).toBe(1000);
  });

  it.each([
    ['missing', undefined],
    ['a string', '1'],
    ['zero', 0],
    ['fractional', 1.5],
    ['NaN', NaN],
  ])('v %s → corrupt', (_label, v) => {
    const raw: Record<string, unknown> = withReflection(doc(), 'l02-r1', 'x', 5) as never;
    if (v === undefined) delete raw.v;
    else raw.v = v;
    expect(decodeProgress(raw, COURSE, NOW)).toEqual({ progress: emptyProgress(COURSE, NOW), warnings: ['corrupt'] });
  });

  it('a document without courseId is accepted as this course', () => {
    const { courseId: _omit, ...rest } = withVisit(doc(), 'goals', 2000);
    const r = decodeProgress(rest, COURSE, NOW);
    expect(r.warnings).toEqual([]);
    expect(r.progress.courseId).toBe(COURSE);
    expect(r.progress.lessons).toEqual({ goals: { firstAt: 2000, lastAt: 2000 } });
  });

  it('missing or bad times fall back (createdAt → now, updatedAt → createdAt)', () => {
    expect(decodeProgress({ v: 1 }, COURSE, NOW).progress).toEqual(emptyProgress(COURSE, NOW));
    const r = decodeProgress({ v: 1, createdAt: 10, updatedAt: -3 }, COURSE, NOW);
    expect([r.progress.createdAt, r.progress.updatedAt]).toEqual([10, 10]);
  });

  it('an unreadable "last" is dropped with invalid-parts; the rest is kept', () => {
    const r = decodeProgress(doc({ last: { slug: 'bad slug', at: 1 }, lessons: { goals: { firstAt: 1, lastAt: 2 } } }), COURSE, NOW);
    expect(r.warnings).toEqual(['invalid-parts']);
    expect(r.progress.last).toBeNull();
    expect(r.progress.lessons).toEqual({ goals: { firstAt: 1, lastAt: 2 } });
  });

  it('a quiz whose last attempt is unreadable is dropped as a whole', () => {
    const r = decodeProgress(
      doc({ quizzes: { goals: { attempts: 2, best: 1, bestAt: 3, last: { at: 3, score: 1, answers: 'a' } } } as never }),
      COURSE,
      NOW,
    );
    expect(r.warnings).toEqual(['invalid-parts']);
    expect(r.progress.quizzes).toEqual({});
  });

  it('a quiz without bestAt gets 0, and last may be missing', () => {
    const r = decodeProgress(doc({ quizzes: { goals: { attempts: 1, best: 0.5 } } as never }), COURSE, NOW);
    expect(r.warnings).toEqual([]);
    expect(r.progress.quizzes.goals).toEqual({ attempts: 1, best: 0.5, bestAt: 0, last: null });
  });

  it('a keyed record that is not an object counts as invalid', () => {
    const r = decodeProgress(doc({ lessons: [1, 2] as never, reflections: 'x' as never }), COURSE, NOW);
    expect(r.warnings).toEqual(['invalid-parts']);
    expect(r.progress.lessons).toEqual({});
    expect(r.progress.reflections).toEqual({});
  });

  // Regression test (fixed): see git history for the original report.
  it('an item keyed "__proto__" is reported and does not change the record prototype', () => {
    const r = decodeProgress('{"v":1,"reflections":{"__proto__":{"text":"x","updatedAt":1}}}', COURSE, NOW);
    expect(Object.getPrototypeOf(r.progress.reflections)).toBe(Object.prototype);
    expect('text' in r.progress.reflections).toBe(false);
    expect(r.warnings).toEqual(['invalid-parts']);
  });

  it('progressKey namespaces by course', () => {
    expect(progressKey('networking-ja')).toBe('course:networking-ja:progress');
    expect(progressKey('a')).not.toBe(progressKey('b'));
  });
});

// ---------------------------------------------------------------------------------------------
// mergeProgress / reconcile
// ---------------------------------------------------------------------------------------------

describe('mergeProgress', () => {
  const reflectionTimesDiffer = (a: Progress, b: Progress) =>
    Object.keys(a.reflections).every((k) => !(k in b.reflections) || a.reflections[k].updatedAt !== b.reflections[k].updatedAt);

  it('the newer reflection wins per item, whatever the argument order', () => {
    fc.assert(
      fc.property(progressArb, progressArb, (a, b) => {
        fc.pre(reflectionTimesDiffer(a, b));
        const ab = mergeProgress(a, b);
        const ba = mergeProgress(b, a);
        expect(ab.reflections).toEqual(ba.reflections);
        const keys = new Set([...Object.keys(a.reflections), ...Object.keys(b.reflections)]);
        expect(Object.keys(ab.reflections).sort()).toEqual([...keys].sort());
        for (const k of keys) {
          const candidates = [a.reflections[k], b.reflections[k]].filter(Boolean);
          const newest = candidates.reduce((x, y) => (y.updatedAt > x.updatedAt ? y : x));
          expect(ab.reflections[k]).toEqual(newest);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('best score and attempt count never decrease; visits span both; last is the newest', () => {
    fc.assert(
      fc.property(progressArb, progressArb, (a, b) => {
        for (const m of [mergeProgress(a, b), mergeProgress(b, a)]) {
          expect(m.createdAt).toBe(Math.min(a.createdAt, b.createdAt));
          expect(m.updatedAt).toBe(Math.max(a.updatedAt, b.updatedAt));
          for (const k of new Set([...Object.keys(a.quizzes), ...Object.keys(b.quizzes)])) {
            const qs = [a.quizzes[k], b.quizzes[k]].filter(Boolean);
            expect(m.quizzes[k].best).toBe(Math.max(...qs.map((q) => q.best)));
            expect(m.quizzes[k].attempts).toBe(Math.max(...qs.map((q) => q.attempts)));
            const lastAt = Math.max(...qs.map((q) => q.last?.at ?? 0));
            if (qs.some((q) => q.last)) expect(m.quizzes[k].last?.at ?? 0).toBe(lastAt);
          }
          for (const k of new Set([...Object.keys(a.lessons), ...Object.keys(b.lessons)])) {
            const vs = [a.lessons[k], b.lessons[k]].filter(Boolean);
            expect(m.lessons[k]).toEqual({
              firstAt: Math.min(...vs.map((v) => v.firstAt)),
              lastAt: Math.max(...vs.map((v) => v.lastAt)),
            });
          }
          const lasts = [a.last, b.last].filter((x) => x !== null);
          if (lasts.length === 0) expect(m.last).toBeNull();
          else expect(m.last?.at).toBe(Math.max(...lasts.map((l) => l.at)));
          // The result is itself a valid document.
          expect(decodeProgress(encodeProgress(m), COURSE, NOW).warnings).toEqual([]);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('does not modify its inputs', () => {
    fc.assert(
      fc.property(progressArb, progressArb, (a, b) => {
        const [a0, b0] = [structuredClone(a), structuredClone(b)];
        mergeProgress(a, b);
        expect(a).toEqual(a0);
        expect(b).toEqual(b0);
      }),
      { numRuns: 100 },
    );
  });

  it('example: each side keeps what only it has, the newer shared reflection wins', () => {
    const base = emptyProgress(COURSE, 100);
    const a = withReflection(withReflection(base, 'l01-r1', 'A old', 200), 'l02-r1', 'only A', 210);
    const b = withReflection(withAttempt(base, 'goals', {}, 0.6, 220), 'l01-r1', 'B new', 300);
    for (const m of [mergeProgress(a, b), mergeProgress(b, a)]) {
      expect(m.reflections).toEqual({
        'l01-r1': { text: 'B new', updatedAt: 300 },
        'l02-r1': { text: 'only A', updatedAt: 210 },
      });
      expect(m.quizzes.goals.best).toBe(0.6);
    }
  });

  it('example: a better old score survives a worse newer attempt', () => {
    const base = emptyProgress(COURSE, 100);
    const a = withAttempt(base, 'goals', { 'l02-q1': ['a'] }, 1, 200);
    const b = withAttempt(withAttempt(base, 'goals', {}, 0.2, 300), 'goals', { 'l02-q1': ['b'] }, 0.4, 400);
    const m = mergeProgress(a, b);
    expect(m.quizzes.goals).toEqual({ attempts: 2, best: 1, bestAt: 200, last: { at: 400, score: 0.4, answers: { 'l02-q1': ['b'] } } });
  });

  // Regression test (fixed): see git history for the original report.
  it('keys named like Object.prototype members merge like any other key', () => {
    const key: string = 'constructor';
    const a = emptyProgress(COURSE, 0);
    const b = withAttempt(withVisit(emptyProgress(COURSE, 0), key, 2), key, {}, 1, 3);
    const m = mergeProgress(a, b);
    expect(m.lessons[key]).toEqual({ firstAt: 2, lastAt: 2 });
    expect(m.quizzes[key]).toEqual(b.quizzes[key]);
  });
});

describe('reconcile', () => {
  const local = withReflection(withVisit(emptyProgress(COURSE, 100), 'goals', 200), 'l02-r1', 'local text', 500);

  it('an incoming document created after local.updatedAt is a reset elsewhere: it replaces local', () => {
    const incoming = withVisit(emptyProgress(COURSE, 600), 'intro', 650);
    expect(reconcile(local, incoming)).toEqual(incoming);
    expect(reconcile(local, incoming).reflections).toEqual({});
  });

  it('otherwise it merges (including at the exact boundary)', () => {
    for (const created of [100, 499, 500]) {
      const incoming = withReflection(emptyProgress(COURSE, created), 'l05-r1', 'other tab', 700);
      const r = reconcile(local, incoming);
      expect(r).toEqual(mergeProgress(local, incoming));
      expect(Object.keys(r.reflections).sort()).toEqual(['l02-r1', 'l05-r1']);
      expect(r.createdAt).toBe(Math.min(100, created));
    }
  });
});

// ---------------------------------------------------------------------------------------------
// withVisit / withAttempt / withReflection
// ---------------------------------------------------------------------------------------------

describe('withVisit', () => {
  it('records first and last visit and the last lesson, without mutating the input', () => {
    const p0 = emptyProgress(COURSE, 100);
    const p1 = withVisit(p0, 'goals', 200);
    expect(p0).toEqual(emptyProgress(COURSE, 100));
    expect(p1.lessons.goals).toEqual({ firstAt: 200, lastAt: 200 });
    expect(p1.last).toEqual({ slug: 'goals', at: 200 });
    expect(p1.updatedAt).toBe(200);
    expect(p1.createdAt).toBe(100);

    const p2 = withVisit(withVisit(p1, 'intro', 300), 'goals', 400);
    expect(p2.lessons).toEqual({ goals: { firstAt: 200, lastAt: 400 }, intro: { firstAt: 300, lastAt: 300 } });
    expect(p2.last).toEqual({ slug: 'goals', at: 400 });
    expect(p1.lessons.goals).toEqual({ firstAt: 200, lastAt: 200 });
  });
});

describe('withAttempt', () => {
  it('counts attempts, keeps the best score and its time, and always updates last', () => {
    const p0 = emptyProgress(COURSE, 100);
    const p1 = withAttempt(p0, 'goals', { 'l02-q1': ['a'] }, 0.6, 200);
    expect(p1.quizzes.goals).toEqual({ attempts: 1, best: 0.6, bestAt: 200, last: { at: 200, score: 0.6, answers: { 'l02-q1': ['a'] } } });
    expect(p1.updatedAt).toBe(200);
    expect(p0.quizzes).toEqual({});

    const p2 = withAttempt(p1, 'goals', { 'l02-q1': ['b'] }, 0.4, 300);
    expect(p2.quizzes.goals).toEqual({ attempts: 2, best: 0.6, bestAt: 200, last: { at: 300, score: 0.4, answers: { 'l02-q1': ['b'] } } });

    const p3 = withAttempt(p2, 'goals', {}, 0.6, 400); // equal, not better: bestAt stays
    expect(p3.quizzes.goals.bestAt).toBe(200);
    expect(p3.quizzes.goals.attempts).toBe(3);

    const p4 = withAttempt(p3, 'goals', {}, 1, 500);
    expect(p4.quizzes.goals).toMatchObject({ attempts: 4, best: 1, bestAt: 500 });

    const p5 = withAttempt(p4, 'intro', {}, 0, 600);
    expect(p5.quizzes.intro).toMatchObject({ attempts: 1, best: 0, bestAt: 600 });
    expect(p5.quizzes.goals).toBe(p4.quizzes.goals);
  });
});

describe('withReflection', () => {
  it('stores the text with its time and replaces an earlier text', () => {
    const p1 = withReflection(emptyProgress(COURSE, 100), 'l02-r1', '最初', 200);
    expect(p1.reflections).toEqual({ 'l02-r1': { text: '最初', updatedAt: 200 } });
    expect(p1.updatedAt).toBe(200);
    const p2 = withReflection(withReflection(p1, 'l02-r2', '別', 250), 'l02-r1', '書き直し', 300);
    expect(p2.reflections).toEqual({ 'l02-r1': { text: '書き直し', updatedAt: 300 }, 'l02-r2': { text: '別', updatedAt: 250 } });
    expect(p1.reflections['l02-r1'].text).toBe('最初');
  });
});

// ---------------------------------------------------------------------------------------------
// Version 2: reviews and profile
// ---------------------------------------------------------------------------------------------

describe('migration v1 → v2', () => {
  /** A document exactly as version 1 stored it. */
  const v1 = {
    v: 1,
    courseId: COURSE,
    createdAt: 100,
    updatedAt: 500,
    last: { slug: 'goals', at: 400 },
    lessons: { goals: { firstAt: 200, lastAt: 400 } },
    quizzes: { goals: { attempts: 1, best: 0.5, bestAt: 300, last: { at: 300, score: 0.5, answers: { 'l02-q1': ['b'] } } } },
    reflections: { 'l02-r1': { text: '業界の先輩に話を聞く', updatedAt: 450 } },
  };

  it('keeps everything a v1 document had and adds empty reviews and profile, without warnings', () => {
    for (const raw of [v1, JSON.stringify(v1)]) {
      const r = decodeProgress(raw, COURSE, NOW);
      expect(r.warnings).toEqual([]);
      expect(r.progress).toEqual({ ...v1, v: 2, reviews: {}, profile: {} });
      expectStable(r.progress);
    }
  });

  it('a v1 document never had reviews or a profile: stray fields of those names are not taken over', () => {
    const r = decodeProgress({ ...v1, reviews: { 'l02-q1': { box: 0, due: 1, updatedAt: 1 } }, profile: { name: { text: 'x', updatedAt: 1 } } }, COURSE, NOW);
    expect(r.progress.reviews).toEqual({});
    expect(r.progress.profile).toEqual({});
  });

  it('an empty v1 document becomes an empty v2 document', () => {
    expect(decodeProgress({ v: 1, createdAt: 5, updatedAt: 5 }, COURSE, NOW)).toEqual({ progress: emptyProgress(COURSE, 5), warnings: [] });
  });
});

describe('decodeProgress: reviews and profile', () => {
  it('reads reviews, name and reminders', () => {
    const p = {
      ...emptyProgress(COURSE, 1),
      reviews: { 'l02-q1': { box: 1, due: 900, updatedAt: 800 }, 'l03-q2': { box: REVIEW_DONE, due: null, updatedAt: 700 } },
      profile: {
        name: { text: '山田 花子', updatedAt: 10 },
        reminders: { people: [{ id: 'a1', who: '佐藤さん', every: 'quarterly' }], updatedAt: 20 },
      },
    };
    expect(decodeProgress(JSON.stringify(p), COURSE, NOW)).toEqual({ progress: p, warnings: [] });
  });

  it('an active review needs a due time; a retired one (box 3) has none', () => {
    const r = decodeProgress(
      doc({ reviews: { 'l01-q1': { box: 0, due: null, updatedAt: 1 }, 'l01-q2': { box: 3, due: 5, updatedAt: 1 }, 'l01-q3': { box: 2, due: 5, updatedAt: 1 } } as never }),
      COURSE,
      NOW,
    );
    expect(r.warnings).toEqual(['invalid-parts']);
    expect(r.progress.reviews).toEqual({ 'l01-q3': { box: 2, due: 5, updatedAt: 1 } });
  });

  it('keeps the readable people of a reminder list and drops the rest (blank, unknown frequency, duplicate id, too many)', () => {
    const people = [
      { id: 'a', who: '佐藤さん', every: 'monthly' },
      { id: 'b', who: '   ', every: 'monthly' },
      { id: 'c', who: '高橋さん', every: 'weekly' },
      { id: 'a', who: '重複', every: 'monthly' },
      { id: 'bad id', who: 'x', every: 'monthly' },
      { id: 'd', who: 'x'.repeat(REMINDER_WHO_MAX + 1), every: 'monthly' },
      ...Array.from({ length: REMINDERS_MAX + 2 }, (_, i) => ({ id: `p${i}`, who: `人${i}`, every: 'halfyearly' })),
    ];
    const r = decodeProgress(doc({ profile: { reminders: { people, updatedAt: 3 } } as never }), COURSE, NOW);
    expect(r.warnings).toEqual(['invalid-parts']);
    const kept = r.progress.profile.reminders!.people;
    expect(kept).toHaveLength(REMINDERS_MAX);
    expect(kept[0]).toEqual({ id: 'a', who: '佐藤さん', every: 'monthly' });
    expect(kept.slice(1).map((p) => p.id)).toEqual(Array.from({ length: REMINDERS_MAX - 1 }, (_, i) => `p${i}`));
  });

  it.each([
    ['not an object', 'x'],
    ['a name that is too long', { name: { text: 'x'.repeat(NAME_MAX + 1), updatedAt: 1 } }],
    ['a name without time', { name: { text: '山田' } }],
    ['reminders that are not a list', { reminders: { people: 'x', updatedAt: 1 } }],
  ])('a profile with %s → that part dropped with invalid-parts, nothing else lost', (_label, profile) => {
    const r = decodeProgress(doc({ profile: profile as never, reflections: { 'l01-r1': { text: 'ok', updatedAt: 1 } } }), COURSE, NOW);
    expect(r.warnings).toEqual(['invalid-parts']);
    expect(r.progress.profile).toEqual({});
    expect(r.progress.reflections['l01-r1'].text).toBe('ok');
  });
});

describe('mergeProgress: reviews and profile', () => {
  it('per review, the newer record wins, whatever the argument order', () => {
    fc.assert(
      fc.property(progressArb, progressArb, (a, b) => {
        fc.pre(Object.keys(a.reviews).every((k) => !(k in b.reviews) || a.reviews[k].updatedAt !== b.reviews[k].updatedAt));
        const ab = mergeProgress(a, b);
        expect(ab.reviews).toEqual(mergeProgress(b, a).reviews);
        for (const k of new Set([...Object.keys(a.reviews), ...Object.keys(b.reviews)])) {
          const newest = [a.reviews[k], b.reviews[k]].filter(Boolean).reduce((x, y) => (y.updatedAt > x.updatedAt ? y : x));
          expect(ab.reviews[k]).toEqual(newest);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('the newer name and the newer reminder list win, each on its own', () => {
    fc.assert(
      fc.property(progressArb, progressArb, (a, b) => {
        const m = mergeProgress(a, b);
        for (const part of ['name', 'reminders'] as const) {
          const x = a.profile[part];
          const y = b.profile[part];
          expect(m.profile[part]).toEqual(!x ? y : !y ? x : x.updatedAt >= y.updatedAt ? x : y);
        }
        expect(decodeProgress(encodeProgress(m), COURSE, NOW).warnings).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('example: a name set in one tab and reminders in another both survive', () => {
    const base = emptyProgress(COURSE, 100);
    const a = withName(base, '山田 花子', 200);
    const b = withReminders(base, [{ id: 'x', who: '佐藤さん', every: 'monthly' }], 300);
    for (const m of [mergeProgress(a, b), mergeProgress(b, a)])
      expect(m.profile).toEqual({ name: { text: '山田 花子', updatedAt: 200 }, reminders: { people: [{ id: 'x', who: '佐藤さん', every: 'monthly' }], updatedAt: 300 } });
  });

  it('example: a name cleared later is not brought back by an older copy', () => {
    const old = withName(emptyProgress(COURSE, 100), '旧姓', 200);
    const cleared = withName(old, '  ', 300);
    expect(mergeProgress(old, cleared).profile.name).toEqual({ text: '', updatedAt: 300 });
  });
});

describe('withName / withReminders', () => {
  it('withName trims, caps the length and records the time', () => {
    const p = withName(emptyProgress(COURSE, 1), '  山田 花子 ', 5);
    expect(p.profile.name).toEqual({ text: '山田 花子', updatedAt: 5 });
    expect(p.updatedAt).toBe(5);
    expect(withName(p, 'x'.repeat(NAME_MAX + 10), 6).profile.name!.text).toHaveLength(NAME_MAX);
  });

  it('withReminders stores the list as a whole, without blank rows, trimmed, at most REMINDERS_MAX', () => {
    const rows: Reminder[] = [
      { id: 'a', who: ' 佐藤さん ', every: 'monthly' },
      { id: 'b', who: '  ', every: 'quarterly' },
      ...Array.from({ length: REMINDERS_MAX + 3 }, (_, i) => ({ id: `p${i}`, who: `人${i}`, every: 'halfyearly' as const })),
    ];
    const p = withReminders(withName(emptyProgress(COURSE, 1), '山田', 2), rows, 7);
    expect(p.profile.name!.text).toBe('山田');
    expect(p.profile.reminders!.updatedAt).toBe(7);
    expect(p.profile.reminders!.people).toHaveLength(REMINDERS_MAX);
    expect(p.profile.reminders!.people[0]).toEqual({ id: 'a', who: '佐藤さん', every: 'monthly' });
    expect(decodeProgress(encodeProgress(p), COURSE, NOW).warnings).toEqual([]);
    expect(withReminders(p, [], 8).profile.reminders).toEqual({ people: [], updatedAt: 8 });
  });
});
