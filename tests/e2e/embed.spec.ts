/**
 * Iframe embedding across origins: the host page runs on 127.0.0.1:HOST_PORT (allowlisted at build
 * time through COURSE_EMBED_ORIGINS), the course on localhost:PORT — different sites, so the course
 * is a third-party frame.
 *
 * Storage modes: Playwright's default Chromium launch turns third-party storage partitioning OFF,
 * which makes localStorage in a third-party frame throw (the "blocked" mode). The partitioned mode
 * is tested with a Chromium started by the test itself (no such flag) and driven over CDP.
 */
import AxeBuilder from '@axe-core/playwright';
import { chromium, expect, test, watchCsp, type Browser, type Frame, type Page } from './fixtures';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromiumArgs } from '../../playwright.config';
import { checkQuestions, completeLesson, completedDoc, hydrated, lessons, right, takeFinalCheck, wrong } from './course';
import { serve, type StaticServer } from './static-server';

const HOST_PORT = Number(process.env.E2E_HOST_PORT ?? 4351);
const COURSE = `http://localhost:${process.env.E2E_PORT ?? 4321}`;
const lesson = lessons()[1];
const lessonUrl = `${COURSE}/lessons/${lesson.slug}/`;

// The host origin is allowlisted at build time with a fixed port: run this file's tests one after
// the other in one worker (not in parallel with each other) so they can all use that port.
test.describe.configure({ mode: 'default' });

let host: StaticServer;
test.beforeEach(async () => {
  host = await serve('tests/e2e/fixtures', { host: '127.0.0.1', port: HOST_PORT });
});
test.afterEach(async () => host?.close());

/** Opens the host page and returns the hydrated course frame. */
async function embed(page: Page, { persist = false, url = lessonUrl } = {}): Promise<Frame> {
  await page.goto(`${host.url}host.html?course=${encodeURIComponent(url)}${persist ? '&persist=1' : ''}`);
  await expect.poll(() => page.frames().length).toBeGreaterThan(1);
  const frame = page.frames().find((f) => f.url().startsWith(COURSE))!;
  await frame.waitForLoadState('load');
  await hydrated(frame);
  return frame;
}
const messages = (page: Page, type: string) =>
  page.evaluate(
    (t) => (window as unknown as { __messages: { data: { type: string } }[] }).__messages.filter((m) => m.data.type === t).map((m) => m.data),
    type,
  );

test('embed mode: no site header or footer, a compact bar, auto height, links stay in the course', async ({ page }) => {
  const frame = await embed(page);
  await expect(frame.locator('.site-header')).toBeHidden();
  await expect(frame.locator('.site-footer')).toBeHidden();
  await expect(frame.locator('.embed-bar')).toBeVisible();
  await expect(frame.locator('html')).toHaveAttribute('data-embed', '1');
  // Embed mode passes the axe scan too (axe scans the frame from the host page).
  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  expect((await messages(page, 'ready'))[0]).toMatchObject({ courseId: 'networking-ja', lesson: lesson.slug, page: `lessons/${lesson.slug}/` });
  // The host helper sized the iframe to the content (no inner scrollbar).
  await expect.poll(async () => (await page.locator('#course').boundingBox())!.height).toBeGreaterThan(1500);
  // Next-lesson links navigate inside the frame.
  expect(await frame.locator('a[rel="next"]').getAttribute('target')).toBeNull();
  await frame.locator('a[rel="next"]').click();
  await expect
    .poll(() =>
      page
        .frames()
        .find((f) => f.url().includes('/lessons/'))
        ?.url(),
    )
    .toContain(`/lessons/${lessons()[2].slug}/`);
});

test('blocked storage without host persistence: the course works from memory and says so', async ({ page }) => {
  const frame = await embed(page);
  await expect(frame.locator('[data-notice="memory-only"]')).toBeVisible();
  await completeLesson(frame, lesson);
});

