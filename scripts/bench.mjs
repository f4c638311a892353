#!/usr/bin/env node
/**
 * Performance benchmark of the course: `npm run bench`.
 *
 * What it measures, in order:
 *  1. Build: a cold `npx astro build` (empty cache) of the real course into dist-bench/.
 *  2. Page weight: `astro preview` serves that build; Chromium (Playwright) loads home, a lesson,
 *     the conclusion, the plan page (when the build has one) and the lesson in embed mode
 *     (?embed=1, inside an iframe of a blank host page, as an LMS shows it), scrolls every
 *     <course-island> into view until it has started, and adds up every response: HTML, CSS, JS (raw and gzip -9, computed here from the bodies), other bytes
 *     (images, manifest, fetches) and the request count. Each page gets a fresh browser context
 *     (empty cache) with service workers blocked, so these are first-visit bytes without the
 *     background precache. "inline JS gz" is the page's inline <script>s (already inside the HTML
 *     bytes), listed because the lesson JS budget (tests/build/budget.test.ts) counts them as JS.
 *  2b. Practice activities (from the build, exact): per lesson page, its first-view JS (the lesson
 *     budget), what the quiz and reflections load on scroll, and the JS only its activity loads.
 *  3. Service worker precache: files listed in the build's sw.js precache manifest, i.e. what a
 *     first visit downloads in the background to work offline (raw and gzip).
 *  4b. The limit page (issue 21): the lesson's visible content as static HTML with one stock Preact
 *     quiz island (scripts/bench/limit.mjs builds it); Lighthouse on the lesson and on it side by
 *     side; the report gives the ratios of their median LCP and main-thread work against the
 *     budgets (1.15x, 1.5x), and the JS with every island in view against 18 KiB (lesson) and
 *     20 KiB (plan). Over-budget numbers are reported, never fail the bench. A third page runs
 *     beside them as a diagnostic: the same lesson from a copy of the build without sw.js, so
 *     the report shows the effect of the offline copy's install on the measured main-thread work
 *     (the service worker precaches the whole course after load, which also keeps the network
 *     busy longer; the limit page has none).
 *  4. Lighthouse 13 (default mobile settings: Moto G Power emulation, simulated slow 4G, 4x CPU
 *     slowdown) on each page, BENCH_RUNS times; the median of each metric is reported
 *     (performance and accessibility scores 0-100, LCP and TBT in ms, CLS, total byte weight as
 *     transferred). Lighthouse opens the embed URL as a top-level page.
 *     "islands hydrated" counts islands that lost their `ssr` attribute (src/islands/runtime/mount.ts
 *     started them); any left are listed with their data-when.
 *  5. Build scaling: synthetic courses of 10/100/500 lessons (clones of the real lessons with new
 *     slugs, orders and unique ids) built cold in a temporary folder, BENCH_SCALE_RUNS times each
 *     in interleaved rounds. Times are medians; CPU time (user + system, from bash's `times`) is
 *     given beside wall time because load from other programs hardly moves it; a per-phase table
 *     (from Astro's log) shows which part of the build each extra lesson costs. Output size per
 *     lesson is exact and shows whether each page grows with the course.
 *
 * Reading the numbers: byte counts are exact and repeatable; build times and Lighthouse timings
 * are noisy (±10-20 % on a busy 2-core machine), so compare medians across runs and look for
 * large or persistent changes. In the scaling table, "ms / lesson" includes the fixed start-up
 * cost and so falls as courses grow; "marginal ms / lesson" (cost of each extra lesson between two
 * sizes) is what shows linear (steady) or super-linear (rising) growth.
 *
 * Output: Markdown on stdout (progress on stderr), and reports/bench-YYYYMMDD-HHMM.{md,json} plus
 * reports/latest.{md,json}. The JSON has every response and every Lighthouse run.
 * Exit code 0 unless something broke (the course build or a synthetic build failed, a page did
 * not load, Lighthouse never finished on a page); slow or noisy numbers never fail it. A report is
 * written either way.
 *
 * Environment knobs:
 *   BENCH_RUNS=3              Lighthouse runs per page (0 skips Lighthouse)
 *   BENCH_SCALES=10,100,500   lesson counts for build scaling ("" or 0 skips it)
 *   BENCH_SCALE_RUNS=3        cold builds of each size (interleaved rounds; medians are reported)
 *   BENCH_PORTS=4390-4399     localhost ports the preview server and Lighthouse's Chromium may use
 *   BENCH_OUT_DIR=dist-bench  build folder (its cache goes to <BENCH_OUT_DIR>-cache)
 *   BENCH_REPORT_DIR=reports  where reports are written
 *   BENCH_KEEP_TMP=1          keep the synthetic courses' temporary folders
 *   CHROMIUM_PATH             browser (default /usr/bin/chromium; "" = Playwright's own Chromium)
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildScale, buildSite, makeSyntheticCourse, summariseScale } from './bench/build.mjs';
import { lighthousePage, lighthouseSideBySide } from './bench/lighthouse.mjs';
import { bundledChromium, measurePages } from './bench/pages.mjs';
import { buildLimitPage } from './bench/limit.mjs';
import { precacheTotals } from './bench/precache.mjs';
import { activityWeights } from './bench/activities.mjs';
import { startPreview } from './bench/preview.mjs';
import { linearity, toMarkdown, writeReports } from './bench/report.mjs';
import { cleanups, currentCommit, freePort, log, runCleanups, seconds } from './bench/util.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The pages measured; `optional` ones are skipped when their file is not in the build. */
const PAGES = [
  { label: 'home', path: '/' },
  { label: 'lesson', path: '/lessons/communication/' },
  { label: 'conclusion', path: '/conclusion/' },
  { label: 'plan', path: '/plan/', optional: 'plan/index.html' },
  // Embed mode is shown the way an LMS shows it: in an iframe (of a blank host page).
  { label: 'lesson (embed, iframe)', path: '/lessons/communication/?embed=1', embed: true },
];

