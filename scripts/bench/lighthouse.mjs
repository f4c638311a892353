/**
 * Lighthouse (default config: mobile emulation, simulated slow 4G and 4x CPU slowdown) on each
 * page, `runs` times, one fresh Chromium per run, strictly one after the other.
 */
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { cleanups, freePort, log, median, waitPortFree } from './util.mjs';
import { CHROMIUM_ARGS } from '../chromium.mjs';

const CHROME_FLAGS = ['--headless=new', ...CHROMIUM_ARGS];

/** The numbers we keep from one Lighthouse result. */
function pick(lhr) {
  const audit = (id) => lhr.audits[id]?.numericValue ?? null;
  const score = (id) => (lhr.categories[id]?.score == null ? null : Math.round(lhr.categories[id].score * 100));
  return {
    performance: score('performance'),
    lcp: audit('largest-contentful-paint'),
    tbt: audit('total-blocking-time'),
    cls: audit('cumulative-layout-shift'),
    bytes: audit('total-byte-weight'),
    /** Main-thread work (ms): style, layout, script evaluation, parsing… (Lighthouse's "mainthread-work-breakdown"). */
    mainThread: audit('mainthread-work-breakdown'),
    accessibility: score('accessibility'),
    error: lhr.runtimeError ? `${lhr.runtimeError.code}: ${lhr.runtimeError.message}` : null,
    warnings: lhr.runWarnings ?? [],
  };
}

/** One Lighthouse run in its own Chromium, whose DevTools port is the first free one in `ports`. */
async function lighthouseOnce(url, { chromePath, ports, exclude }) {
  const port = await freePort(ports, exclude);
  const chrome = await chromeLauncher.launch({ chromePath, chromeFlags: CHROME_FLAGS, port, handleSIGINT: false, logLevel: 'silent' });
  const kill = () => chrome.kill();
  cleanups.add(kill);
  try {
    const result = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance', 'accessibility'] });
    if (!result?.lhr) throw new Error('Lighthouse returned no result');
    return pick(result.lhr);
  } finally {
    cleanups.delete(kill);
    kill();
    await waitPortFree(port);
  }
}

/**
 * Median of each metric over `runs` runs (each metric separately, so the medians may come from
 * different runs). A run that errors is kept in `runs` with its message and left out of medians.
 */
export async function lighthousePage(url, { runs, chromePath, ports, exclude }) {
  const all = [];
  for (let i = 0; i < runs; i++) {
    log(`lighthouse ${i + 1}/${runs}: ${url}`);
    all.push(await lighthouseOnce(url, { chromePath, ports, exclude }).catch((e) => ({ error: e.message })));
  }
  return summarise(all);
}

/**
 * Lighthouse on several URLs side by side: run 1 of each, then run 2 of each…, so that a machine
 * that gets busier or quieter during the bench moves every page's numbers alike. Returns one
 * lighthousePage-shaped result per URL.
 */
export async function lighthouseSideBySide(urls, { runs, chromePath, ports, exclude }) {
  const all = urls.map(() => []);
  for (let i = 0; i < runs; i++)
    for (const [k, url] of urls.entries()) {
      log(`lighthouse ${i + 1}/${runs} (side by side): ${url}`);
      all[k].push(await lighthouseOnce(url, { chromePath, ports, exclude }).catch((e) => ({ error: e.message })));
    }
  return all.map(summarise);
}

function summarise(all) {
  const good = all.filter((r) => !r.error && r.performance != null);
  const med = (k) => median(good.map((r) => r[k]));
  return {
    runs: all,
    ok: good.length,
    median: {
      performance: med('performance'),
      lcp: med('lcp'),
      tbt: med('tbt'),
      cls: med('cls'),
      bytes: med('bytes'),
      accessibility: med('accessibility'),
      mainThread: med('mainThread'),
    },
  };
}
