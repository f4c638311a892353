/** Timed `astro build`s: the real course, and synthetic courses of N lessons for build scaling. */
import fs from 'node:fs';
import path from 'node:path';
import { errorSummary, folderSize, log, median, tail, timeCommand, walk } from './util.mjs';

/**
 * Cold `npx astro build` of the project in `root` (its cache folder is emptied first) into `outDir`.
 * Returns { ms, ok, error (one-line gist), output (last lines), size: { files, bytes } }.
 */
export async function buildSite({ root, outDir, cacheDir, contentDir }) {
  fs.rmSync(cacheDir, { recursive: true, force: true });
  const env = { ...process.env, COURSE_OUT_DIR: outDir, COURSE_CACHE_DIR: cacheDir, ...(contentDir && { COURSE_CONTENT_DIR: contentDir }) };
  fs.rmSync(outDir, { recursive: true, force: true });
  const { ms, cpuMs, code, output, lines } = await timeCommand('npx', ['astro', 'build'], { cwd: root, env });
  const ok = code === 0 && fs.existsSync(path.join(outDir, 'index.html'));
  if (!ok) log(`build in ${root} failed (exit ${code}):\n${tail(output)}`);
  const error = ok ? null : errorSummary(output) || `astro build exited with ${code}`;
  return { ms, cpuMs, ok, error, output: ok ? '' : tail(output, 60), size: ok ? folderSize(outDir) : null, phases: ok ? buildPhases(lines, ms) : null };
}

/**
 * Where a build's wall time went (ms), from the time each of Astro's log lines arrived
 * (`lines` from timeCommand) and its own timings; null when a line is missing:
 *   prepare – until "Building static entrypoints": Node and npx start-up, config, content sync,
 *             collecting build info
 *   server  – the first "[vite] ✓ built in" (the prerender bundle: every page and lesson module)
 *   client  – the second "[vite] ✓ built in" (the browser bundle: islands and scripts)
 *   pages   – "generating static routes … ✓ Completed in" (rendering every HTML page)
 *   after   – from then to the end (build:done hooks: service worker precache, headers; exit)
 */
export function buildPhases(lines, totalMs) {
  const toMs = (num, unit) => (unit === 'ms' ? Number(num) : Number(num) * 1000);
  const find = (re, from = 0) => {
    for (let i = from; i < lines.length; i++) if (re.test(lines[i].text)) return i;
    return -1;
  };
  const building = find(/Building static entrypoints/);
  const vite = lines
    .map((l) => l.text.match(/\[vite\] ✓ built in ([\d.]+)(ms|s)\b/))
    .filter(Boolean)
    .map((m) => toMs(m[1], m[2]));
  const routes = find(/generating static routes/);
  const routesDone = routes >= 0 ? find(/✓ Completed in ([\d.]+)(ms|s)\b/, routes) : -1;
  const done = routesDone >= 0 ? lines[routesDone].text.match(/✓ Completed in ([\d.]+)(ms|s)\b/) : null;
  return {
    prepare: building >= 0 ? lines[building].ms : null,
    server: vite[0] ?? null,
    client: vite[1] ?? null,
    pages: done ? toMs(done[1], done[2]) : null,
    after: routesDone >= 0 ? Math.max(0, totalMs - lines[routesDone].ms) : null,
  };
}

/**
 * Stable ids for cloned lessons. The schema wants /^l\d{2}-q\d+$/ (and -r for reflections) and
 * the course wants every id unique, so lesson n and item k (1-9; lessons have at most 5 questions
 * and 2 reflections) become  l<n mod 100, two digits>-q<floor(n / 100) * 10 + k>.
 * The pair (two digits, number) gives back n mod 100, floor(n / 100) and k, so the mapping is
 * one-to-one: lesson 4 → l04-q1…, lesson 104 → l04-q11…, lesson 204 → l04-q21…
 */
function cloneId(n, kind, k) {
  if (!(k >= 1 && k <= 9)) throw new Error(`item number ${k} out of range 1-9`);
  return `l${String(n % 100).padStart(2, '0')}-${kind}${Math.floor(n / 100) * 10 + k}`;
}

/** Lesson n of a synthetic course: a copy of real lesson ((n-1) mod count) with new slug, order and ids. */
function cloneLesson(source, n) {
  const slug = `${source.slug}-${String(n).padStart(3, '0')}`;
  const text = source.text
    .replace(/^slug: .*$/m, `slug: ${slug}`)
    .replace(/^order: .*$/m, `order: ${n}`)
    .replace(/^(\s*-?\s*id:\s*)l\d{2}-([qrpfa])(\d+)\s*$/gm, (_, pre, kind, k) => `${pre}${cloneId(n, kind, Number(k))}`)
    // MDX components name their activity by id too.
    .replace(/\bid="l\d{2}-a(\d+)"/g, (_, k) => `id="${cloneId(n, 'a', Number(k))}"`);
  return { file: `${String(n).padStart(3, '0')}-${slug}.mdx`, slug, text };
}

