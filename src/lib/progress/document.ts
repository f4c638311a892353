/**
 * The learner's saved progress: ONE versioned JSON document per course.
 * Stored (localStorage, memory or an LMS) under `progressKey(courseId)` in this shape; export files
 * (進捗の書き出し) are this same document:
 *
 * {
 *   "v": 3,                              // PROGRESS_VERSION; older versions are migrated on load
 *   "courseId": "networking-ja",         // data of another course is never mixed in
 *   "epoch": 0,                          // raised by every reset and import: older copies cannot bring back what they removed
 *   "clock": 1764240000123,              // the newest stamp this copy has issued or seen (ms; a hybrid logical clock)
 *   "createdAt": 1764240000000,          // ms since the epoch (all times are at most FUTURE_TOLERANCE ahead of the reader's clock)
 *   "updatedAt": 1764240000123,
 *   "last": { "slug": "goals", "at": 1764240000000 } | null,      // last lesson visited
 *   "lessons": { "goals": { "firstAt": 1764…, "lastAt": 1764… } },  // lessons visited
 *   "quizzes": {                         // keyed by lesson slug
 *     "goals": { "attempts": 2, "best": 0.75, "bestAt": 1764…,
 *                "last": { "at": 1764…, "score": 0.75, "answers": { "l02-q1": ["a"] } } }
 *   },
 *   "reflections": {                     // versioned items (see "Versions" below)
 *     "l02-r1": { "text": "…", "updatedAt": 1764…, "v": "k3x9ab.4", "b": "p0z1qq.2",
 *                 "other": { "text": "…", "updatedAt": 1764…, "v": "m2n8cc.1" } },  // a conflicting edit, kept for the learner
 *     "l03-r1": { "text": "", "away": true, "updatedAt": 1764…, "v": "…" }   // written, text kept in another browser (an LMS copy)
 *   },
 *   "reviews": {                         // keyed by question id (src/lib/plan/review-schedule.ts)
 *     "l02-q3": { "box": 0, "due": 1764…, "updatedAt": 1764…, "v": "k3x9ab.1" }   // box 0-2; box 3 + due null = done
 *   },
 *   "profile": {                         // each part is optional and versioned
 *     "name": { "text": "山田 花子", "updatedAt": 1764…, "v": "…" },        // shown on the certificate
 *     "reminders": { "updatedAt": 1764…, "v": "…",                        // people to reconnect with
 *                    "people": [ { "id": "k3x9a", "who": "佐藤さん", "every": "quarterly" } ] }
 *   },
 *   "drafts": {                          // input kept but not (yet) saved as such: over-long texts, quiz choices not submitted
 *     "reflection:l02-r1": { "value": "…", "updatedAt": 1764…, "v": "…" }
 *   },
 *   "activities": { "l04-a1": { "kind": "conversation", "state": {…}, "done": true, "best": 1,          // src/lib/activities/record.ts
 *                               "last": { "at": 1764…, "result": 1 }, "updatedAt": 1764…, "v": "…" } },
 *   "checks": {                          // 事前チェック and 修了テスト (shape: src/lib/checks/record.ts)
 *     "final": { "attempts": 1, "at": 1764…, "skipped": false, "marks": { "l01-f1": 1, "l02-f1": 0 },
 *                "answers": { "l01-f1": ["a"] }, "score": 0.5, "best": 0.5, "updatedAt": 1764…, "v": "…" }
 *   },
 *   "plan": { "items": [ … ], "updatedAt": 1764…, "v": "…" },       // もし〜なら、〜する commitments
 *   "challenge": {                       // 1週間チャレンジ, one versioned record per day slot (src/lib/challenge/week.ts)
 *     "d1": { "action": "l06-c1", "date": "2026-12-07", "predict": 40, "worry": "…", "status": "done",
 *             "outcome": "yes", "note": "…", "updatedAt": 1764…, "v": "…" }
 *   }
 * }
 *
 * Versions. Every item a learner edits carries `v` = "<session>.<stamp>": the editing session (one
 * page load, a random id) and the save's stamp in base 36 (stamps of one session only ever grow),
 * plus `b`, the version(s) the edit was made from. Merging never trusts the wall clock first: a version made from (or later in
 * the same session as) another one replaces it; only versions that did not see each other are
 * ordered by time (then id), and for reflections the other text is kept in `other` for the learner
 * to choose. Times from the future are clamped to FUTURE_TOLERANCE ahead on every load, so a device
 * whose clock runs fast cannot win every merge for ever. A reset raises `epoch`; a copy of an older
 * epoch (a stale tab, an old LMS copy) then counts for nothing.
 *
 * Decoding never throws: unreadable or foreign parts are dropped with a warning, the good parts are
 * kept, and numbers are bounded (nothing like 1e308 reaches the screen).
 */
