/**
 * The assessment lint: finds the "tells" that let a learner answer a question without having
 * learnt the lesson (the key is always in one position, is always the longest option, absolute
 * words appear only in wrong options, every multiple-response item has the same number of keys …),
 * plus duplicate options, stems and feedback not in です・ます, and objectives nothing measures.
 * A question that can be answered from its wording alone measures nothing, so these are bugs.
 *
 * Pure: the CLI (scripts/authoring/lint-content.ts) reads the lessons and content/assessment-lint.yaml,
 * `lintCourse` computes the statistics and the violations, `formatReport` renders the table.
 * Older content without `objective` or `checks` is accepted (and reported by objective-coverage).
 */
import type { Option, Question } from '../../src/lib/course/schema';

/** The rules, in the order the table shows them. A rule's id is also its key in the config file. */
const RULES = ['key-position', 'key-longest', 'tell-words', 'multiple-response', 'duplicate-options', 'stem-style', 'objective-coverage'] as const;
export type RuleId = (typeof RULES)[number];

/** Where an item is used: the lesson quiz, the course's 事前チェック (pre) or 修了テスト (final). */
const SETS = ['quiz', 'pre', 'final'] as const;
type QuestionSet = (typeof SETS)[number];
/** A statistic over all items and per set. */
type BySet<T> = Record<'all' | QuestionSet, T>;

/** A question as the lint reads it: the schema's shape, `objective` may be missing. */
export type LintQuestion = Pick<Question, 'id' | 'type' | 'prompt'> & {
  objective?: number;
  options: Pick<Option, 'id' | 'text' | 'correct' | 'feedback'>[];
};

/** A lesson as the lint reads it (frontmatter of content/lessons/NN-slug.mdx plus its file name). */
export interface LintLesson {
  /** Path shown in violations, e.g. "content/lessons/03-participate.mdx". */
  file: string;
  slug: string;
  order: number;
  objectives: string[];
  quiz: { questions: LintQuestion[] };
  /** Missing in older content; either list may be missing too. */
  checks?: { pre?: LintQuestion[]; final?: LintQuestion[] };
}

/** One broken rule. `questionId` is absent for lesson-level and course-wide findings. */
export interface Violation {
  rule: RuleId;
  /** The lesson file; for course-wide findings the folder of the lessons. */
  file: string;
  questionId?: string;
  /** What is wrong and what to do, in English. */
  message: string;
}

/** Share window for one option count: every position's share of keys lies in [min, max]. */
interface PositionWindow {
  min: number;
  max: number;
  /** Fewer items than this are too few to judge (2 per position is the least that says anything). */
  minItems: number;
}

/** Thresholds of every rule; content/assessment-lint.yaml overrides any part of DEFAULT_CONFIG. */
export interface LintConfig {
  'key-position': {
    enabled: boolean;
    /** Single-choice items, keyed by their number of options ("4"). */
    options: Record<string, PositionWindow>;
    /** Share of true/false items whose key is "true". */
    trueFalse: PositionWindow;
  };
  'key-longest': {
    enabled: boolean;
    /** Highest share of single-choice items whose key is the strictly longest option. */
    maxShare: number;
    /** Items needed before the share is judged. */
    minItems: number;
    /** A key longer than this many times the longest distractor is named on its own. */
    maxRatio: number;
  };
  'tell-words': {
    enabled: boolean;
    /** A word in at least this many wrong options and in no key is a tell. */
    minWrong: number;
    /** Matched as substrings (after NFKC), so list the forms that occur (やめる, やめて). */
    words: string[];
    /** Phrases that contain a word but are no absolute (だけでなく = "not only"); they are not counted. */
    except: string[];
    /** Words that tend to mark the key (a question, one concrete step): a tell when in at least minKeys keys and in no wrong option. */
    keyWords: string[];
    minKeys: number;
  };
  'multiple-response': {
    enabled: boolean;
    /** Items needed before "all have the same key count / position" is judged. */
    minItems: number;
    /** Fewest correct options a multiple-response item may have. */
    minCorrect: number;
  };
  'duplicate-options': {
    enabled: boolean;
    /** Also compare the prompts of all items (a pre/final item must not repeat another item). */
    prompts: boolean;
  };
  'stem-style': {
    enabled: boolean;
    /** Also check every option's feedback, not only the stems. */
    feedback: boolean;
    /** Flag 「すべて正しい」「どれも違う」-style options. */
    allOrNothing: boolean;
    /** Extra sentence endings to accept, e.g. "もの". */
    allowEndings: string[];
  };
  'objective-coverage': {
    enabled: boolean;
    /** Once any lesson has pre/final items, every lesson needs both. */
    requireChecks: boolean;
  };
}

const round2 = (x: number) => Math.round(x * 100) / 100;
/** 1/n ± 0.10 and 2 items per position: 15-35 % from 8 items for the usual 4 options. */
const windowFor = (n: number): PositionWindow => ({ min: round2(Math.max(0, 1 / n - 0.1)), max: round2(1 / n + 0.1), minItems: 2 * n });

/** The defaults; a missing config file means exactly these. */
export const DEFAULT_CONFIG: LintConfig = {
  'key-position': {
    enabled: true,
    options: Object.fromEntries([2, 3, 4, 5, 6].map((n) => [String(n), windowFor(n)])),
    trueFalse: { min: 0.3, max: 0.7, minItems: 4 },
  },
  'key-longest': { enabled: true, maxShare: 0.35, minItems: 8, maxRatio: 1.5 },
  'tell-words': {
    enabled: true,
    minWrong: 3,
    words: [
      'だけ',
      'すべて',
      '全て',
      'すぐに',
      '毎日',
      '必ず',
      'いつも',
      '常に',
      '絶対',
      '一切',
      '決して',
      'やめる',
      '諦める',
      'あきらめる',
      'しかない',
      'とにかく',
      '全員',
      '二度と',
    ],
    except: ['だけでなく', 'だけではなく'],
    keyWords: ['尋ね', '一つ', '確かめ', '質問'],
    minKeys: 4,
  },
  'multiple-response': { enabled: true, minItems: 3, minCorrect: 2 },
  'duplicate-options': { enabled: true, prompts: true },
  'stem-style': { enabled: true, feedback: true, allOrNothing: true, allowEndings: [] },
  'objective-coverage': { enabled: true, requireChecks: true },
};

