/**
 * Every page of every delivery (site, site under /course/, both SCORM packages) carries a strict
 * Content-Security-Policy that really covers it: no 'unsafe-inline' or 'unsafe-eval' for scripts,
 * object-src 'none', base-uri 'self', each inline script and style hashed, no inline style
 * attributes, nothing loaded from another origin. (The e2e suite also fails on any
 * securitypolicyviolation event the browser reports.)
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { DIST, htmlPages } from './site';

const PACKAGES = path.resolve(process.env.COURSE_PACKAGES_DIR ?? 'packages');
const sha = (s: string) => `sha256-${createHash('sha256').update(s).digest('base64')}`;

/** What is wrong with one page's policy, as readable lines (empty when all is well). */
export function cspProblems(html: string): string[] {
  const meta = /<meta http-equiv="content-security-policy" content="([^"]*)"/i.exec(html);
  if (!meta) return ['no Content-Security-Policy <meta>'];
  const policy = meta[1].replace(/&#39;/g, "'");
  const directives = new Map(
    policy
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...sources]) => [name, sources] as const),
  );
  const problems: string[] = [];
  const scripts = directives.get('script-src') ?? directives.get('default-src') ?? [];
  if (scripts.some((s) => s === "'unsafe-inline'" || s === "'unsafe-eval'")) problems.push(`script-src allows unsafe sources: ${scripts.join(' ')}`);
  if ((directives.get('object-src') ?? []).join(' ') !== "'none'") problems.push("object-src is not 'none'");
  if ((directives.get('base-uri') ?? []).join(' ') !== "'self'") problems.push("base-uri is not 'self'");
  for (const [name, sources] of directives) for (const s of sources) if (/^(https?:|\*|wss?:)/.test(s)) problems.push(`${name} allows another origin: ${s}`);
  const hashes = new Set([...policy.matchAll(/'(sha256-[^']+)'/g)].map((m) => m[1]));
  // The policy <meta> must come before every script, or those run unguarded.
  const metaAt = meta.index;
  for (const m of html.matchAll(/<script(?![^>]*\btype="application\/json")([^>]*)>([\s\S]*?)<\/script>/g)) {
    if (m.index! < metaAt) problems.push(`a script comes before the policy: ${m[0].slice(0, 60)}`);
    if (!/\bsrc=/.test(m[1]) && m[2].trim() && !hashes.has(sha(m[2]))) problems.push(`inline script not in the policy: ${m[2].slice(0, 60)}`);
  }
  for (const m of html.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g))
    if (!hashes.has(sha(m[1]))) problems.push(`inline style not in the policy: ${m[1].slice(0, 60)}`);
  for (const m of html.matchAll(/<[a-z-]+\s[^>]*\bstyle="[^"]*"/g)) problems.push(`inline style attribute (blocked by style-src): ${m[0].slice(0, 80)}`);
  for (const m of html.matchAll(/<(?:script|link|img|iframe|source)\b[^>]*\b(?:src|href)="(https?:)?\/\/[^"]+"/g))
    problems.push(`loads from another origin: ${m[0].slice(0, 80)}`);
  return problems;
}

for (const [name, dir] of [
  ['site', DIST],
  ['site under /course/', `${DIST}-base`],
] as const) {
  describe(`Content-Security-Policy: ${name}`, () => {
    const pages = htmlPages(dir);
    it('covers every page, including the SCORM launcher and the 404 page', () => {
      expect(pages).toEqual(expect.arrayContaining(['index.html', 'launch/index.html', '404.html', 'lessons/communication/index.html']));
    });
    for (const page of pages) it(page, () => expect(cspProblems(fs.readFileSync(path.join(dir, page), 'utf8'))).toEqual([]));
  });
}

for (const zip of ['networking-course-scorm12.zip', 'networking-course-scorm2004.zip']) {
  describe(`Content-Security-Policy: ${zip}`, () => {
    const files = Object.entries(unzipSync(fs.readFileSync(path.join(PACKAGES, zip)))).filter(([f]) => f.endsWith('.html'));
    it('has pages', () => expect(files.length).toBeGreaterThan(10));
    for (const [file, bytes] of files) it(file, () => expect(cspProblems(strFromU8(bytes))).toEqual([]));
  });
}

describe('the policy check itself', () => {
  const page = (policy: string, body = '') => `<html><head><meta http-equiv="content-security-policy" content="${policy}"></head><body>${body}</body></html>`;
  const strict = "default-src 'self'; object-src 'none'; base-uri 'self'; script-src 'self'";
  it('accepts a strict policy', () => expect(cspProblems(page(strict))).toEqual([]));
  it('rejects unsafe-inline, a missing object-src, other origins, unhashed inline scripts and style attributes', () => {
    expect(cspProblems(page("object-src 'none'; base-uri 'self'; script-src 'self' 'unsafe-inline'"))).toHaveLength(1);
    expect(cspProblems(page("base-uri 'self'; script-src 'self'"))).toHaveLength(1);
    expect(cspProblems(page(`${strict} https://cdn.example`))).toHaveLength(1);
    expect(cspProblems(page(strict, '<script>alert(1)</script>'))).toHaveLength(1);
    expect(cspProblems(page(`${strict} '${sha('alert(1)')}'`, '<script>alert(1)</script>'))).toEqual([]);
    expect(cspProblems(page(strict, '<p style="color:red">x</p>'))).toHaveLength(1);
    expect(cspProblems('<html><head></head></html>')).toEqual(['no Content-Security-Policy <meta>']);
  });
});

describe('header files for hosts (docs/deploying.md)', () => {
  const headers = fs.readFileSync(path.join(DIST, '_headers'), 'utf8');
  const nginx = fs.readFileSync(path.join(DIST, '_nginx-headers.conf'), 'utf8');
  const policy = /Content-Security-Policy: (.*)/.exec(headers)![1];
  it('carry one policy that allows every inline script and style of every page', () => {
    for (const page of htmlPages(DIST)) {
      const html = fs.readFileSync(path.join(DIST, page), 'utf8');
      for (const m of html.matchAll(/<script(?![^>]*\b(?:src=|type="application\/json"))[^>]*>([\s\S]*?)<\/script>/g))
        if (m[1].trim()) expect(policy, page).toContain(sha(m[1]));
    }
    expect(policy).toContain("object-src 'none'");
    expect(policy).not.toContain('unsafe-inline');
  });
  it("say who may frame the course: 'self' and the embed allowlist of this build", () => {
    // build:test allowlists the e2e host page (E2E_HOST_PORT, 4351 unless a parallel run picks another).
    const host = `http://127.0.0.1:${process.env.E2E_HOST_PORT ?? 4351}`;
    expect(policy).toMatch(new RegExp(`frame-ancestors 'self' ${host.replace(/\./g, '\\.')}(;|$)`));
    expect(nginx).toContain(`add_header Content-Security-Policy "${policy}" always;`);
  });
  it('cache hashed files for a year and revalidate pages and sw.js', () => {
    expect(headers).toMatch(/\/_astro\/\*\n\s+Cache-Control: public, max-age=31536000, immutable/);
    expect(headers).toMatch(/\/sw\.js\n\s+Cache-Control: no-cache/);
    expect(nginx).toContain('add_header Cache-Control "no-cache" always;');
  });
});
