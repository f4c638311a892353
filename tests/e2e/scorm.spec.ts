/**
 * The SCORM packages from `npm run package`, launched in a stand-in LMS: scorm-again's Scorm12API /
 * Scorm2004API in a harness page (tests/e2e/fixtures/scorm-harness.html) that saves the CMI data
 * on commit/finish and loads it again on relaunch, like an LMS.
 */
import { expect, test, type Frame, type Page } from './fixtures';
import { unzipSync } from 'fflate';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { completeLesson, hydrated, lessons, stored } from './course';
import { serve, type StaticServer } from './static-server';

const PACKAGES = process.env.COURSE_PACKAGES_DIR ?? 'packages';
const all = lessons();
let server: StaticServer;
let root: string;

test.beforeAll(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'scorm-harness-'));
  for (const [v, zip] of [['12', 'networking-course-scorm12.zip'], ['2004', 'networking-course-scorm2004.zip']]) {
    const file = path.join(PACKAGES, zip);
    if (!fs.existsSync(file)) throw new Error(`${file} is missing: run npm run package first`);
    for (const [name, data] of Object.entries(unzipSync(fs.readFileSync(file)))) {
      if (name.endsWith('/')) continue;
      const out = path.join(root, `pkg${v}`, name);
      fs.mkdirSync(path.dirname(out), { recursive: true });
      fs.writeFileSync(out, data);
    }
  }
  fs.copyFileSync('tests/e2e/fixtures/scorm-harness.html', path.join(root, 'harness.html'));
  fs.copyFileSync('node_modules/scorm-again/dist/scorm-again.js', path.join(root, 'scorm-again.js'));
  server = await serve(root);
});
test.afterAll(async () => {
  await server?.close();
  fs.rmSync(root, { recursive: true, force: true });
});

/** Opens the harness and returns the hydrated course frame (inside the launcher frame). */
async function launch(page: Page, v: string, query = ''): Promise<Frame> {
  await page.goto(`${server.url}harness.html?v=${v}${query}`);
  const course = await expect
    .poll(() => page.frames().find((f) => f.url().includes(`/pkg${v}/`) && !f.url().includes('/launch/'))?.url())
    .toBeTruthy()
    .then(() => page.frames().find((f) => f.url().includes(`/pkg${v}/`) && !f.url().includes('/launch/'))!);
  await course.waitForLoadState('load');
  await hydrated(course);
  return course;
}
const cmi = (page: Page, el: string) => page.evaluate((e) => (window as unknown as { __get: (e: string) => string }).__get(e), el);
interface Metrics {
  calls: Record<string, number>;
  commits: number;
  setChars: number;
  repeats: string[];
  posts: { elements: number; chars: number }[];
}
/** The harness's counters (every API call by name, SetValue characters, repeated values, what each commit posts). */
const metrics = (page: Page) => page.evaluate(() => (window as unknown as { __metrics: () => Metrics }).__metrics());
/** What the stand-in LMS has stored (flat element → value). */
const db = (page: Page) => page.evaluate(() => (window as unknown as { __db: () => Record<string, string> }).__db());
const calls = async (page: Page) => {
  const c = (await metrics(page)).calls;
  return { init: (c.LMSInitialize ?? 0) + (c.Initialize ?? 0), commit: (c.LMSCommit ?? 0) + (c.Commit ?? 0), finish: (c.LMSFinish ?? 0) + (c.Terminate ?? 0) };
};
/** cmi.exit is write-only for the SCO; read what the LMS stored instead. */
async function savedExit(page: Page, v: string) {
  return (await db(page))[v === '12' ? 'cmi.core.exit' : 'cmi.exit'] ?? ''; // never set = the default, ''
}
async function leave(page: Page) {
  await page.evaluate(() => (window as unknown as { __leave: () => void }).__leave());
}
/** The course frame after a navigation inside it. */
async function courseFrame(page: Page, v: string, slug: string) {
  await expect.poll(() => page.frames().some((f) => f.url().includes(`/pkg${v}/lessons/${slug}/`))).toBe(true);
  const f = page.frames().find((x) => x.url().includes(`/pkg${v}/lessons/${slug}/`))!;
  await f.waitForLoadState('load');
  await hydrated(f);
  return f;
}

