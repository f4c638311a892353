import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from './fixtures';
import { answer, checkQuestions, completeLesson, forPages, hydrated, lessons, right, stored, takeFinalCheck, withLessonsDone, wrong } from './course';
import { serve, type StaticServer } from './static-server';

const DIST = process.env.COURSE_OUT_DIR ?? 'dist';

// Each test gets its own server (own origin), so service workers never leak between tests.
let server: StaticServer;
test.beforeEach(async () => {
  server = await serve(DIST);
});
test.afterEach(async () => server.close());

/** Opens the course and waits until a service worker controls the page (all pages precached). */
async function install(page: Page) {
  await page.goto(server.url);
  // The first worker takes over the page it was installed from (clientsClaim).
  await page.waitForFunction(() => !!navigator.serviceWorker.controller, undefined, { timeout: 30_000 });
}

test('the service worker is registered only once the page has loaded, so its download of the whole course does not slow the first load', async ({ page }) => {
  await page.addInitScript(() => {
    const calls: string[] = [];
    (window as unknown as { swCalls: string[] }).swCalls = calls;
    const register = navigator.serviceWorker.register.bind(navigator.serviceWorker);
    navigator.serviceWorker.register = (...args: Parameters<typeof register>) => {
      calls.push(document.readyState);
      return register(...args);
    };
  });
  await page.goto(server.url);
  await page.evaluate(async () => void (await navigator.serviceWorker.ready));
  expect(await page.evaluate(() => (window as unknown as { swCalls: string[] }).swCalls)).toEqual(['complete']);
});

test('offline: after one visit every page loads, a quiz and a reflection work and survive a reload', async ({ page, context }) => {
  test.setTimeout(forPages(lessons().length + 5));
  await install(page);
  await context.setOffline(true);
  const urls = ['', ...lessons().map((l) => `lessons/${l.slug}/`), 'conclusion/'];
  for (const u of urls) {
    await page.goto(server.url + u);
    await expect(page.getByRole('heading', { level: 1 }), u).toBeVisible();
  }
  const lesson = lessons()[4];
  await page.goto(`${server.url}lessons/${lesson.slug}/`);
  await hydrated(page);
  await expect(page.locator('[data-notice="offline"]')).toBeVisible();
  await completeLesson(page, lesson, '電車の中、オフラインで書きました。');
  await page.reload();
  await hydrated(page);
  await expect(page.locator(`#${lesson.reflections[0].id}-text`)).toHaveValue('電車の中、オフラインで書きました。');
  await expect(page.locator('[data-result]')).toContainText('最高スコア 100%'); // the last attempt, shown again
  expect((await stored(page)).quizzes[lesson.slug].best).toBe(1);
});

test('offline on the first page visited: once the offline copy is made, the practice further down still starts, works and is kept', async ({
  page,
  context,
}) => {
  const lesson = lessons()[0];
  await page.goto(`${server.url}lessons/${lesson.slug}/`);
  // The learner has not scrolled yet: the quiz and the reflections have not started.
  await page.waitForFunction(() => !!navigator.serviceWorker.controller, undefined, { timeout: 30_000 });
  await expect(page.locator('course-island[data-name="Reflection"]').first()).toHaveAttribute('ssr', '');
  await context.setOffline(true);
  await hydrated(page);
  await expect(page.getByRole('alert').filter({ hasText: 'この部分を読み込めませんでした' })).toHaveCount(0);
  await completeLesson(page, lesson, '最初のページで、オフラインのまま書きました。');
  await page.reload();
  await hydrated(page);
  await expect(page.locator(`#${lesson.reflections[0].id}-text`)).toHaveValue('最初のページで、オフラインのまま書きました。');
  expect((await stored(page)).quizzes[lesson.slug].best).toBe(1);
});

test('offline: the pre-check and the final check load, work and keep their results; the gain shows', async ({ page, context }) => {
  await install(page);
  await context.setOffline(true);
  await page.goto(`${server.url}precheck/`);
  await hydrated(page);
  await expect(page.locator('[data-notice="offline"]')).toBeVisible();
  for (const q of checkQuestions('pre').slice(0, 4)) await page.locator(`input[name="${q.id}"][value="${wrong(q)[0]}"]`).check();
  await page.getByRole('button', { name: '送信する' }).click();
  await expect(page.locator('[data-precheck="done"]')).toContainText('10問中4問に答え、0問が正解でした。');
  await page.reload();
  await hydrated(page);
  await expect(page.locator('[data-precheck="done"]')).toBeVisible();

  // Every lesson done (stored directly, keeping the pre-check), then the final check, still offline.
  const doc = withLessonsDone(await stored(page), lessons(), Date.now() - 60_000);
  await page.evaluate((d) => localStorage.setItem('course:networking-ja:progress', JSON.stringify(d)), doc);
  await page.goto(`${server.url}final/`);
  await hydrated(page);
  await takeFinalCheck(page, right);
  await page.goto(`${server.url}conclusion/`);
  await hydrated(page);
  await expect(page.locator('[data-gain-summary]')).toHaveText('事前チェックでは10問中0問、修了テストでは10問中10問が正解でした。');
});

