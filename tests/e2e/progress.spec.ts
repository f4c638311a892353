import { expect, test } from './fixtures';
import { completeLesson, lessons, open, stored } from './course';

const [l1, l2] = lessons();

test('home shows overall progress and continues where the learner left off', async ({ page }) => {
  await open(page, `/lessons/${l1.slug}/`);
  await completeLesson(page, l1);
  await open(page, `/lessons/${l2.slug}/`);
  await open(page, '/');
  // Said once, by the sentence; the bar under it only draws it (hidden from screen readers).
  await expect(page.locator('.home-progress')).toMatchAriaSnapshot(`
    - paragraph: 学習の進み具合：10レッスン中1レッスン完了（10%）
    - paragraph:
      - link /続きから学ぶ/
  `);
  await expect(page.locator('.home-progress .progressbar > span')).toHaveAttribute('style', 'width: 10%;');
  // The button says which lesson it opens: the one the learner was in last.
  await expect(page.getByRole('link', { name: '続きから学ぶ' })).toContainText(`レッスン${l2.order}　${l2.title}`);
  await page.getByRole('link', { name: '続きから学ぶ' }).click();
  await expect(page).toHaveURL(new RegExp(`/lessons/${l2.slug}/$`));
  await open(page, `/lessons/${l2.slug}/`);
  await expect(page.locator(`#toc a[href$="/${l1.slug}/"] .status`)).toHaveText('完了');
  await expect(page.locator(`#toc a[href$="/${l2.slug}/"] .status`)).toHaveText('学習中');
  await expect(page.locator(`#toc a[href$="/${lessons()[2].slug}/"] .status`)).toHaveText('未着手');
  await open(page, '/conclusion/');
  await expect(page.locator('[data-summary]')).toContainText('10レッスン中1レッスン完了・クイズの平均スコア 100%');
});

test('reset asks first, then clears everything', async ({ page }) => {
  await open(page, `/lessons/${l1.slug}/`);
  await completeLesson(page, l1);
  await open(page, '/');
  await page.getByRole('button', { name: '学習記録をリセット' }).click();
  await page.getByRole('button', { name: 'やめる' }).click();
  expect(Object.keys((await stored(page)).quizzes)).toContain(l1.slug);
  await page.getByRole('button', { name: '学習記録をリセット' }).click();
  await page.getByRole('button', { name: '消去する' }).click();
  await expect(page.locator('[data-reset]')).toContainText('学習記録を消去しました');
  expect((await stored(page)).quizzes).toEqual({});
  await expect(page.getByRole('link', { name: '講座をはじめる' })).toBeVisible();
});

test('two tabs: an edit in one appears in the other, and neither overwrites the other', async ({ context }) => {
  const a = await context.newPage();
  const b = await context.newPage();
  const url = `/lessons/${l1.slug}/`;
  await open(a, url);
  await open(b, url);
  const [r1, r2] = l1.reflections;
  await a.locator(`#${r1.id}-text`).fill('タブAで書いた内容');
  await a.locator(`#${r1.id}-text`).blur();
  await expect(b.locator(`#${r1.id}-text`)).toHaveValue('タブAで書いた内容');
  await b.locator(`#${r2.id}-text`).fill('タブBで書いた内容');
  await b.locator(`#${r2.id}-text`).blur();
  await expect(a.locator(`#${r2.id}-text`)).toHaveValue('タブBで書いた内容');
  const doc = await stored(a);
  expect(doc.reflections[r1.id].text).toBe('タブAで書いた内容');
  expect(doc.reflections[r2.id].text).toBe('タブBで書いた内容');
});

test('localStorage that throws: the course still works from memory and says progress will not be kept', async ({ page }) => {
  await page.addInitScript(() => {
    const fail = () => {
      throw new DOMException('blocked', 'SecurityError');
    };
    Object.defineProperty(window, 'localStorage', { get: fail, configurable: true });
  });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await open(page, `/lessons/${l1.slug}/`);
  await expect(page.locator('[data-notice="memory-only"]')).toBeVisible();
  await completeLesson(page, l1);
  expect(errors).toEqual([]);
});

test('a full disk (setItem throws) keeps what was typed and says it could not be saved', async ({ page }) => {
  await page.addInitScript(() => {
    const orig = Storage.prototype.setItem;
    Storage.prototype.setItem = function (k: string, v: string) {
      // A full disk: no key of the course can be written (the shared one, this tab's own, the backup).
      if (k.startsWith('course:') && (window as unknown as { __full?: boolean }).__full) throw new DOMException('full', 'QuotaExceededError');
      return orig.call(this, k, v);
    };
  });
  await open(page, `/lessons/${l1.slug}/`);
  await page.evaluate(() => ((window as unknown as { __full?: boolean }).__full = true));
  const box = page.locator(`#${l1.reflections[0].id}-text`);
  await box.fill('容量不足でも消えない文章');
  await box.blur();
  await expect(page.locator('[data-notice="write-failed"]')).toBeVisible();
  await expect(page.locator(`[data-reflection="${l1.reflections[0].id}"] [data-save-state]`)).toContainText('保存できませんでした');
  await expect(box).toHaveValue('容量不足でも消えない文章');
});

test('corrupted saved data: the page loads, a notice is shown, the raw data is kept aside', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('/');
  await page.evaluate(() => localStorage.setItem('course:networking-ja:progress', '{"v":1,"courseId":"networking-ja",broken'));
  await open(page, `/lessons/${l1.slug}/`);
  await expect(page.locator('[data-notice="corrupt"]')).toContainText('読み込めませんでした');
  expect(await page.evaluate(() => localStorage.getItem('course:networking-ja:progress:backup'))).toContain('broken');
  await completeLesson(page, l1);
  expect(errors).toEqual([]);
});

test('partly damaged data: the good parts are kept', async ({ page }) => {
  await page.goto('/');
  await page.evaluate((id) => {
    const doc = {
      v: 1,
      courseId: 'networking-ja',
      createdAt: 1,
      updatedAt: 2,
      last: null,
      lessons: {},
      quizzes: { x: 'bad' },
      reflections: { [id]: { text: '残っているはずの文章', updatedAt: 2 } },
    };
    localStorage.setItem('course:networking-ja:progress', JSON.stringify(doc));
  }, l1.reflections[0].id);
  await open(page, `/lessons/${l1.slug}/`);
  await expect(page.locator('[data-notice="invalid-parts"]')).toBeVisible();
  await expect(page.locator(`#${l1.reflections[0].id}-text`)).toHaveValue('残っているはずの文章');
});
