/** Byte budgets (gzip) for a lesson page: everything the page loads. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DIST, gzipSize, inlineScripts, pageScripts, pageStyles } from './site';

const KiB = 1024;
const lessonPage = 'lessons/communication/index.html';

export function pageBytes(page: string) {
  const js = pageScripts(DIST, page).reduce((s, f) => s + gzipSize(fs.readFileSync(path.join(DIST, f))), 0) +
    inlineScripts(DIST, page).reduce((s, c) => s + gzipSize(c), 0);
  const css = pageStyles(DIST, page).reduce((s, f) => s + gzipSize(fs.readFileSync(path.join(DIST, f))), 0);
  const html = gzipSize(fs.readFileSync(path.join(DIST, page)));
  return { js, css, html };
}

describe('lesson page budgets', () => {
  const bytes = pageBytes(lessonPage);
  it(`JavaScript ≤ 15 KiB gzip (measured ${bytes.js} B)`, () => {
    expect(pageScripts(DIST, lessonPage).length).toBeGreaterThan(0);
    expect(bytes.js).toBeLessThanOrEqual(15 * KiB);
  });
  it(`CSS ≤ 10 KiB gzip (measured ${bytes.css} B)`, () => expect(bytes.css).toBeLessThanOrEqual(10 * KiB));
  it(`HTML ≤ 25 KiB gzip (measured ${bytes.html} B)`, () => expect(bytes.html).toBeLessThanOrEqual(25 * KiB));
  it('islands hydrate lazily (client:idle, or client:frame which hydrates only inside frames)', () => {
    const html = fs.readFileSync(path.join(DIST, lessonPage), 'utf8');
    const directives = [...html.matchAll(/<astro-island[^>]*\sclient="([a-z]+)"/g)].map((m) => m[1]);
    expect(directives.length).toBeGreaterThanOrEqual(4);
    expect(new Set(directives)).toEqual(new Set(['idle', 'frame']));
  });
});
