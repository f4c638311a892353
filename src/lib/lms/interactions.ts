/**
 * Per-question data for the LMS (pure): the catalog of questions the SCORM launcher fetches
 * (`lms-catalog.json`, built by src/pages/lms-catalog.json.ts — pages never load it), the
 * interaction records derived from the progress document, and their CMI elements in SCORM 1.2
 * and 2004 4th edition.
 *
 * Records are journaled, as both specifications allow and SCORM 1.2 requires (its interactions
 * are write-only): every answer of every attempt becomes a new cmi.interactions.n with the
 * question's stable id ("l04-q2"); a retry adds new records with the same id instead of changing
 * the old ones, so an LMS report shows first tries and retries (SCORM 1.2 RTE 3.4.4,
 * cmi.interactions: the SCO decides whether to overwrite or append; SCORM 2004 RTE 4.2.9,
 * journaling vs. state). What was already sent is known by attempt: a record belongs to a group
 * ("quiz:goals", "check:pre", "activity:l03-a1") and an attempt key (the quiz's attempt number,
 * the finished activity's answer), and the progress document in suspend_data holds the keys the
 * LMS has.
 *
 * What becomes an interaction: each question of a lesson quiz attempt and of a submitted
 * pre-check / final check; a checked sorting or matching activity (SCORM 2004: one "matching"
 * record with every item's placement; SCORM 1.2, which has room per commit but no readable
 * interactions: one choice record per item or pair); the ending a conversation reached (a choice
 * among its endings, the best ending being correct); a composed message (no response: the
 * learner's own text stays in suspend_data, result neutral).
 *
 * SCORM 2004 keeps at most two records per question or activity — its first answer and its latest
 * (rewritten in place on every later attempt) — with only what reports use (id, type, response,
 * result): Moodle's SCORM 2004 player re-sends every interaction element in its exit request,
 * which must stay within a beacon's 64 KiB (exit-request.ts). SCORM 1.2 journals every attempt.
 */
import type { LessonRequirement } from '../course/completion';
import type { ActivityRecord } from '../activities/record';
import type { Progress } from '../progress/document';
import type { AssessmentRules, CompletionRules, Question } from '../course/schema';
import { readAssessment } from '../course/assessment';
import type { ScormVersion } from './scorm';
import { timespan12 } from './scorm';

export const LMS_CATALOG_FILE = 'lms-catalog.json';
export const LMS_CATALOG_VERSION = 1;

/** One question as the LMS needs it: its id, kind and answer key (no text). */
export interface CatalogItem extends Pick<Question, 'id' | 'type'> {
  /** Every option id, in authored order. */
  options: string[];
  /** The ids of the correct options. */
  correct: string[];
}

/** A practice activity as the LMS needs it: its id, kind and answer key (no text). */
export type CatalogActivity =
  | { id: string; kind: 'sorting'; categories: string[]; items: { id: string; category: string }[] }
  | { id: string; kind: 'matching'; answers: string[]; pairs: { id: string; answer: string }[] }
  /** `next` per choice; `rank` on an ending (1 = the best), null elsewhere. */
  | { id: string; kind: 'conversation'; start: string; nodes: { id: string; next: string[]; rank: number | null }[] }
  | { id: string; kind: 'message' };

/**
 * A lesson in the catalog: what completion needs (slug, required reflections, `activities`: the
 * ids of the required activities), its questions and the answer keys of its activities (`practice`).
 */
interface CatalogLesson extends LessonRequirement {
  /** The lesson quiz, the lesson's pre-check and final-check items. */
  quiz: CatalogItem[];
  pre: CatalogItem[];
  final: CatalogItem[];
  practice: CatalogActivity[];
}

/**
 * `lms-catalog.json`:
 * { "v": 1, "courseId": "networking-ja", "rules": { "passMark": 0.8, "requireReflections": true },
 *   "assessment": { "finalCheck": "taken", "finalPassMark": null, "score": "final" },
 *   "lessons": [ { "slug": "goals", "required": ["l02-r1"], "activities": ["l02-a1"],
 *                  "quiz": [ { "id": "l02-q1", "type": "single", "options": ["a","b","c","d"], "correct": ["d"] } ],
 *                  "pre": [ … ], "final": [ … ],
 *                  "practice": [ { "id": "l02-a1", "kind": "matching", "answers": ["a1", …], "pairs": [ { "id": "p1", "answer": "a1" } ] } ] } ] }
 */
