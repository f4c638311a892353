// @ts-check
/**
 * A Vite plugin for the browser build: dynamic `import()`s stay plain `import()`s.
 *
 * Vite wraps every dynamic import of the client build in its preload helper
 * (`__vitePreload(() => import("./Quiz.js"), [deps], import.meta.url)`), which would add <link>
 * preloads for the chunk's JS and CSS dependencies. This build preloads no JS (modulePreload is off:
 * an island's chunk and its imports load when it starts, src/islands/runtime/mount.ts) and its
 * islands import no CSS, so every list is empty and the helper only costs bytes: ~0.7 KiB gzip
 * and a task on every page's first view. This unwraps each call before minification, so the
 * minifier drops the unused helper, and replaces the helper module itself with a one-line plain
 * call: chunks are linked to the helper before calls are unwrapped, so when a chunk other than the
 * helper's has a dynamic import (the plan page's calendar file, src/islands/runtime/download.ts),
 * the helper stays exported, and that one line is what stays. A chunk imported on demand that
 * brings CSS (itself or through its imports), or that Vite removed as CSS only, would need the
 * real helper: the build then fails, naming it.
 */

const WRAP_START = /__vitePreload\((?=\s*\(\)\s*=>)/g;
// `import.meta.url` is passed when JS URLs are relative (renderBuiltUrl in astro.config.mjs); not otherwise.
const WRAP_END = /,\s*__VITE_PRELOAD__\w*(?:,\s*import\.meta\.url)?\s*\)/g;

/** Vite's preload helper module, and what it is replaced by: the same signature, calling the import as is. */
const PRELOAD_HELPER = /(^|\0)vite\/preload-helper(\.js)?$/;
export const PLAIN_HELPER = 'export const __vitePreload = (load) => load();\n';

/**
 * `by`, padded with spaces to the length of `s`, so every later column on the line keeps its place (source maps stay true).
 * @param {string} s
 * @param {string} by
 */
const pad = (s, by) => by + ' '.repeat(s.length - by.length);

/**
 * `__vitePreload(FN, __VITE_PRELOAD__…, import.meta.url)` → `(FN)()`, padded with spaces to the
 * original length: the same promise, without the helper.
 * @param {string} code
 */
export function unwrapPreloads(code) {
  const calls = code.match(WRAP_START)?.length ?? 0;
  const ends = code.match(WRAP_END)?.length ?? 0;
  if (calls === 0 && ends === 0) return null;
  // Each call's start and end must be found, or the output would not parse.
  if (calls !== ends) throw new Error(`plain-imports: ${calls} preload calls but ${ends} ends of one`);
  return code.replace(WRAP_START, (m) => pad(m, '(')).replace(WRAP_END, (m) => pad(m, ')()'));
}

/**
 * The CSS a chunk would bring when imported: its own and that of the chunks it imports, recursively.
 * @param {Record<string, any>} bundle
 * @param {string} file
 * @param {Set<string>} seen
 * @returns {string[]}
 */
function cssOf(bundle, file, seen = new Set()) {
  if (seen.has(file)) return [];
  seen.add(file);
  const chunk = bundle[file];
  if (chunk?.type !== 'chunk') return [];
  return [...(chunk.viteMetadata?.importedCss ?? []), ...chunk.imports.flatMap((/** @type {string} */ f) => cssOf(bundle, f, seen))];
}

/** @returns {import('vite').Plugin} */
export default function plainImports() {
  return {
    name: 'course-plain-imports',
    enforce: 'post',
    applyToEnvironment: (env) => env.config.consumer === 'client',
    // The helper itself becomes a plain call. Unwrapping (below) removes every use of it, but a chunk
    // other than the helper's may have been linked to it already (the helper is then exported and
    // kept): what is kept is this line, not Vite's ~0.7 KiB.
    transform: {
      order: 'post',
      // Only the helper's module reaches the handler (no call into JS for every other module).
      filter: { id: PRELOAD_HELPER },
      handler(_code, id) {
        return PRELOAD_HELPER.test(id) ? { code: PLAIN_HELPER, map: null } : null;
      },
    },
    renderChunk(code) {
      const out = unwrapPreloads(code);
      // Same length, same lines: the incoming source map still fits.
      return out === null ? null : { code: out, map: null };
    },
    generateBundle(_options, bundle) {
      const dynamicTargets = new Set(Object.values(bundle).flatMap((c) => (c.type === 'chunk' ? c.dynamicImports : [])));
      for (const file of dynamicTargets) {
        if (bundle[file]?.type !== 'chunk')
          throw new Error(
            `plain-imports: ${file} is imported dynamically but is not a JavaScript chunk (CSS only?); only Vite's preload helper would handle it`,
          );
        const css = cssOf(bundle, file);
        if (css.length)
          throw new Error(`plain-imports: ${file} is imported dynamically and brings CSS (${css.join(', ')}), which only Vite's preload helper would load`);
      }
    },
  };
}
