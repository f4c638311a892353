/**
 * The learner's saved progress: ONE versioned JSON document per course.
 * Stored (localStorage, memory or an LMS) under `progressKey(courseId)` in this shape; export files
 * (進捗の書き出し) are this same document:
 *
 * {
 *   "v": 2,                              // PROGRESS_VERSION; older versions are migrated on load
 *   "courseId": "networking-ja",         // data of another course is never mixed in
 *   "createdAt": 1764240000000,          // ms since the epoch
 *   "updatedAt": 1764240000000,
 *   "last": { "slug": "goals", "at": 1764240000000 } | null,      // last lesson visited
 *   "lessons": { "goals": { "firstAt": 1764…, "lastAt": 1764… } },  // lessons visited
 *   "quizzes": {                         // keyed by lesson slug
 *     "goals": { "attempts": 2, "best": 0.75, "bestAt": 1764…,
 *                "last": { "at": 1764…, "score": 0.75, "answers": { "l02-q1": ["a"] } } }
 *   },
 *   "reflections": { "l02-r1": { "text": "…", "updatedAt": 1764… } },
 *   "reviews": {                         // since v2; keyed by question id (src/lib/review.ts)
 *     "l02-q3": { "box": 0, "due": 1764…, "updatedAt": 1764… }    // box 0-2; box 3 + due null = done
 *   },
 *   "profile": {                         // since v2; each part is optional
 *     "name": { "text": "山田 花子", "updatedAt": 1764… },          // shown on the certificate
 *     "reminders": { "updatedAt": 1764…,                             // people to reconnect with
 *                    "people": [ { "id": "k3x9a", "who": "佐藤さん", "every": "quarterly" } ] }
 *   }
 * }
 *
 * Decoding never throws: unreadable or foreign parts are dropped with a warning, the good parts are
 * kept. Merging (two tabs, an LMS copy) works per item and the newer item wins.
 */

export const PROGRESS_VERSION = 2;
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

export interface Attempt {
  at: number;
  score: number;
  answers: Record<string, string[]>;
}
export interface QuizRecord {
  attempts: number;
  best: number;
  bestAt: number;
  last: Attempt | null;
}
export interface ReflectionRecord {
  text: string;
  updatedAt: number;
}
export interface VisitRecord {
  firstAt: number;
  lastAt: number;
}
/** A question scheduled for review (Leitner box, when it is due next). */
export interface ReviewRecord {
  /** 0-2 while active (REVIEW_DAYS[box] days between reviews), REVIEW_DONE once retired. */
  box: number;
  /** When it is due (ms), or null once retired. */
  due: number | null;
  updatedAt: number;
}
/** Someone the learner wants to reconnect with regularly (lesson 5). */
export interface Reminder {
  /** Stable id: the calendar event's UID, so a re-downloaded file updates instead of duplicating. */
  id: string;
  /** Name or a note, as the learner wrote it. */
  who: string;
  every: ReminderEvery;
}
/** The learner's own details; each part is replaced as a whole (newer wins). */
export interface Profile {
  name?: { text: string; updatedAt: number };
  reminders?: { people: Reminder[]; updatedAt: number };
}
export interface Progress {
  v: typeof PROGRESS_VERSION;
  courseId: string;
  createdAt: number;
  updatedAt: number;
  last: { slug: string; at: number } | null;
  lessons: Record<string, VisitRecord>;
  quizzes: Record<string, QuizRecord>;
  reflections: Record<string, ReflectionRecord>;
  reviews: Record<string, ReviewRecord>;
  profile: Profile;
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
export function emptyProgress(courseId: string, now: number): Progress {
  return { v: PROGRESS_VERSION, courseId, createdAt: now, updatedAt: now, last: null, lessons: {}, quizzes: {}, reflections: {}, reviews: {}, profile: {} };
}

type Obj = Record<string, unknown>;
const isObj = (x: unknown): x is Obj => typeof x === 'object' && x !== null && !Array.isArray(x);
const isTime = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x) && x >= 0;
const isScore = (x: unknown): x is number => typeof x === 'number' && x >= 0 && x <= 1;
/** Keys we accept for lessons, questions and reflections; never an Object.prototype name like __proto__. */
const ID = /^(?!__proto__$)[A-Za-z0-9_-]{1,64}$/;

/**
 * Migrations from older document versions, keyed by the version they upgrade FROM. Each step
 * returns the next version's shape; the field-by-field reader below then validates the result.
 */