export interface LmsCatalog {
  v: typeof LMS_CATALOG_VERSION;
  courseId: string;
  rules: CompletionRules;
  /** What completion needs of the final check and which score the LMS receives (course.yaml assessment). */
  assessment: AssessmentRules;
  lessons: CatalogLesson[];
}

const isObj = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const isIds = (x: unknown): x is string[] => Array.isArray(x) && x.every((s) => typeof s === 'string' && /^[\w-]{1,64}$/.test(s));
const isItem = (x: unknown): x is CatalogItem =>
  isObj(x) &&
  typeof x.id === 'string' &&
  /^[\w-]{1,64}$/.test(x.id) &&
  ['single', 'multiple', 'truefalse'].includes(x.type as string) &&
  isIds(x.options) &&
  isIds(x.correct);

const isId = (x: unknown): x is string => typeof x === 'string' && /^[\w-]{1,64}$/.test(x);
const isPairs = (x: unknown, a: string, b: string) => Array.isArray(x) && x.every((p) => isObj(p) && isId(p[a]) && isId(p[b]));
function isActivity(x: unknown): x is CatalogActivity {
  if (!isObj(x) || !isId(x.id)) return false;
  switch (x.kind) {
    case 'sorting':
      return isIds(x.categories) && isPairs(x.items, 'id', 'category');
    case 'matching':
      return isIds(x.answers) && isPairs(x.pairs, 'id', 'answer');
    case 'conversation':
      return (
        isId(x.start) &&
        Array.isArray(x.nodes) &&
        x.nodes.every((n) => isObj(n) && isId(n.id) && isIds(n.next) && (n.rank === null || Number.isInteger(n.rank)))
      );
    case 'message':
      return true;
    default:
      return false;
  }
}

/** Checks a fetched catalog; null unless it is a well-formed catalog of this course. Never throws. */
export function parseLmsCatalog(x: unknown, courseId: string): LmsCatalog | null {
  if (!isObj(x) || x.v !== LMS_CATALOG_VERSION || x.courseId !== courseId || !isObj(x.rules) || !Array.isArray(x.lessons)) return null;
  const { passMark, requireReflections } = x.rules;
  if (typeof passMark !== 'number' || !(passMark >= 0 && passMark <= 1) || typeof requireReflections !== 'boolean') return null;
  if (!readAssessment(x.assessment)) return null;
  const ok = x.lessons.every(
    (l) =>
      isObj(l) &&
      typeof l.slug === 'string' &&
      isIds(l.required) &&
      (['quiz', 'pre', 'final'] as const).every((k) => Array.isArray(l[k]) && (l[k] as unknown[]).every(isItem)) &&
      (l.activities === undefined || isIds(l.activities)) &&
      Array.isArray(l.practice) &&
      l.practice.every(isActivity),
  );
  return ok ? (x as unknown as LmsCatalog) : null;
}

// ---------------------------------------------------------------------------------------------
// Interaction records
// ---------------------------------------------------------------------------------------------

/** A learner's answer and its key, by interaction type. */
export type Answer =
  /** `correct`: the acceptable responses, each a set of option ids (a quiz question has one). */
  | { type: 'choice'; response: string[]; correct: string[][]; options: string[] }
  /** Items placed (sorting: item → category; matching: pair → answer), each with its right target. */
  | { type: 'matching'; response: [string, string][]; correct: [string, string][] }
  | { type: 'true-false'; response: boolean | null; correct: boolean }
  /** Work with no right answer (a composed message): no response is sent. */
  | { type: 'other' };

