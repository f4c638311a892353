/**
 * Page weight as a browser sees it: load a page in Chromium (Playwright), make every island
 * hydrate, and add up every response the page received.
 */
import { chromium, devices } from '@playwright/test';
import { gzipSize, log } from './util.mjs';
import { CHROMIUM_ARGS } from '../chromium.mjs';

function launchBrowser(executablePath) {
  return chromium.launch({ executablePath: executablePath || undefined, args: CHROMIUM_ARGS });
}

/** Playwright's bundled Chromium, for CHROMIUM_PATH="" (used by Lighthouse too). */
export const bundledChromium = () => chromium.executablePath();

/** html | css | js | other, from the Content-Type (falling back to Chromium's resource type). */
function kindOf(response) {
  const type = (response.headers()['content-type'] ?? '').toLowerCase();
  if (type.includes('text/html')) return 'html';
  if (type.includes('text/css')) return 'css';
  if (type.includes('javascript')) return 'js';
  const rt = response.request().resourceType();
  return rt === 'document' ? 'html' : rt === 'stylesheet' ? 'css' : rt === 'script' ? 'js' : 'other';
}

/**
 * Scrolls each <course-island> of `frame` into view (an island is display:contents, so its first
 * element child is what can be scrolled to and observed) and waits for src/islands/runtime/mount.ts
 * to drop its `ssr` attribute, which marks that it started. Then scrolls to the bottom for anything
 * else that loads on view. Returns { total, hydrated, pending: [data-when of each island not started] }.
 */
async function hydrateIslands(frame) {
  const directives = await frame.evaluate(() => [...document.querySelectorAll('course-island')].map((el) => el.getAttribute('data-when')));
  for (const i of directives.keys()) {
    await frame.evaluate((i) => {
      const island = document.querySelectorAll('course-island')[i];
      (island?.firstElementChild ?? island)?.scrollIntoView({ block: 'center' });
    }, i);
    await frame.waitForFunction((i) => !document.querySelectorAll('course-island')[i]?.hasAttribute('ssr'), i, { timeout: 8_000 }).catch(() => {});
  }
  await frame.evaluate(async () => {
    for (let y = 0; y < document.documentElement.scrollHeight; y += innerHeight / 2) {
      scrollTo(0, y);
      await new Promise((r) => setTimeout(r, 50));
    }
    scrollTo(0, document.documentElement.scrollHeight);
  });
  const pending = await frame.evaluate(() => [...document.querySelectorAll('course-island[ssr]')].map((el) => el.getAttribute('data-when')));
  return { total: directives.length, hydrated: directives.length - pending.length, pending };
}

/**
 * Opens `url` in `page`: directly, or (embed) inside a full-window iframe of a blank host page,
 * which is how an LMS shows it. Returns { frame, main } (main = the document response).
 */
async function open(page, url, embed, responses) {
  if (!embed) {
    const main = await page.goto(url, { waitUntil: 'load', timeout: 30_000 });
    return { frame: page.mainFrame(), main };
  }
  const host = `<!doctype html><title>embed host</title><style>html,body{margin:0}iframe{display:block;border:0;width:100vw;height:100vh}</style><iframe src="${url}"></iframe>`;
  await page.setContent(host, { waitUntil: 'load', timeout: 30_000 });
  const frame = await (await page.waitForSelector('iframe')).contentFrame();
  return { frame, main: responses.find((r) => r.url() === url && r.request().resourceType() === 'document') };
}

/** Makes registration fail the way a browser that refuses service workers does (Playwright's own
 * block returns undefined, which the app's registration code does not expect). */
function refuseServiceWorkers() {
  if (navigator.serviceWorker)
    navigator.serviceWorker.register = () => Promise.reject(new DOMException('service workers are blocked by the benchmark', 'SecurityError'));
}

/**
 * Loads `url` in a fresh context (empty HTTP cache, service workers blocked so precaching does
 * not add requests) and returns per-kind byte totals plus the list of responses.
 */
async function measurePage(browser, url, { embed = false } = {}) {
  const context = await browser.newContext({ ...devices['Desktop Chrome'], serviceWorkers: 'block', locale: 'ja-JP', timezoneId: 'Asia/Tokyo' });
  await context.addInitScript(refuseServiceWorkers);
  const page = await context.newPage();
  const responses = [];
  const failed = [];
  page.on('response', (r) => responses.push(r));
  page.on('requestfailed', (r) => failed.push(`${r.url()} (${r.failure()?.errorText})`));
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  try {
    const { frame, main } = await open(page, url, embed, responses);
    const status = main?.status() ?? 0;
    // First view: what the page loads before the learner scrolls (islands below the fold that
    // hydrate when visible come later).
    await page.waitForLoadState('networkidle', { timeout: 15_000 }).catch(() => {});
    const firstView = new Set(responses);
    const islands = await hydrateIslands(frame);
    await page.waitForLoadState('networkidle', { timeout: 15_000 }).catch(() => {});
    const embedActive = await frame.evaluate(() => 'embed' in document.documentElement.dataset);

    const totals = {
      requests: 0,
      html: { raw: 0, gzip: 0 },
      css: { raw: 0, gzip: 0 },
      js: { raw: 0, gzip: 0 },
      other: { raw: 0, gzip: 0 },
      inlineJsGzip: 0,
      firstViewJsGzip: 0,
    };
    const list = [];
    for (const r of responses) {
      // A service worker's own fetches (none while workers are blocked, but be explicit).
      if (r.fromServiceWorker() || r.request().serviceWorker()) continue;
      const body = await r.body().catch(() => Buffer.alloc(0)); // redirects have no body
      const kind = kindOf(r);
      const gz = body.length ? gzipSize(body) : 0;
      totals.requests += 1;
      totals[kind].raw += body.length;
      totals[kind].gzip += gz;
      if (kind === 'js' && firstView.has(r)) totals.firstViewJsGzip += gz;
      list.push({ url: r.url(), status: r.status(), kind, resourceType: r.request().resourceType(), raw: body.length, gzip: gz });
      if (r === main) {
        const html = body.toString('utf8');
        // Not data blocks (type="application/json"): the browser does not run them.
        for (const m of html.matchAll(/<script(?![^>]*\b(?:src=|type="application\/json"))[^>]*>([\s\S]*?)<\/script>/g))
          if (m[1].trim()) totals.inlineJsGzip += gzipSize(m[1]);
      }
    }
    totals.firstViewJsGzip += totals.inlineJsGzip;
    return { url, status, islands, embedActive, ...totals, responses: list, failed, pageErrors: errors };
  } finally {
    await context.close();
  }
}

/** Measures each page spec ({ name, path }) against the preview server at `baseUrl`. */
export async function measurePages(executablePath, baseUrl, specs) {
  const browser = await launchBrowser(executablePath);
  try {
    const version = browser.version();
    const results = [];
    for (const spec of specs) {
      log(`page weight: ${spec.path}`);
      try {
        results.push({ ...spec, ...(await measurePage(browser, new URL(spec.path, baseUrl).href, { embed: spec.embed })) });
      } catch (e) {
        results.push({ ...spec, error: e.message });
      }
    }
    return { browserVersion: version, results };
  } finally {
    await browser.close();
  }
}
