/** The practice activities in the built lessons: each one placed, of its kind, readable before any JavaScript runs. */
import fs from 'node:fs';
import path from 'node:path';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { DIST, textOf } from './site';

interface Act {
  id: string;
  kind: string;
  title: string;
  instructions: string;
  start?: string;
  nodes?: { id: string; line: string; choices?: { text: string }[] }[];
  items?: unknown[];
  pairs?: unknown[];
  fields?: { id: string }[];
}
const lessons = fs
  .readdirSync('content/lessons')
  .filter((f) => f.endsWith('.mdx'))
  .map((f) => ({
    file: f,
    ...(yaml.load(fs.readFileSync(path.join('content/lessons', f), 'utf8').split(/^---$/m)[1]) as { slug: string; activities?: Act[] }),
  }));
const KIND = { conversation: 'branching', sorting: 'sorting', matching: 'matching', message: 'message' } as Record<string, string>;

describe('activities in the built lessons', () => {
  for (const l of lessons)
    for (const a of l.activities ?? [])
      it(`${a.id} (${a.kind}) is on its lesson page with its title, instructions and first step in the HTML`, () => {
        const html = fs.readFileSync(path.join(DIST, 'lessons', l.slug, 'index.html'), 'utf8');
        const open = new RegExp(`<section[^>]*data-activity="${KIND[a.kind]}"[^>]*data-activity-id="${a.id}"`);
        expect(html, `${l.file} does not place ${a.id} (add its component after </Scenario>)`).toMatch(open);
        const section = html.slice(html.search(open), html.indexOf('</section>', html.search(open)));
        const text = textOf(section);
        expect(text).toContain(textOf(a.title));
        expect(text).toContain(textOf(a.instructions));
        if (a.kind === 'conversation') {
          const first = a.nodes!.find((n) => n.id === a.start)!;
          expect(text).toContain(textOf(first.line));
          expect([...section.matchAll(/<button[^>]*data-choice=/g)]).toHaveLength(first.choices!.length);
        } else if (a.kind === 'message') expect([...section.matchAll(/<textarea[^>]*data-field=/g)]).toHaveLength(a.fields!.length);
        else expect([...section.matchAll(/<select\b/g)]).toHaveLength((a.items ?? a.pairs)!.length);
      });

  it('the plan page leads with the if-then commitments', () => {
    const html = fs.readFileSync(path.join(DIST, 'plan', 'index.html'), 'utf8');
    const plan = html.search(/data-activity="plan"/);
    expect(plan).toBeGreaterThan(0);
    expect(plan).toBeLessThan(html.search(/data-plan\b/));
    expect([...html.matchAll(/<fieldset[^>]*data-commitment=/g)]).toHaveLength(3);
  });
});