/** One answer to one question (or activity item) in one attempt. */
export interface InteractionRecord {
  /** What it belongs to: "quiz:goals", "check:pre", "activity:l03-a1". */
  group: string;
  /** Which attempt of the group: the quiz's or check's attempt number, the finished activity's answer. */
  attempt: string;
  /** Stable id: the question's ("l04-q2"), an activity item's ("l03-a1-notes"), an activity's ("l04-a1"). */
  id: string;
  /** The objective (lesson slug) it measures: cmi.interactions.n.objectives.0.id. */
  objective: string;
  answer: Answer;
  result: 'correct' | 'incorrect' | 'neutral';
  /** When it was answered (ms). */
  at: number;
  /** When it became available to the learner (ms): the lesson opened, or the previous attempt was scored. Null when unknown. */
  since: number | null;
}

const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x) => b.includes(x));

/** The answer of one catalog item from the option ids the learner chose. */
function answerOf(item: CatalogItem, chosen: readonly string[]): Answer {
  if (item.type === 'truefalse') return { type: 'true-false', response: chosen.length ? chosen[0] === 'true' : null, correct: item.correct[0] === 'true' };
  const picked = item.options.filter((o) => chosen.includes(o));
  return { type: 'choice', response: item.type === 'multiple' ? picked : picked.slice(0, 1), correct: [item.correct], options: item.options };
}

function resultOf(a: Answer): InteractionRecord['result'] {
  if (a.type === 'other') return 'neutral';
  if (a.type === 'matching') return a.correct.every(([k, v]) => a.response.some(([rk, rv]) => rk === k && rv === v)) ? 'correct' : 'incorrect';
  if (a.type === 'true-false') return a.response === a.correct ? 'correct' : 'incorrect';
  return a.correct.some((c) => sameSet(a.response, c)) ? 'correct' : 'incorrect';
}

/** The latest of the given times that is not after `at` (when an interaction became available). */
function startOf(at: number, ...times: (number | null | undefined)[]): number | null {
  const ok = times.filter((t): t is number => typeof t === 'number' && t <= at);
  return ok.length ? Math.max(...ok) : null;
}

/** The attempt key of a finished activity: its answer, so checking the same answer again sends nothing new. */
function activityKey(r: ActivityRecord): string | null {
  if (!r.done) return null;
  const s = r.state;
  if ('path' in s) return s.path.join('.');
  if ('placed' in s)
    return s.checked
      ? Object.entries(s.placed)
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([k, v]) => `${k}=${v}`)
          .join(',')
      : null;
  return 'done';
}

/** The records of one finished activity (`perItem`: a sorting or matching activity as one record per item, else one for all). */
function activityRecords(a: CatalogActivity, r: ActivityRecord, key: string, lesson: string, since: number | null, perItem: boolean): InteractionRecord[] {
  const base = { group: `activity:${a.id}`, attempt: key, objective: lesson, at: r.updatedAt, since };
  const one = (id: string, answer: Answer): InteractionRecord => ({ ...base, id, answer, result: resultOf(answer) });
  const s = r.state;
  if (!perItem && (a.kind === 'sorting' || a.kind === 'matching') && 'placed' in s) {
    const right: [string, string][] = a.kind === 'sorting' ? a.items.map((i) => [i.id, i.category]) : a.pairs.map((p) => [p.id, p.answer]);
    return [one(a.id, { type: 'matching', response: right.map(([k]) => [k, s.placed[k] ?? ''] as [string, string]).filter(([, v]) => v), correct: right })];
  }
  if (a.kind === 'sorting' && 'placed' in s)
    return a.items.map((i) =>
      one(`${a.id}-${i.id}`, { type: 'choice', response: s.placed[i.id] ? [s.placed[i.id]] : [], correct: [[i.category]], options: a.categories }),
    );
  if (a.kind === 'matching' && 'placed' in s)
    return a.pairs.map((p) =>
      one(`${a.id}-${p.id}`, { type: 'choice', response: s.placed[p.id] ? [s.placed[p.id]] : [], correct: [[p.answer]], options: a.answers }),
    );
  if (a.kind === 'conversation' && 'path' in s) {
    const byId = new Map(a.nodes.map((n) => [n.id, n]));
    let node = byId.get(a.start);
    for (const choice of s.path) node = node && byId.get(node.next[choice]);
    const endings = a.nodes.filter((n) => n.rank !== null);
    if (!node || node.rank === null) return [];
    return [
      one(a.id, { type: 'choice', response: [node.id], correct: endings.filter((n) => n.rank === 1).map((n) => [n.id]), options: endings.map((n) => n.id) }),
    ];
  }
  if (a.kind === 'message') return [one(a.id, { type: 'other' })];
  return [];
}