import { mergeActivity, readActivity, type ActivityRecord } from '../activities/record';
import { ID, isObj, isTime, readAnswers, type Obj } from './read';
import { VERSION, descends, later, pickVersion, readVersioned, sessionOf, type Versioned } from './versions';

export { descends, sessionOf, type Versioned } from './versions';
import { readCheck, type CheckRecord, type CheckSet } from '../checks/record';
import { readPlan, type Plan } from '../plan/items';
import { CHALLENGE_SLOTS, mergeChallengeDay, readChallengeDay, type Challenge, type ChallengeDay } from '../challenge/week';

export const PROGRESS_VERSION = 3;
/** Hard cap for one stored reflection; the editor's own limit is lower (REFLECTION_MAX). */
export const STORED_TEXT_CAP = 20_000;
/** Days until the next review for review boxes 0, 1, 2; a right answer in the last box retires the question. */
export const REVIEW_DAYS = [1, 3, 7];
/** The box of a retired review (its `due` is null). */
export const REVIEW_DONE = REVIEW_DAYS.length;
/** Months between reminders (the iCalendar RRULE interval) for each choice the learner can make. */
export const REMINDER_MONTHS = { monthly: 1, bimonthly: 2, quarterly: 3, halfyearly: 6 };
export type ReminderEvery = keyof typeof REMINDER_MONTHS;
/** Limits for the profile (the editors stay below them). */
export const NAME_MAX = 60;
export const REMINDER_WHO_MAX = 80;
export const REMINDERS_MAX = 10;
/** How far ahead of the reader's clock a stored time may be (clocks of devices differ a little). */
export const FUTURE_TOLERANCE = 10 * 60_000;
/** Largest attempt count kept (a bound, so a damaged number cannot reach the screen). */
export const ATTEMPTS_MAX = 10_000;
/** A review is never due more than this far ahead (the longest interval is REVIEW_DAYS' last). */
const DUE_HORIZON = 400 * 86_400_000;

interface Attempt {
  at: number;
  score: number;
  answers: Record<string, string[]>;
}
interface QuizRecord {
  attempts: number;
  best: number;
  bestAt: number;
  last: Attempt | null;
}
interface ReflectionRecord extends Versioned {
  text: string;
  /**
   * The text of this version is kept only in another browser: an LMS copy that could not carry it
   * (SCORM's suspend_data is small) says that it was written, without the text. It counts as
   * written; the version with the text wins over it wherever both meet.
   */
  away?: true;
  /** Another version made without seeing this one (two tabs or devices): kept until the learner chooses. */
  other?: { text: string; updatedAt: number; v: string };
}
interface VisitRecord {
  firstAt: number;
  lastAt: number;
}
/** A question scheduled for review (Leitner box, when it is due next). */
export interface ReviewRecord extends Versioned {
  /** 0-2 while active (REVIEW_DAYS[box] days between reviews), REVIEW_DONE once retired. */
  box: number;
  /** When it is due (ms), or null once retired. */
  due: number | null;
}
/** Someone the learner wants to reconnect with regularly (lesson 5). */
export interface Reminder {
  /** Stable id: the calendar event's UID, so a re-downloaded file updates instead of duplicating. */
  id: string;
  /** Name or a note, as the learner wrote it. */
  who: string;
  every: ReminderEvery;
}
/** The learner's own details; each part is replaced as a whole (the newer version wins). */
interface Profile {
  name?: Versioned & { text: string };
  reminders?: Versioned & { people: Reminder[] };
}
/** Input kept aside: an over-long reflection, quiz choices not yet submitted (keys like "reflection:l02-r1", "quiz:goals"). */
type Draft = Versioned & { value: string };

