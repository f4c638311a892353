// The benchmark's arithmetic (scripts/bench): what `npm run bench` reports about build scaling.
import { describe, expect, it } from 'vitest';
import { childCpuMs } from '../../scripts/bench/util.mjs';
import { buildPhases, summariseScale } from '../../scripts/bench/build.mjs';
import { budgetTable, linearity } from '../../scripts/bench/report.mjs';

const scale = (lessons: number, ms: number, cpuMs: number | null = null, html = 50_000) => ({
  lessons,
  ms,
  cpuMs,
  ok: true,
  size: { bytes: lessons * 80_000, files: lessons },
  lessonHtmlAvg: html,
});

describe('CPU time from bash `times`', () => {
  it('adds the children user and system times (second line)', () => {
    expect(childCpuMs('0m0.010s 0m0.002s\n1m2.500s 0m3.250s\n')).toBeCloseTo(65_750);
  });
  it('is null when the output is not what `times` prints', () => {
    expect(childCpuMs('')).toBeNull();
    expect(childCpuMs('0m0.010s 0m0.002s\n')).toBeNull();
  });
});

describe('build phases from the arrival time of Astro log lines', () => {
  const lines = [
    { ms: 900, text: '05:00:00 [content] Syncing content' },
    { ms: 4_000, text: '05:00:03 [build] Building static entrypoints...' },
    { ms: 6_500, text: '05:00:06 [vite] ✓ built in 2.45s' },
    { ms: 11_000, text: '05:00:10 [vite] ✓ built in 4.40s' },
    { ms: 11_100, text: ' generating static routes ' },
    { ms: 11_200, text: '05:00:10   ├─ /lessons/a/index.html (+12ms) ' },
    { ms: 12_700, text: '05:00:12 ✓ Completed in 1.55s.' },
    { ms: 12_800, text: '05:00:12 [build] ✓ Completed in 8.74s.' },
  ];
  it('splits the wall time into prepare, server and client bundles, pages and the rest', () => {
    expect(buildPhases(lines, 15_000)).toEqual({ prepare: 4_000, server: 2_450, client: 4_400, pages: 1_550, after: 2_300 });
  });
  it('leaves a phase null when its line is missing, and reads ms units', () => {
    const p = buildPhases([{ ms: 10, text: '[vite] ✓ built in 950ms' }], 1_000);
    expect(p).toEqual({ prepare: null, server: 950, client: null, pages: null, after: null });
  });
});

describe('one size summed up over repeated builds', () => {
  it('reports the medians and keeps every run', () => {
    const runs = [14_600, 13_300, 13_700].map((ms, i) => ({ ...scale(10, ms, ms + 6_000), load: i, phases: { pages: ms / 10 } }));
    const s = summariseScale(10, runs);
    expect(s.ms).toBe(13_700);
    expect(s.cpuMs).toBe(19_700);
    expect(s.phases.pages).toBe(1_370);
    expect(s.load).toBe(2);
    expect(s.runs.map((r: { ms: number }) => r.ms)).toEqual([14_600, 13_300, 13_700]);
    expect(s.ok).toBe(true);
  });
  it('is not ok when any run failed, and says why', () => {
    const s = summariseScale(10, [
      { ...scale(10, 13_000), phases: {} },
      { ...scale(10, 1_000), ok: false, error: 'boom' },
    ]);
    expect(s.ok).toBe(false);
    expect(s.error).toBe('boom');
    expect(s.ms).toBe(13_000);
  });
});

describe('growth verdicts and the two targets', () => {
  it('calls a steady cost per extra lesson linear and the target met', () => {
    const lin = linearity([scale(10, 13_000 + 10 * 35, 19_000), scale(100, 13_000 + 100 * 35, 23_000), scale(500, 13_000 + 500 * 35, 40_000)]);
    expect(lin.marginal.map(Math.round)).toEqual([35, 35]);
    expect(lin.ratio).toBeCloseTo(1);
    expect(lin.cpuRatio).toBeCloseTo(42.5 / 44.44, 2);
    expect(lin.verdict).toMatch(/roughly linear/);
    expect(lin.verdict).toMatch(/marginal build time per lesson, last step vs first ×1\.00 \(≤ 1\.5: met\)/);
  });
  it('calls a cost per lesson that grows with the course super-linear and the target missed', () => {
    const t = (n: number) => 13_000 + 0.1 * n * n;
    const lin = linearity([scale(10, t(10)), scale(100, t(100)), scale(500, t(500), null, 140_000)]);
    expect(lin.ratio).toBeGreaterThan(1.5);
    expect(lin.verdict).toMatch(/super-linear/);
    expect(lin.verdict).toMatch(/≤ 1\.5: NOT met\); marginal/);
    expect(lin.pageRatio).toBeCloseTo(2.8);
  });
  it('gives no verdict when noise hides the first step', () => {
    const lin = linearity([scale(10, 14_000), scale(100, 13_900), scale(500, 27_000)]);
    expect(lin.ratio).toBeNull();
    expect(lin.verdict).toMatch(/inconclusive/);
  });
});

describe('issue 21 budgets in the report', () => {
  const med = (lcp: number, mainThread: number) => ({ median: { lcp, mainThread } });
  const r = {
    budgets: { lcp: 1.15, mainThread: 1.5, js: { lesson: 18 * 1024, plan: 20 * 1024 } },
    limit: {
      lesson: 'communication',
      course: med(1200, 1140),
      limit: med(1000, 760),
      withoutWorker: med(1190, 880),
      ratios: { lcp: 1.2, mainThread: 1140 / 760, mainThreadWithoutWorker: 880 / 760 },
    },
    pages: [{ label: 'lesson', js: { gzip: 24_390 } }],
  };
  const rows = budgetTable(r).split('\n');
  it('marks each ratio against its budget and the JS bytes against theirs', () => {
    expect(rows.find((l: string) => l.includes('LCP'))).toMatch(/1200 \/ 1000 = 1\.20x.*1\.15x.*OVER/);
    expect(rows.find((l: string) => l.startsWith('| main-thread work, lesson'))).toMatch(/1140 \/ 760 = 1\.50x.*1\.5x.*within/);
    expect(rows.find((l: string) => l.includes('JS gzip'))).toMatch(/OVER/);
  });
  it('shows the lesson without its service worker as a diagnostic row, with no budget and no verdict', () => {
    const row = rows.find((l: string) => l.includes('without its service worker'));
    expect(row).toMatch(/880 \/ 760 = 1\.16x/);
    expect(row).not.toMatch(/within|OVER/);
  });
});