// ---------------------------------------------------------------------------------------------
// Configuration
// ---------------------------------------------------------------------------------------------

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const SHARE_KEYS = new Set(['min', 'max', 'maxShare']);

/**
 * Merges a parsed config file over the defaults. Every error names the setting: a misspelt key
 * would otherwise leave a rule silently at its default, which is what an author tuning it least expects.
 */
export function resolveConfig(raw: unknown): { config: LintConfig; errors: string[] } {
  const errors: string[] = [];
  const config = structuredClone(DEFAULT_CONFIG);
  if (raw === undefined || raw === null) return { config, errors };
  merge(config as unknown as Record<string, unknown>, raw, '', errors);
  const windows = {
    ...Object.fromEntries(Object.entries(config['key-position'].options).map(([n, w]) => [`options.${n}`, w])),
    trueFalse: config['key-position'].trueFalse,
  };
  for (const [key, w] of Object.entries(windows)) if (w.min > w.max) errors.push(`key-position.${key}: min (${w.min}) is greater than max (${w.max})`);
  return { config, errors };
}

function merge(target: Record<string, unknown>, raw: unknown, at: string, errors: string[]) {
  if (!isRecord(raw)) {
    errors.push(`${at || 'the file'}: expected a mapping of settings`);
    return;
  }
  for (const [key, value] of Object.entries(raw)) {
    const path = at ? `${at}.${key}` : key;
    // Windows exist for 2-6 options (the schema's range); say so rather than "unknown setting 7".
    if (at === 'key-position.options' && !/^[2-6]$/.test(key)) {
      errors.push(`${path}: option counts are 2 to 6`);
      continue;
    }
    if (!Object.hasOwn(target, key)) {
      errors.push(`${path}: unknown setting (known here: ${Object.keys(target).join(', ')})`);
      continue;
    }
    const def = target[key];
    // `tell-words: false` is the short way to switch a rule off.
    if (isRecord(def) && typeof def.enabled === 'boolean' && typeof value === 'boolean') def.enabled = value;
    else if (typeof def === 'boolean') {
      if (typeof value === 'boolean') target[key] = value;
      else errors.push(`${path}: expected true or false`);
    } else if (typeof def === 'number') {
      if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) errors.push(`${path}: expected a number ≥ 0`);
      else if (SHARE_KEYS.has(key) && value > 1) errors.push(`${path}: a share is between 0 and 1 (0.35 = 35 %)`);
      else target[key] = value;
    } else if (Array.isArray(def)) {
      if (Array.isArray(value) && value.every((w) => typeof w === 'string' && w.trim() !== '')) target[key] = value.map((w: string) => w.trim());
      else errors.push(`${path}: expected a list of words`);
    } else if (isRecord(def)) merge(def, value, path, errors);
  }
}

// ---------------------------------------------------------------------------------------------
// Text helpers
// ---------------------------------------------------------------------------------------------

const segmenter = new Intl.Segmenter('ja', { granularity: 'grapheme' });

/** Length as a reader sees it: user-perceived characters, so 👍🏽 or a combining mark count once. */
export function graphemes(text: string): number {
  let n = 0;
  for (const _ of segmenter.segment(text.trim())) n++;
  return n;
}

/** Text compared for duplicates: NFKC, no whitespace, no 「」。、 and similar punctuation. */
const normalizeText = (text: string) =>
  text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s「」『』。、,.・!?()（）"'“”‘’:;：；]/gu, '');

const OPEN_QUOTES = '「『';
const CLOSE_QUOTES = '」』';
const SENTENCE_END = /[。？?！!\n]/u;

/** Sentences of a text, split outside 「」 quotes; `masked` has every quotation replaced by 「」. */
function sentences(text: string): { text: string; masked: string }[] {
  const out: { text: string; masked: string }[] = [];
  let orig = '';
  let masked = '';
  let depth = 0;
  const flush = () => {
    if (orig.trim()) out.push({ text: orig.trim(), masked: masked.trim() });
    orig = masked = '';
  };
  for (const ch of text) {
    orig += ch;
    if (OPEN_QUOTES.includes(ch)) {
      if (depth === 0) masked += '「」';
      depth++;
    } else if (CLOSE_QUOTES.includes(ch)) depth = Math.max(0, depth - 1);
    else if (depth === 0) {
      masked += ch;
      if (SENTENCE_END.test(ch)) flush();
    }
  }
  flush();
  return out;
}

/** Polite endings, optionally followed by a question or sentence-final particle. */
const POLITE = /(です|ます|ました|でした|ません|でしょう|ましょう|ください|下さい)(か|ね|よ|よね|かね)?$/u;
/** A bare か is a question; after a plain verb, ない, の or だろう it is a plain-form one (〜するか, 〜のか). */
const PLAIN_QUESTION = /(だろう|[るたいの])か$/u;
/**
 * Plain form: だ・である・だろう, ない, past た, a verb's dictionary form (u-row kana) or an
 * い-adjective, possibly with ね/よ. A sentence ending in a noun (体言止め) or katakana is let through:
 * guessing there would flag more good sentences than bad ones.
 */