export interface Progress {
  v: typeof PROGRESS_VERSION;
  courseId: string;
  epoch: number;
  clock: number;
  createdAt: number;
  updatedAt: number;
  last: { slug: string; at: number } | null;
  lessons: Record<string, VisitRecord>;
  quizzes: Record<string, QuizRecord>;
  reflections: Record<string, ReflectionRecord>;
  reviews: Record<string, ReviewRecord>;
  profile: Profile;
  drafts: Record<string, Draft>;
  activities: Record<string, ActivityRecord>;
  checks: Partial<Record<CheckSet, CheckRecord>>;
  plan: Plan | null;
  /** The 1週間チャレンジ (absent in documents made before it: read as none). */
  challenge: Challenge;
}

/** Who is editing, and when: every change to the document is made with one. */
export interface Edit {
  /** The wall clock (ms). */
  now: number;
  /** This editing session (a page load): a random id of letters and digits. */
  session: string;
}

/** Why (part of) a saved document could not be used. The UI turns these into Japanese notices. */
export type DecodeWarning = 'corrupt' | 'invalid-parts' | 'foreign-course' | 'future-version';

export interface Decoded {
  progress: Progress;
  warnings: DecodeWarning[];
}

/** The storage key for a course's progress document. */
export const progressKey = (courseId: string) => `course:${courseId}:progress`;

/** A new, empty progress document. */
export function emptyProgress(courseId: string, now: number, epoch = 0): Progress {
  return {
    v: PROGRESS_VERSION,
    courseId,
    epoch,
    clock: now,
    createdAt: now,
    updatedAt: now,
    last: null,
    lessons: {},
    quizzes: {},
    reflections: {},
    reviews: {},
    profile: {},
    drafts: {},
    activities: {},
    checks: {},
    plan: null,
    challenge: {},
  };
}

/** A random session id (for Edit.session). */
export const newSession = (random: () => number = Math.random) =>
  Array.from({ length: 6 }, () => '0123456789abcdefghijklmnopqrstuvwxyz'[Math.floor(random() * 36)]).join('');

const isScore = (x: unknown): x is number => typeof x === 'number' && x >= 0 && x <= 1;
/** A 32-bit FNV-1a hash in base 36: a deterministic version id for items migrated from v2. */
function fingerprint(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193) >>> 0;
  return h.toString(36);
}

/** Version 2 items had only `updatedAt`; each gets a version id derived from its content, the same on every device. */
function versionV2Item(item: unknown): unknown {
  return isObj(item) && item.v === undefined ? { ...item, v: `m${fingerprint(JSON.stringify(item))}.0` } : item;
}
const versionAll = (record: unknown) => (isObj(record) ? Object.fromEntries(Object.entries(record).map(([k, x]) => [k, versionV2Item(x)])) : record);

/**
 * Migrations from older document versions, keyed by the version they upgrade FROM. Each step
 * returns the next version's shape; the field-by-field reader below then validates the result.
 */
