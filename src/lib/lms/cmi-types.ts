/**
 * The CMI data types of SCORM 1.2 and SCORM 2004 4th edition, for the elements this course sets:
 * a validator the tests run over everything the launcher sends (and the launcher uses as a last
 * guard, so a bad value is dropped instead of making the LMS reject a whole commit).
 *
 * Sources (the stricter reading wins where LMSs differ):
 *  - SCORM 1.2 RTE (ADL, 2001), 3.4 data model: CMIIdentifier "no white space or unprintable
 *    characters, max 255"; CMIFeedback 255 characters, its format per interaction type
 *    (correct_responses.n.pattern): true-false one of 0 1 t f; choice single characters 0-9 a-z
 *    separated by commas; matching pairs of those joined by a period; CMITime HH:MM:SS(.SS);
 *    CMITimespan HHHH:MM:SS(.SS); result correct/wrong/unanticipated/neutral/decimal.
 *  - SCORM 2004 4th edition RTE, 4.2 and appendix A: long_identifier_type (SPM 4000),
 *    short_identifier_type (SPM 250), choice/matching patterns with the reserved tokens [,] and
 *    [.], time(second,10,0) — "if TZD is defined, then hh:mm:ss.s shall also be defined"
 *    (support.scorm.com, "SCORM 2004 Timestamp Requires Milliseconds with TDZ"), at most two
 *    decimals of a second; timeinterval(second,10,2) P[yY][mM][dD][T[hH][nM][s[.s]S]].
 *  - Moodle's runtimes (mod/scorm/datamodels/scorm_12.js, scorm_13.js), which check these on
 *    SetValue: scores 0-100 in 1.2 (score_range), short identifiers [\w.] only in 2004
 *    (CMIShortIdentifier '^[\w\.]{1,250}$', so no hyphens in choice/matching ids), years 1970-2038.
 */
export type CmiVersion = '1.2' | '2004';

const re = (s: string) => new RegExp(`^(?:${s})$`);
const T = {
  identifier12: re('[\\x21-\\x7E]{1,255}'),
  decimal: re('-?\\d{1,10}(?:\\.\\d{1,7})?'),
  time12: re('(?:[01]\\d|2[0-3]):[0-5]\\d:[0-5]\\d(?:\\.\\d{1,2})?'),
  timespan12: re('\\d{2,4}:[0-5]\\d:[0-5]\\d(?:\\.\\d{1,2})?'),
  char12: '[0-9a-z]',
  longId: re('(?!urn:)\\S{1,4000}|urn:[A-Za-z0-9-]{1,31}:\\S{1,4000}'),
  shortId: '[\\w.]{1,250}',
  time2004: re(
    '(?:19[7-9]\\d|20[0-2]\\d|203[0-8])(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\\d|3[01])(?:T(?:[01]\\d|2[0-3])(?::[0-5]\\d(?::[0-5]\\d(?:\\.\\d{1,2}(?:Z|[+-](?:[01]\\d|2[0-3])(?::[0-5]\\d)?)?)?)?)?)?)?)?',
  ),
  interval2004: re('P(?:\\d+Y)?(?:\\d+M)?(?:\\d+D)?(?:T(?:\\d+H)?(?:\\d+M)?(?:\\d+(?:\\.\\d{1,2})?S)?)?'),
};

const oneOf =
  (...words: string[]) =>
  (v: string) =>
    words.includes(v) || `must be one of ${words.map((w) => `"${w}"`).join(', ')}`;
const matches = (r: RegExp, what: string) => (v: string) => r.test(v) || `is not a ${what}`;
const maxLen = (n: number) => (v: string) => v.length <= n || `is longer than ${n} characters (${v.length})`;
const number = (min: number, max: number) => (v: string) =>
  (T.decimal.test(v) && Number(v) >= min && Number(v) <= max) || `is not a number from ${min} to ${max}`;
const all =
  (...checks: ((v: string) => true | string)[]) =>
  (v: string) => {
    for (const c of checks) {
      const r = c(v);
      if (r !== true) return r;
    }
    return true as const;
  };

