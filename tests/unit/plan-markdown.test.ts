/**
 * The Markdown export escapes learner text: whatever was typed, a real Markdown parser (markdown-it,
 * CommonMark) finds only paragraphs and line breaks in it, with exactly the typed text inside.
 */
import fc from 'fast-check';
import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { escapeMarkdown, planMarkdown } from '../../src/lib/plan/plan';
import { emptyProgress } from '../../src/lib/progress/document';
import { withName, withReflection, withReminders } from '../../src/lib/progress/edits';
import { PLAN_TEXT, REMINDER_TEXT } from '../../src/lib/text/ui-text';

const md = new MarkdownIt('commonmark');
/** What the learner typed, as it should read: lines without leading spaces, trailing blanks ignored. */
const expected = (text: string) =>
  text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((l) => l.trimStart())
    .join('\n')
    .replace(/^\s+|\s+$/g, '');
const decode = (html: string) =>
  html
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');

/** Renders escaped text and returns its elements and its text (line breaks as \n). */
function render(text: string) {
  const html = md.render(escapeMarkdown(text));
  const tags = [...html.matchAll(/<\/?([a-z0-9]+)/g)].map((m) => m[1]);
  const plain = decode(
    html
      .replace(/<br \/>\n?/g, '\n')
      .replace(/<\/p>\n<p>/g, '\n\n')
      .replace(/<\/?p>\n?/g, ''),
  ).replace(/\s+$/g, '');
  return { tags: new Set(tags), plain };
}

const HOSTILE = [
  '本文\n--',
  '本文\n==',
  '# 見出し',
  '- 箇条書き\n* もう一つ\n+ 三つ目',
  '1. 番号\n2) 番号',
  '> 引用',
  '    インデントでコードに',
  '```\nコード\n```',
  '<img src=x onerror=alert(1)>',
  '<script>alert(1)</script>',
  '[リンク](https://example.com) ![画像](x.png) <https://example.com>',
  '**太字** _斜体_ `コード` ~~取り消し~~',
  '| 表 | です |\n|---|---|',
  '&amp; &lt; &#x3C; \\ バックスラッシュ\\',
  '***\n___\n- - -',
];

describe('escapeMarkdown', () => {
  it.each(HOSTILE)('%j stays text', (text) => {
    const { tags, plain } = render(text);
    expect([...tags].filter((t) => t !== 'p' && t !== 'br')).toEqual([]);
    expect(plain).toBe(expected(text));
  });

  it('any text, including every Markdown character, renders to the same text in paragraphs only', () => {
    const chars = fc.constantFrom(...'#*_-+=>`[]()!<>&|~\\\'":.0123 \n\tあ漢'.split(''));
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: chars, maxLength: 40 }), fc.string({ maxLength: 40 })), (text) => {
        fc.pre(!/\n\s*\n/.test(text) && !/[\u0000-\u0008\u000b-\u001f\u007f]/.test(text));
        const { tags, plain } = render(text);
        expect([...tags].filter((t) => t !== 'p' && t !== 'br')).toEqual([]);
        expect(plain).toBe(
          expected(text)
            .replace(/[ \t]+\n/g, '\n')
            .replace(/\n[ \t]+/g, '\n')
            .replace(/[ \t]+$/, ''),
        );
      }),
      { numRuns: 500 },
    );
  });
});

describe('planMarkdown', () => {
  it('escapes the learner name, reflections and reminder names, and keeps its own headings', () => {
    const e = { now: 1000, session: 's' };
    let p = withName(emptyProgress('c', 1), '# <b>山田</b>', e);
    p = withReflection(p, 'l01-r1', '目標\n--\n<img onerror=alert(1)>', e);
    p = withReminders(p, [{ id: 'a', who: '[佐藤](javascript:x)', every: 'monthly' }], e);
    const text = planMarkdown(p, [{ slug: 'a', order: 1, title: 'はじめ', href: '/a/', prompts: [{ id: 'l01-r1', prompt: '問い' }] }], {
      course: '講座',
      date: '2026年12月1日',
      t: PLAN_TEXT,
      every: REMINDER_TEXT.everyLabels,
    });
    const html = md.render(text);
    expect([...html.matchAll(/<(h[1-6])>/g)].map((m) => m[1])).toEqual(['h1', 'h2', 'h3', 'h2']);
    expect(html).not.toMatch(/<(img|b|a|script)\b/);
    expect(html).toContain('# &lt;b&gt;山田&lt;/b&gt;');
    expect(html).toContain('[佐藤](javascript:x)');
  });
});