const PLAIN = /(である|だ|だろう|ない|た|[うくぐすつぬぶむるい])(ね|よ|よね|な|ぞ|さ|わ)?$/u;

/**
 * The sentences of a stem or feedback that are not in です・ます (quoted speech 「…」 is ignored):
 * 「この考え方は適切である。」 is returned, 「この考え方は適切ですか。」 is not.
 */
export function plainSentences(text: string, allowEndings: readonly string[] = []): string[] {
  return sentences(text)
    .filter(({ masked }) => {
      // A trailing remark in parentheses (（複数選択）) or an ellipsis is not the sentence's ending.
      let s = masked.replace(/[。？?！!\s]+$/u, '');
      for (let prev = ''; prev !== s; ) {
        prev = s;
        s = s.replace(/[（(][^（()）]*[）)]$/u, '').replace(/[…‥・\s]+$/u, '');
      }
      if (!s || s.endsWith('「」')) return false;
      if (allowEndings.some((e) => s.endsWith(e))) return false;
      if (POLITE.test(s)) return false;
      if (s.endsWith('か')) return PLAIN_QUESTION.test(s);
      return PLAIN.test(s);
    })
    .map((s) => s.text);
}

/** 「すべて正しい」「どれも違う」「上記のすべて」「正しいものはない」: options that answer the format, not the question. */
const ALL_OR_NOTHING = [
  /^(上記|以上)の?(すべて|全て|全部|いずれ|どれ)/u,
  /(すべて|全て|全部|どれも|いずれも)(が|の選択肢が?)?(正しい|正解|当てはまる|あてはまる|適切|誤り|間違い|違う|ちがう|当てはまらない|不適切)/u,
  /(正しい|当てはまる|あてはまる|適切な)(もの|選択肢)は(ない|ありません|一つもない)/u,
  /^(該当なし|該当するものはない)$/u,
];
/** Whether an option is an all-or-nothing option such as 「すべて正しい」. */
export const isAllOrNothing = (text: string) => ALL_OR_NOTHING.some((re) => re.test(normalizeText(text)));

// ---------------------------------------------------------------------------------------------
// Statistics
// ---------------------------------------------------------------------------------------------

interface PositionStats {
  /** Number of options of these items. */
  options: number;
  items: number;
  /** Keys per position (index 0 = a). */
  counts: number[];
  shares: number[];
}
interface TrueFalseStats {
  items: number;
  trueKeys: number;
  trueShare: number;
}
interface KeyLongestStats {
  /** Single-choice items. */
  items: number;
  /** Items whose key is strictly longer than every distractor. */
  longest: number;
  /** Items whose key is strictly shorter than every distractor. */
  shortest: number;
  longestShare: number;
  shortestShare: number;
  /** Ids of items whose key exceeds maxRatio × the longest distractor. */
  overRatio: string[];
}
interface TellWordStats {
  word: string;
  /** Wrong options containing the word. */
  wrong: BySet<number>;
  /** Keys (correct options) containing the word. */
  keys: BySet<number>;
  /** Items with the word in a wrong option. */
  questionIds: string[];
}
interface MultipleResponseStats {
  items: number;
  /** How many items have 2, 3, … correct options (keys are counts as strings). */
  keyCounts: Record<string, number>;
  /** How many items have a correct option at each position (index 0 = a). */
  correctByPosition: number[];
}
interface DuplicateStats {
  questions: number;
  /** Pairs of options of one question that read the same. */
  duplicateOptions: number;
  /** Items whose prompt repeats an earlier item's prompt. */
  repeatedPrompts: number;
}
interface StemStyleStats {
  /** Stems and feedback texts checked. */
  texts: number;
  sentences: number;
  /** Sentences in plain form. */
  plain: number;
  /** 「すべて正しい」-style options. */
  allOrNothing: number;
}
interface ObjectiveStats {
  items: number;
  /** Items naming an existing objective. */
  named: number;
  missing: number;
  unknown: number;
}
interface LessonCoverage {
  lessons: number;
  objectives: number;
  /** Objectives no lesson-quiz question measures. */
  uncovered: number;
  withoutPre: number;
  withoutFinal: number;
  /** Pre/final items with no parallel item (same objective) in the other set. */
  unpaired: number;
}

/** Everything the table shows, plus the violations. */
export interface LintReport {
  lessons: number;
  questions: BySet<number>;
  rules: Record<RuleId, { enabled: boolean; violations: number }>;
  keyPosition: BySet<{ single: PositionStats[]; trueFalse: TrueFalseStats }>;
  keyLongest: BySet<KeyLongestStats>;
  tellWords: TellWordStats[];
  multipleResponse: BySet<MultipleResponseStats>;
  duplicateOptions: BySet<DuplicateStats>;
  stemStyle: BySet<StemStyleStats>;
  objectiveCoverage: { items: BySet<ObjectiveStats>; lessons: LessonCoverage };
  config: LintConfig;
  violations: Violation[];
}

/** One item with where it comes from. */
interface Item {
  lesson: LintLesson;
  set: QuestionSet;
  q: LintQuestion;
  /** Position in the course, for sorting violations. */
  seq: number;
}

const share = (n: number, of: number) => (of === 0 ? 0 : n / of);
const pct = (x: number) => `${Math.round(x * 100)}%`;
const letter = (i: number) => 'abcdefghij'[i] ?? String(i + 1);
const keyIndex = (q: LintQuestion) => q.options.findIndex((o) => o.correct);
const isSingle = (q: LintQuestion) => q.type === 'single';

function bySet<T>(items: readonly Item[], stat: (items: readonly Item[]) => T): BySet<T> {
  return {
    all: stat(items),
    quiz: stat(items.filter((i) => i.set === 'quiz')),
    pre: stat(items.filter((i) => i.set === 'pre')),
    final: stat(items.filter((i) => i.set === 'final')),
  };
}