const migrations: Record<number, (doc: Obj) => Obj> = {
  // v2 adds spaced review and the learner's profile (certificate name, reminders); v1 had neither.
  1: (doc) => ({ ...doc, v: 2, reviews: {}, profile: {} }),
  // v3 versions every edited item (no more "newest wall clock wins"), counts resets in `epoch`, and
  // adds drafts, practice activities, the pre-check / final check and the if-then plan.
  2: (doc) => {
    const profile = isObj(doc.profile) ? doc.profile : doc.profile;
    return {
      ...doc,
      v: 3,
      epoch: 0,
      clock: doc.updatedAt,
      reflections: versionAll(doc.reflections),
      reviews: versionAll(doc.reviews),
      profile: isObj(profile)
        ? {
            ...profile,
            ...(profile.name !== undefined && { name: versionV2Item(profile.name) }),
            ...(profile.reminders !== undefined && { reminders: versionV2Item(profile.reminders) }),
          }
        : profile,
      drafts: {},
      activities: {},
      checks: {},
      plan: null,
    };
  },
};

/** Keeps the valid entries of a keyed record, counting the dropped ones. */
function pickRecord<T>(raw: unknown, read: (x: unknown) => T | null, dropped: { n: number }): Record<string, T> {
  const out: Record<string, T> = {};
  if (raw === undefined) return out;
  if (!isObj(raw)) {
    dropped.n++;
    return out;
  }
  for (const [k, v] of Object.entries(raw)) {
    const item = ID.test(k) ? read(v) : null;
    if (item) out[k] = item;
    else dropped.n++;
  }
  return out;
}

/** Reads one text of at most `max` characters (JS string length: a storage bound, not the editor's limit). */
const isText = (x: unknown, max: number): x is string => typeof x === 'string' && x.length <= max;

/**
 * Turns whatever was stored (a JSON string, a parsed object, or nothing) into a valid document.
 * Never throws. `warnings` is empty when everything was read. Times later than now +
 * FUTURE_TOLERANCE are clamped to it.
 */