test('blocked storage with host persistence: progress is kept by the host and restored on return', async ({ page }) => {
  let frame = await embed(page, { persist: true });
  await expect(frame.locator('[data-notice="host-storage"]')).toBeVisible();
  await expect(frame.locator('[data-notice="memory-only"]')).toHaveCount(0);
  // Where it is kept, truthfully: the embedding site (not "an LMS", not "this browser").
  await expect(frame.locator('[data-notice="host-storage"]')).toContainText('この講座を埋め込んでいるサイト');
  await expect(frame.locator('#reflection-heading ~ p [data-saved="host"]')).toBeVisible();
  await expect(frame.locator('#reflection-heading ~ p [data-saved="browser"]')).toBeHidden();
  await completeLesson(frame, lesson, 'LMS に保存されるふりかえり');
  await expect.poll(() => page.evaluate(() => localStorage.getItem('host-saved-state') ?? '')).toContain('LMS に保存されるふりかえり');
  const progress = (await messages(page, 'progress')).at(-1);
  expect(progress).toMatchObject({ completed: 1, total: 10, status: 'incomplete', lesson: lesson.slug });

  await page.reload();
  frame = await embed(page, { persist: true });
  await expect(frame.locator(`#${lesson.reflections[0].id}-text`)).toHaveValue('LMS に保存されるふりかえり');
  await expect(frame.locator('[data-result]')).toContainText('最高スコア 100%'); // the last attempt, shown again
});

test('the pre-check works embedded (storage blocked, no host persistence): sent, shown, counted as an attempt', async ({ page }) => {
  const frame = await embed(page, { url: `${COURSE}/precheck/` });
  await expect(frame.locator('[data-notice="memory-only"]')).toBeVisible();
  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  expect(violations.map((v) => v.id)).toEqual([]);
  for (const q of checkQuestions('pre').slice(0, 3)) await frame.locator(`input[name="${q.id}"][value="${right(q)[0]}"]`).check();
  await frame.getByRole('button', { name: '送信する' }).click();
  await expect(frame.locator('[data-precheck="done"]')).toContainText('10問中3問に答え、3問が正解でした。');
  // Lesson links in the result stay inside the frame.
  expect(await frame.locator('[data-watch] a').first().getAttribute('target')).toBeNull();
  await expect.poll(async () => (await messages(page, 'progress')).at(-1)).toMatchObject({ attempts: 1, status: 'incomplete', score: 0 });
});

test('the final check works embedded with host persistence: it completes the course and the host receives its score', async ({ page }) => {
  await page.goto(`${host.url}frame.html`); // any page of the host's origin, to hand the host its saved state
  await page.evaluate((s) => localStorage.setItem('host-saved-state', s), JSON.stringify(completedDoc(lessons(), Date.now() - 86_400_000)));
  let frame = await embed(page, { persist: true, url: `${COURSE}/final/` });
  await expect(frame.locator('[data-notice="host-storage"]')).toBeVisible();
  await expect.poll(async () => (await messages(page, 'progress')).at(-1)).toMatchObject({ completed: 10, status: 'incomplete', score: 0 });
  await takeFinalCheck(frame, (q) => (q.id === 'l02-f1' ? wrong(q) : right(q)));
  await expect(frame.locator('[data-final="done"] .verdict[tabindex="-1"]')).toContainText('10問中9問正解（90%）');
  await expect.poll(async () => (await messages(page, 'progress')).at(-1)).toMatchObject({ status: 'completed', score: 0.9, success: 'unknown' });
  expect((await messages(page, 'completed')).at(-1)).toMatchObject({ courseId: 'networking-ja', score: 0.9 });
  await expect.poll(() => page.evaluate(() => JSON.parse(localStorage.getItem('host-saved-state') ?? '{}').checks?.final?.score)).toBe(0.9);
  // Back later: the host hands the state over again, and the results are there.
  await page.reload();
  frame = await embed(page, { persist: true, url: `${COURSE}/final/` });
  await expect(frame.locator('[data-final="done"] .verdict[tabindex="-1"]')).toContainText('10問中9問正解（90%）');
});

