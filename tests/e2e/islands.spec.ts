/**
 * How islands start (src/islands/runtime/mount.ts): a lesson's practice islands take their data
 * from the lesson's practice.json, so the page's HTML carries each text once; when that file cannot
 * be loaded the learner is told so next to the practice and can try again, and nothing they
 * entered meanwhile is lost.
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { expect, test } from './fixtures';
import { answer, hydrated, lessons, open, right, stored } from './course';

// Requests are routed here, which a service worker would answer itself.
test.use({ serviceWorkers: 'block' });

const lesson = lessons()[2];
const url = `/lessons/${lesson.slug}/`;
const DIST = path.resolve(process.env.COURSE_OUT_DIR ?? 'dist');
const gz = (s: string | Buffer) => zlib.gzipSync(s, { level: 9 }).length;

test('a practice file that does not load: the learner is told next to the quiz, and trying again starts it with what they chose', async ({ page }) => {
  let fail = true;
  await page.route(`**/lessons/${lesson.slug}/practice.json`, (route) => (fail ? route.abort('internetdisconnected') : route.continue()));
  await page.goto(url);
  const quiz = page.locator('course-island[data-name="Quiz"]');
  const q1 = lesson.quiz.questions[0];
  const first = page.locator(`input[name="${q1.id}"][value="${right(q1)[0]}"]`);
  await first.scrollIntoViewIfNeeded();
  const alert = page.getByRole('region', { name: '確認クイズ' }).getByRole('alert');
  await expect(alert).toContainText('この部分を読み込めませんでした');
  await expect(alert).toContainText('ここに入力した内容は消えません。この部分が読み込まれた時点で保存されます。');
  // The server-rendered quiz stays readable, and a choice made now is kept.
  await first.check();
  await expect(quiz).toHaveAttribute('ssr', '');
  // Leaving now would lose the choice (saved only once the quiz starts): the browser asks first.
  const asked = page.waitForEvent('dialog');
  await page.close({ runBeforeUnload: true });
  const dialog = await asked;
  expect(dialog.type()).toBe('beforeunload');
  await dialog.dismiss();
  expect(page.isClosed()).toBe(false);
  fail = false;
  await alert.getByRole('button', { name: 'もう一度読み込む' }).click();
  await expect(quiz).not.toHaveAttribute('ssr');
  // Every island that had failed starts again (they failed for the same reason).
  await expect(page.getByRole('alert').filter({ hasText: 'この部分を読み込めませんでした' })).toHaveCount(0);
  await expect(first).toBeChecked();
  await hydrated(page);
  await answer(page, lesson, right);
  await page.getByRole('button', { name: '採点する' }).click();
  await expect(page.locator('[data-result]')).toContainText('合格です');
  expect((await stored(page)).quizzes[lesson.slug]).toMatchObject({ attempts: 1, best: 1 });
});

test('coming back online starts the islands that could not load, without a click', async ({ page, context }) => {
  await page.goto(url);
  await page.waitForLoadState('load');
  await context.setOffline(true);
  const reflection = page.locator('course-island[data-name="Reflection"]').first();
  await reflection.locator('textarea').scrollIntoViewIfNeeded();
  await expect(page.getByRole('alert').filter({ hasText: 'この部分を読み込めませんでした' }).first()).toBeVisible();
  await context.setOffline(false);
  await expect(reflection).not.toHaveAttribute('ssr');
  await expect(page.getByRole('alert').filter({ hasText: 'この部分を読み込めませんでした' })).toHaveCount(0);
});

test('an island that could not start and holds nothing entered lets the page go without asking', async ({ page }) => {
  await page.route(`**/lessons/${lesson.slug}/practice.json`, (route) => route.abort('internetdisconnected'));
  await page.goto(url);
  await page.locator('course-island[data-name="Quiz"] input').first().scrollIntoViewIfNeeded();
  await expect(page.getByRole('alert').filter({ hasText: 'この部分を読み込めませんでした' }).first()).toBeVisible();
  await page.locator('h1').click(); // a user activation, which a beforeunload prompt needs
  let asked = false;
  page.on('dialog', (d) => {
    asked = true;
    void d.accept();
  });
  await page.close({ runBeforeUnload: true });
  await expect.poll(() => page.isClosed()).toBe(true);
  expect(asked).toBe(false);
});

test("every lesson's practice islands take their props from the lesson's practice file, not from the page", async ({ page }) => {
  for (const l of lessons()) {
    const html = fs.readFileSync(path.join(DIST, 'lessons', l.slug, 'index.html'), 'utf8');
    const islands = [...html.matchAll(/<course-island\b[^>]*>/g)].map((m) => m[0]);
    expect(islands.length, l.slug).toBeGreaterThanOrEqual(3);
    for (const tag of islands) {
      expect(tag, l.slug).not.toContain('data-props');
      expect(tag, l.slug).toMatch(new RegExp(`data-from="/lessons/${l.slug}/practice\\.json#[\\w-]+"`));
    }
    const data = JSON.parse(fs.readFileSync(path.join(DIST, 'lessons', l.slug, 'practice.json'), 'utf8'));
    const keys = islands.map((t) => /#([\w-]+)"/.exec(t)![1]);
    expect(Object.keys(data).sort(), l.slug).toEqual([...keys].sort());
    // The feedback of the quiz is in the file, not in the page.
    const feedback = l.quiz.questions[0].options[0].feedback;
    expect(JSON.stringify(data.quiz)).toContain(JSON.stringify(feedback).slice(1, -1));
    expect(html).not.toContain(feedback);
  }
  await open(page, url);
  await expect(page.locator('course-island[ssr]')).toHaveCount(0);
});

test("a lesson's HTML is at most 2.5 times its visible text, both gzipped", async ({ page }) => {
  const ratios: string[] = [];
  for (const l of lessons()) {
    await page.goto(`/lessons/${l.slug}/`);
    // What the learner can read on the page as it arrives (nothing opened, no island needed).
    const text = await page.evaluate(() => document.body.innerText);
    const html = fs.readFileSync(path.join(DIST, 'lessons', l.slug, 'index.html'));
    const ratio = gz(html) / gz(text);
    ratios.push(`${l.slug} ${gz(html)}/${gz(text)} = ${ratio.toFixed(2)}`);
    expect(ratio, ratios.join('; ')).toBeLessThanOrEqual(2.5);
  }
  test.info().annotations.push({ type: 'ratios', description: ratios.join('; ') });
});

test('the page’s starters run on their own: one that fails (here the contents, whose list is missing) leaves the notices, the islands and saving working', async ({
  page,
  context,
}) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await page.route(`**${url}`, async (route) => {
    const res = await route.fetch();
    // The contents' list loses the attribute its script looks for, so that script throws.
    await route.fulfill({ response: res, body: (await res.text()).replace(' data-toc', ' data-toc-gone') });
  });
  await page.goto(url);
  await hydrated(page);
  expect(errors.length).toBeGreaterThan(0);
  // The quiz started and keeps its answers: a draft of every choice reaches storage.
  await answer(page, lesson, right);
  const q1 = lesson.quiz.questions[0];
  await expect.poll(async () => (await stored(page))?.drafts?.[`quiz:${lesson.slug}`]?.value ?? '').toContain(right(q1)[0]);
  // The notices still work: losing the connection is announced.
  await context.setOffline(true);
  await expect(page.locator('[data-notice="offline"]')).toBeVisible();
  await context.setOffline(false);
});