export function decodeProgress(raw: unknown, courseId: string, now: number): Decoded {
  const fresh = (w: DecodeWarning[]): Decoded => ({ progress: emptyProgress(courseId, now), warnings: w });
  if (raw === null || raw === undefined || raw === '') return fresh([]);
  let doc: unknown = raw;
  if (typeof raw === 'string') {
    try {
      doc = JSON.parse(raw);
    } catch {
      return fresh(['corrupt']);
    }
  }
  if (!isObj(doc)) return fresh(['corrupt']);
  if (doc.courseId !== undefined && doc.courseId !== courseId) return fresh(['foreign-course']);

  const warnings: DecodeWarning[] = [];
  let version = doc.v;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) return fresh(['corrupt']);
  if (version > PROGRESS_VERSION) warnings.push('future-version');
  while (version < PROGRESS_VERSION) {
    const step = migrations[version];
    if (!step) return fresh(['corrupt']);
    try {
      doc = step(doc as Obj);
    } catch {
      return fresh(['corrupt']);
    }
    version++;
  }
  const d = doc as Obj;
  const limit = now + FUTURE_TOLERANCE;
  const clamp = (t: number) => Math.min(t, limit);
  const dropped = { n: 0 };

  const lessons = pickRecord(
    d.lessons,
    (x) => (isObj(x) && isTime(x.firstAt) && isTime(x.lastAt) ? { firstAt: clamp(Math.min(x.firstAt, x.lastAt)), lastAt: clamp(x.lastAt) } : null),
    dropped,
  );
  const quizzes = pickRecord(
    d.quizzes,
    (x) => {
      if (!isObj(x) || !Number.isInteger(x.attempts) || (x.attempts as number) < 0 || !isScore(x.best)) return null;
      let last: Attempt | null = null;
      if (x.last !== null && x.last !== undefined) {
        const a = x.last;
        const answers = isObj(a) ? readAnswers(a.answers) : null;
        if (!isObj(a) || !isTime(a.at) || !isScore(a.score) || !answers) return null;
        last = { at: clamp(a.at), score: a.score, answers };
      }
      return { attempts: Math.min(x.attempts as number, ATTEMPTS_MAX), best: x.best, bestAt: isTime(x.bestAt) ? clamp(x.bestAt) : 0, last };
    },
    dropped,
  );
  const reflections = pickRecord(
    d.reflections,
    (x) => {
      if (!isObj(x) || !isText(x.text, STORED_TEXT_CAP)) return null;
      const ver = readVersioned(x, limit);
      if (!ver) return null;
      const o = x.other;
      const other =
        isObj(o) && isText(o.text, STORED_TEXT_CAP) && isTime(o.updatedAt) && typeof o.v === 'string' && VERSION.test(o.v)
          ? { text: o.text, updatedAt: clamp(o.updatedAt), v: o.v }
          : undefined;
      if (o !== undefined && !other) dropped.n++;
      const away = x.away === true && x.text === '';
      return { text: x.text, ...ver, ...(other && { other }), ...(away && { away: true as const }) };
    },
    dropped,
  );
  const reviews = pickRecord(
    d.reviews,
    (x) => {
      if (!isObj(x) || !Number.isInteger(x.box)) return null;
      const ver = readVersioned(x, limit);
      const box = x.box as number;
      if (!ver || box < 0 || box > REVIEW_DONE) return null;
      if (box === REVIEW_DONE ? x.due !== null : !isTime(x.due)) return null;
      // A due date is a few days ahead at most: a damaged one is brought back into range.
      return { box, due: box === REVIEW_DONE ? null : Math.min(x.due as number, now + DUE_HORIZON), ...ver };
    },
    dropped,
  );
  const drafts = pickRecord(
    d.drafts,
    (x) => {
      if (!isObj(x) || !isText(x.value, STORED_TEXT_CAP)) return null;
      const ver = readVersioned(x, limit);
      return ver ? { value: x.value, ...ver } : null;
    },
    dropped,
  );
  const activities = pickRecord(d.activities, (x) => (isObj(x) ? withVersion(x, limit, (a) => readActivity(a, clamp)) : null), dropped);
  const checks: Progress['checks'] = {};
  if (isObj(d.checks)) {
    for (const set of ['pre', 'final'] as const) {
      if (d.checks[set] === undefined) continue;
      const c = isObj(d.checks[set]) ? withVersion(d.checks[set] as Obj, limit, (x) => readCheck(x, clamp)) : null;
      if (c) checks[set] = c;
      else dropped.n++;
    }
  } else if (d.checks !== undefined) dropped.n++;
  let plan: Plan | null = null;
  if (isObj(d.plan)) {
    plan = withVersion(d.plan, limit, readPlan);
    if (!plan) dropped.n++;
  } else if (d.plan !== null && d.plan !== undefined) dropped.n++;
  const challenge: Challenge = {};
  if (isObj(d.challenge)) {
    for (const [slot, x] of Object.entries(d.challenge)) {
      const day = (CHALLENGE_SLOTS as readonly string[]).includes(slot) && isObj(x) ? withVersion(x, limit, readChallengeDay) : null;
      if (day) challenge[slot as keyof Challenge] = day;
      else dropped.n++;
    }
  } else if (d.challenge !== undefined) dropped.n++;

  const profile = readProfile(d.profile, limit, dropped);
  let last: Progress['last'] = null;
  if (isObj(d.last) && typeof d.last.slug === 'string' && ID.test(d.last.slug) && isTime(d.last.at)) last = { slug: d.last.slug, at: clamp(d.last.at) };
  else if (d.last !== null && d.last !== undefined) dropped.n++;
  const createdAt = isTime(d.createdAt) ? clamp(d.createdAt) : now;
  const updatedAt = isTime(d.updatedAt) ? clamp(d.updatedAt) : createdAt;
  const epoch = Number.isInteger(d.epoch) && (d.epoch as number) >= 0 ? Math.min(d.epoch as number, 1e9) : 0;
  const clock = Math.max(
    isTime(d.clock) ? clamp(d.clock) : 0,
    updatedAt,
    ...stamps({ reflections, reviews, profile, drafts, activities, checks, plan, challenge }),
  );
  if (dropped.n > 0) warnings.push('invalid-parts');
  return {
    progress: {
      v: PROGRESS_VERSION,
      courseId,
      epoch,
      clock,
      createdAt,
      updatedAt,
      last,
      lessons,
      quizzes,
      reflections,
      reviews,
      profile,
      drafts,
      activities,
      checks,
      plan,
      challenge,
    },
    warnings,
  };
}

