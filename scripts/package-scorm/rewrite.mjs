// @ts-check
/**
 * Turns the absolute URLs of a build made with the placeholder base (/__COURSE_BASE__/) into
 * URLs relative to the file that contains them, so the package works from whatever path an LMS
 * serves it at. Pure functions: scripts/package-scorm.mjs applies them, tests/build/scorm-package.test.ts
 * tests them.
 */

/** The marker the packaging build uses as its base path. */
export const PLACEHOLDER = '__COURSE_BASE__';
/** The base path itself, as Astro writes it (leading and trailing slash). */
export const BASE = `/${PLACEHOLDER}/`;

/**
 * A placeholder URL: `/__COURSE_BASE__/` and its path, up to the first character that cannot be
 * part of a plain path (quotes, `&` of `&quot;`, whitespace, `<>`, `?`, `#`, brackets, commas,
 * backslashes). A query or fragment after the path is left as it is. The look-behind skips
 * occurrences that are the middle of a longer URL (`https://host/__COURSE_BASE__/…`,
 * `./__COURSE_BASE__/…`): those are not ours to rewrite, and the left-over check reports them.
 */
const URL_RE = /(?<![\w.:/%@-])\/__COURSE_BASE__\/([^"'`\s<>&?#()[\]{},\\]*)/g;

/** `data-base="/__COURSE_BASE__/"` (the base path for scripts, on <html>): only the prefix. */
const DATA_BASE_RE = /(\sdata-base=)(["'])\/__COURSE_BASE__\/\2/g;

/**
 * The relative way from a file to the package root, ending in a slash:
 * `index.html` → `./`, `lessons/goals/index.html` → `../../`.
 * @param {string} file path of the file inside the package, with forward slashes
 */
export function prefixFor(file) {
  const depth = file.split('/').length - 1;
  return depth ? '../'.repeat(depth) : './';
}

/**
 * Rewrites every placeholder URL in a text file (HTML or CSS) relative to that file.
 * Directory URLs (empty path or ending in `/`) get `index.html`, because LMSs often serve no
 * directory indexes. `data-base` attributes get just the prefix.
 * @param {string} text
 * @param {string} file path of the file inside the package, with forward slashes
 */
export function rewriteText(text, file) {
  const prefix = prefixFor(file);
  return text
    .replace(DATA_BASE_RE, (_, attr, q) => `${attr}${q}${prefix}${q}`)
    .replace(URL_RE, (_, p) => prefix + (p === '' || p.endsWith('/') ? `${p}index.html` : p));
}

/**
 * Each occurrence of the placeholder in a text, with some context (for error messages).
 * @param {string} text
 * @returns {string[]}
 */
export function leftovers(text) {
  return [...text.matchAll(/__COURSE_BASE__/g)].map((m) => text.slice(Math.max(0, m.index - 40), m.index + PLACEHOLDER.length + 40).replace(/\s+/g, ' '));
}

/**
 * Removes the web app manifest link: the package leaves the manifest out (an LMS course is not
 * an installable app, and its start_url would open the course without the LMS).
 * @param {string} html
 */
export function dropManifestLink(html) {
  return html.replace(/<link\b[^>]*\brel=(["'])manifest\1[^>]*>/g, '');
}
