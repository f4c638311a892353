/** The web app manifest and the precache, as built. */
import fs from 'node:fs';
import { gzipSync } from 'node:zlib';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DIST } from './site';

/** Width and height from a PNG's IHDR chunk. */
function pngSize(file: string) {
  const b = fs.readFileSync(file);
  expect(b.subarray(1, 4).toString()).toBe('PNG');
  return `${b.readUInt32BE(16)}x${b.readUInt32BE(20)}`;
}

for (const [dir, base] of [
  [DIST, '/'],
  [`${DIST}-base`, '/course/'],
] as const) {
  describe(`web app manifest (${path.basename(dir)}, base ${base})`, () => {
    const manifest = JSON.parse(fs.readFileSync(path.resolve(dir, 'manifest.webmanifest'), 'utf8'));
    it('has Japanese names, lang, standalone display and colours', () => {
      expect(manifest.name).toContain('人間関係の構築とキャリア');
      expect(manifest.short_name.length).toBeLessThanOrEqual(12);
      expect(manifest.lang).toBe('ja');
      expect(manifest.display).toBe('standalone');
      expect(manifest.theme_color).toMatch(/^#[0-9a-f]{6}$/i);
      expect(manifest.background_color).toMatch(/^#[0-9a-f]{6}$/i);
      expect(manifest.description.length).toBeGreaterThan(10);
    });
    it('start_url and scope follow the base path', () => {
      expect(manifest.start_url).toBe(base);
      expect(manifest.scope).toBe(base);
    });
    it('icons exist with the declared sizes, including 192, 512, maskable and SVG', () => {
      for (const icon of manifest.icons) {
        const file = path.resolve(dir, icon.src);
        expect(fs.existsSync(file), icon.src).toBe(true);
        if (icon.type === 'image/png') expect(pngSize(file)).toBe(icon.sizes);
      }
      const sizes = manifest.icons.map((i: { sizes: string }) => i.sizes);
      expect(sizes).toEqual(expect.arrayContaining(['192x192', '512x512', 'any']));
      expect(manifest.icons.some((i: { purpose?: string }) => i.purpose === 'maskable')).toBe(true);
    });
    it('every page links the manifest', () => {
      const html = fs.readFileSync(path.resolve(dir, 'index.html'), 'utf8');
      expect(html).toContain(`<link rel="manifest" href="${base}manifest.webmanifest"`);
    });
  });
}

describe('precache', () => {
  const sw = fs.readFileSync(path.join(DIST, 'sw.js'), 'utf8');
  const entries = [...sw.matchAll(/\{url:"([^"]+)",revision:(?:"[^"]*"|null)\}/g)].map((m) => m[1]);
  const bytes = entries.reduce((s, u) => {
    const rel = u === '/' ? 'index.html' : u.endsWith('/') ? `${u}index.html` : u;
    const f = path.join(DIST, rel.replace(/^\//, ''));
    return s + (fs.existsSync(f) ? fs.statSync(f).size : 0);
  }, 0);
  it('holds every page of the course', () => {
    for (const page of ['/', 'conclusion/', 'lessons/importance/', 'lessons/feedback/']) expect(entries).toContain(page);
    expect(entries.filter((u) => /^lessons\/[^/]+\/$/.test(u))).toHaveLength(10);
  });
  it("holds every lesson's practice data (its quiz, reflections and activities start offline too)", () => {
    const lessons = fs.readdirSync(path.join(DIST, 'lessons'));
    expect(lessons).toHaveLength(10);
    for (const slug of lessons) expect(entries).toContain(`lessons/${slug}/practice.json`);
  });
  it('holds every script and stylesheet the pages use', () => {
    // Not the launch page's script (launch/ is for LMSs, which never run the worker) nor the unused stand-in for Astro's island client.
    const notForPages = /^(launch\.astro_|astro-client\.)/;
    for (const f of fs.readdirSync(path.join(DIST, '_astro')).filter((f) => !notForPages.test(f))) expect(entries, f).toContain(`_astro/${f}`);
  });
  // What a learner's phone downloads to go offline: the service worker fetches with compression,
  // so the gzip size is the transfer (images count as stored). Raw bytes bound the storage it takes.
  const transfer = entries.reduce((s, u) => {
    const rel = u === '/' ? 'index.html' : u.endsWith('/') ? `${u}index.html` : u;
    const f = path.join(DIST, rel.replace(/^\//, ''));
    if (!fs.existsSync(f)) return s;
    const b = fs.readFileSync(f);
    return s + (/\.(png|jpe?g|webp|woff2)$/.test(f) ? b.length : gzipSync(b, { level: 9 }).length);
  }, 0);
  it(`downloads at most 400 KB to go offline (measured ${transfer} B gzip, ${bytes} B stored, ${entries.length} files)`, () => {
    expect(transfer).toBeLessThan(400_000);
    expect(bytes).toBeLessThan(1_500_000);
  });
});