/** Reads an item with a version and a kind-specific body (activities, checks, the plan). */
function withVersion<T>(x: Obj, limit: number, read: (x: Obj) => T | null): (T & Versioned) | null {
  const ver = readVersioned(x, limit);
  const body = ver && read(x);
  return ver && body ? { ...body, ...ver } : null;
}

/** The update times of every versioned item (to keep the document's clock ahead of all of them). */
function stamps(p: Pick<Progress, 'reflections' | 'reviews' | 'profile' | 'drafts' | 'activities' | 'checks' | 'plan' | 'challenge'>): number[] {
  const items: (Versioned | undefined | null)[] = [
    ...Object.values(p.reflections),
    ...Object.values(p.reviews),
    ...Object.values(p.drafts),
    ...Object.values(p.activities),
    ...Object.values(p.checks),
    p.profile.name,
    p.profile.reminders,
    p.plan,
    ...Object.values(p.challenge),
  ];
  return items.filter((x): x is Versioned => !!x).map((x) => x.updatedAt);
}

function readReminder(x: unknown): Reminder | null {
  if (!isObj(x) || typeof x.id !== 'string' || !ID.test(x.id) || typeof x.who !== 'string' || !x.who.trim() || x.who.length > REMINDER_WHO_MAX) return null;
  return typeof x.every === 'string' && Object.hasOwn(REMINDER_MONTHS, x.every) ? { id: x.id, who: x.who, every: x.every as ReminderEvery } : null;
}

function readProfile(x: unknown, limit: number, dropped: { n: number }): Profile {
  const out: Profile = {};
  if (x === undefined) return out;
  if (!isObj(x)) {
    dropped.n++;
    return out;
  }
  const { name, reminders: r } = x;
  const nameVer = isObj(name) && isText(name.text, NAME_MAX * 4) ? readVersioned(name, limit) : null;
  if (nameVer) out.name = { text: (name as Obj).text as string, ...nameVer };
  else if (name !== undefined) dropped.n++;
  const remVer = isObj(r) && Array.isArray(r.people) ? readVersioned(r, limit) : null;
  if (remVer) {
    const people: Reminder[] = [];
    for (const item of (r as Obj).people as unknown[]) {
      const person = people.length < REMINDERS_MAX ? readReminder(item) : null;
      if (person && !people.some((q) => q.id === person.id)) people.push(person);
      else dropped.n++;
    }
    out.reminders = { people, ...remVer };
  } else if (r !== undefined) dropped.n++;
  return out;
}

/**
 * Serialises a document for storage, canonically (object keys sorted), so two copies with the same
 * content are the same text: tabs compare texts to see whether a merge added anything.
 */
export const encodeProgress = (p: Progress): string =>
  JSON.stringify(p, (_, value) =>
    isObj(value)
      ? Object.fromEntries(
          Object.keys(value)
            .sort()
            .map((k) => [k, value[k]]),
        )
      : value,
  );

// ---------------------------------------------------------------------------------------------
// Versions and merging
// ---------------------------------------------------------------------------------------------

const newerOf = <T extends Versioned>(x: T | undefined, y: T | undefined): T | undefined => (!x ? y : !y ? x : pickVersion(x, y).winner);

