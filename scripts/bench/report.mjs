/** Turns the collected results into Markdown tables and files under reports/. */
import fs from 'node:fs';
import path from 'node:path';
import { kib, mib, seconds, stamp } from './util.mjs';

const table = (head, rows) =>
  [`| ${head.join(' | ')} |`, `| ${head.map((_h, i) => (i === 0 ? '---' : '---:')).join(' | ')} |`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');

const round = (x, digits = 0) => (x == null ? '–' : x.toFixed(digits));

/** "5/6" plus the data-when of islands that did not start, e.g. "5/6 (visible inert)". */
function islandsCell({ total, hydrated, pending }) {
  const inert = pending.length ? ` (${[...new Set(pending)].map((d) => `${d}`).join(', ')} inert)` : '';
  return `${hydrated}/${total}${inert}`;
}

function pageWeightTable(pages) {
  const rows = pages.map((p) => {
    if (p.error) return [p.label, `error: ${p.error.split('\n')[0]}`, '', '', '', '', '', '', '', '', '', '', ''];
    const total = p.html.raw + p.css.raw + p.js.raw + p.other.raw;
    const totalGz = p.html.gzip + p.css.gzip + p.js.gzip + p.other.gzip;
    return [
      p.label,
      p.requests,
      kib(p.html.raw),
      kib(p.html.gzip),
      kib(p.css.raw),
      kib(p.css.gzip),
      kib(p.js.raw),
      kib(p.js.gzip),
      kib(p.inlineJsGzip),
      kib(p.firstViewJsGzip),
      kib(p.other.raw),
      `${kib(total)} / ${kib(totalGz)}`,
      islandsCell(p.islands),
    ];
  });
  return table(
    [
      'page',
      'requests',
      'HTML',
      'HTML gz',
      'CSS',
      'CSS gz',
      'JS',
      'JS gz',
      'inline JS gz',
      'first-view JS gz (incl. inline)',
      'other',
      'total / gz',
      'islands hydrated',
    ],
    rows,
  );
}

function activitiesTable(rows) {
  return table(
    ['lesson page', 'activity', 'first-view JS (incl. inline)', 'quiz + reflections on scroll', "activity's own JS", 'activity files'],
    rows.map((a) => [
      a.slug,
      a.activity ?? '–',
      a.firstViewJsGzip,
      a.quizAndReflectionsGzip,
      a.activity ? a.activityJsGzip : '–',
      a.activityFiles.join(', ') || '–',
    ]),
  );
}

function precacheSection(pc) {
  if (!pc) return '_No sw.js in the build: no precache._';
  const lines = [
    table(
      ['service worker', 'files', 'raw KiB', 'gzip KiB'],
      [
        ['precache manifest (downloaded on install)', pc.files, kib(pc.raw), kib(pc.gzip)],
        ['sw.js + workbox runtime (not precached)', pc.worker.files, kib(pc.worker.raw), kib(pc.worker.gzip)],
      ],
    ),
  ];
  if (pc.missing.length) lines.push(`\nPrecache URLs with no file in the build: ${pc.missing.join(', ')}`);
  return lines.join('\n');
}

function lighthouseTable(lh, runs) {
  const rows = lh.map(({ label, result }) => {
    const m = result.median;
    const runsCell = result.ok === runs ? `${runs}` : `${result.ok} of ${runs} ok`;
    return [label, round(m.performance), round(m.lcp), round(m.tbt), round(m.cls, 3), kib(m.bytes), round(m.accessibility), runsCell];
  });
  return table(['page', 'performance', 'LCP ms', 'TBT ms', 'CLS', 'bytes KiB', 'accessibility', 'runs'], rows);
}

/**
 * Growth verdicts for the scaling builds.
 * Time: from the marginal cost per lesson between consecutive sizes (the per-lesson average also
 * carries the fixed start-up cost, so it falls with size even when growth is linear). "Roughly
 * linear" = the last marginal cost is at most 1.5x the first; timing noise alone moves it by
 * ±20 % or more on a busy machine, so a verdict needs three sizes and a clear trend.
 * Output: bytes written per lesson, which is exact; if it rises with course size, every page
 * carries something proportional to the course (table of contents, progress data).
 */
export function linearity(scales) {
  const ok = scales.filter((s) => s.ok).sort((a, b) => a.lessons - b.lessons);
  const marginalOf = (key) => ok.slice(1).map((s, i) => (s[key] == null || ok[i][key] == null ? null : (s[key] - ok[i][key]) / (s.lessons - ok[i].lessons)));
  const marginal = marginalOf('ms');
  const marginalCpu = marginalOf('cpuMs');
  const costs = marginal.map((m) => round(m)).join(' → ');
  const ratioOf = (m) => (m.length >= 2 && m[0] > 0 && m[m.length - 1] != null ? m[m.length - 1] / m[0] : null);
  let verdict;
  let ratio = null;
  let fixed = null;
  const runs = ok.length ? Math.min(...ok.map((s) => s.runs?.length ?? 1)) : 0;
  const median = runs > 1 ? `, medians of ${runs} cold builds per size` : '';
  if (marginal.length < 2) {
    const failed = scales.filter((s) => !s.ok).map((s) => s.lessons);
    const why = failed.length ? `the ${failed.join(', ')}-lesson build${failed.length > 1 ? 's' : ''} failed, ` : '';
    verdict = `build time: inconclusive (${why}${ok.length} successful build${ok.length === 1 ? '' : 's'}; a verdict needs at least three sizes, e.g. BENCH_SCALES=10,100,500).`;
  } else if (marginal[0] <= 0) {
    verdict = `build time: inconclusive, timing noise exceeds the cost of the extra lessons between the smaller sizes (marginal ${costs} ms per lesson); rerun on a quieter machine or with larger sizes.`;
  } else {
    ratio = ratioOf(marginal);
    fixed = ok[0].ms - marginal[0] * ok[0].lessons;
    const span = `${ok[0].lessons}→${ok[ok.length - 1].lessons} lessons`;
    verdict =
      ratio <= 1.5
        ? `build time: roughly linear over ${span}${median}, each extra lesson costs ${costs} ms (×${ratio.toFixed(2)}), plus ~${seconds(Math.max(fixed, 0))} s fixed start-up.`
        : `build time: super-linear over ${span}${median}, each extra lesson costs ${costs} ms (×${ratio.toFixed(2)}).`;
  }
  const cpuRatio = ratioOf(marginalCpu);
  if (cpuRatio !== null) verdict += ` CPU time per extra lesson: ${marginalCpu.map((m) => round(m)).join(' → ')} ms (×${cpuRatio.toFixed(2)}).`;
  if (ok.length >= 2) {
    const [a, b] = [ok[0], ok[ok.length - 1]];
    const per = (s) => s.size.bytes / s.lessons;
    const growth = per(b) / per(a);
    verdict +=
      growth <= 1.25
        ? ` Output: linear (${kib(per(a))} → ${kib(per(b))} KiB per lesson).`
        : ` Output: super-linear, ${kib(per(a))} → ${kib(per(b))} KiB written per lesson (×${growth.toFixed(1)}) as each lesson page grows ${kib(a.lessonHtmlAvg)} → ${kib(b.lessonHtmlAvg)} KiB: every page lists every lesson, so total output grows with lessons².`;
  }
  // The targets of the scaling issue: a lesson page at the largest size at most 1.5x its size at
  // the smallest, and the marginal build time per lesson of the last step at most 1.5x the first's.
  const pageRatio = ok.length >= 2 ? ok[ok.length - 1].lessonHtmlAvg / ok[0].lessonHtmlAvg : null;
  if (pageRatio !== null)
    verdict += ` Targets: lesson page ${ok[ok.length - 1].lessons} vs ${ok[0].lessons} lessons ×${pageRatio.toFixed(2)} (≤ 1.5: ${pageRatio <= 1.5 ? 'met' : 'NOT met'}); marginal build time per lesson, last step vs first ${ratio === null ? '–' : `×${ratio.toFixed(2)} (≤ 1.5: ${ratio <= 1.5 ? 'met' : 'NOT met'})`}.`;
  return { marginal, marginalCpu, ratio, cpuRatio, pageRatio, fixedMs: fixed, verdict };
}

function scalingTable(scales, lin) {
  const ok = scales.filter((s) => s.ok).sort((a, b) => a.lessons - b.lessons);
  const rows = scales.map((s) => {
    if (!s.ok) return [s.lessons, `${seconds(s.ms)} (FAILED, see Problems)`, '–', '–', '–', '–', '–', '–', '–', '–', round(s.load, 1)];
    const i = ok.indexOf(s);
    const each = (s.runs ?? [s]).map((x) => seconds(x.ms)).join(' / ');
    return [
      s.lessons,
      seconds(s.ms),
      each,
      round(s.ms / s.lessons),
      i > 0 ? round(lin.marginal[i - 1]) : '–',
      seconds(s.cpuMs),
      i > 0 ? round(lin.marginalCpu[i - 1]) : '–',
      s.pages,
      mib(s.size.bytes),
      kib(s.lessonHtmlAvg),
      round(s.load, 1),
    ];
  });
  return table(
    [
      'lessons',
      'build s (median)',
      'each run s',
      'ms / lesson',
      'marginal ms / lesson',
      'CPU s',
      'marginal CPU ms / lesson',
      'HTML pages',
      'output MiB',
      'avg lesson HTML KiB',
      'max load avg',
    ],
    rows,
  );
}

const PHASES = [
  ['prepare', 'start-up, config, content sync, build info'],
  ['server', 'server bundle (pages, lessons)'],
  ['client', 'client bundle (islands)'],
  ['pages', 'rendering HTML pages'],
  ['after', 'build:done hooks (precache, headers) and exit'],
];

/** Median seconds per build phase and size, and each phase's marginal ms per lesson (first step → last). */
function phaseTable(scales) {
  const ok = scales.filter((s) => s.ok && s.phases).sort((a, b) => a.lessons - b.lessons);
  if (ok.length < 2) return null;
  const rows = PHASES.map(([key, label]) => {
    const marginal = ok
      .slice(1)
      .map((s, i) => (s.phases[key] == null || ok[i].phases[key] == null ? '–' : round((s.phases[key] - ok[i].phases[key]) / (s.lessons - ok[i].lessons), 1)));
    return [label, ...ok.map((s) => seconds(s.phases[key])), marginal.join(' → ')];
  });
  return table(['phase', ...ok.map((s) => `${s.lessons} lessons s`), 'marginal ms / lesson'], rows);
}

/** The lesson against its limit page, and the JS of lesson and plan with every island in view, against issue 21's budgets. */
export function budgetTable(r) {
  const b = r.budgets;
  const rows = [];
  const mark = (ok) => (ok == null ? '–' : ok ? 'within' : 'OVER');
  if (r.limit) {
    const { course, limit, ratios } = r.limit;
    for (const [key, what] of [
      ['lcp', `LCP, lesson ${r.limit.lesson}`],
      ['mainThread', 'main-thread work, lesson'],
    ])
      rows.push([
        `${what} vs limit page (ms, medians)`,
        `${round(course.median[key])} / ${round(limit.median[key])} = ${round(ratios[key], 2)}x`,
        `${b[key]}x`,
        mark(ratios[key] == null ? null : ratios[key] <= b[key]),
      ]);
    // Diagnostic, not a budget: the same lesson from a copy of the build without sw.js.
    if (r.limit.withoutWorker)
      rows.push([
        'main-thread work, the same lesson without its service worker’s install (diagnostic)',
        `${round(r.limit.withoutWorker.median.mainThread)} / ${round(limit.median.mainThread)} = ${round(ratios.mainThreadWithoutWorker, 2)}x`,
        '–',
        '–',
      ]);
  }
  for (const [label, budget] of [
    ['lesson', b.js.lesson],
    ['plan', b.js.plan],
  ]) {
    const p = r.pages?.find((x) => x.label === label);
    if (p && !p.error) rows.push([`JS gzip with every island in view, ${label} (KiB)`, kib(p.js.gzip), kib(budget), mark(p.js.gzip <= budget)]);
  }
  return table(['measure', 'measured', 'budget', ''], rows);
}

/** The whole report as Markdown. */
export function toMarkdown(r) {
  const out = [];
  out.push(`# Benchmark ${r.startedAt}`);
  out.push('');
  out.push(
    `Commit ${r.commit ?? 'unknown'} · Node ${r.node} · ${r.browserVersion ?? 'Chromium'} · ${r.cpus} CPUs (load avg ${round(r.load.start, 1)} at start, ${round(r.load.end, 1)} at end) · Lighthouse runs per page: ${r.runs} · bench took ${seconds(r.durationMs)} s`,
  );
  out.push('');
  out.push('## Build');
  out.push('');
  if (r.build.ok)
    out.push(
      `Cold \`astro build\` of the course (empty cache) into \`${r.outDirName}\`: **${seconds(r.build.ms)} s** (load avg ${round(r.build.load, 1)} before), ${r.build.size.files} files, ${mib(r.build.size.bytes)} MiB.`,
    );
  else out.push(`Build FAILED after ${seconds(r.build.ms)} s:\n\n\`\`\`\n${r.build.output}\n\`\`\``);
  if (r.pages?.length) {
    out.push('');
    out.push('## Page weight (KiB, everything the page loaded after all islands hydrated; service worker blocked)');
    out.push('');
    out.push(pageWeightTable(r.pages));
  }
  if (r.skipped.length) out.push(`\nSkipped: ${r.skipped.join('; ')}.`);
  if (r.build.ok) {
    out.push('');
    if (r.activities?.length) {
      out.push('## Practice activities (bytes gzip -9, from the build; each activity loads only on its lesson, when scrolled into view; budget 3,072 each)');
      out.push('');
      out.push(activitiesTable(r.activities));
      out.push('');
    }
    out.push('## Service worker precache');
    out.push('');
    out.push(precacheSection(r.precache));
  }
  if (r.lighthouse?.length) {
    out.push('');
    out.push(`## Lighthouse (default mobile settings, median of ${r.runs} run${r.runs === 1 ? '' : 's'} per metric)`);
    out.push('');
    out.push(lighthouseTable(r.lighthouse, r.runs));
  }
  if (r.limit || r.pages?.length) {
    out.push('');
    out.push('## Budgets (issue 21)');
    out.push('');
    out.push(budgetTable(r));
  }
  if (r.scaling?.length) {
    out.push('');
    out.push('## Build scaling (synthetic courses of cloned lessons, cold builds)');
    out.push('');
    out.push(scalingTable(r.scaling, r.linearity));
    out.push('');
    out.push(`Growth: ${r.linearity.verdict}`);
    const phases = phaseTable(r.scaling);
    if (phases) {
      out.push('');
      out.push("Where the time goes (median per phase, from when Astro's log lines arrived and its own timings):");
      out.push('');
      out.push(phases);
    }
  }
  if (r.warnings.length || r.errors.length) {
    out.push('');
    out.push('## Problems');
    out.push('');
    for (const e of r.errors) out.push(`- ERROR: ${e}`);
    for (const w of r.warnings) out.push(`- warning: ${w}`);
  }
  out.push('');
  return out.join('\n');
}

/** Writes reports/bench-<stamp>.{md,json} and reports/latest.{md,json}; returns the Markdown path. */
export function writeReports(dir, results, markdown) {
  fs.mkdirSync(dir, { recursive: true });
  const name = `bench-${stamp(new Date(results.startedAt))}`;
  const json = JSON.stringify(results, null, 2);
  for (const base of [name, 'latest']) {
    fs.writeFileSync(path.join(dir, `${base}.md`), markdown);
    fs.writeFileSync(path.join(dir, `${base}.json`), json);
  }
  return path.join(dir, `${name}.md`);
}
