/**
 * The SCORM packages written by `npm run package` (scripts/package-scorm.mjs): run that first.
 * COURSE_PACKAGES_DIR names the folder (default packages/).
 *
 * Schema validation: xmllint (Debian: libxml2-utils) against the XSD files shipped in each zip.
 * xmllint takes one schema, and the content packaging XSD alone does not check the ADL/IMS
 * extensions (SCORM 2004's imscp_v1p1.xsd accepts foreign attributes and elements with
 * processContents="lax", so adlcp:scormType="bogus" would pass; SCORM 1.2's strict wildcards
 * would reject even the valid ones). So a small wrapper schema in a temporary folder imports every
 * namespace the manifest lists in xsi:schemaLocation, with the schema file it names there, and the
 * manifest is validated against the wrapper. Deliberately broken manifests must fail, both in
 * the core and in each extension namespace, which proves the extensions really are validated.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import yaml from 'js-yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { leftovers, prefixFor, rewriteText } from '../../scripts/package-scorm/rewrite.mjs';

const PACKAGES = path.resolve(process.env.COURSE_PACKAGES_DIR ?? 'packages');
const VERSIONS = [
  { version: '1.2', zip: 'networking-course-scorm12.zip', scormType: 'adlcp:scormtype', schemaversion: '1.2' },
  { version: '2004', zip: 'networking-course-scorm2004.zip', scormType: 'adlcp:scormType', schemaversion: '2004 4th Edition' },
] as const;
type Version = (typeof VERSIONS)[number];

const course = (yaml.load(fs.readFileSync('content/course.yaml', 'utf8')) as { course: { title: string; courseId: string } }).course;

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'scorm-package-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

interface Package {
  files: Map<string, Uint8Array>;
  manifest: string;
  text: (name: string) => string;
}
const cache = new Map<string, Package>();
/** The zip, unpacked in memory; fails with a hint when `npm run package` has not run. */
function pkg(v: Version): Package {
  const hit = cache.get(v.zip);
  if (hit) return hit;
  const file = path.join(PACKAGES, v.zip);
  if (!fs.existsSync(file)) throw new Error(`${file} not found: run npm run package first`);
  const entries = unzipSync(fs.readFileSync(file));
  const files = new Map(Object.entries(entries).filter(([name]) => !name.endsWith('/')));
  const text = (name: string) => {
    const bytes = files.get(name);
    if (!bytes) throw new Error(`${name} is not in ${v.zip}`);
    return strFromU8(bytes);
  };
  const p = { files, manifest: text('imsmanifest.xml'), text };
  cache.set(v.zip, p);
  return p;
}

const decodeXml = (s: string) =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
/** Schema files shipped at the zip root (not course files, not listed in the manifest). */
const isSchemaFile = (name: string) => /^[^/]+\.(xsd|dtd)$/.test(name);
/** [namespace, schema file] pairs of the manifest's xsi:schemaLocation. */
function schemaLocations(manifest: string): [string, string][] {
  const value = /\sxsi:schemaLocation="([^"]*)"/.exec(manifest)?.[1] ?? '';
  const parts = value.trim().split(/\s+/).filter(Boolean);
  return parts.flatMap((p, i) => (i % 2 ? [] : [[p, parts[i + 1]] as [string, string]]));
}

/**
 * Validates a manifest text with xmllint against the schemas of a package (see the header).
 * Returns xmllint's exit status and messages.
 */
function validate(v: Version, manifest: string, name: string): { status: number | null; output: string } {
  const { files } = pkg(v);
  const dir = path.join(tmp, `${v.version}-${name}`);
  fs.mkdirSync(dir, { recursive: true });
  for (const [f, bytes] of files) if (isSchemaFile(f)) fs.writeFileSync(path.join(dir, f), bytes);
  const imports = schemaLocations(pkg(v).manifest)
    .map(([ns, xsd]) => `  <xs:import namespace="${ns}" schemaLocation="${xsd}"/>`)
    .join('\n');
  fs.writeFileSync(
    path.join(dir, 'all-namespaces.xsd'),
    `<?xml version="1.0" encoding="UTF-8"?>\n<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">\n${imports}\n</xs:schema>\n`,
  );
  fs.writeFileSync(path.join(dir, 'imsmanifest.xml'), manifest);
  const r = spawnSync('xmllint', ['--noout', '--nonet', '--schema', 'all-namespaces.xsd', 'imsmanifest.xml'], { cwd: dir, encoding: 'utf8' });
  if (r.error) throw new Error(`xmllint could not run (${r.error.message}): install libxml2-utils`);
  return { status: r.status, output: `${r.stdout}${r.stderr}` };
}