/**
 * The interaction records the progress document holds: the last attempt of each lesson quiz and
 * of each check (the document keeps the answers of the last attempt only) and each finished
 * activity (`perItem`: sorting and matching items one record each, as SCORM 1.2 sends them).
 * `previous` is the state before this one (null at launch): a retry becomes available when the
 * previous attempt was scored. Quiz questions and activities became available when their lesson
 * page opened; for the checks that time is unknown (no latency).
 */
export function interactionRecords(p: Progress, catalog: LmsCatalog, previous: Progress | null = null, perItem = true): InteractionRecord[] {
  const out: InteractionRecord[] = [];
  for (const lesson of catalog.lessons) {
    const opened = p.lessons[lesson.slug]?.lastAt;
    const q = p.quizzes[lesson.slug];
    if (q?.last && q.attempts >= 1) {
      const { at, answers } = q.last;
      const since = startOf(at, opened, previous?.quizzes[lesson.slug]?.last?.at);
      for (const item of lesson.quiz) {
        const answer = answerOf(item, answers[item.id] ?? []);
        out.push({
          group: `quiz:${lesson.slug}`,
          attempt: String(q.attempts),
          id: item.id,
          objective: lesson.slug,
          answer,
          result: resultOf(answer),
          at,
          since,
        });
      }
    }
    for (const a of lesson.practice) {
      const r = p.activities[a.id];
      const key = r && r.kind === a.kind ? activityKey(r) : null;
      if (r && key !== null) out.push(...activityRecords(a, r, key, lesson.slug, startOf(r.updatedAt, opened), perItem));
    }
  }
  for (const set of ['pre', 'final'] as const) {
    const c = p.checks[set];
    if (!c || c.at === null || c.skipped || c.attempts < 1) continue;
    const at = c.at;
    const since = startOf(at, previous?.checks[set]?.at === at ? null : previous?.checks[set]?.at);
    for (const lesson of catalog.lessons)
      for (const item of lesson[set]) {
        const answer = answerOf(item, c.answers[item.id] ?? []);
        out.push({ group: `check:${set}`, attempt: String(c.attempts), id: item.id, objective: lesson.slug, answer, result: resultOf(answer), at, since });
      }
  }
  return out;
}

/** The id of every record the course can send (`perItem`: sorting and matching items one each, as in SCORM 1.2). */
export function recordIds(catalog: LmsCatalog, perItem: boolean): string[] {
  return catalog.lessons.flatMap((l) => [
    ...[...l.quiz, ...l.pre, ...l.final].map((q) => q.id),
    ...l.practice.flatMap((a) =>
      perItem && a.kind === 'sorting'
        ? a.items.map((i) => `${a.id}-${i.id}`)
        : perItem && a.kind === 'matching'
          ? a.pairs.map((p) => `${a.id}-${p.id}`)
          : [a.id],
    ),
  ]);
}

/** The attempt key of each group in a progress document (what the LMS already has when it is the state it returned at launch). */
export function attemptKeys(p: Progress): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [slug, q] of Object.entries(p.quizzes)) if (q.attempts > 0) out[`quiz:${slug}`] = String(q.attempts);
  for (const set of ['pre', 'final'] as const) {
    const c = p.checks[set];
    if (c && c.at !== null && !c.skipped && c.attempts > 0) out[`check:${set}`] = String(c.attempts);
  }
  for (const [id, r] of Object.entries(p.activities)) {
    const key = activityKey(r);
    if (key !== null) out[`activity:${id}`] = key;
  }
  return out;
}

/** The records not sent yet, given the attempt key of each group the LMS has. */
export function newRecords(records: readonly InteractionRecord[], sent: Readonly<Record<string, string>>): InteractionRecord[] {
  return records.filter((r) => r.attempt !== sent[r.group]);
}

// ---------------------------------------------------------------------------------------------
// CMI elements
// ---------------------------------------------------------------------------------------------