/** SCORM 2004 timeinterval: at least one designator after P, and T only with a time part. */
const interval2004 = (v: string) => (T.interval2004.test(v) && v !== 'P' && !v.endsWith('T')) || 'is not a timeinterval (P[yY][mM][dD][T[hH][nM][s[.s]S]])';

/** The response / correct-response format of one interaction type ([,]-separated in 2004). */
function responseCheck(version: CmiVersion, type: string | undefined): (v: string) => true | string {
  if (version === '1.2') {
    const c = T.char12;
    const formats: Record<string, RegExp> = {
      'true-false': /^[01tf]$/,
      choice: re(`${c}(?:,${c})*`),
      sequencing: re(`${c}(?:,${c})*`),
      matching: re(`${c}\\.${c}(?:,${c}\\.${c})*`),
    };
    const f = type ? formats[type] : undefined;
    return all(maxLen(255), f ? matches(f, `SCORM 1.2 ${type} response`) : () => true);
  }
  const s = T.shortId;
  const formats: Record<string, RegExp> = {
    'true-false': /^(?:true|false)$/,
    choice: re(`(?:${s}(?:\\[,\\]${s}){0,35})?`),
    sequencing: re(`${s}(?:\\[,\\]${s}){0,35}`),
    matching: re(`${s}\\[\\.\\]${s}(?:\\[,\\]${s}\\[\\.\\]${s}){0,35}`),
  };
  const f = type ? formats[type] : undefined;
  const unique = (v: string) => type !== 'choice' || new Set(v.split('[,]')).size === v.split('[,]').length || 'repeats a choice';
  return all(maxLen(4000), f ? matches(f, `SCORM 2004 ${type} response`) : () => true, unique);
}

type Rule = (v: string, ctx: { type?: string }) => true | string;