function readConfig(env = process.env) {
  const outDir = path.resolve(ROOT, env.BENCH_OUT_DIR || 'dist-bench');
  const [portMin, portMax = portMin] = (env.BENCH_PORTS || '4390-4399').split('-').map(Number);
  const scales = (env.BENCH_SCALES ?? '10,100,500')
    .split(',')
    .map((s) => Number(s.trim()))
    .filter((n) => Number.isInteger(n) && n > 0);
  const chromiumEnv = env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  return {
    runs: Math.max(0, Number(env.BENCH_RUNS ?? 3) || 0),
    scales,
    scaleRuns: Math.max(1, Number(env.BENCH_SCALE_RUNS ?? 3) || 1),
    ports: [portMin, portMax],
    outDir,
    cacheDir: `${outDir}-cache`,
    reportDir: path.resolve(ROOT, env.BENCH_REPORT_DIR || 'reports'),
    keepTmp: Boolean(env.BENCH_KEEP_TMP),
    playwrightChromium: chromiumEnv, // "" = Playwright's bundled browser
    chromePath: chromiumEnv || bundledChromium(),
  };
}

/** Step 1: the real course. */
async function stepBuild(cfg, r) {
  log(`building the course into ${path.relative(ROOT, cfg.outDir)} …`);
  const load = os.loadavg()[0];
  r.build = { ...(await buildSite({ root: ROOT, outDir: cfg.outDir, cacheDir: cfg.cacheDir })), load };
  log(`build: ${seconds(r.build.ms)} s${r.build.ok ? '' : ' (FAILED)'}`);
  if (!r.build.ok) r.errors.push(`the course build failed: ${r.build.error}`);
  return r.build.ok;
}

/** Which pages exist in this build. */
function pagesToMeasure(cfg, r) {
  return PAGES.filter((p) => {
    if (!p.optional || fs.existsSync(path.join(cfg.outDir, p.optional))) return true;
    r.skipped.push(`${p.label} (${p.path}): not in this build`);
    return false;
  });
}

/** Steps 2 and 4: page weight and Lighthouse against one preview server. */
async function stepPages(cfg, r) {
  const pages = pagesToMeasure(cfg, r);
  const port = await freePort(cfg.ports);
  const preview = await startPreview({ root: ROOT, outDir: cfg.outDir, port });
  cleanups.add(preview.stop);
  try {
    const { browserVersion, results } = await measurePages(cfg.playwrightChromium, preview.url, pages);
    r.browserVersion = browserVersion;
    r.pages = results;
    for (const p of results) checkPage(p, r);

    if (cfg.runs > 0) {
      for (const p of pages) {
        const result = await lighthousePage(new URL(p.path, preview.url).href, {
          runs: cfg.runs,
          chromePath: cfg.chromePath,
          ports: cfg.ports,
          exclude: [port],
        });
        // Lighthouse opens the embed URL as a top-level page (it cannot host an iframe).
        r.lighthouse.push({ label: p.embed ? 'lesson (embed, top-level)' : p.label, path: p.path, result });
        const failed = result.runs.filter((x) => x.error);
        if (result.ok === 0) r.errors.push(`Lighthouse never finished on ${p.path}: ${failed[0]?.error}`);
        else if (failed.length) r.warnings.push(`Lighthouse: ${failed.length} of ${cfg.runs} runs on ${p.path} failed (${failed[0].error})`);
      }
    }
  } finally {
    cleanups.delete(preview.stop);
    await preview.stop();
  }
}

