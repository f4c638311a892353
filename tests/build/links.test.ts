/** Link checker: every internal link and asset of the built site resolves to a file. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DIST, htmlPages } from './site';

function brokenLinks(dir: string, base: string): string[] {
  const broken: string[] = [];
  for (const page of htmlPages(dir)) {
    const html = fs.readFileSync(path.join(dir, page), 'utf8');
    const pageUrl = new URL(`http://site/${base.replace(/^\//, '')}${page.replace(/index\.html$/, '')}`);
    const urls = [...html.matchAll(/\s(?:href|src|component-url|renderer-url|action|poster)="([^"]*)"/g)].map((m) => m[1]);
    for (const raw of urls) {
      if (/^(mailto:|tel:|data:|javascript:|https?:\/\/(?!site\/))/.test(raw) || raw.startsWith('#')) continue;
      const url = new URL(raw.replace(/&amp;/g, '&'), pageUrl);
      if (url.host !== 'site') continue;
      if (!url.pathname.startsWith(base)) {
        broken.push(`${page}: ${raw} (outside base ${base})`);
        continue;
      }
      let file = decodeURIComponent(url.pathname.slice(base.length));
      if (file === '' || file.endsWith('/')) file += 'index.html';
      if (!fs.existsSync(path.join(dir, file))) broken.push(`${page}: ${raw}`);
      if (url.hash && file.endsWith('.html')) {
        const target = fs.readFileSync(path.join(dir, file), 'utf8');
        if (!target.includes(`id="${url.hash.slice(1)}"`)) broken.push(`${page}: ${raw} (no such anchor)`);
      }
    }
  }
  return broken;
}

describe('links', () => {
  it('no broken internal link or asset in dist/', () => {
    expect(brokenLinks(DIST, '/')).toEqual([]);
  });
  it('no broken link in the /course/ build (dist-base/), and nothing escapes the base path', () => {
    expect(brokenLinks(`${DIST}-base`, '/course/')).toEqual([]);
  });
  it('all 13 pages exist', () => {
    expect(htmlPages(DIST).length).toBeGreaterThanOrEqual(13);
  });
});