/** Element patterns (n = an index) and their checks, per version. */
const RULES: Record<CmiVersion, [RegExp, Rule][]> = {
  '1.2': [
    [/^cmi\.core\.lesson_status$/, oneOf('passed', 'completed', 'failed', 'incomplete', 'browsed')],
    [/^cmi\.core\.lesson_location$/, maxLen(255)],
    [/^cmi\.core\.score\.(raw|min|max)$/, number(0, 100)],
    [/^cmi\.core\.exit$/, oneOf('time-out', 'suspend', 'logout', '')],
    [/^cmi\.core\.session_time$/, matches(T.timespan12, 'CMITimespan (HHHH:MM:SS.SS)')],
    [/^cmi\.suspend_data$/, maxLen(4096)],
    [/^cmi\.objectives\.\d+\.id$/, matches(T.identifier12, 'CMIIdentifier')],
    [/^cmi\.objectives\.\d+\.score\.(raw|min|max)$/, number(0, 100)],
    [/^cmi\.objectives\.\d+\.status$/, oneOf('passed', 'completed', 'failed', 'incomplete', 'browsed', 'not attempted')],
    [/^cmi\.interactions\.\d+\.id$/, matches(T.identifier12, 'CMIIdentifier')],
    [/^cmi\.interactions\.\d+\.objectives\.\d+\.id$/, matches(T.identifier12, 'CMIIdentifier')],
    [/^cmi\.interactions\.\d+\.time$/, matches(T.time12, 'CMITime (HH:MM:SS.SS)')],
    [/^cmi\.interactions\.\d+\.type$/, oneOf('true-false', 'choice', 'fill-in', 'matching', 'performance', 'sequencing', 'likert', 'numeric')],
    [/^cmi\.interactions\.\d+\.weighting$/, number(-100, 100)],
    [/^cmi\.interactions\.\d+\.(student_response|correct_responses\.\d+\.pattern)$/, (v, c) => responseCheck('1.2', c.type)(v)],
    [/^cmi\.interactions\.\d+\.result$/, (v) => /^(correct|wrong|unanticipated|neutral)$/.test(v) || number(-1e9, 1e9)(v) === true || 'is not a result'],
    [/^cmi\.interactions\.\d+\.latency$/, matches(T.timespan12, 'CMITimespan (HHHH:MM:SS.SS)')],
  ],
  '2004': [
    [/^cmi\.completion_status$/, oneOf('completed', 'incomplete', 'not attempted', 'unknown')],
    [/^cmi\.success_status$/, oneOf('passed', 'failed', 'unknown')],
    [/^cmi\.progress_measure$/, number(0, 1)],
    [/^cmi\.score\.scaled$/, number(-1, 1)],
    [/^cmi\.score\.(raw|min|max)$/, number(-1e10, 1e10)],
    [/^cmi\.location$/, maxLen(1000)],
    [/^cmi\.exit$/, oneOf('time-out', 'suspend', 'logout', 'normal', '')],
    [/^cmi\.session_time$/, interval2004],
    [/^cmi\.suspend_data$/, maxLen(64000)],
    [/^cmi\.objectives\.\d+\.id$/, matches(T.longId, 'long_identifier_type')],
    [/^cmi\.objectives\.\d+\.score\.scaled$/, number(-1, 1)],
    [/^cmi\.objectives\.\d+\.score\.(raw|min|max)$/, number(-1e10, 1e10)],
    [/^cmi\.objectives\.\d+\.success_status$/, oneOf('passed', 'failed', 'unknown')],
    [/^cmi\.objectives\.\d+\.completion_status$/, oneOf('completed', 'incomplete', 'not attempted', 'unknown')],
    [/^cmi\.objectives\.\d+\.progress_measure$/, number(0, 1)],
    [/^cmi\.interactions\.\d+\.id$/, matches(T.longId, 'long_identifier_type')],
    [/^cmi\.interactions\.\d+\.objectives\.\d+\.id$/, matches(T.longId, 'long_identifier_type')],
    [/^cmi\.interactions\.\d+\.timestamp$/, matches(T.time2004, 'time(second,10,0)')],
    [
      /^cmi\.interactions\.\d+\.type$/,
      oneOf('true-false', 'choice', 'fill-in', 'long-fill-in', 'likert', 'matching', 'performance', 'sequencing', 'numeric', 'other'),
    ],
    [/^cmi\.interactions\.\d+\.weighting$/, number(-1e10, 1e10)],
    [/^cmi\.interactions\.\d+\.(learner_response|correct_responses\.\d+\.pattern)$/, (v, c) => responseCheck('2004', c.type)(v)],
    [/^cmi\.interactions\.\d+\.result$/, (v) => /^(correct|incorrect|unanticipated|neutral)$/.test(v) || number(-1e9, 1e9)(v) === true || 'is not a result'],
    [/^cmi\.interactions\.\d+\.latency$/, interval2004],
    [/^cmi\.interactions\.\d+\.description$/, maxLen(250)],
  ],
};

/**
 * Checks element/value pairs in the order they are set and returns one message per problem
 * (empty when all are valid). Interaction responses are checked against the type set for the
 * same interaction earlier in the list (or in `types`, index → type, for interactions set before).
 * Elements this course never sets are reported as unknown.
 */
export function cmiProblems(version: CmiVersion, pairs: readonly (readonly [string, string])[], types: Record<number, string> = {}): string[] {
  const known = { ...types };
  const problems: string[] = [];
  for (const [el, value] of pairs) {
    const rule = RULES[version].find(([pattern]) => pattern.test(el));
    if (!rule) {
      problems.push(`${el}: not an element this course sets in SCORM ${version}`);
      continue;
    }
    const index = /^cmi\.interactions\.(\d+)\./.exec(el)?.[1];
    const result = rule[1](value, { type: index === undefined ? undefined : known[Number(index)] });
    if (result !== true) problems.push(`${el} = ${JSON.stringify(value.length > 80 ? `${value.slice(0, 80)}…` : value)}: ${result}`);
    else if (index !== undefined && /\.type$/.test(el)) known[Number(index)] = value;
  }
  return problems;
}