/** Two versions of a reflection: as pickVersion, and when they did not see each other, the other text is kept for the learner. */
function mergeReflection(x: ReflectionRecord, y: ReflectionRecord): ReflectionRecord {
  // The same version with and without its text (an LMS copy that could not carry it): the text.
  if (x.v === y.v && !!x.away !== !!y.away)
    return x.away ? { ...y, updatedAt: Math.min(x.updatedAt, y.updatedAt) } : { ...x, updatedAt: Math.min(x.updatedAt, y.updatedAt) };
  const { winner, loser, concurrent } = pickVersion(x, y);
  const { other: _, ...kept } = winner;
  const candidates = [winner.other, loser.other, ...(concurrent ? [{ text: loser.text, updatedAt: loser.updatedAt, v: loser.v }] : [])].filter(
    (c): c is NonNullable<ReflectionRecord['other']> => !!c && c.text !== winner.text && c.v !== winner.v && !descends(winner, c),
  );
  if (!candidates.length) return kept;
  const other = candidates.reduce((a, c) => (later(c as Versioned, a as Versioned) ? c : a));
  return { ...kept, other };
}

function mergeBy<T>(a: Record<string, T>, b: Record<string, T>, pick: (x: T, y: T) => T): Record<string, T> {
  const out: Record<string, T> = { ...a };
  for (const [k, v] of Object.entries(b)) out[k] = Object.hasOwn(out, k) ? pick(out[k], v) : v;
  return out;
}

function mergeQuiz(x: QuizRecord, y: QuizRecord): QuizRecord {
  const newer = (x.last?.at ?? 0) > (y.last?.at ?? 0) || ((x.last?.at ?? 0) === (y.last?.at ?? 0) && JSON.stringify(x.last) >= JSON.stringify(y.last)) ? x : y;
  const better = x.best > y.best || (x.best === y.best && x.bestAt <= y.bestAt) ? x : y;
  return { attempts: Math.max(x.attempts, y.attempts), best: better.best, bestAt: better.bestAt, last: newer.last };
}

/**
 * Combines two documents of the same course item by item (see "Versions" above); the best score
 * and attempt count never go down, visits span both. A document of an older epoch (made before a
 * reset or import that the other has) contributes nothing. Commutative, associative and idempotent,
 * so copies that reach each other in any order, more than once, end up equal.
 */
export function mergeProgress(a: Progress, b: Progress): Progress {
  if (a.epoch !== b.epoch) return a.epoch > b.epoch ? a : b;
  const name = newerOf(a.profile.name, b.profile.name);
  const reminders = newerOf(a.profile.reminders, b.profile.reminders);
  const lastOf = (x: Progress['last'], y: Progress['last']) => (!x ? y : !y ? x : x.at > y.at || (x.at === y.at && x.slug >= y.slug) ? x : y);
  const plan = !a.plan ? b.plan : !b.plan ? a.plan : pickVersion(a.plan, b.plan).winner;
  return {
    v: PROGRESS_VERSION,
    courseId: a.courseId,
    epoch: a.epoch,
    clock: Math.max(a.clock, b.clock),
    createdAt: Math.min(a.createdAt, b.createdAt),
    updatedAt: Math.max(a.updatedAt, b.updatedAt),
    last: lastOf(a.last, b.last),
    lessons: mergeBy(a.lessons, b.lessons, (x, y) => ({ firstAt: Math.min(x.firstAt, y.firstAt), lastAt: Math.max(x.lastAt, y.lastAt) })),
    quizzes: mergeBy(a.quizzes, b.quizzes, mergeQuiz),
    reflections: mergeBy(a.reflections, b.reflections, mergeReflection),
    reviews: mergeBy(a.reviews, b.reviews, (x, y) => pickVersion(x, y).winner),
    profile: { ...(name && { name }), ...(reminders && { reminders }) },
    drafts: mergeBy(a.drafts, b.drafts, (x, y) => pickVersion(x, y).winner),
    activities: mergeBy(a.activities, b.activities, mergeActivity),
    checks: mergeBy(a.checks as Record<string, CheckRecord>, b.checks as Record<string, CheckRecord>, (x, y) => pickVersion(x, y).winner),
    plan,
    challenge: mergeBy(a.challenge as Record<string, ChallengeDay>, b.challenge as Record<string, ChallengeDay>, mergeChallengeDay),
  };
}

