/** Byte budgets (gzip) for a lesson page: everything its first view loads, and what loads on scroll. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DIST, gzipSize, inlineScripts, pageScripts, pageStyles, visibleScripts } from './site';

const KiB = 1024;
const lessonPage = 'lessons/communication/index.html';
const gz = (files: string[]) => files.reduce((s, f) => s + gzipSize(fs.readFileSync(path.join(DIST, f))), 0);

export function pageBytes(page: string) {
  const inline = inlineScripts(DIST, page).reduce((s, c) => s + gzipSize(c), 0);
  return {
    /** First view: module scripts, eagerly hydrated islands and their imports, plus inline scripts. */
    js: gz(pageScripts(DIST, page, '/', { firstView: true })) + inline,
    /** Islands that hydrate when scrolled into view (quiz, reflections, activities). */
    onScroll: gz(visibleScripts(DIST, page)),
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
  it(`what loads on scroll (Preact, quiz, reflections, their saving and scoring) ≤ 12 KiB gzip (measured ${bytes.onScroll} B)`, () => {
    expect(visibleScripts(DIST, lessonPage).length).toBeGreaterThan(0);
    expect(bytes.onScroll).toBeLessThanOrEqual(12 * KiB);
  });
  it(`CSS ≤ 10 KiB gzip (measured ${bytes.css} B)`, () => expect(bytes.css).toBeLessThanOrEqual(10 * KiB));
  it(`HTML ≤ 25 KiB gzip (measured ${bytes.html} B)`, () => expect(bytes.html).toBeLessThanOrEqual(25 * KiB));
  it('the practice islands (quiz, reflections) hydrate only when scrolled into view', () => {
    const html = fs.readFileSync(path.join(DIST, lessonPage), 'utf8');
    const directives = [...html.matchAll(/<astro-island[^>]*\sclient="([a-z]+)"/g)].map((m) => m[1]);
    expect(directives.length).toBeGreaterThanOrEqual(3);
    expect(new Set(directives)).toEqual(new Set(['visible']));
  });
});
