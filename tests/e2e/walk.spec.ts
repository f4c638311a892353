import { expect, test } from './fixtures';
import { forPages, lessons, open } from './course';

test('a learner walks home → lesson 1 … 10 → conclusion by the next links', async ({ page }) => {
  const all = lessons();
  test.setTimeout(forPages(all.length + 2));
  await open(page, '/');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('人間関係の構築とキャリア');
  await page.getByRole('link', { name: '講座をはじめる' }).click();
  for (const [i, lesson] of all.entries()) {
    await expect(page).toHaveURL(new RegExp(`/lessons/${lesson.slug}/$`));
    await expect(page.locator('.eyebrow', { hasText: 'レッスン' })).toContainText(`レッスン ${i + 1} / ${all.length}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(lesson.title);
    // The current lesson is marked in the table of contents.
    await expect(page.locator('#toc a[aria-current="page"]')).toContainText(lesson.title);
    await page.getByRole('link', { name: /^次へ/ }).click();
  }
  await expect(page).toHaveURL(/\/conclusion\/$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('結論');
});

test('every lesson page shows objectives, source text, key points, a scenario, the quiz and reflections', async ({ page }) => {
  test.setTimeout(forPages(lessons().length));
  for (const lesson of lessons()) {
    await page.goto(`/lessons/${lesson.slug}/`);
    for (const heading of ['このレッスンのねらい', '本文', 'ポイント', '確認クイズ', 'ふりかえり'])
      await expect(page.getByRole('heading', { name: heading, exact: true })).toBeVisible();
    await expect(page.getByRole('heading', { name: /^場面で考える/ })).toBeVisible();
    await expect(page.locator('form.quiz fieldset')).toHaveCount(lesson.quiz.questions.length);
  }
});

test('the course reads without JavaScript: questions and text are in the HTML', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/lessons/goals/');
  await expect(page.locator('fieldset legend').first()).toContainText('問1');
  await expect(page.locator('textarea').first()).toBeVisible();
  await expect(page.getByRole('link', { name: /^次へ/ })).toHaveAttribute('href', '/lessons/participate/');
  await context.close();
});

test('unknown URLs get a Japanese 404 page with a way back', async ({ page }) => {
  const res = await page.goto('/no-such-page/');
  expect(res?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('ページが見つかりません');
});

// Reflow at 320 px (and 640 px) on every page: the per-page tests in a11y.spec.ts.