/** Issue 21's budgets: times against the limit page (medians side by side), JS bytes with every island in view. */
export const BUDGETS = { lcp: 1.15, mainThread: 1.5, js: { lesson: 18 * 1024, plan: 20 * 1024 } };
/** The lesson compared with the limit page (the one the page-weight table measures). */
const LIMIT_LESSON = 'communication';

/**
 * Step 4b: the lesson against its limit page (scripts/bench/limit.mjs: the same visible content as
 * static HTML with one stock Preact quiz island), Lighthouse side by side (run 1 of each, run 2 of
 * each…). Ratios of the medians: LCP and main-thread work.
 */
async function stepLimit(cfg, r) {
  if (cfg.runs === 0) return;
  const limit = await buildLimitPage({ root: ROOT, courseDir: cfg.outDir, lesson: LIMIT_LESSON });
  const noWorker = path.join(limit.root, 'no-service-worker');
  const ports = [];
  const previews = [];
  try {
    // The diagnostic copy: the same build without its service worker (registration then fails quietly).
    fs.cpSync(cfg.outDir, noWorker, { recursive: true });
    fs.rmSync(path.join(noWorker, 'sw.js'), { force: true });
    for (const [root, outDir] of [
      [ROOT, cfg.outDir],
      [limit.root, limit.outDir],
      [ROOT, noWorker],
    ]) {
      const port = await freePort(cfg.ports, ports);
      ports.push(port);
      const preview = await startPreview({ root, outDir, port });
      cleanups.add(preview.stop);
      previews.push(preview);
    }
    const urls = [new URL(`/lessons/${LIMIT_LESSON}/`, previews[0].url).href, previews[1].url, new URL(`/lessons/${LIMIT_LESSON}/`, previews[2].url).href];
    const [lesson, bare, withoutWorker] = await lighthouseSideBySide(urls, { runs: cfg.runs, chromePath: cfg.chromePath, ports: cfg.ports, exclude: ports });
    const ratio = (k, page = lesson) => (page.median[k] != null && bare.median[k] ? page.median[k] / bare.median[k] : null);
    r.limit = {
      lesson: LIMIT_LESSON,
      buildMs: limit.ms,
      course: lesson,
      limit: bare,
      withoutWorker,
      ratios: { lcp: ratio('lcp'), mainThread: ratio('mainThread'), mainThreadWithoutWorker: ratio('mainThread', withoutWorker) },
    };
    if (!lesson.ok || !bare.ok) r.errors.push('Lighthouse never finished on the lesson or its limit page');
    if (!withoutWorker.ok) r.warnings.push('Lighthouse never finished on the lesson without its service worker (the diagnostic row is empty)');
  } finally {
    for (const p of previews) {
      cleanups.delete(p.stop);
      await p.stop();
    }
    if (!cfg.keepTmp) fs.rmSync(limit.root, { recursive: true, force: true });
  }
}

/** Hard errors and soft warnings for one measured page. */
function checkPage(p, r) {
  if (p.error) return r.errors.push(`${p.path}: ${p.error.split('\n')[0]}`);
  if (p.status >= 400) r.errors.push(`${p.path} answered HTTP ${p.status}`);
  if (!p.status) r.warnings.push(`${p.path}: no document response was seen`);
  const stuck = p.islands.pending;
  if (stuck.length) r.warnings.push(`${p.path}: ${stuck.length} island(s) (data-when ${stuck.join('/')}) did not start`);
  if (p.embed && !p.embedActive) r.warnings.push(`${p.path}: embed mode not active (no data-embed on <html>), measured the page as served`);
  for (const f of p.failed) r.warnings.push(`${p.path}: request failed ${f}`);
  for (const e of p.pageErrors) r.warnings.push(`${p.path}: script error ${e}`);
}