function positionStats(items: readonly Item[]): { single: PositionStats[]; trueFalse: TrueFalseStats } {
  const byCount = new Map<number, number[]>();
  for (const { q } of items) {
    const k = keyIndex(q);
    if (!isSingle(q) || k < 0) continue;
    const counts = byCount.get(q.options.length) ?? new Array<number>(q.options.length).fill(0);
    counts[k]++;
    byCount.set(q.options.length, counts);
  }
  const single = [...byCount]
    .sort(([a], [b]) => a - b)
    .map(([options, counts]) => {
      const n = counts.reduce((a, b) => a + b, 0);
      return { options, items: n, counts, shares: counts.map((c) => share(c, n)) };
    });
  const tf = items.filter(({ q }) => q.type === 'truefalse' && keyIndex(q) >= 0);
  const trueKeys = tf.filter(({ q }) => q.options.some((o) => o.id === 'true' && o.correct)).length;
  return { single, trueFalse: { items: tf.length, trueKeys, trueShare: share(trueKeys, tf.length) } };
}

/** Key and distractor lengths of a single-choice item (null for an item without one key). */
function lengths(q: LintQuestion): { key: number; distractors: number[] } | null {
  const k = keyIndex(q);
  if (!isSingle(q) || k < 0 || q.options.length < 2) return null;
  return { key: graphemes(q.options[k].text), distractors: q.options.filter((_, i) => i !== k).map((o) => graphemes(o.text)) };
}

function longestStats(items: readonly Item[], maxRatio: number): KeyLongestStats {
  let n = 0;
  let longest = 0;
  let shortest = 0;
  const overRatio: string[] = [];
  for (const { q } of items) {
    const l = lengths(q);
    if (!l) continue;
    n++;
    const max = Math.max(...l.distractors);
    if (l.key > max) longest++;
    if (l.key < Math.min(...l.distractors)) shortest++;
    if (l.key > maxRatio * max) overRatio.push(q.id);
  }
  return { items: n, longest, shortest, longestShare: share(longest, n), shortestShare: share(shortest, n), overRatio };
}

/** Whether an option's text contains a tell word, not counting the phrases in `except` (だけでなく is no absolute). */
export function containsWord(text: string, word: string, except: readonly string[] = []): boolean {
  let t = text.normalize('NFKC');
  for (const e of except) t = t.split(e.normalize('NFKC')).join('\u0000');
  return t.includes(word.normalize('NFKC'));
}

function tellWordStats(items: readonly Item[], words: readonly string[], except: readonly string[]): TellWordStats[] {
  return words.map((word) => {
    const count = (set: readonly Item[], correct: boolean) =>
      set.reduce((n, { q }) => n + q.options.filter((o) => o.correct === correct && containsWord(o.text, word, except)).length, 0);
    return {
      word,
      wrong: bySet(items, (s) => count(s, false)),
      keys: bySet(items, (s) => count(s, true)),
      questionIds: items.filter(({ q }) => q.options.some((o) => !o.correct && containsWord(o.text, word, except))).map(({ q }) => q.id),
    };
  });
}

function multipleStats(items: readonly Item[]): MultipleResponseStats {
  const mr = items.filter(({ q }) => q.type === 'multiple');
  const keyCounts: Record<string, number> = {};
  const correctByPosition: number[] = [];
  for (const { q } of mr) {
    const c = q.options.filter((o) => o.correct).length;
    keyCounts[c] = (keyCounts[c] ?? 0) + 1;
    q.options.forEach((o, i) => {
      correctByPosition[i] = (correctByPosition[i] ?? 0) + (o.correct ? 1 : 0);
    });
  }
  return { items: mr.length, keyCounts, correctByPosition: Array.from(correctByPosition, (c) => c ?? 0) };
}

// ---------------------------------------------------------------------------------------------
// The lint
// ---------------------------------------------------------------------------------------------

/** The folder all lesson files share ("content/lessons/"): where course-wide findings point. */
function commonFolder(files: readonly string[]): string {
  if (files.length === 0) return '';
  const parts = files.map((f) => f.split('/').slice(0, -1));
  const first = parts[0];
  let n = first.length;
  for (const p of parts) while (n > 0 && p.slice(0, n).join('/') !== first.slice(0, n).join('/')) n--;
  return n === 0 ? './' : `${first.slice(0, n).join('/')}/`;
}

const listIds = (ids: readonly string[]) => ids.join(', ');

/** What every rule check gets: the items in course order and a way to report a finding. */
interface Context {
  lessons: readonly LintLesson[];
  items: readonly Item[];
  config: LintConfig;
  /** Reports a finding on an item, a lesson, or (null) the whole course. */
  add: (rule: RuleId, at: Item | LintLesson | null, message: string) => void;
}

