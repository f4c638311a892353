/** Helpers for tests that inspect the built site in dist/ (run `npm run build` first). */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

export const DIST = path.resolve(process.env.COURSE_OUT_DIR ?? 'dist');

/** All files below a folder, as paths relative to it (with forward slashes). */
function walk(dir: string, rel = ''): string[] {
  return fs.readdirSync(path.join(dir, rel), { withFileTypes: true }).flatMap((e) => {
    const r = rel ? `${rel}/${e.name}` : e.name;
    return e.isDirectory() ? walk(dir, r) : [r];
  });
}

export const htmlPages = (dir = DIST) => walk(dir).filter((f) => f.endsWith('.html'));

/** Visible text of an HTML document: tags removed, entities decoded, whitespace collapsed. */
export function textOf(html: string): string {
  return html
    .replace(/<(script|style)[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<[^>]+>/g, '')
    .replace(/&#x([0-9a-f]+);/gi, (_, h) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_, d) => String.fromCodePoint(Number(d)))
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, '');
}

export const gzipSize = (buf: Buffer | string) => zlib.gzipSync(buf, { level: 9 }).length;

/**
 * The code file of each island on a page, with the island's tag: the chunk that
 * src/islands/runtime/islands.ts imports for `<course-island data-name="Quiz">` (read from the
 * built registry, `Quiz(){return …import("./lesson.<hash>.js")…}`, since several islands may share a chunk).
 */
function islandFiles(dir: string, page: string): { tag: string; file: string }[] {
  const html = fs.readFileSync(path.join(dir, page), 'utf8');
  const chunks = fs.readdirSync(path.join(dir, '_astro')).filter((f) => f.endsWith('.js'));
  const code = chunks.map((f) => fs.readFileSync(path.join(dir, '_astro', f), 'utf8')).join('\n');
  return [...html.matchAll(/<course-island\b[^>]*>/g)].map((m) => {
    const name = /\sdata-name="(\w+)"/.exec(m[0])?.[1];
    const file = new RegExp(`\\b${name}(?:\\(\\)\\{return|:\\(\\)=>)[^}]*?import\\("\\./([^"]+)"\\)`).exec(code)?.[1];
    if (!file) throw new Error(`${page}: no chunk for the island ${name}`);
    return { tag: m[0], file: `_astro/${file}` };
  });
}

/**
 * Every JavaScript file a page loads: module scripts, island components, and their static
 * imports, recursively. Dynamic `import()`s (loaded only on demand) are not followed, except the
 * islands of the page (mount.ts imports them when they start). `firstView` leaves out islands that
 * start only once scrolled into view (data-when="visible"): what the first view of the page costs.
 * Their code is counted by `visibleScripts`.
 */
export function pageScripts(dir: string, page: string, base = '/', { firstView = false } = {}): string[] {
  const html = fs.readFileSync(path.join(dir, page), 'utf8');
  const roots = new Set<string>();
  for (const m of html.matchAll(/<script[^>]*\bsrc="([^"]+)"/g)) roots.add(toFile(m[1], base));
  for (const { tag, file } of islandFiles(dir, page)) if (!(firstView && /\sdata-when="visible"/.test(tag))) roots.add(file);
  for (const m of html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)) roots.add(toFile(m[1], base));
  return withImports(dir, roots);
}

/**
 * The code of the page's islands that start when scrolled into view and that its first view does
 * not load already. `only` keeps the islands whose code file matches it; `except` leaves out those that match.
 */
export function visibleScripts(dir: string, page: string, base = '/', { only, except }: { only?: RegExp; except?: RegExp } = {}): string[] {
  const roots = new Set<string>();
  for (const { tag, file } of islandFiles(dir, page)) {
    if (!/\sdata-when="visible"/.test(tag) || (only && !only.test(file)) || except?.test(file)) continue;
    roots.add(file);
  }
  const first = new Set(pageScripts(dir, page, base, { firstView: true }));
  return withImports(dir, roots).filter((f) => !first.has(f));
}

/**
 * The code only one kind of activity island loads on a page: what its island needs beyond the
 * first view and the page's other scroll-loaded islands (quiz, reflections).
 */
export function activityScripts(dir: string, page: string, island: RegExp, base = '/'): string[] {
  const others = new Set(visibleScripts(dir, page, base, { except: island }));
  return visibleScripts(dir, page, base, { only: island }).filter((f) => !others.has(f));
}

const toFile = (url: string, base: string) => url.replace(new RegExp(`^${base}`), '');

/** The files plus everything they import statically, recursively. */
function withImports(dir: string, roots: Set<string>): string[] {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const code = fs.readFileSync(path.join(dir, file), 'utf8');
    for (const m of code.matchAll(/(?:^|[;}\s])(?:import|export)\s*(?:[^'"()]*?from\s*)?["']([^"']+\.js)["']/g)) {
      visit(path.posix.join(path.posix.dirname(file), m[1]));
    }
  };
  roots.forEach(visit);
  return [...seen];
}

/** Inline <script> contents of a page. */
export function inlineScripts(dir: string, page: string): string[] {
  const html = fs.readFileSync(path.join(dir, page), 'utf8');
  // Not data blocks (type="application/json"): the browser does not run them.
  return [...html.matchAll(/<script(?![^>]*\b(?:src=|type="application\/json"))[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]).filter((s) => s.trim());
}

/** Stylesheets a page links. */
export function pageStyles(dir: string, page: string, base = '/'): string[] {
  const html = fs.readFileSync(path.join(dir, page), 'utf8');
  return [...html.matchAll(/<link[^>]*rel="stylesheet"[^>]*href="([^"]+)"/g)].map((m) => m[1].replace(new RegExp(`^${base}`), ''));
}

/** All the CSS a page applies: its linked stylesheets, then its inline <style> elements (Astro inlines small ones). */
export function pageCss(dir: string, page: string, base = '/'): string {
  const html = fs.readFileSync(path.join(dir, page), 'utf8');
  const inline = [...html.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g)].map((m) => m[1]);
  return [...pageStyles(dir, page, base).map((f) => fs.readFileSync(path.join(dir, f), 'utf8')), ...inline].join('\n');
}