test('the 1週間チャレンジ works embedded with host persistence: a day recorded is kept by the host and restored on return', async ({ page }) => {
  let frame = await embed(page, { persist: true, url: `${COURSE}/challenge/` });
  await frame.getByRole('button', { name: 'この7日間で始める' }).click();
  await frame.locator('#challenge-d1-predict').selectOption('20');
  await frame.locator('[data-day="d1"]').getByRole('button', { name: 'やってみた' }).click();
  await frame.locator('[data-day="d1"] input[value="partly"]').check();
  await expect.poll(() => page.evaluate(() => localStorage.getItem('host-saved-state') ?? '')).toContain('"outcome":"partly"');
  await page.reload();
  frame = await embed(page, { persist: true, url: `${COURSE}/challenge/` });
  await expect(frame.locator('#challenge-d1-predict')).toHaveValue('20');
  await expect(frame.locator('[data-compare] [data-summary]')).toContainText('見込みの平均は20%');
});

test('a page on a foreign origin cannot inject state or read progress', async ({ page }) => {
  const evil = await serve('tests/e2e/fixtures', { host: '127.0.0.1' }); // another port: not allowlisted
  try {
    await page.goto(`${evil.url}hostile.html?course=${encodeURIComponent(lessonUrl)}`);
    await expect.poll(() => page.frames().length).toBeGreaterThan(1);
    const frame = page.frames().find((f) => f.url().startsWith(COURSE))!;
    await hydrated(frame);
    const bad = JSON.stringify({
      v: 1,
      courseId: 'networking-ja',
      createdAt: 1,
      updatedAt: 2,
      last: null,
      lessons: {},
      quizzes: {},
      reflections: { [lesson.reflections[0].id]: { text: '外部から書き込まれた文', updatedAt: 9e12 } },
    });
    await page.evaluate((s) => (window as unknown as { inject: (s: string) => void }).inject(s), bad);
    await page.waitForTimeout(500);
    await expect(frame.locator(`#${lesson.reflections[0].id}-text`)).toHaveValue('');
    await expect(frame.locator('[data-notice="host-storage"]')).toHaveCount(0);
    // Nothing about the learner was sent to the foreign page.
    const got = await page.evaluate(() => (window as unknown as { __messages: { data: { type?: string } }[] }).__messages.map((m) => m.data?.type));
    expect(got.filter((t) => t === 'progress' || t === 'state' || t === 'ready')).toEqual([]);
  } finally {
    await evil.close();
  }
});

test('?embed=1 switches embed mode on for a single lesson opened directly', async ({ page }) => {
  await page.goto(`${lessonUrl}?embed=1`);
  await expect(page.locator('.site-header')).toBeHidden();
  await expect(page.locator('.embed-bar')).toBeVisible();
});

test.describe('partitioned third-party storage (Chromium without Playwright’s partitioning switch)', () => {
  let proc: ChildProcess;
  let browser: Browser;
  test.beforeAll(async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'course-cdp-'));
    const exe = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
    proc = spawn(exe, ['--headless=new', '--remote-debugging-port=0', `--user-data-dir=${dir}`, ...chromiumArgs, 'about:blank'], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    const ws = await new Promise<string>((resolve, reject) => {
      let buf = '';
      proc.stderr!.on('data', (d) => {
        buf += d;
        const m = buf.match(/DevTools listening on (ws:\/\/\S+)/);
        if (m) resolve(m[1]);
      });
      proc.on('exit', () => reject(new Error(`chromium exited: ${buf}`)));
    });
    browser = await chromium.connectOverCDP(ws);
  });
  test.afterAll(async () => {
    await browser?.close();
    proc?.kill();
  });

  test('the course keeps progress in its partitioned localStorage inside the frame', async () => {
    const violations: string[] = [];
    await watchCsp(browser.contexts()[0], violations);
    const page = await browser.contexts()[0].newPage();
    let frame = await embed(page);
    await expect(frame.locator('[data-notice="memory-only"]')).toHaveCount(0);
    await completeLesson(frame, lesson, '分割されたストレージに保存');
    await page.reload();
    frame = await embed(page);
    await expect(frame.locator(`#${lesson.reflections[0].id}-text`)).toHaveValue('分割されたストレージに保存');
    await page.close();
    expect(violations, 'Content-Security-Policy violations').toEqual([]);
  });
});