function checkKeyPosition({ items, config, add }: Context): LintReport['keyPosition'] {
  const c = config['key-position'];
  const stats = bySet(items, positionStats);
  for (const p of stats.all.single) {
    const w = c.options[String(p.options)];
    if (!w || p.items < w.minItems) continue;
    const bad = p.shares.map((s, i) => ({ s, i })).filter(({ s }) => s < w.min || s > w.max);
    if (bad.length === 0) continue;
    const most = p.counts.indexOf(Math.max(...p.counts));
    const least = p.counts.indexOf(Math.min(...p.counts));
    const movable = items.filter(({ q }) => isSingle(q) && q.options.length === p.options && keyIndex(q) === most).map(({ q }) => q.id);
    const where = bad.map(({ s, i }) => `${letter(i)} holds ${p.counts[i]} (${pct(s)})`).join(', ');
    add(
      'key-position',
      null,
      `the keys of the ${p.items} single-choice items with ${p.options} options are unevenly placed: ${where}; each position should hold ${pct(w.min)}-${pct(w.max)}, ` +
        `or a learner can play the positions. Reorder options to move keys from ${letter(most)} towards ${letter(least)}; ${letter(most)} keys: ${listIds(movable)}.`,
    );
  }
  const tf = stats.all.trueFalse;
  if (tf.items >= c.trueFalse.minItems && (tf.trueShare < c.trueFalse.min || tf.trueShare > c.trueFalse.max)) {
    const majority = tf.trueShare > c.trueFalse.max ? 'true' : 'false';
    const ids = items.filter(({ q }) => q.type === 'truefalse' && q.options.some((o) => o.id === majority && o.correct)).map(({ q }) => q.id);
    add(
      'key-position',
      null,
      `${tf.trueKeys} of ${tf.items} true/false statements are true (${pct(tf.trueShare)}; allowed ${pct(c.trueFalse.min)}-${pct(c.trueFalse.max)}), so ` +
        `"always ${majority}" pays off. Rewrite some of these as ${majority === 'true' ? 'false' : 'true'} statements: ${listIds(ids)}.`,
    );
  }
  return stats;
}

function checkKeyLongest({ items, config, add }: Context): LintReport['keyLongest'] {
  const c = config['key-longest'];
  const stats = bySet(items, (s) => longestStats(s, c.maxRatio));
  const all = stats.all;
  if (all.items >= c.minItems && all.longestShare > c.maxShare) {
    const ids = items.filter(({ q }) => {
      const l = lengths(q);
      return l !== null && l.key > Math.max(...l.distractors);
    });
    add(
      'key-longest',
      null,
      `the key is the longest option in ${all.longest} of ${all.items} single-choice items (${pct(all.longestShare)}; allowed at most ${pct(c.maxShare)}), ` +
        `so "pick the longest" pays off. Shorten the key or give a distractor the same detail in: ${listIds(ids.map(({ q }) => q.id))}.`,
    );
  }
  for (const it of items) {
    const l = lengths(it.q);
    if (!l) continue;
    const max = Math.max(...l.distractors);
    if (l.key > c.maxRatio * max)
      add(
        'key-longest',
        it,
        `the key (${l.key} characters) is ${(l.key / max).toFixed(1)}× as long as the longest distractor (${max}; allowed ${c.maxRatio}×): ` +
          `its extra care gives it away. Shorten it, or make the distractors as specific.`,
      );
  }
  return stats;
}

function checkTellWords({ items, config, add }: Context): TellWordStats[] {
  const c = config['tell-words'];
  const stats = tellWordStats(items, [...c.words, ...c.keyWords.filter((w) => !c.words.includes(w))], c.except);
  // A word only keys have, often enough to learn (「尋ねる」 in every key): the reverse tell.
  for (const t of stats) {
    if (!c.keyWords.includes(t.word) || t.keys.all < c.minKeys || t.wrong.all > 0) continue;
    for (const it of items) {
      const opts = it.q.options.filter((o) => o.correct && containsWord(o.text, t.word, c.except));
      if (opts.length)
        add(
          'tell-words',
          it,
          `「${t.word}」 is in the key ${opts.map((o) => o.id).join(', ')}; course-wide it is in ${t.keys.all} keys and in no wrong option, so it marks options as right. Use it in some well-meant wrong options too, or rephrase keys.`,
        );
    }
  }
  for (const t of stats) {
    if (!c.words.includes(t.word) || t.wrong.all < c.minWrong || t.keys.all > 0) continue;
    for (const it of items) {
      const opts = it.q.options.filter((o) => !o.correct && containsWord(o.text, t.word, c.except));
      if (opts.length === 0) continue;
      add(
        'tell-words',
        it,
        `「${t.word}」 is in wrong option${opts.length > 1 ? 's' : ''} ${opts.map((o) => o.id).join(', ')}; course-wide it is in ${t.wrong.all} wrong options and in no key, ` +
          `so it marks options as wrong. Rephrase without it, or use it in keys as well.`,
      );
    }
  }
  return stats;
}

function checkMultipleResponse({ items, config, add }: Context): LintReport['multipleResponse'] {
  const c = config['multiple-response'];
  const stats = bySet(items, multipleStats);
  const mr = items.filter(({ q }) => q.type === 'multiple');
  for (const it of mr) {
    const n = it.q.options.filter((o) => o.correct).length;
    if (n < c.minCorrect)
      add(
        'multiple-response',
        it,
        `a multiple-response item with ${n} correct option${n === 1 ? '' : 's'} (at least ${c.minCorrect} expected): make it single choice, or let several options be right.`,
      );
  }
  if (mr.length < c.minItems) return stats;
  const ids = listIds(mr.map(({ q }) => q.id));
  const counts = Object.keys(stats.all.keyCounts);
  if (counts.length === 1)
    add(
      'multiple-response',
      null,
      `all ${mr.length} multiple-response items have ${counts[0]} correct options (${ids}), so "tick ${counts[0]}" pays off: vary it (2, 3 or 4 of 4-5 options).`,
    );
  const always = stats.all.correctByPosition.flatMap((n, i) => (n === mr.length ? [letter(i)] : []));
  if (always.length)
    add(
      'multiple-response',
      null,
      `option${always.length > 1 ? 's' : ''} ${always.join(', ')} ${always.length > 1 ? 'are' : 'is'} correct in every one of the ${mr.length} multiple-response items (${ids}), ` +
        `so "always tick ${always[0]}" pays off: make ${always.length > 1 ? 'them wrong options' : 'it a wrong option'} in some.`,
    );
  return stats;
}

