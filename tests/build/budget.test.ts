/** Byte budgets (gzip) for a lesson page: everything its first view loads, and what loads on scroll. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DIST, activityScripts, gzipSize, inlineScripts, pageScripts, pageStyles, visibleScripts } from './site';

const KiB = 1024;
/** A dynamic import still wrapped in the preload helper, as minified: `h(()=>import("./a.js"),[],import.meta.url)` or with `void 0`. */
const WRAPPED_IMPORT = /\(\s*\(\)\s*=>\s*import\([^()]*\)\s*,\s*(?:\[|void 0|null|__VITE)/;
/** The activity islands' component files (Astro names each chunk after its component). */
const ACTIVITY_ISLAND = /\/(Conversation|Placement|MessageBuilder)\.[\w-]+\.js$/;
/** A lesson page of each activity kind, and its island. */
const ACTIVITIES = [
  { kind: 'conversation', page: 'lessons/communication/index.html', island: /\/Conversation\.[\w-]+\.js$/ },
  { kind: 'sorting', page: 'lessons/participate/index.html', island: /\/Placement\.[\w-]+\.js$/ },
  { kind: 'matching', page: 'lessons/goals/index.html', island: /\/Placement\.[\w-]+\.js$/ },
  { kind: 'message', page: 'lessons/maintain/index.html', island: /\/MessageBuilder\.[\w-]+\.js$/ },
] as const;

/** What one kind of activity adds to a lesson page (gzip), beyond the first view, the quiz and the reflections. */
export const activityBytes = (page: string, island: RegExp) => gz(activityScripts(DIST, page, island));
const lessonPage = 'lessons/communication/index.html';
const gz = (files: string[]) => files.reduce((s, f) => s + gzipSize(fs.readFileSync(path.join(DIST, f))), 0);

export function pageBytes(page: string) {
  const inline = inlineScripts(DIST, page).reduce((s, c) => s + gzipSize(c), 0);
  return {
    /** First view: module scripts, eagerly hydrated islands and their imports, plus inline scripts. */
    js: gz(pageScripts(DIST, page, '/', { firstView: true })) + inline,
    /** Islands that hydrate when scrolled into view: quiz and reflections (activities are measured one by one below). */
    onScroll: gz(visibleScripts(DIST, page, '/', { except: ACTIVITY_ISLAND })),
    css: pageStyles(DIST, page).reduce((s, f) => s + gzipSize(fs.readFileSync(path.join(DIST, f))), 0),
    html: gzipSize(fs.readFileSync(path.join(DIST, page))),
  };
}

describe('lesson page budgets', () => {
  const bytes = pageBytes(lessonPage);
  it(`first-view JavaScript incl. inline scripts ≤ 12 KiB gzip (measured ${bytes.js} B)`, () => {
    expect(pageScripts(DIST, lessonPage, '/', { firstView: true }).length).toBeGreaterThan(0);
    expect(bytes.js).toBeLessThanOrEqual(12 * KiB);
  });
  it(`what loads on scroll for the quiz and reflections (Preact, their saving and scoring) ≤ 12 KiB gzip (measured ${bytes.onScroll} B)`, () => {
    expect(visibleScripts(DIST, lessonPage).length).toBeGreaterThan(0);
    expect(bytes.onScroll).toBeLessThanOrEqual(12 * KiB);
  });
  it(`CSS ≤ 10 KiB gzip (measured ${bytes.css} B)`, () => expect(bytes.css).toBeLessThanOrEqual(10 * KiB));
  it(`HTML ≤ 25 KiB gzip (measured ${bytes.html} B)`, () => expect(bytes.html).toBeLessThanOrEqual(25 * KiB));
  it('the practice islands (quiz, reflections) hydrate only when scrolled into view', () => {
    const html = fs.readFileSync(path.join(DIST, lessonPage), 'utf8');
    const directives = [...html.matchAll(/<course-island[^>]*\sdata-when="([a-z]+)"/g)].map((m) => m[1]);
    expect(directives.length).toBeGreaterThanOrEqual(3);
    expect(new Set(directives)).toEqual(new Set(['visible']));
  });
});

describe('practice activities', () => {
  for (const { kind, page, island } of ACTIVITIES) {
    const own = activityScripts(DIST, page, island);
    const bytes = activityBytes(page, island);
    it(`${kind}: its own JavaScript ≤ 3 KiB gzip, loaded only when scrolled into view (measured ${bytes} B: ${own.map((f) => path.basename(f)).join(', ')})`, () => {
      expect(own.length).toBeGreaterThan(0);
      expect(own.some((f) => island.test(`/${f}`))).toBe(true);
      expect(bytes).toBeLessThanOrEqual(3 * KiB);
      const first = pageScripts(DIST, page, '/', { firstView: true });
      for (const f of own) expect(first, `${f} is in the first view of ${page}`).not.toContain(f);
    });
    it(`${kind}: the lesson's first view stays within the lesson budget (measured ${pageBytes(page).js} B)`, () => {
      expect(pageBytes(page).js).toBeLessThanOrEqual(12 * KiB);
      expect(pageBytes(page).onScroll).toBeLessThanOrEqual(12 * KiB);
    });
  }
  it('a page without activities loads no activity code', () => {
    for (const page of ['index.html', 'sources/index.html', 'conclusion/index.html']) {
      const all = [...pageScripts(DIST, page), ...visibleScripts(DIST, page)];
      expect(
        all.filter((f) => ACTIVITY_ISLAND.test(`/${f}`)),
        page,
      ).toEqual([]);
    }
  });
  it('every activity island hydrates only when scrolled into view', () => {
    for (const { page } of ACTIVITIES) {
      const html = fs.readFileSync(path.join(DIST, page), 'utf8');
      const islands = [...html.matchAll(/<course-island\b[^>]*>/g)]
        .map((m) => m[0])
        .filter((tag) => /\sdata-name="(Conversation|Placement|MessageBuilder)"/.test(tag));
      expect(islands.length, page).toBe(1);
      expect(islands[0]).toMatch(/\sdata-when="visible"/);
    }
  });
});

/**
 * Everything a page's JavaScript comes to once every island on it has started (first view, every
 * island's code, inline scripts), gzip. Issue 21 asks for at most 18 KiB on a lesson and 20 KiB on
 * the plan page; this build is over both (a lesson ~24.2 KiB, the plan ~25.7 KiB; where a lesson's
 * bytes go, part by part, is in docs/architecture.md §6).
 * These ceilings keep it from growing while the gap is closed.
 */
describe('JavaScript with every island in view', () => {
  const allJs = (page: string) =>
    [...new Set([...pageScripts(DIST, page), ...visibleScripts(DIST, page)])].reduce((s, f) => s + gzipSize(fs.readFileSync(path.join(DIST, f))), 0) +
    inlineScripts(DIST, page).reduce((s, c) => s + gzipSize(c), 0);
  const lessonPages = fs.readdirSync(path.join(DIST, 'lessons')).map((slug) => `lessons/${slug}/index.html`);
  const lessonMax = Math.max(...lessonPages.map(allJs));
  // Raised by 0.5 KiB each for the fixes of an accessibility review and a learner's walk-through
  // (the lesson 24,384 → 24,844 B, the plan 26,079 → 26,388 B): leaving a part that could not load
  // asks first, a completed lesson says so, quiz feedback marks each choice, save states announce
  // only problems, focus moves before announcements.
  // Raised again, for the lesson only, by 0.5 KiB (24,844 → 25,185 B) for stop 26's fixes: a
  // stale stored value no longer replaces saved text (autosave), unanswered questions are a focused
  // message with links, a quiz shows its last attempt again after a reload, and says how many right
  // answers pass.
  it(`a lesson ≤ 25 KiB gzip (largest measured ${lessonMax} B; issue 21's target, 18 KiB, is not met yet)`, () => {
    expect(lessonPages).toHaveLength(10);
    expect(lessonMax).toBeLessThanOrEqual(25 * KiB);
  });
  const plan = allJs('plan/index.html');
  it(`the plan page ≤ 26 KiB gzip (measured ${plan} B; issue 21's target, 20 KiB, is not met yet)`, () => expect(plan).toBeLessThanOrEqual(26 * KiB));
  it('the check for wrapped imports tells a wrapped call from a plain one', () => {
    for (const wrapped of [
      'h(()=>import("./a.js"),[],import.meta.url)',
      'Ke(() => import("./a.js"), void 0, import.meta.url)',
      'x(()=>import("./a.js"),__VITE_PRELOAD__ab)',
    ])
      expect(wrapped).toMatch(WRAPPED_IMPORT);
    for (const plain of ['Quiz(){return import("./Quiz.js")}', '(()=>import("./a.js"))()', 'var o=()=>import("./calendar.js").catch(()=>null)'])
      expect(plain).not.toMatch(WRAPPED_IMPORT);
  });
  it('no page carries Vite’s preload helper: dynamic imports stay plain (scripts/plain-imports.mjs)', () => {
    const chunks = fs.readdirSync(path.join(DIST, '_astro')).filter((f) => f.endsWith('.js'));
    expect(chunks.length).toBeGreaterThan(10);
    for (const f of chunks) {
      const code = fs.readFileSync(path.join(DIST, '_astro', f), 'utf8');
      expect(code, f).not.toMatch(/vite:preloadError|__VITE_PRELOAD__/);
      // Every call is unwrapped: none still passes through the (one-line) helper with its dependency list.
      expect(code, f).not.toMatch(WRAPPED_IMPORT);
    }
  });
  it('every page starts with one module script of its own (notices, contents, part bar, islands in one request)', () => {
    for (const page of ['index.html', lessonPages[0], 'plan/index.html']) {
      const html = fs.readFileSync(path.join(DIST, page), 'utf8');
      expect([...html.matchAll(/<script[^>]*\btype="module"[^>]*\bsrc=/g)], page).toHaveLength(1);
    }
  });
});
