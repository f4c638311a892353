/** The course must never drift from its source article: every paragraph appears verbatim. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DIST, htmlPages, textOf } from './site';

const article = fs.readFileSync(path.resolve('content/source/article.ja.txt'), 'utf8');
const lines = article
  .split(/\r?\n/)
  .map((l) => l.trim())
  .filter(Boolean);
const headings = lines.filter((l) => /^\d+\.\s/.test(l) || l === '結論');
const paragraphs = lines.filter((l) => !headings.includes(l));
const site = htmlPages()
  .map((p) => textOf(fs.readFileSync(path.join(DIST, p), 'utf8')))
  .join('\n');
const norm = (s: string) => s.replace(/\s+/g, '');

describe('source fidelity', () => {
  it('the article has an introduction, ten sections and a conclusion', () => {
    expect(headings).toHaveLength(11);
    expect(paragraphs).toHaveLength(12);
  });
  it.each(paragraphs.map((p, i) => [i === 0 ? 'introduction' : i === 11 ? 'conclusion' : `section ${i}`, p]))(
    'the %s paragraph appears verbatim in the built site',
    (_, p) => {
      expect(site.includes(norm(p)), p.slice(0, 40)).toBe(true);
    },
  );
  it.each(headings.map((h) => [h.replace(/^\d+\.\s*/, '')]))('the heading 「%s」 appears', (h) => {
    expect(site.includes(norm(h))).toBe(true);
  });
});
