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
 * cmi.interactions: "the SCO may append"; SCORM 2004 RTE 4.2.9, journaling vs. state). What was
 * already sent is known by attempt: a record belongs to a group ("quiz:goals") and an attempt
 * number, and groups keep their attempt counts in suspend_data.
 */
import type { LessonRequirement } from './completion';
import type { Progress } from './progress';
import type { CompletionRules, Question } from './schema';
import type { ScormVersion } from './scorm';
import { duration2004, timespan12 } from './scorm';

export const LMS_CATALOG_FILE = 'lms-catalog.json';
export const LMS_CATALOG_VERSION = 1;

/** One question as the LMS needs it: its id, kind and answer key (no text). */
export interface CatalogItem extends Pick<Question, 'id' | 'type'> {
  /** Every option id, in authored order. */
  options: string[];
  /** The ids of the correct options. */
  correct: string[];
}

/** A lesson in the catalog: what completion needs (slug, required reflections) and its questions. */
export interface CatalogLesson extends LessonRequirement {
  /** The lesson quiz, the lesson's pre-check and final-check items. */
  quiz: CatalogItem[];
  pre: CatalogItem[];
  final: CatalogItem[];
}

/**
 * `lms-catalog.json`:
 * { "v": 1, "courseId": "networking-ja", "rules": { "passMark": 0.8, "requireReflections": true },
 *   "lessons": [ { "slug": "goals", "required": ["l02-r1"],
 *                  "quiz": [ { "id": "l02-q1", "type": "single", "options": ["a","b","c","d"], "correct": ["d"] } ],
 *                  "pre": [ … ], "final": [ … ] } ] }
 */
export interface LmsCatalog {
  v: typeof LMS_CATALOG_VERSION;
  courseId: string;
  rules: CompletionRules;
  lessons: CatalogLesson[];
}

const isObj = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const isIds = (x: unknown): x is string[] => Array.isArray(x) && x.every((s) => typeof s === 'string' && /^[\w-]{1,64}$/.test(s));
const isItem = (x: unknown): x is CatalogItem =>
  isObj(x) && typeof x.id === 'string' && /^[\w-]{1,64}$/.test(x.id) && ['single', 'multiple', 'truefalse'].includes(x.type as string) && isIds(x.options) && isIds(x.correct);

/** Checks a fetched catalog; null unless it is a well-formed catalog of this course. Never throws. */
export function parseLmsCatalog(x: unknown, courseId: string): LmsCatalog | null {
  if (!isObj(x) || x.v !== LMS_CATALOG_VERSION || x.courseId !== courseId || !isObj(x.rules) || !Array.isArray(x.lessons)) return null;
  const { passMark, requireReflections } = x.rules;
  if (typeof passMark !== 'number' || !(passMark >= 0 && passMark <= 1) || typeof requireReflections !== 'boolean') return null;
  const ok = x.lessons.every(
    (l) =>
      isObj(l) && typeof l.slug === 'string' && isIds(l.required) &&
      (['quiz', 'pre', 'final'] as const).every((k) => Array.isArray(l[k]) && (l[k] as unknown[]).every(isItem)),
  );
  return ok ? (x as unknown as LmsCatalog) : null;
}

// ---------------------------------------------------------------------------------------------
// Interaction records
// ---------------------------------------------------------------------------------------------

/** A learner's answer and its key, by interaction type. */
export type Answer =
  | { type: 'choice'; response: string[]; correct: string[]; options: string[] }
  | { type: 'true-false'; response: boolean | null; correct: boolean };

/** One answer to one question (or activity step) in one attempt. */
export interface InteractionRecord {
  /** What it belongs to, e.g. "quiz:goals"; with `attempt` it says whether the LMS has it already. */
  group: string;
  /** Which attempt of the group (1 = the first). */
  attempt: number;
  /** The question's stable id ("l04-q2"): cmi.interactions.n.id. */
  id: string;
  /** The objective (lesson slug) it measures: cmi.interactions.n.objectives.0.id. */
  objective: string;
  answer: Answer;
  result: 'correct' | 'incorrect';
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
  return { type: 'choice', response: item.type === 'multiple' ? picked : picked.slice(0, 1), correct: item.correct, options: item.options };
}

/**
 * The interaction records the progress document holds: the last attempt of each lesson quiz (the
 * document keeps the answers of the last attempt only). `previous` is the state before this one
 * (null at launch): a retry's records become available when the previous attempt was scored.
 * Pre-check and final-check answers and practice activities are not in the progress document
 * yet; their catalog entries are ready for it.
 */
