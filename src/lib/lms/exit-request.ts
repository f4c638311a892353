/**
 * What Moodle's SCORM 2004 player sends when the learner leaves, and how much the course may keep
 * in it (pure). Moodle 4.5 calls Terminate while its page unloads; its runtime (mod/scorm/
 * datamodels/scorm_13.js, StoreData and CollectData) then posts every element of the attempt
 * whose value is not its default — each interaction and objective element every time, top-level
 * elements when they differ from the value loaded at launch — plus cmi.total_time, and
 * mod/scorm/request.js sends it with navigator.sendBeacon as multipart form data, one part per
 * element and `unloading=1`. Chrome refuses a beacon over 64 KiB: Terminate then fails (error
 * 101) and whatever was set since the last commit never arrives. So the course keeps the whole
 * attempt within EXIT_BUDGET, measured here as Chrome encodes it.
 */

/** The exit request must stay below this (Chrome's beacon quota is 64 KiB; the rest is margin for what is not modelled exactly). */
export const EXIT_BUDGET = 56 * 1024;
/** The limit tests hold the full journey's measured exit request to. */
export const EXIT_TEST_LIMIT = 60 * 1024;

/** Chrome's multipart boundary ("----WebKitFormBoundary" and 16 characters). */
const CHROME_BOUNDARY = 38;
/** `--boundary` CRLF `Content-Disposition: form-data; name="` … `"` CRLF CRLF … CRLF, without name and value. */
const part = (boundary: number) => 2 + boundary + 2 + 'Content-Disposition: form-data; name="'.length + 1 + 4 + 2;
/** The closing `--boundary--` CRLF. */
const close = (boundary: number) => 2 + boundary + 2 + 2;

const utf8 = (s: string) => new TextEncoder().encode(s).length;
/** Moodle's form field name for an element: dots become "__" (mod/scorm/module.js, underscore). */
const fieldName = (element: string) => element.replace(/\./g, '__');

/** Bytes of one form part: Moodle's field name for an element and its value. */
export const partBytes = (element: string, value: string, boundary = CHROME_BOUNDARY) => part(boundary) + utf8(fieldName(element)) + utf8(value);

/**
 * Moodle's defaults for collection elements: a value equal to it is not posted (objectives start
 * "unknown"; interaction elements have none, so they are always posted).
 */
const COLLECTION_DEFAULT: Record<string, string> = { success_status: 'unknown', completion_status: 'unknown' };
const COLLECTION = /^cmi\.(interactions|objectives)\.\d+\.(.+)$/;

/** Whether Moodle's exit request carries an element: collections unless default, top level when changed since launch. */
export function posted(element: string, value: string, atLaunch: string | undefined): boolean {
  const c = COLLECTION.exec(element);
  if (c) return COLLECTION_DEFAULT[c[2]] !== value;
  return value !== (atLaunch ?? '');
}

/** Moodle's own fields (id, a, sesskey, attempt, scoid), cmi.total_time and `unloading`, at their longest plausible values. */
const FIXED = [
  ['id', '999999'],
  ['a', '999999'],
  ['sesskey', 'xxxxxxxxxx'],
  ['attempt', '999'],
  ['scoid', '9999999'],
  ['cmi.total_time', 'PT9999H59M59.99S'],
  ['unloading', '1'],
] as const;

/**
 * The exit request's size in bytes for the elements the LMS will hold (`values`: element → value),
 * given the values loaded at launch: what scorm_13.js posts, as Chrome encodes it (`boundary`:
 * another encoder's boundary length).
 */
export function exitBytes(
  values: Iterable<readonly [string, string]>,
  atLaunch: (element: string) => string | undefined = () => undefined,
  boundary = CHROME_BOUNDARY,
): number {
  let n = FIXED.reduce((sum, [k, v]) => sum + partBytes(k, v, boundary), 0) + close(boundary);
  for (const [element, value] of values) if (posted(element, value, atLaunch(element))) n += partBytes(element, value, boundary);
  return n;
}