/** SCORM 1.2 CMITime: the learner's clock time "HH:MM:SS" (offset: minutes east of UTC, JST = 540). */
export function clock12(ms: number, offsetMin: number): string {
  const d = new Date(ms + offsetMin * 60_000);
  return [d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds()].map((x) => String(x).padStart(2, '0')).join(':');
}

/**
 * SCORM 2004 time(second,10,0) in UTC, e.g. "2026-12-01T01:02:03.45Z": at most two decimals, and a
 * time zone designator only with the fraction (RTE appendix A; SCORM Cloud rejects "…:03Z").
 */
export function timestamp2004(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 22)}Z`;
}

/**
 * SCORM 1.2 choice responses are single characters 0-9 a-z. Option ids that all are such (a-f)
 * stay as they are; otherwise every option gets the letter of its position (a, b, c, …), so two
 * options can never share a character.
 */
function char12(id: string, options: readonly string[]): string {
  if (options.every((o) => /^[0-9a-z]$/.test(o))) return id;
  const i = options.indexOf(id);
  return 'abcdefghijklmnopqrstuvwxyz0123456789'[i >= 0 ? i : 35];
}
/** SCORM 2004 short_identifier_type as Moodle checks it ([\w.]{1,250}). */
const short2004 = (id: string) => id.replace(/[^\w.]/g, '_').slice(0, 250) || '_';

function responses(version: ScormVersion, a: Answer): { response: string | null; correct: string[] } {
  if (a.type === 'other') return { response: null, correct: [] };
  if (a.type === 'matching') {
    const join = (pairs: readonly [string, string][]) => pairs.map(([k, v]) => `${short2004(k)}[.]${short2004(v)}`).join('[,]');
    return { response: a.response.length ? join(a.response) : null, correct: [join(a.correct)] };
  }
  if (a.type === 'true-false') {
    const word = (b: boolean) => (version === '1.2' ? (b ? 't' : 'f') : b ? 'true' : 'false');
    return { response: a.response === null ? null : word(a.response), correct: [word(a.correct)] };
  }
  const join = (ids: readonly string[]) => (version === '1.2' ? ids.map((id) => char12(id, a.options)).join(',') : ids.map(short2004).join('[,]'));
  return { response: a.response.length ? join(a.response) : null, correct: a.correct.map(join) };
}

/** The interaction type: SCORM 1.2 has no "other"; its nearest is "performance". */
const typeOf = (version: ScormVersion, a: Answer) => (a.type === 'other' && version === '1.2' ? 'performance' : a.type);

/**
 * The elements of interaction record `r` at index n, in the order the specifications require
 * (id first, type before the responses). SCORM 1.2: id, objective, time (clock time it became
 * available), type, correct patterns, student_response, result correct/wrong/neutral, latency.
 * SCORM 2004: id, type, learner_response and result correct/incorrect/neutral only — what LMS
 * reports show per question: Moodle's 2004 runtime re-posts every interaction element on every
 * commit and in its exit request (interactions have no default value in scorm_13.js), so every
 * element costs there (exit-request.ts); the objective, time, latency and key are in the course.
 */
export function interactionValues(version: ScormVersion, n: number, r: InteractionRecord, offsetMin: number): [string, string][] {
  const at = `cmi.interactions.${n}`;
  const { response, correct } = responses(version, r.answer);
  const start = r.since ?? r.at;
  const latency = r.since === null ? null : r.at - r.since;
  const out: [string, string][] = [[`${at}.id`, r.id]];
  const patterns = correct.map((c, i): [string, string] => [`${at}.correct_responses.${i}.pattern`, c]);
  if (version === '1.2') {
    out.push([`${at}.objectives.0.id`, r.objective], [`${at}.time`, clock12(start, offsetMin)], [`${at}.type`, typeOf(version, r.answer)], ...patterns);
    if (response !== null) out.push([`${at}.student_response`, response]);
    out.push([`${at}.result`, r.result === 'incorrect' ? 'wrong' : r.result]);
    if (latency !== null) out.push([`${at}.latency`, timespan12(latency)]);
  } else {
    out.push([`${at}.type`, typeOf(version, r.answer)]);
    if (response !== null) out.push([`${at}.learner_response`, response]);
    out.push([`${at}.result`, r.result]);
  }
  return out;
}