for (const [v, E] of [
  ['12', { status: 'cmi.core.lesson_status', location: 'cmi.core.lesson_location', raw: 'cmi.core.score.raw' }],
  ['2004', { status: 'cmi.completion_status', location: 'cmi.location', raw: 'cmi.score.raw' }],
] as const) {
  test.describe(`SCORM ${v === '12' ? '1.2' : '2004 4th edition'}`, () => {
    test.describe.configure({ mode: 'serial' });
    test.setTimeout(120_000);

    test('fresh start, two lessons passed, leave, relaunch resumes with Japanese text intact', async ({ page }) => {
      let course = await launch(page, v);
      expect((await calls(page)).init).toBe(1);
      expect(await cmi(page, E.status)).toBe('incomplete');
      await course.getByRole('link', { name: '講座をはじめる' }).click();
      course = await courseFrame(page, v, all[0].slug);
      await completeLesson(course, all[0], '一つ目のふりかえり：社内勉強会で話しかける。');
      await course.locator('a[rel="next"]').click();
      course = await courseFrame(page, v, all[1].slug);
      await completeLesson(course, all[1], '二つ目のふりかえり：転職の相談相手を探す。');
      await expect.poll(() => cmi(page, E.location)).toBe(all[1].slug);
      expect(await cmi(page, E.raw)).toBe('20'); // 2 of 10 quizzes at 100 %
      expect((await calls(page)).commit).toBeGreaterThanOrEqual(2);
      // The LMS has the progress document (compacted) in suspend_data.
      const suspend = await cmi(page, 'cmi.suspend_data');
      expect(suspend).toContain('二つ目のふりかえり');

      await leave(page);
      await expect.poll(async () => (await calls(page)).finish).toBe(1);
      expect(await savedExit(page, v)).toBe('suspend');
      expect((await calls(page)).init).toBe(1); // one session for the whole visit of many pages

      // Relaunch on a "new device": only the LMS copy is left.
      await page.evaluate(() => localStorage.removeItem('course:networking-ja:progress'));
      course = await launch(page, v);
      await expect.poll(() => course.url()).toContain(`/lessons/${all[1].slug}/`);
      await expect(course.locator(`#${all[1].reflections[0].id}-text`)).toHaveValue('二つ目のふりかえり：転職の相談相手を探す。');
      await expect(course.locator(`#toc a[href*="${all[0].slug}"] .status`)).toHaveText('完了');
      await leave(page);
      await expect.poll(async () => (await calls(page)).finish).toBe(1);
    });

    test('finishing every lesson reports completed / passed with the right score', async ({ page }) => {
      let course = await launch(page, v, process.env.SCORM_METRICS_QUERY ?? '');
      for (const l of all) {
        await course.locator(`#toc a[href*="lessons/${l.slug}/"]`).click();
        course = await courseFrame(page, v, l.slug);
        await completeLesson(course, l);
      }
      await expect.poll(() => cmi(page, E.raw)).toBe('100');
      if (v === '12') expect(await cmi(page, 'cmi.core.lesson_status')).toBe('passed');
      else {
        expect(await cmi(page, 'cmi.completion_status')).toBe('completed');
        expect(await cmi(page, 'cmi.success_status')).toBe('passed');
        expect(await cmi(page, 'cmi.score.scaled')).toBe('1');
      }
      await leave(page);
      await expect.poll(async () => (await calls(page)).finish).toBe(1);
      expect(await savedExit(page, v)).toBe(v === '12' ? '' : 'normal');
      const m = await metrics(page);
      const total = Object.values(m.calls).reduce((a, b) => a + b, 0);
      const posted = m.posts.reduce((a, p) => a + p.chars, 0);
      const summary = { version: v, query: process.env.SCORM_METRICS_QUERY ?? '', suspendChars: (await db(page))['cmi.suspend_data']?.length, calls: total, byName: m.calls, commits: m.commits, setValueChars: m.setChars, repeatedSets: m.repeats.length,
        repeatedElements: [...new Set(m.repeats)], postedChars: posted, posts: m.posts.length, meanPostChars: Math.round(posted / m.posts.length) };
      if (process.env.SCORM_METRICS_OUT) fs.appendFileSync(process.env.SCORM_METRICS_OUT, `${JSON.stringify(summary)}\n`);
    });
  });
}

test('SCORM 1.2: ten long reflections keep suspend_data within 4,096 characters and the learner is told', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto(`${server.url}harness.html?v=12`);
  await page.evaluate(() => localStorage.clear());
  let course = await launch(page, '12');
  const long = (n: number) => `${n}番目の長いふりかえりです。`.padEnd(1200, 'あいうえお');
  for (const [i, l] of all.entries()) {
    await course.locator(`#toc a[href*="lessons/${l.slug}/"]`).click();
    course = await courseFrame(page, '12', l.slug);
    await completeLesson(course, l, long(i + 1));
  }
  await expect.poll(async () => (await cmi(page, 'cmi.suspend_data')).length).toBeGreaterThan(0);
  const suspend = await cmi(page, 'cmi.suspend_data');
  expect(suspend.length).toBeLessThanOrEqual(4096);
  // Tracking data survived: every quiz result is in the LMS copy.
  for (const l of all) expect(suspend).toContain(`"${l.slug}":{"attempts":1`);
  await expect(course.locator('[data-notice="host-partial"]')).toContainText('このブラウザにだけ保存されています');
  // Nothing was lost here: the browser still has every reflection.
  const doc = await stored(course);
  expect(Object.keys(doc.reflections)).toHaveLength(10);
});

test('the packaged course runs without an LMS on its own storage', async ({ page }) => {
  await page.goto(`${server.url}pkg12/launch/index.html`);
  await expect(page.getByRole('status')).toContainText('LMS）に接続されていません');
  const course = page.frames().find((f) => f.url().includes('/pkg12/') && !f.url().includes('/launch/'))!;
  await hydrated(course);
  await course.getByRole('link', { name: '講座をはじめる' }).click();
  const lesson = await courseFrame(page, '12', all[0].slug);
  await completeLesson(lesson, all[0]);
  expect((await stored(lesson)).quizzes[all[0].slug].best).toBe(1);
});