function checkDuplicates({ items, config, add }: Context): LintReport['duplicateOptions'] {
  const stats = bySet(items, (s) => ({ questions: s.length, duplicateOptions: 0, repeatedPrompts: 0 }));
  const bump = (it: Item, key: 'duplicateOptions' | 'repeatedPrompts') => {
    stats.all[key]++;
    stats[it.set][key]++;
  };
  const seen = new Map<string, Item>();
  for (const it of items) {
    const texts = it.q.options.map((o) => normalizeText(o.text));
    texts.forEach((t, i) => {
      const first = texts.indexOf(t);
      if (first === i) return;
      bump(it, 'duplicateOptions');
      add(
        'duplicate-options',
        it,
        `options ${it.q.options[first].id} and ${it.q.options[i].id} say the same (「${it.q.options[i].text}」): give each option its own idea.`,
      );
    });
    const prompt = normalizeText(it.q.prompt);
    const earlier = seen.get(prompt);
    if (!earlier) {
      seen.set(prompt, it);
      continue;
    }
    bump(it, 'repeatedPrompts');
    if (config['duplicate-options'].prompts)
      add(
        'duplicate-options',
        it,
        `the prompt is the same as ${earlier.q.id}'s (${earlier.lesson.file}): each item poses its own situation, or a pre/final check only tests memory.`,
      );
  }
  return stats;
}

function checkStemStyle({ items, config, add }: Context): LintReport['stemStyle'] {
  const c = config['stem-style'];
  const stats = bySet(items, () => ({ texts: 0, sentences: 0, plain: 0, allOrNothing: 0 }));
  const count = (it: Item, key: keyof StemStyleStats, n = 1) => {
    stats.all[key] += n;
    stats[it.set][key] += n;
  };
  for (const it of items) {
    // Options may be action phrases (「〜する」), so only stems and feedback must be です・ます.
    const texts: [string, string][] = [['the stem', it.q.prompt]];
    if (c.feedback) for (const o of it.q.options) texts.push([`the feedback of option ${o.id}`, o.feedback]);
    for (const [what, text] of texts) {
      count(it, 'texts');
      count(it, 'sentences', sentences(text).length);
      for (const s of plainSentences(text, c.allowEndings)) {
        count(it, 'plain');
        add('stem-style', it, `${what} is not in です・ます: 「${s}」 ends in plain form; end it with です／ます (〜ですか, 〜ますか).`);
      }
    }
    for (const o of it.q.options)
      if (isAllOrNothing(o.text)) {
        count(it, 'allOrNothing');
        if (c.allOrNothing)
          add(
            'stem-style',
            it,
            `option ${o.id} 「${o.text}」 is about the other options, not the situation (「すべて正しい」「どれも違う」): replace it with a real action.`,
          );
      }
  }
  return stats;
}

const hasObjective = (it: Item, o = it.q.objective): o is number => o !== undefined && Number.isInteger(o) && o >= 1 && o <= it.lesson.objectives.length;

function checkObjectives({ lessons, items, config, add }: Context): LintReport['objectiveCoverage'] {
  const stats = bySet(items, (s) => {
    const missing = s.filter(({ q }) => q.objective === undefined).length;
    const named = s.filter((it) => hasObjective(it)).length;
    return { items: s.length, named, missing, unknown: s.length - named - missing };
  });
  const coverage: LessonCoverage = { lessons: lessons.length, objectives: 0, uncovered: 0, withoutPre: 0, withoutFinal: 0, unpaired: 0 };
  const courseHasChecks = items.some((i) => i.set !== 'quiz');
  for (const lesson of lessons) {
    const own = items.filter((i) => i.lesson === lesson);
    const n = lesson.objectives.length;
    coverage.objectives += n;
    for (const it of own) {
      const o = it.q.objective;
      if (o === undefined)
        add(
          'objective-coverage',
          it,
          `names no objective: add "objective: N" (1 = 「${lesson.objectives[0] ?? 'the first objective'}」) so it is clear what it measures.`,
        );
      else if (!hasObjective(it)) add('objective-coverage', it, `objective: ${o} does not exist: this lesson has ${n} objectives (1 = the first).`);
    }
    const quiz = own.filter((i) => i.set === 'quiz');
    // Until every quiz question names its objective, coverage is unknown (the missing names are reported above).
    if (quiz.every(({ q }) => q.objective !== undefined))
      lesson.objectives.forEach((text, k) => {
        if (quiz.some(({ q }) => q.objective === k + 1)) return;
        coverage.uncovered++;
        add('objective-coverage', lesson, `objective ${k + 1} 「${text}」 is measured by no lesson-quiz question: add one with objective: ${k + 1}.`);
      });
    const pre = own.filter((i) => i.set === 'pre');
    const fin = own.filter((i) => i.set === 'final');
    // Pairs are judged once every check item names a real objective, and a missing set is reported
    // for the lesson below: one cause, one message.
    const pairs = [
      [pre, fin, 'pre-check', 'final-check'],
      [fin, pre, 'final-check', 'pre-check'],
    ] as const;
    const judgePairs = pre.length > 0 && fin.length > 0 && [...pre, ...fin].every((it) => hasObjective(it));
    for (const [mine, other, name, otherName] of judgePairs ? pairs : [])
      for (const it of mine)
        if (!other.some(({ q }) => q.objective === it.q.objective)) {
          coverage.unpaired++;
          add(
            'objective-coverage',
            it,
            `this ${name} item measures objective ${it.q.objective}, but no ${otherName} item of the lesson does: pre and final items come in pairs with the same objective, or the gain cannot be measured.`,
          );
        }
    if (pre.length === 0) coverage.withoutPre++;
    if (fin.length === 0) coverage.withoutFinal++;
    if (courseHasChecks && config['objective-coverage'].requireChecks) {
      if (pre.length === 0)
        add('objective-coverage', lesson, `has no pre-check item (checks.pre) although other lessons have one: the 事前チェック must cover every lesson.`);
      if (fin.length === 0)
        add('objective-coverage', lesson, `has no final-check item (checks.final) although other lessons have one: the 修了テスト must cover every lesson.`);
    }
  }
  return { items: stats, lessons: coverage };
}