export function interactionRecords(p: Progress, catalog: LmsCatalog, previous: Progress | null = null): InteractionRecord[] {
  const out: InteractionRecord[] = [];
  for (const lesson of catalog.lessons) {
    const q = p.quizzes[lesson.slug];
    if (!q?.last || q.attempts < 1) continue;
    const { at, answers } = q.last;
    const opened = p.lessons[lesson.slug]?.lastAt;
    const before = previous?.quizzes[lesson.slug]?.last?.at;
    const starts = [opened, before].filter((t): t is number => t !== undefined && t <= at);
    const since = starts.length ? Math.max(...starts) : null;
    for (const item of lesson.quiz) {
      const answer = answerOf(item, answers[item.id] ?? []);
      const right = answer.type === 'true-false' ? answer.response === answer.correct : sameSet(answer.response, answer.correct);
      out.push({ group: `quiz:${lesson.slug}`, attempt: q.attempts, id: item.id, objective: lesson.slug, answer, result: right ? 'correct' : 'incorrect', at, since });
    }
  }
  return out;
}

/** Attempts per group in a progress document (what the LMS already has when it is the state loaded at launch). */
export function attemptCounts(p: Progress): Record<string, number> {
  return Object.fromEntries(Object.entries(p.quizzes).map(([slug, q]) => [`quiz:${slug}`, q.attempts]));
}

/** The records not sent yet, given the attempts per group the LMS has; in a stable order (group, attempt, then as listed). */
export function newRecords(records: readonly InteractionRecord[], sent: Readonly<Record<string, number>>): InteractionRecord[] {
  return records.filter((r) => r.attempt > (sent[r.group] ?? 0));
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

/** SCORM 1.2 choice responses are single characters 0-9 a-z: an option id that is not one gets the letter of its position. */
function char12(id: string, options: readonly string[]): string {
  if (/^[0-9a-z]$/.test(id)) return id;
  const i = options.indexOf(id);
  return '0123456789abcdefghijklmnopqrstuvwxyz'[i >= 0 ? i + 10 : 35];
}
/** SCORM 2004 short_identifier_type as Moodle checks it ([\w.]{1,250}). */
const short2004 = (id: string) => id.replace(/[^\w.]/g, '_').slice(0, 250) || '_';

function responses(version: ScormVersion, a: Answer): { response: string | null; correct: string } {
  if (a.type === 'true-false') {
    const word = (b: boolean) => (version === '1.2' ? (b ? 't' : 'f') : b ? 'true' : 'false');
    return { response: a.response === null ? null : word(a.response), correct: word(a.correct) };
  }
  const join = (ids: readonly string[]) => (version === '1.2' ? ids.map((id) => char12(id, a.options)).join(',') : ids.map(short2004).join('[,]'));
  return { response: a.response.length ? join(a.response) : null, correct: join(a.correct) };
}

/**
 * The elements of interaction record `r` at index n, in the order the specifications require
 * (id first, type before the responses). SCORM 1.2: id, objective, time (clock time it became
 * available), type, correct pattern, student_response, result correct/wrong, latency. SCORM 2004:
 * id, type, objective, timestamp, correct pattern, learner_response, result correct/incorrect,
 * latency. No description: Moodle's 2004 runtime re-posts every interaction element on every
 * commit (interactions have no default value in scorm_13.js), so text would travel with each.
 */
export function interactionValues(version: ScormVersion, n: number, r: InteractionRecord, offsetMin: number): [string, string][] {
  const at = `cmi.interactions.${n}`;
  const { response, correct } = responses(version, r.answer);
  const start = r.since ?? r.at;
  const latency = r.since === null ? null : r.at - r.since;
  const out: [string, string][] = [[`${at}.id`, r.id]];
  if (version === '1.2') {
    out.push([`${at}.objectives.0.id`, r.objective], [`${at}.time`, clock12(start, offsetMin)], [`${at}.type`, r.answer.type]);
    out.push([`${at}.correct_responses.0.pattern`, correct]);
    if (response !== null) out.push([`${at}.student_response`, response]);
    out.push([`${at}.result`, r.result === 'correct' ? 'correct' : 'wrong']);
    if (latency !== null) out.push([`${at}.latency`, timespan12(latency)]);
  } else {
    out.push([`${at}.type`, r.answer.type], [`${at}.objectives.0.id`, r.objective], [`${at}.timestamp`, timestamp2004(start)]);
    out.push([`${at}.correct_responses.0.pattern`, correct]);
    if (response !== null) out.push([`${at}.learner_response`, response]);
    out.push([`${at}.result`, r.result]);
    if (latency !== null) out.push([`${at}.latency`, duration2004(latency)]);
  }
  return out;
}