test('the offline indicator appears and disappears with the connection', async ({ page, context }) => {
  await page.goto(server.url);
  await hydrated(page);
  const indicator = page.locator('[data-notice="offline"]');
  await expect(indicator).toHaveCount(0);
  await context.setOffline(true);
  await expect(indicator).toContainText('オフラインです');
  await expect(indicator).toContainText('この端末に保存されています');
  await context.setOffline(false);
  await expect(indicator).toHaveCount(0);
});

test('update: a new deployment is offered, nothing reloads by itself, typing is saved and progress kept', async ({ page }) => {
  test.setTimeout(forPages(6));
  await install(page);
  const lesson = lessons()[1];
  const url = `${server.url}lessons/${lesson.slug}/`;
  await page.goto(url);
  await hydrated(page);
  await answer(page, lesson, right);
  await page.getByRole('button', { name: '採点する' }).click();
  await expect(page.locator('footer')).toContainText('バージョン 0.1.0');

  server.setRoot(`${DIST}-update`); // build B: same course, new release label
  const box = page.locator(`#${lesson.reflections[0].id}-text`);
  await box.pressSequentially('更新の直前に書いた文', { delay: 5 });
  // The browser checks for a new worker when the tab becomes visible again.
  await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r?.update()));
  const notice = page.locator('[data-notice="update"]');
  await expect(notice).toContainText('新しいバージョンがあります', { timeout: 15_000 });
  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  expect(violations.map((v) => v.id)).toEqual([]);
  // Nothing reloaded under the learner's fingers: the old version is still on screen, text intact.
  await expect(page.locator('footer')).toContainText('バージョン 0.1.0');
  await expect(box).toHaveValue('更新の直前に書いた文');

  await box.pressSequentially('。追記', { delay: 5 }); // still inside the autosave delay
  await Promise.all([page.waitForEvent('load'), notice.getByRole('button', { name: '新しいバージョンを読み込む' }).click()]);
  await hydrated(page);
  await expect(page.locator('footer')).toContainText('バージョン update-test');
  await expect(box).toHaveValue('更新の直前に書いた文。追記');
  expect((await stored(page)).quizzes[lesson.slug]).toMatchObject({ attempts: 1, best: 1 });
});

test('update with an over-long reflection and quiz choices not yet submitted: both are there after the reload', async ({ page }) => {
  test.setTimeout(forPages(6));
  await install(page);
  const lesson = lessons()[2];
  await page.goto(`${server.url}lessons/${lesson.slug}/`);
  await hydrated(page);
  // Picked, not submitted (kept as a draft of the quiz).
  await answer(page, lesson, right);
  // 2,100 characters: over the limit, so it cannot be saved as the reflection; it is kept as a draft.
  const r = lesson.reflections[0];
  const box = page.locator(`#${r.id}-text`);
  const long = 'つながり'.repeat(525);
  await box.fill(long);
  await expect(page.locator(`[data-reflection="${r.id}"] [data-save-state]`)).toContainText('2,000文字を100文字超えています');

  server.setRoot(`${DIST}-update`);
  await page.evaluate(() => navigator.serviceWorker.getRegistration().then((reg) => reg?.update()));
  const notice = page.locator('[data-notice="update"]');
  await expect(notice).toContainText('新しいバージョンがあります', { timeout: 15_000 });
  await Promise.all([page.waitForEvent('load'), notice.getByRole('button', { name: '新しいバージョンを読み込む' }).click()]);
  await hydrated(page);
  await expect(page.locator('footer')).toContainText('バージョン update-test');
  // The over-long text is in the box again, still marked as too long (nothing was cut).
  await expect(box).toHaveValue(long);
  await expect(page.locator(`[data-reflection="${r.id}"] [data-save-state]`)).toContainText('2,000文字を100文字超えています');
  // Every choice picked before the update is still ticked, and nothing was submitted for the learner.
  for (const q of lesson.quiz.questions) for (const id of right(q)) await expect(page.locator(`input[name="${q.id}"][value="${id}"]`)).toBeChecked();
  expect((await stored(page)).quizzes[lesson.slug]).toBeUndefined();
});

test('inside an iframe the course does not register a service worker; at top level it does', async ({ page }) => {
  // Count registration attempts in every frame (the browser may also refuse them in third-party frames).
  await page.addInitScript(() => {
    const w = window as unknown as { __swRegister: number };
    w.__swRegister = 0;
    const orig = navigator.serviceWorker?.register.bind(navigator.serviceWorker);
    if (orig) navigator.serviceWorker.register = (...a) => (w.__swRegister++, orig(...a));
  });
  const host = await serve('tests/e2e/fixtures', { host: '127.0.0.1' });
  try {
    await page.goto(`${host.url}frame.html?src=${encodeURIComponent(server.url)}`);
    await expect(page.frameLocator('iframe').getByRole('heading', { level: 1 })).toBeVisible();
    const f = page.frames().find((x) => x.url().startsWith(server.url))!;
    await f.waitForFunction(() => !document.querySelector('course-island[ssr]'));
    expect(await f.evaluate(() => (window as unknown as { __swRegister: number }).__swRegister)).toBe(0);
    await page.goto(server.url);
    await page.waitForFunction(() => (window as unknown as { __swRegister: number }).__swRegister === 1);
  } finally {
    await host.close();
  }
});