/**
 * Lints every question of the course. Statistics are computed for every rule, also a switched-off
 * one (so the table stays comparable); violations only for enabled rules. Violations come sorted
 * by file, then in the order of the questions.
 */
export function lintCourse(lessons: readonly LintLesson[], config: LintConfig = DEFAULT_CONFIG): LintReport {
  const sorted = [...lessons].sort((a, b) => a.order - b.order);
  const items: Item[] = [];
  for (const lesson of sorted)
    for (const [set, qs] of [
      ['quiz', lesson.quiz?.questions],
      ['pre', lesson.checks?.pre],
      ['final', lesson.checks?.final],
    ] as const)
      for (const q of qs ?? []) items.push({ lesson, set, q, seq: items.length });

  const folder = commonFolder(sorted.map((l) => l.file));
  const found: (Violation & { seq: number })[] = [];
  const add: Context['add'] = (rule, at, message) => {
    if (!config[rule].enabled) return;
    if (at === null) found.push({ rule, file: folder, message, seq: -1 });
    else if ('q' in at) found.push({ rule, file: at.lesson.file, questionId: at.q.id, message, seq: at.seq });
    else found.push({ rule, file: at.file, message, seq: -1 });
  };
  const ctx: Context = { lessons: sorted, items, config, add };
  const stats = {
    keyPosition: checkKeyPosition(ctx),
    keyLongest: checkKeyLongest(ctx),
    tellWords: checkTellWords(ctx),
    multipleResponse: checkMultipleResponse(ctx),
    duplicateOptions: checkDuplicates(ctx),
    stemStyle: checkStemStyle(ctx),
    objectiveCoverage: checkObjectives(ctx),
  };

  const rank = (r: RuleId) => RULES.indexOf(r);
  const violations: Violation[] = found
    .sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.seq - b.seq || rank(a.rule) - rank(b.rule)))
    .map(({ seq: _, ...v }) => v);
  const rules = Object.fromEntries(
    RULES.map((r) => [r, { enabled: config[r].enabled, violations: violations.filter((v) => v.rule === r).length }]),
  ) as LintReport['rules'];
  return { lessons: sorted.length, questions: bySet(items, (s) => s.length), rules, ...stats, config, violations };
}

// ---------------------------------------------------------------------------------------------
// The table
// ---------------------------------------------------------------------------------------------

const WIDE =
  /[\u1100-\u115F\u2E80-\u303E\u3041-\u33FF\u3400-\u4DBF\u4E00-\u9FFF\uA000-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]|[\u{20000}-\u{3FFFD}]/u;

/** Terminal columns a string takes: CJK and full-width characters take two. */
export function displayWidth(text: string): number {
  let w = 0;
  for (const { segment } of segmenter.segment(text)) w += WIDE.test(segment) ? 2 : 1;
  return w;
}

/** A Markdown-style table, padded by display width; numeric columns right-aligned. */
function table(head: readonly string[], rows: readonly (readonly string[])[]): string[] {
  const widths = head.map((h, c) => Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[c] ?? ''))));
  const numeric = head.map((_, c) => c > 0 && rows.every((r) => /^[\d\s%().,×/-]*$/.test(r[c] ?? '')));
  const pad = (s: string, c: number) => {
    const fill = ' '.repeat(widths[c] - displayWidth(s));
    return numeric[c] ? fill + s : s + fill;
  };
  const line = (cells: readonly string[]) => `| ${cells.map((s, c) => pad(s, c)).join(' | ')} |`;
  return [line(head), `|${widths.map((w, c) => (numeric[c] ? `${'-'.repeat(w + 1)}:` : '-'.repeat(w + 2))).join('|')}|`, ...rows.map(line)];
}

const countShare = (n: number, of: number) => `${n} (${pct(share(n, of))})`;
/** One row per set: all, quiz, pre, final. */
const setRows = <T>(s: BySet<T>, row: (v: T, set: string) => string[]) => (['all', ...SETS] as const).map((set) => row(s[set], set));

/**
 * The report as plain text: one table per rule (statistics over all items and per set), then one
 * line per violation ("file id [rule] message") and the summary line. Fits 100 columns except for
 * violation lines, which carry whole messages.
 */