const migrations: Record<number, (doc: Obj, now: number) => Obj> = {
  // v2 adds spaced review and the learner's profile (certificate name, reminders); v1 had neither.
  1: (doc) => ({ ...doc, v: 2, reviews: {}, profile: {} }),
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

function readVisit(x: unknown): VisitRecord | null {
  return isObj(x) && isTime(x.firstAt) && isTime(x.lastAt) ? { firstAt: x.firstAt, lastAt: x.lastAt } : null;
}

function readAnswers(x: unknown): Record<string, string[]> | null {
  if (!isObj(x)) return null;
  const out: Record<string, string[]> = {};
  for (const [k, v] of Object.entries(x)) {
    if (!ID.test(k) || !Array.isArray(v) || !v.every((s) => typeof s === 'string' && s.length <= 16)) return null;
    out[k] = v as string[];
  }
  return out;
}

function readAttempt(x: unknown): Attempt | null {
  if (!isObj(x) || !isTime(x.at) || !isScore(x.score)) return null;
  const answers = readAnswers(x.answers);
  return answers ? { at: x.at, score: x.score, answers } : null;
}

function readQuiz(x: unknown): QuizRecord | null {
  if (!isObj(x) || !Number.isInteger(x.attempts) || (x.attempts as number) < 0 || !isScore(x.best)) return null;
  const last = x.last === null || x.last === undefined ? null : readAttempt(x.last);
  if (x.last && !last) return null;
  return { attempts: x.attempts as number, best: x.best, bestAt: isTime(x.bestAt) ? x.bestAt : 0, last };
}

function readReflection(x: unknown): ReflectionRecord | null {
  return isObj(x) && typeof x.text === 'string' && x.text.length <= STORED_TEXT_CAP && isTime(x.updatedAt)
    ? { text: x.text, updatedAt: x.updatedAt }
    : null;
}

function readReview(x: unknown): ReviewRecord | null {
  if (!isObj(x) || !isTime(x.updatedAt) || !Number.isInteger(x.box)) return null;
  const box = x.box as number;
  if (box < 0 || box > REVIEW_DONE || (box === REVIEW_DONE ? x.due !== null : !isTime(x.due))) return null;
  return { box, due: x.due as number | null, updatedAt: x.updatedAt };
}

const isText = (x: unknown, max: number): x is string => typeof x === 'string' && x.trim() !== '' && x.length <= max;

function readReminder(x: unknown): Reminder | null {
  if (!isObj(x) || typeof x.id !== 'string' || !ID.test(x.id) || !isText(x.who, REMINDER_WHO_MAX)) return null;
  return typeof x.every === 'string' && Object.hasOwn(REMINDER_MONTHS, x.every) ? { id: x.id, who: x.who, every: x.every as ReminderEvery } : null;
}

function readProfile(x: unknown, dropped: { n: number }): Profile {
  const out: Profile = {};
  if (x === undefined) return out;
  if (!isObj(x)) {
    dropped.n++;
    return out;
  }
  const { name, reminders: r } = x;
  if (isObj(name) && typeof name.text === 'string' && name.text.length <= NAME_MAX && isTime(name.updatedAt))
    out.name = { text: name.text, updatedAt: name.updatedAt };
  else if (name !== undefined) dropped.n++;
  if (isObj(r) && Array.isArray(r.people) && isTime(r.updatedAt)) {
    const people: Reminder[] = [];
    for (const item of r.people) {
      const person = people.length < REMINDERS_MAX ? readReminder(item) : null;
      if (person && !people.some((q) => q.id === person.id)) people.push(person);
      else dropped.n++;
    }
    out.reminders = { people, updatedAt: r.updatedAt };
  } else if (r !== undefined) dropped.n++;
  return out;
}

/**
 * Turns whatever was stored (a JSON string, a parsed object, or nothing) into a valid document.
 * Never throws. `warnings` is empty when everything was read.
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
      doc = step(doc as Obj, now);
    } catch {
      return fresh(['corrupt']);
    }
    version++;
  }
  const d = doc as Obj;
  const dropped = { n: 0 };
  const lessons = pickRecord(d.lessons, readVisit, dropped);
  const quizzes = pickRecord(d.quizzes, readQuiz, dropped);
  const reflections = pickRecord(d.reflections, readReflection, dropped);
  const reviews = pickRecord(d.reviews, readReview, dropped);
  const profile = readProfile(d.profile, dropped);
  let last: Progress['last'] = null;
  if (isObj(d.last) && typeof d.last.slug === 'string' && ID.test(d.last.slug) && isTime(d.last.at))
    last = { slug: d.last.slug, at: d.last.at };
  else if (d.last !== null && d.last !== undefined) dropped.n++;
  const createdAt = isTime(d.createdAt) ? d.createdAt : now;
  const updatedAt = isTime(d.updatedAt) ? d.updatedAt : createdAt;
  if (dropped.n > 0) warnings.push('invalid-parts');
  return {
    progress: { v: PROGRESS_VERSION, courseId, createdAt, updatedAt, last, lessons, quizzes, reflections, reviews, profile },
    warnings,
  };
}

/** Serialises a document for storage. */
export const encodeProgress = (p: Progress): string => JSON.stringify(p);

function mergeBy<T>(a: Record<string, T>, b: Record<string, T>, pick: (x: T, y: T) => T): Record<string, T> {
  const out: Record<string, T> = { ...a };
  for (const [k, v] of Object.entries(b)) out[k] = Object.hasOwn(out, k) ? pick(out[k], v) : v;
  return out;
}

function mergeQuiz(x: QuizRecord, y: QuizRecord): QuizRecord {
  const newer = (x.last?.at ?? 0) >= (y.last?.at ?? 0) ? x : y;
  const better = x.best > y.best || (x.best === y.best && x.bestAt <= y.bestAt) ? x : y;
  return { attempts: Math.max(x.attempts, y.attempts), best: better.best, bestAt: better.bestAt, last: newer.last };
}

/** The newer of two timestamped items (`x` on a tie); either may be missing. */
function newer<T extends { updatedAt: number }>(x: T | undefined, y: T | undefined): T | undefined {
  return !x ? y : !y ? x : x.updatedAt >= y.updatedAt ? x : y;
}

function mergeProfile(a: Profile, b: Profile): Profile {
  const out: Profile = {};
  const name = newer(a.name, b.name);
  const reminders = newer(a.reminders, b.reminders);
  if (name) out.name = name;
  if (reminders) out.reminders = reminders;
  return out;
}

/**
 * Combines two documents of the same course item by item: the newer reflection, review, name,
 * reminder list and last attempt win, the best score and attempt count never go down, visits span
 * both. Order-independent except for exact time ties, where `a` wins.
 */
export function mergeProgress(a: Progress, b: Progress): Progress {
  return {
    v: PROGRESS_VERSION,
    courseId: a.courseId,
    createdAt: Math.min(a.createdAt, b.createdAt),
    updatedAt: Math.max(a.updatedAt, b.updatedAt),
    last: !a.last ? b.last : !b.last ? a.last : a.last.at >= b.last.at ? a.last : b.last,
    lessons: mergeBy(a.lessons, b.lessons, (x, y) => ({
      firstAt: Math.min(x.firstAt, y.firstAt),
      lastAt: Math.max(x.lastAt, y.lastAt),
    })),
    quizzes: mergeBy(a.quizzes, b.quizzes, mergeQuiz),
    reflections: mergeBy(a.reflections, b.reflections, (x, y) => newer(x, y)!),
    reviews: mergeBy(a.reviews, b.reviews, (x, y) => newer(x, y)!),
    profile: mergeProfile(a.profile, b.profile),
  };
}

/** Records that a lesson was opened. */
export function withVisit(p: Progress, slug: string, now: number): Progress {
  const prev = p.lessons[slug];
  return {
    ...p,
    updatedAt: now,
    last: { slug, at: now },
    lessons: { ...p.lessons, [slug]: { firstAt: prev?.firstAt ?? now, lastAt: now } },
  };
}

/** Records a quiz attempt with its score (0-1). */
export function withAttempt(p: Progress, slug: string, answers: Record<string, string[]>, score: number, now: number): Progress {
  const prev = p.quizzes[slug];
  const better = !prev || score > prev.best;
  return {
    ...p,
    updatedAt: now,
    quizzes: {
      ...p.quizzes,
      [slug]: {
        attempts: (prev?.attempts ?? 0) + 1,
        best: better ? score : prev.best,
        bestAt: better ? now : prev.bestAt,
        last: { at: now, score, answers },
      },
    },
  };
}

/** Stores a reflection's text. */
export function withReflection(p: Progress, id: string, text: string, now: number): Progress {
  return { ...p, updatedAt: now, reflections: { ...p.reflections, [id]: { text, updatedAt: now } } };
}

/**
 * Stores the name shown on the certificate, trimmed. An empty name is stored too (not deleted), so
 * that merging with an older copy elsewhere cannot bring the old name back.
 */
export function withName(p: Progress, name: string, now: number): Progress {
  return { ...p, updatedAt: now, profile: { ...p.profile, name: { text: name.trim().slice(0, NAME_MAX), updatedAt: now } } };
}

/** Stores the reminder list as a whole; people without a name or note are left out. */
export function withReminders(p: Progress, people: readonly Reminder[], now: number): Progress {
  const kept = people
    .map((r) => ({ id: r.id, who: r.who.trim().slice(0, REMINDER_WHO_MAX), every: r.every }))
    .filter((r) => r.who)
    .slice(0, REMINDERS_MAX);
  return { ...p, updatedAt: now, profile: { ...p.profile, reminders: { people: kept, updatedAt: now } } };
}

/**
 * Brings a document read from elsewhere (another tab, storage written meanwhile) into the local
 * one. A document created after the local one was last changed is a reset done elsewhere: it
 * replaces the local state instead of being merged (merging would resurrect what was reset).
 */
export function reconcile(local: Progress, incoming: Progress): Progress {
  return incoming.createdAt > local.updatedAt ? incoming : mergeProgress(local, incoming);
}