/**
 * Step 5: synthetic courses of growing size. Each course is made once; then BENCH_SCALE_RUNS
 * rounds build every size once each, cold (round 1: 10, 100, 500; round 2: 10, 100, 500; …), so a
 * burst of load or a warm disk cache falls on every size alike, and the medians are compared.
 */
async function stepScaling(cfg, r) {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'course-bench-'));
  try {
    const dirs = new Map(cfg.scales.map((n) => [n, path.join(tmp, `lessons-${n}`)]));
    for (const [n, dir] of dirs) {
      fs.mkdirSync(dir, { recursive: true });
      makeSyntheticCourse(ROOT, dir, n);
    }
    const runs = new Map(cfg.scales.map((n) => [n, []]));
    for (let round = 1; round <= cfg.scaleRuns; round++) {
      for (const [n, dir] of dirs) {
        log(`build scaling: ${n} lessons, run ${round}/${cfg.scaleRuns} …`);
        const load = os.loadavg()[0];
        const s = { ...(await buildScale(dir, n)), load };
        log(`build scaling: ${n} lessons in ${seconds(s.ms)} s (CPU ${seconds(s.cpuMs)} s)${s.ok ? '' : ' (FAILED)'}`);
        runs.get(n).push(s);
      }
      // A size that failed is not built again: the error will not go away by itself.
      for (const [n] of dirs) if (runs.get(n).some((s) => !s.ok)) dirs.delete(n);
    }
    for (const n of cfg.scales) {
      const s = summariseScale(n, runs.get(n));
      if (!s.ok) r.errors.push(`the ${n}-lesson build failed: ${s.error}`);
      r.scaling.push(s);
    }
  } finally {
    if (!cfg.keepTmp) fs.rmSync(tmp, { recursive: true, force: true });
    else log(`synthetic courses kept in ${tmp}`);
  }
  r.linearity = linearity(r.scaling);
}

async function main() {
  const cfg = readConfig();
  const started = Date.now();
  const r = {
    startedAt: new Date(started).toISOString(),
    commit: currentCommit(ROOT),
    node: process.version,
    cpus: os.cpus().length,
    load: { start: os.loadavg()[0], end: null },
    runs: cfg.runs,
    outDirName: path.relative(ROOT, cfg.outDir),
    build: null,
    pages: [],
    skipped: [],
    precache: null,
    activities: [],
    lighthouse: [],
    limit: null,
    budgets: BUDGETS,
    scaling: [],
    linearity: null,
    warnings: [],
    errors: [],
  };
  for (const sig of ['SIGINT', 'SIGTERM'])
    process.on(sig, async () => {
      log(`${sig}: stopping`);
      await runCleanups();
      process.exit(sig === 'SIGINT' ? 130 : 143);
    });

  try {
    if (await stepBuild(cfg, r)) {
      r.precache = precacheTotals(cfg.outDir);
      r.activities = activityWeights(cfg.outDir);
      await stepPages(cfg, r);
      await stepLimit(cfg, r);
    }
  } catch (e) {
    r.errors.push(`page measurements: ${e.message.split('\n')[0]}`);
    log(e.stack ?? e.message);
  } finally {
    await runCleanups();
  }
  try {
    if (cfg.scales.length) await stepScaling(cfg, r);
  } catch (e) {
    r.errors.push(`build scaling: ${e.message.split('\n')[0]}`);
    log(e.stack ?? e.message);
  }

  r.durationMs = Date.now() - started;
  r.load.end = os.loadavg()[0];
  const busiest = Math.max(r.load.start, r.load.end, r.build?.load ?? 0, ...r.scaling.map((s) => s.load));
  if (busiest > r.cpus)
    r.warnings.push(
      `the machine was busy (1-minute load average up to ${busiest.toFixed(1)} on ${r.cpus} CPUs): timings are less reliable than usual; byte counts are unaffected`,
    );
  const markdown = toMarkdown(r);
  const file = writeReports(cfg.reportDir, r, markdown);
  process.stdout.write(markdown);
  log(`report written to ${path.relative(ROOT, file)} (and latest.md / latest.json) in ${seconds(r.durationMs)} s`);
  process.exitCode = r.errors.length ? 1 : 0;
}

main().catch(async (e) => {
  console.error(e);
  await runCleanups();
  process.exit(1);
});