/** Real lessons as { slug, order, text }, in course order. */
function readLessons(contentDir) {
  const dir = path.join(contentDir, 'lessons');
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.mdx'))
    .map((f) => {
      const text = fs.readFileSync(path.join(dir, f), 'utf8');
      return { slug: text.match(/^slug: (.*)$/m)[1].trim(), order: Number(text.match(/^order: (\d+)/m)[1]), text };
    })
    .sort((a, b) => a.order - b.order);
}

/**
 * A copy of the project in `dir` (as tests/build/authoring.test.ts makes them: src, public,
 * config and package.json copied, node_modules symlinked) whose course has `count` cloned lessons.
 */
export function makeSyntheticCourse(projectRoot, dir, count) {
  for (const f of ['src', 'public', 'scripts', 'astro.config.mjs', 'tsconfig.json', 'package.json'])
    fs.cpSync(path.join(projectRoot, f), path.join(dir, f), { recursive: true });
  fs.symlinkSync(path.join(projectRoot, 'node_modules'), path.join(dir, 'node_modules'));
  const contentDir = path.join(dir, 'content');
  fs.mkdirSync(path.join(contentDir, 'lessons'), { recursive: true });
  const real = readLessons(path.join(projectRoot, 'content'));
  const ids = new Set();
  const slugs = [];
  for (let n = 1; n <= count; n++) {
    const lesson = cloneLesson(real[(n - 1) % real.length], n);
    slugs.push(lesson.slug);
    for (const [, id] of lesson.text.matchAll(/^\s*-?\s*id:\s*(l\d{2}-[qrpfa]\d+)\s*$/gm)) {
      if (ids.has(id)) throw new Error(`synthetic course: id ${id} generated twice`);
      ids.add(id);
    }
    fs.writeFileSync(path.join(contentDir, 'lessons', lesson.file), lesson.text);
  }
  // The real course.yaml, with its units replaced by units of 10 lessons (a big course declares
  // units, so each page's table of contents lists one unit's lessons).
  const courseYaml = fs.readFileSync(path.join(projectRoot, 'content', 'course.yaml'), 'utf8').replace(/^ {2}units:\n(?: {4}.*\n| {6}.*\n)*/m, '');
  const units = [];
  for (let i = 0; i < slugs.length; i += 10) units.push(`    - title: 第${i / 10 + 1}章\n      lessons: [${slugs.slice(i, i + 10).join(', ')}]`);
  fs.writeFileSync(path.join(contentDir, 'course.yaml'), courseYaml.replace(/^ {2}completion:/m, `  units:\n${units.join('\n')}\n  completion:`));
  return contentDir;
}

/** Builds the synthetic course of `count` lessons made in `dir` once, cold, and measures the build and its output. */
export async function buildScale(dir, count) {
  const outDir = path.join(dir, 'dist');
  const result = await buildSite({ root: dir, outDir, cacheDir: path.join(dir, '.cache'), contentDir: path.join(dir, 'content') });
  let lessonHtmlAvg = null;
  let pages = null;
  if (result.ok) {
    const lessonPages = walk(path.join(outDir, 'lessons')).filter((f) => f.endsWith('.html'));
    pages = walk(outDir).filter((f) => f.endsWith('.html')).length;
    lessonHtmlAvg = lessonPages.reduce((s, f) => s + fs.statSync(path.join(outDir, 'lessons', f)).size, 0) / lessonPages.length;
    if (lessonPages.length !== count) {
      result.ok = false;
      result.error = `expected ${count} lesson pages, found ${lessonPages.length}`;
    }
  }
  return { lessons: count, ...result, pages, lessonHtmlAvg };
}

/**
 * One size's builds summed up: wall and CPU time are the medians of the successful runs (each run
 * is kept in `runs`), phases are medians per phase, and sizes come from the last successful run
 * (they are the same every time). `ok` only if every run succeeded.
 */
export function summariseScale(count, runs) {
  const good = runs.filter((r) => r.ok);
  const last = good[good.length - 1] ?? runs[runs.length - 1];
  const phaseNames = Object.keys(good[0]?.phases ?? {});
  return {
    ...last,
    lessons: count,
    ok: runs.length > 0 && good.length === runs.length,
    error: runs.find((r) => !r.ok)?.error ?? null,
    ms: median(good.map((r) => r.ms)) ?? last?.ms ?? null,
    cpuMs: median(good.map((r) => r.cpuMs)),
    phases: Object.fromEntries(phaseNames.map((k) => [k, median(good.map((r) => r.phases?.[k]))])),
    load: Math.max(...runs.map((r) => r.load ?? 0)),
    runs: runs.map((r) => ({ ms: r.ms, cpuMs: r.cpuMs, ok: r.ok, load: r.load, phases: r.phases })),
  };
}