export function formatReport(r: LintReport): string {
  const c = r.config;
  const q = r.questions;
  const out: string[] = [`Assessment lint: ${q.all} questions in ${r.lessons} lessons (quiz ${q.quiz}, pre-check ${q.pre}, final check ${q.final})`, ''];
  const heading = (rule: RuleId, what: string) => {
    const on = r.rules[rule].enabled ? '' : ' (switched off)';
    out.push(`## ${rule}${on}: ${what}`, '');
  };
  const end = () => out.push('');

  // key-position
  const w4 = c['key-position'].options['4'];
  heading('key-position', `single-choice keys per position${w4 ? ` (4 options: ${pct(w4.min)}-${pct(w4.max)} each, from ${w4.minItems} items)` : ''}`);
  const maxOptions = Math.max(2, ...r.keyPosition.all.single.map((p) => p.options));
  const positions = Array.from({ length: maxOptions }, (_, i) => letter(i));
  const posRows: string[][] = [];
  for (const set of ['all', ...SETS] as const) {
    const singles = r.keyPosition[set].single;
    if (singles.length === 0) posRows.push([set, '-', '0', ...positions.map(() => '')]);
    for (const p of singles)
      posRows.push([set, String(p.options), String(p.items), ...positions.map((_, i) => (i < p.options ? countShare(p.counts[i], p.items) : ''))]);
  }
  out.push(...table(['set', 'options', 'items', ...positions], posRows), '');
  const tfc = c['key-position'].trueFalse;
  out.push(`True/false keys ("true" should be ${pct(tfc.min)}-${pct(tfc.max)}, from ${tfc.minItems} items):`, '');
  out.push(
    ...table(
      ['set', 'items', 'true', 'false'],
      setRows(r.keyPosition, (v, set) => [
        set,
        String(v.trueFalse.items),
        countShare(v.trueFalse.trueKeys, v.trueFalse.items),
        countShare(v.trueFalse.items - v.trueFalse.trueKeys, v.trueFalse.items),
      ]),
    ),
  );
  end();

  // key-longest
  const klc = c['key-longest'];
  heading('key-longest', `key length vs distractors (longest at most ${pct(klc.maxShare)}; key ≤ ${klc.maxRatio}× longest distractor)`);
  out.push(
    ...table(
      ['set', 'single items', 'key longest', 'key shortest', `over ${klc.maxRatio}×`],
      setRows(r.keyLongest, (v, set) => [set, String(v.items), countShare(v.longest, v.items), countShare(v.shortest, v.items), String(v.overRatio.length)]),
    ),
  );
  end();

  // tell-words
  const twc = c['tell-words'];
  heading('tell-words', `wrong options vs keys (tell: ≥ ${twc.minWrong} wrong, 0 keys; key word: ≥ ${twc.minKeys} keys, 0 wrong)`);
  const used = r.tellWords.filter((t) => t.wrong.all + t.keys.all > 0);
  if (used.length)
    out.push(
      ...table(
        ['word', 'wrong', 'keys', 'quiz wrong/key', 'pre wrong/key', 'final wrong/key', 'tell'],
        used.map((t) => [
          t.word,
          String(t.wrong.all),
          String(t.keys.all),
          ...SETS.map((s) => `${t.wrong[s]}/${t.keys[s]}`),
          (twc.words.includes(t.word) && t.wrong.all >= twc.minWrong && t.keys.all === 0) ||
          (twc.keyWords.includes(t.word) && t.keys.all >= twc.minKeys && t.wrong.all === 0)
            ? 'yes'
            : '',
        ]),
      ),
    );
  else out.push('No listed word occurs in any option.');
  const unused = r.tellWords.length - used.length;
  if (unused) out.push('', `${unused} of ${r.tellWords.length} listed words occur in no option.`);
  end();

  // multiple-response
  const mrc = c['multiple-response'];
  heading('multiple-response', `correct options per item (≥ ${mrc.minCorrect}; varied once there are ${mrc.minItems} items)`);
  const keyCounts = [...new Set(SETS.flatMap((s) => Object.keys(r.multipleResponse[s].keyCounts)))].sort((a, b) => Number(a) - Number(b));
  const mrPositions = Math.max(0, ...(['all', ...SETS] as const).map((s) => r.multipleResponse[s].correctByPosition.length));
  out.push(
    ...table(
      ['set', 'items', ...keyCounts.map((k) => `${k} keys`), 'correct per position'],
      setRows(r.multipleResponse, (v, set) => [
        set,
        String(v.items),
        ...keyCounts.map((k) => String(v.keyCounts[k] ?? 0)),
        Array.from({ length: mrPositions }, (_, i) => `${letter(i)} ${v.correctByPosition[i] ?? 0}`).join(' '),
      ]),
    ),
  );
  end();

  // duplicate-options
  heading('duplicate-options', 'options of one question, or prompts, that read the same');
  out.push(
    ...table(
      ['set', 'questions', 'duplicate options', 'repeated prompts'],
      setRows(r.duplicateOptions, (v, set) => [set, String(v.questions), String(v.duplicateOptions), String(v.repeatedPrompts)]),
    ),
  );
  end();

  // stem-style
  heading('stem-style', `stems${c['stem-style'].feedback ? ' and feedback' : ''} in です・ます; no 「すべて正しい」 options`);
  out.push(
    ...table(
      ['set', 'texts', 'sentences', 'plain form', 'all/none options'],
      setRows(r.stemStyle, (v, set) => [set, String(v.texts), String(v.sentences), String(v.plain), String(v.allOrNothing)]),
    ),
  );
  end();

  // objective-coverage
  heading('objective-coverage', 'every item names an objective; every objective is measured');
  out.push(
    ...table(
      ['set', 'items', 'named', 'no objective', 'unknown objective'],
      setRows(r.objectiveCoverage.items, (v, set) => [set, String(v.items), String(v.named), String(v.missing), String(v.unknown)]),
    ),
    '',
  );
  const lc = r.objectiveCoverage.lessons;
  out.push(
    ...table(
      ['lessons', 'objectives', 'not in the quiz', 'no pre-check', 'no final check', 'unpaired pre/final'],
      [[String(lc.lessons), String(lc.objectives), String(lc.uncovered), String(lc.withoutPre), String(lc.withoutFinal), String(lc.unpaired)]],
    ),
  );
  end();

  out.push(`## Violations (${r.violations.length})`, '');
  if (r.violations.length === 0) out.push('None.');
  for (const v of r.violations) out.push(formatViolation(v));
  out.push('', `assessment lint: ${q.all} questions, ${r.violations.length} violations`);
  return out.join('\n');
}

/** One violation line: `content/lessons/03-participate.mdx l03-q2 [tell-words] …`. */
export const formatViolation = (v: Violation) => `${v.file}${v.questionId ? ` ${v.questionId}` : ''} [${v.rule}] ${v.message}`;