/** Applies a text edit that must change something (so a broken-manifest test cannot go stale). */
function edit(text: string, from: string | RegExp, to: string) {
  const out = text.replace(from, to);
  expect(out, `edit ${from} did not apply`).not.toBe(text);
  return out;
}

/** Attributes whose value is a URL the browser loads or navigates to. */
const URL_ATTRS = new Set(['href', 'src', 'component-url', 'renderer-url', 'before-hydration-url', 'action', 'poster', 'data']);
const hasScheme = (u: string) => /^[a-z][a-z0-9+.-]*:/i.test(u);

/** Every package-internal URL of an HTML file (attributes, JSON in attributes, CSS url()). */
function internalUrls(html: string): string[] {
  const urls: string[] = [];
  for (const m of html.matchAll(/<[a-z][\w-]*((?:\s+[^\s=>]+(?:="[^"]*"|='[^']*')?)*)\s*\/?>/gi)) {
    for (const a of m[1].matchAll(/\s([^\s=>]+)(?:="([^"]*)"|='([^']*)')/g)) {
      const name = a[1].toLowerCase();
      const value = a[2] ?? a[3] ?? '';
      if (name === 'data-base') continue; // a prefix, checked separately
      if (URL_ATTRS.has(name) || /^\.\.?\//.test(value)) urls.push(value);
      // JSON inside attributes (island props, data-*): quoted strings that are relative paths.
      for (const j of value.matchAll(/(?:&quot;|&#34;|")(\.\.?\/[^&"]*)(?:&quot;|&#34;|")/g)) urls.push(j[1]);
    }
  }
  for (const m of html.matchAll(/url\(\s*['"]?([^'")]+)['"]?\s*\)/g)) urls.push(m[1]);
  return urls.filter((u) => u && !u.startsWith('#') && !hasScheme(u) && !u.startsWith('data:'));
}

/** Resolves a relative URL against a package file; null when it leaves the package. */
function resolveIn(file: string, url: string): string | null {
  const p = decodeURIComponent(url.replace(/[?#].*$/, ''));
  const joined = path.posix.normalize(path.posix.join(path.posix.dirname(file), p));
  return joined.startsWith('../') || joined === '..' ? null : joined;
}

describe('rewriting placeholder URLs (scripts/package-scorm/rewrite.mjs)', () => {
  const lesson = 'lessons/goals/index.html';
  it('computes the way back to the package root', () => {
    expect(prefixFor('index.html')).toBe('./');
    expect(prefixFor('launch/index.html')).toBe('../');
    expect(prefixFor(lesson)).toBe('../../');
  });
  it('makes attribute URLs relative and gives directory URLs index.html', () => {
    expect(rewriteText('<a href="/__COURSE_BASE__/">', lesson)).toBe('<a href="../../index.html">');
    expect(rewriteText('<a href="/__COURSE_BASE__/conclusion/#end">', lesson)).toBe('<a href="../../conclusion/index.html#end">');
    expect(rewriteText('<a href="/__COURSE_BASE__/?embed=1">', 'index.html')).toBe('<a href="./index.html?embed=1">');
    expect(rewriteText('<script src="/__COURSE_BASE__/_astro/a.js">', lesson)).toBe('<script src="../../_astro/a.js">');
  });
  it('rewrites island props JSON, inline scripts and CSS', () => {
    expect(rewriteText('props="{&quot;href&quot;:[0,&quot;/__COURSE_BASE__/lessons/value/&quot;]}"', lesson)).toBe(
      'props="{&quot;href&quot;:[0,&quot;../../lessons/value/index.html&quot;]}"',
    );
    expect(rewriteText('data-x="{&#34;a&#34;:&#34;/__COURSE_BASE__/plan/&#34;}"', 'launch/index.html')).toBe(
      'data-x="{&#34;a&#34;:&#34;../plan/index.html&#34;}"',
    );
    expect(rewriteText(`<script>go('/__COURSE_BASE__/review/')</script>`, lesson)).toBe(`<script>go('../../review/index.html')</script>`);
    expect(rewriteText('a{background:url(/__COURSE_BASE__/icon.svg)}', '_astro/x.css')).toBe('a{background:url(../icon.svg)}');
  });
  it('gives data-base only the prefix', () => {
    expect(rewriteText('<html lang="ja" data-base="/__COURSE_BASE__/">', lesson)).toBe('<html lang="ja" data-base="../../">');
    expect(rewriteText('<html data-base="/__COURSE_BASE__/">', 'index.html')).toBe('<html data-base="./">');
  });
  it('leaves placeholders inside other URLs for the left-over check', () => {
    const text = '<a href="https://example.org/__COURSE_BASE__/x/">';
    expect(rewriteText(text, lesson)).toBe(text);
    expect(leftovers(text)).toHaveLength(1);
  });
});

describe.each(VERSIONS)('SCORM $version package', (v) => {
  it('exists (run npm run package first)', () => {
    expect(fs.existsSync(path.join(PACKAGES, v.zip)), `${path.join(PACKAGES, v.zip)} missing: run npm run package first`).toBe(true);
  });

  it('has an imsmanifest.xml that validates against the shipped XSDs', () => {
    const { manifest, files } = pkg(v);
    const locations = schemaLocations(manifest);
    expect(locations.length).toBeGreaterThanOrEqual(2);
    for (const [, xsd] of locations) expect(files.has(xsd), `${xsd} (named in xsi:schemaLocation) is in the zip`).toBe(true);
    const expected =
      v.version === '1.2'
        ? ['http://www.imsproject.org/xsd/imscp_rootv1p1p2', 'http://www.adlnet.org/xsd/adlcp_rootv1p2']
        : [
            'http://www.imsglobal.org/xsd/imscp_v1p1',
            'http://www.adlnet.org/xsd/adlcp_v1p3',
            'http://www.adlnet.org/xsd/adlseq_v1p3',
            'http://www.adlnet.org/xsd/adlnav_v1p3',
            'http://www.imsglobal.org/xsd/imsss',
          ];
    expect(locations.map(([ns]) => ns)).toEqual(expect.arrayContaining(expected));
    const { status, output } = validate(v, manifest, 'valid');
    expect(output).toMatch(/imsmanifest\.xml validates/);
    expect(status).toBe(0);
  });

  it('proves the validation is real: broken manifests fail, in the core and in each extension', () => {
    const { manifest } = pkg(v);
    const broken: Record<string, string> = {
      'missing-resources': edit(manifest, /<\/?resources>/g, ''),
      'duplicate-id': edit(manifest, /identifier="ITEM-[^"]*"/, `identifier="${/<organization identifier="([^"]+)"/.exec(manifest)![1]}"`),
      'scorm-type': edit(manifest, `${v.scormType}="sco"`, `${v.scormType}="bogus"`),
    };
    if (v.version === '2004') {
      broken.imsss = edit(manifest, 'flow="true"', 'flow="maybe"');
      broken.adlseq = edit(manifest, 'adlseq:objectivesGlobalToSystem="false"', 'adlseq:objectivesGlobalToSystem="nope"');
      broken.adlcp = edit(manifest, 'adlcp:sharedDataGlobalToSystem="false"', 'adlcp:sharedDataGlobalToSystem="nope"');
    } else {
      broken['adlcp-element'] = edit(manifest, '</item>', '<adlcp:timelimitaction>never</adlcp:timelimitaction></item>');
    }
    for (const [name, text] of Object.entries(broken)) {
      const { status, output } = validate(v, text, name);
      expect(output, name).toMatch(/fails to validate/);
      expect(status, name).not.toBe(0);
    }
  });

  it('has one SCO resource launching launch/index.html, and the course title and version', () => {
    const { manifest, files } = pkg(v);
    const resources = [...manifest.matchAll(/<resource\s[^>]*>/g)].map((m) => m[0]);
    expect(resources).toHaveLength(1);
    expect(resources[0]).toContain(`${v.scormType}="sco"`);
    expect(resources[0]).toContain('href="launch/index.html"');
    expect(files.has('launch/index.html')).toBe(true);
    expect(decodeXml(manifest)).toContain(course.title);
    expect(manifest).toContain(`<schemaversion>${v.schemaversion}</schemaversion>`);
    if (v.version === '1.2') expect(manifest).not.toMatch(/masteryscore/);
  });

  it('lists every file of the zip in the manifest, and only those', () => {
    const { manifest, files } = pkg(v);
    const listed = [...manifest.matchAll(/<file\s+href="([^"]*)"/g)].map((m) => decodeURIComponent(decodeXml(m[1])));
    expect(new Set(listed).size, 'no file listed twice').toBe(listed.length);
    const missing = listed.filter((f) => !files.has(f));
    expect(missing, 'listed but not in the zip').toEqual([]);
    const content = [...files.keys()].filter((f) => f !== 'imsmanifest.xml' && !isSchemaFile(f));
    const unlisted = content.filter((f) => !listed.includes(f));
    expect(unlisted, 'in the zip but not listed').toEqual([]);
    expect(listed).toContain('launch/index.html');
  });

  it('has the launcher with its page map, the 1.2 status option and the question catalog', () => {
    const { text } = pkg(v);
    const launch = text('launch/index.html');
    const attr = (name: string) => decodeXml(new RegExp(`${name}="([^"]*)"`).exec(launch)?.[1] ?? '');
    expect(attr('data-status12')).toBe((course as { scorm?: { status12?: string } }).scorm?.status12 ?? 'completed-incomplete');
    const pages = JSON.parse(attr('data-pages')) as Record<string, string>;
    expect(pages).toMatchObject({ home: '../index.html', conclusion: '../conclusion/index.html' });
    expect(attr('data-catalog')).toBe('../lms-catalog.json');
    const catalog = JSON.parse(text('lms-catalog.json'));
    expect(catalog.courseId).toBe(course.courseId);
    for (const [key, href] of Object.entries(pages)) expect(pkg(v).files.has(href.replace(/^\.\.\//, '')), `${key} → ${href}`).toBe(true);
    const lessonSlugs = Object.keys(pages).filter((k) => pages[k].startsWith('../lessons/'));
    expect(catalog.lessons.map((l: { slug: string }) => l.slug)).toEqual(lessonSlugs);
    for (const l of catalog.lessons) {
      expect(l.quiz.length, l.slug).toBeGreaterThanOrEqual(3);
      for (const q of [...l.quiz, ...l.pre, ...l.final])
        expect(
          q.correct.every((c: string) => q.options.includes(c)),
          q.id,
        ).toBe(true);
    }
  });

  it('leaves out the service worker, the web app manifest and the 404 page', () => {
    const names = [...pkg(v).files.keys()];
    expect(names.filter((f) => /(^|\/)(sw\.js|workbox-[^/]*\.js|manifest\.webmanifest|404\.html)$/.test(f))).toEqual([]);
  });

  it('has no absolute URLs and no base placeholder left', () => {
    const { files, text } = pkg(v);
    const bad: string[] = [];
    for (const f of files.keys()) {
      if (!/\.(html|css|js|mjs|json|svg|webmanifest|xml)$/.test(f)) continue;
      const t = text(f);
      if (t.includes('__COURSE_BASE__')) bad.push(`${f}: __COURSE_BASE__`);
      if (f.endsWith('.html')) {
        for (const m of t.matchAll(/="\/[^"]{0,60}/g)) bad.push(`${f}: ${m[0]}`);
        if (/<link\b[^>]*rel="manifest"/.test(t)) bad.push(`${f}: <link rel="manifest">`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('has internal links that all resolve to files in the zip', () => {
    const { files, text } = pkg(v);
    const pages = [...files.keys()].filter((f) => f.endsWith('.html'));
    expect(pages.length).toBeGreaterThan(10);
    const broken: string[] = [];
    let checked = 0;
    for (const page of pages) {
      const html = text(page);
      const base = /<html\b[^>]*\sdata-base="([^"]*)"/.exec(html)?.[1];
      if (base !== undefined && base !== prefixFor(page)) broken.push(`${page}: data-base="${base}"`);
      for (const url of internalUrls(html)) {
        checked++;
        const target = resolveIn(page, url);
        if (!target || !files.has(target)) broken.push(`${page}: ${url}`);
      }
    }
    for (const css of [...files.keys()].filter((f) => f.endsWith('.css'))) {
      for (const m of text(css).matchAll(/url\(\s*['"]?([^'")]+)['"]?\s*\)/g)) {
        if (hasScheme(m[1]) || m[1].startsWith('#')) continue;
        checked++;
        const target = resolveIn(css, m[1]);
        if (!target || !files.has(target)) broken.push(`${css}: ${m[1]}`);
      }
    }
    // Chunks import each other (and list preload dependencies) with paths relative to themselves.
    for (const js of [...files.keys()].filter((f) => f.endsWith('.js'))) {
      for (const m of text(js).matchAll(/["'`](\.\.?\/[^"'`\s]+\.(?:js|css))["'`]/g)) {
        checked++;
        const target = resolveIn(js, m[1]);
        if (!target || !files.has(target)) broken.push(`${js}: ${m[1]}`);
      }
    }
    expect(broken).toEqual([]);
    expect(checked).toBeGreaterThan(100);
  });
});