/**
 * What `doc` holds beyond `base`: a document with doc's header and only the items that are new or
 * changed since base (whole items), so that merging it into base gives doc. A tab keeps this in
 * its own key instead of a second full copy, so saving never needs room for the document twice.
 * Without a base, or across a reset or import (another epoch), it is all of doc.
 */
export function progressDelta(doc: Progress, base: Progress | null): Progress {
  if (!base || base.epoch !== doc.epoch || base.courseId !== doc.courseId) return doc;
  const same = (x: unknown, y: unknown) => x === y || JSON.stringify(x) === JSON.stringify(y);
  const newer = <T>(a: Record<string, T>, b: Record<string, T>): Record<string, T> =>
    Object.fromEntries(Object.entries(a).filter(([k, x]) => !Object.hasOwn(b, k) || !same(x, b[k])));
  return {
    ...doc,
    last: same(doc.last, base.last) ? null : doc.last,
    lessons: newer(doc.lessons, base.lessons),
    quizzes: newer(doc.quizzes, base.quizzes),
    reflections: newer(doc.reflections, base.reflections),
    reviews: newer(doc.reviews, base.reviews),
    profile: newer(doc.profile as Record<string, unknown>, base.profile as Record<string, unknown>) as Profile,
    drafts: newer(doc.drafts, base.drafts),
    activities: newer(doc.activities, base.activities),
    checks: newer(doc.checks as Record<string, unknown>, base.checks as Record<string, unknown>) as Progress['checks'],
    plan: same(doc.plan, base.plan) ? null : doc.plan,
    challenge: newer(doc.challenge as Record<string, unknown>, base.challenge as Record<string, unknown>) as Challenge,
  };
}

// ---------------------------------------------------------------------------------------------
// Changes (each records a new version of what it changes). The visit is here because every page
// records one; the other changes are in edits.ts (src/lib/progress/edits.ts), loaded only by the pages that edit.
// ---------------------------------------------------------------------------------------------

/**
 * The time and version of a new version of an item: the wall clock, or just after the newest time
 * this document has seen when that is ahead (so an edit always orders after what it replaced).
 * `seen` is the version the learner was looking at when they started the edit (default: the
 * current one, `prev`): the new version claims to know that one, not changes made meanwhile.
 */
export function nextVersion(p: Progress, e: Edit, prev: Versioned | undefined, seen: Versioned | null | undefined = prev): Versioned & { clock: number } {
  const updatedAt = Math.max(e.now, p.clock + 1);
  const v = `${e.session}.${updatedAt.toString(36)}`;
  // Later saves of one session keep the session's base; a first save names what it was made from.
  const b = prev && sessionOf(prev.v) === e.session ? prev.b : seen?.v;
  return { updatedAt, v, ...(b && { b }), clock: updatedAt };
}

/** Sets the clock and update time after a change stamped `t`. */
export const touched = (p: Progress, t: number): Pick<Progress, 'clock' | 'updatedAt'> => ({
  clock: Math.max(p.clock, t),
  updatedAt: Math.max(p.updatedAt, t),
});

/** Records that a lesson was opened. */
export function withVisit(p: Progress, slug: string, e: Edit): Progress {
  const prev = p.lessons[slug];
  return {
    ...p,
    ...touched(p, e.now),
    last: { slug, at: e.now },
    lessons: { ...p.lessons, [slug]: { firstAt: Math.min(prev?.firstAt ?? e.now, e.now), lastAt: Math.max(prev?.lastAt ?? e.now, e.now) } },
  };
}
