/**
 * The look of issue 21 stays light. On every built page, what it adds — its stylesheets
 * (src/styles/palette.css and look-*.css, those the page loads, minified) and its drawings (every
 * inline <svg class="art…">: covers, portraits, icons) — weighs at most 4 KiB gzip, and it comes
 * with the page (inline SVG; stylesheets linked from its head, nothing fetched later). No web font.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DIST, gzipSize, htmlPages, pageCss } from './site';

const BUDGET = 4096;
const LOOK_CSS = ['src/styles/palette.css', 'src/styles/look-home.css', 'src/styles/look-lesson.css'];

/** A stylesheet without comments and needless white space (what a minifier keeps, near enough). */
const minify = (css: string) =>
  css
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\s+/g, ' ')
    .replace(/\s*([{};,])\s*/g, '$1')
    .replace(/:\s+/g, ':')
    .replace(/;}/g, '}')
    .trim();
const classes = (css: string) => new Set([...css.replace(/\{[^}]*\}/g, '{}').matchAll(/\.([a-zA-Z][\w-]*)/g)].map((m) => m[1]));
const source = new Map(LOOK_CSS.map((f) => [f, minify(fs.readFileSync(f, 'utf8'))]));
/** The class names each look stylesheet alone styles: its fingerprint in a page's built CSS. */
const own = new Map(
  LOOK_CSS.map((f) => {
    const others = new Set(
      [...LOOK_CSS.filter((g) => g !== f).map((g) => source.get(g)!), fs.readFileSync('src/styles/global.css', 'utf8')].flatMap((c) => [...classes(c)]),
    );
    return [f, [...classes(source.get(f)!)].filter((c) => !others.has(c))];
  }),
);

/** The look stylesheets a page loads: all of one's own class names are in the page's CSS, or none. */
function lookCss(page: string): string[] {
  const css = pageCss(DIST, page);
  return LOOK_CSS.filter((f) => {
    const found = own.get(f)!.filter((c) => new RegExp(`\\.${c}(?![\\w-])`).test(css));
    if (found.length > 0 && found.length < own.get(f)!.length) throw new Error(`${page} has only part of ${f} (${found.join(', ')})`);
    return found.length > 0;
  });
}
const drawings = (page: string) => [...fs.readFileSync(path.join(DIST, page), 'utf8').matchAll(/<svg class="art[\s\S]*?<\/svg>/g)].map((m) => m[0]);

/** What the look weighs on a page (gzip): its stylesheets together, plus its drawings together. */
export function lookBytes(page: string) {
  const files = lookCss(page);
  const art = drawings(page);
  const css = files.length ? gzipSize(files.map((f) => source.get(f)!).join('')) : 0;
  const svg = art.length ? gzipSize(art.join('')) : 0;
  return { files, css, svg, total: css + svg, count: art.length };
}

describe('the look: at most 4 KiB gzip on every page', () => {
  for (const page of htmlPages()) {
    const b = lookBytes(page);
    it(`${page}: ${b.total} B (CSS ${b.css} B: ${b.files.map((f) => path.basename(f)).join(' + ') || 'none'}; ${b.count} drawings ${b.svg} B)`, () => {
      expect(b.total).toBeLessThanOrEqual(BUDGET);
    });
  }
});

describe('what the measure sees', () => {
  it('each look stylesheet has class names of its own to be found by', () => {
    for (const f of LOOK_CSS) expect(own.get(f)!.length, f).toBeGreaterThan(2);
  });
  it('the home page: a card cover for each of the ten lessons and the cast in its hero, with the palette and the home look', () => {
    const art = drawings('index.html');
    expect(art.filter((s) => s.includes('art-card'))).toHaveLength(10);
    expect(art.filter((s) => s.includes('art-avatar')).length).toBeGreaterThan(0);
    expect(lookCss('index.html')).toEqual(['src/styles/palette.css', 'src/styles/look-home.css']);
  });
  it('a lesson page: its hero cover and the lesson look; a conversation adds its cast', () => {
    for (const page of htmlPages().filter((p) => p.startsWith('lessons/'))) {
      expect(
        drawings(page).filter((s) => s.includes('art-cover art-hero')),
        page,
      ).toHaveLength(1);
      expect(lookCss(page), page).toEqual(['src/styles/palette.css', 'src/styles/look-lesson.css']);
    }
    expect(drawings('lessons/communication/index.html').some((s) => s.includes('art-avatar'))).toBe(true);
  });
  it('a page without drawings loads none of the look', () => {
    for (const page of ['plan/index.html', 'sources/index.html', '404.html']) expect(lookBytes(page), page).toMatchObject({ files: [], total: 0 });
  });
});

describe('no web fonts', () => {
  it('no @font-face in any stylesheet and no font file in the build (system Japanese fonts only)', () => {
    const files = fs.readdirSync(path.join(DIST, '_astro'));
    expect(files.filter((f) => /\.(woff2?|ttf|otf|eot)$/i.test(f))).toEqual([]);
    for (const page of htmlPages()) expect(pageCss(DIST, page), page).not.toMatch(/@font-face/i);
  });
});
