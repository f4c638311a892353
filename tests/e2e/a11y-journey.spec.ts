/** Keyboard, zoom, motion and screen-reader checks that axe cannot make on its own. */
import { scanBothSchemes } from './axe';
import { expect, test } from './fixtures';
import { answerWithKeyboard, focused, lessons, open, tabTo } from './course';

const all = lessons();
const lesson = all[2];

test('keyboard only: a whole lesson — skip link, quiz, reflection, next lesson — with visible focus', async ({ page }) => {
  await open(page, `/lessons/${lesson.slug}/`);
  // The header's links are a landmark of their own, apart from the contents (目次).
  await expect(page.getByRole('navigation', { name: '講座のページ' }).getByRole('link')).toHaveText([
    '目次',
    'マイプラン',
    '1週間チャレンジ',
    '復習',
    '修了証',
  ]);
  await page.keyboard.press('Tab');
  expect((await focused(page)).text).toBe('本文へ移動');
  await page.keyboard.press('Enter');
  await expect(page.locator('#main')).toBeFocused();

  // Reach the first answer, answer every question with arrows/space, submit with Enter.
  await tabTo(page, (f) => f.name === lesson.quiz.questions[0].id);
  await answerWithKeyboard(page, lesson);
  expect((await focused(page)).text).toBe('採点する');
  await page.keyboard.press('Enter');
  // Focus moves to the result, which a screen reader reads once, as the focused text: it is not also a live region.
  const result = page.locator('[data-result]');
  await expect(result).toBeFocused();
  await expect(result).toContainText('合格です');
  expect(await result.evaluate((el) => !!el.closest('[role="status"], [role="alert"], [aria-live]'))).toBe(false);
  // Nor does it hold one: nothing in it is announced on top of being read.
  await expect(result.locator('[role="status"], [role="alert"], [aria-live]')).toHaveCount(0);

  await tabTo(page, (f) => f.tag === 'textarea');
  await page.keyboard.type('キーボードだけで書きました。');
  await tabTo(page, (f) => f.tag === 'textarea' || f.text.startsWith('次へ'));
  const save = page.locator(`[data-reflection="${lesson.reflections[0].id}"] [data-save-state]`);
  await expect(save).toHaveText('保存しました');
  // Shown, not announced after every pause in typing; only a problem is announced.
  expect(await save.evaluate((el) => !!el.closest('[role="status"], [role="alert"], [aria-live]'))).toBe(false);
  await expect(page.locator(`[data-reflection="${lesson.reflections[0].id}"] [data-save-alert]`)).toHaveText('');
  await tabTo(page, (f) => f.text.startsWith('次へ'));
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`/lessons/${all[3].slug}/$`));
});

// Reflow at 640 and 320 px: checked on every page's axe test (a11y.spec.ts).

test('prefers-reduced-motion: nothing animates, even after answering', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await open(page, `/lessons/${lesson.slug}/`);
  await page.getByRole('button', { name: '採点する' }).click();
  expect(await page.evaluate(() => document.getAnimations().length)).toBe(0);
  expect(await page.evaluate(() => getComputedStyle(document.documentElement).scrollBehavior)).not.toBe('smooth');
});

test('axe: notices for offline and blocked storage (light and dark)', async ({ page, context }) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', {
      get() {
        throw new DOMException('blocked', 'SecurityError');
      },
    });
  });
  await open(page, `/lessons/${lesson.slug}/`);
  await context.setOffline(true);
  await expect(page.locator('[data-notice="offline-elsewhere"]')).toBeVisible();
  await expect(page.locator('[data-notice="memory-only"]')).toBeVisible();
  expect(await scanBothSchemes(page)).toEqual([]);
});
