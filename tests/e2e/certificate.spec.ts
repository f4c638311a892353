import { expect, test } from './fixtures';
import { completeLesson, completedDoc, lessons, open, right, seed, setClock, takeFinalCheck, wrong } from './course';

const all = lessons();
const last = all[all.length - 1];
const JST = (s: string) => new Date(`${s}+09:00`).getTime();
const KIND = { conversation: '会話', sorting: '分類', matching: '組み合わせ', message: 'メッセージ作成' } as const;
/** The practice a lesson still needs, named by its kind (練習（分類）). */
const practice = (l: (typeof all)[number]) => (l.activities?.length ? `、練習（${[...new Set(l.activities.map((a) => KIND[a.kind]))].join('・')}）` : '');

test('before completion the certificate page says which lessons still need the quiz or a reflection', async ({ page }) => {
  await seed(page, completedDoc(all.slice(0, 8), JST('2026-11-20T10:00')));
  await open(page, '/certificate/');
  await expect(page.locator('[data-certificate]')).toHaveCount(0);
  const missing = page.locator('[data-certificate-missing]');
  await expect(missing).toContainText('修了証は、すべてのレッスンを完了すると表示されます。あと2レッスンです。');
  await expect(missing.locator('li')).toHaveText([
    ...all.slice(8).map((l) => `レッスン${l.order}「${l.title}」：確認クイズの合格（80%以上）、ふりかえり（必須）の記入${practice(l)}`),
    '修了テスト：修了テストを受けること',
  ]);
  // Named by what it is, not a list of every kind there is.
  await expect(missing.locator('li').first()).toContainText('、練習（分類）');

  // Quiz passed in lesson 9 but no reflection yet: only the reflection is listed.
  await open(page, `/lessons/${all[8].slug}/`);
  await completeLesson(page, all[8]);
  await page.locator(`#${all[8].reflections[0].id}-text`).fill('');
  await page.locator(`#${all[8].reflections[0].id}-text`).blur();
  await open(page, '/certificate/');
  await expect(page.locator('[data-certificate-missing] li')).toHaveText([
    `レッスン9「${all[8].title}」：ふりかえり（必須）の記入`,
    `レッスン10「${last.title}」：確認クイズの合格（80%以上）、ふりかえり（必須）の記入${practice(last)}`,
    '修了テスト：修了テストを受けること',
  ]);
  await page.getByRole('link', { name: `レッスン10「${last.title}」` }).click();
  await expect(page).toHaveURL(new RegExp(`/lessons/${last.slug}/$`));
});

test('after the last lesson and the final check: a certificate with the name typed once, the completion date and the scores; print-ready', async ({ page }) => {
  await seed(page, completedDoc(all.slice(0, 9), JST('2026-11-20T10:00')));
  await setClock(page, '2026-11-26T15:00');
  await open(page, `/lessons/${last.slug}/`);
  await completeLesson(page, last);
  // Every lesson is complete; the certificate waits for the final check (course.yaml: finalCheck: taken).
  await open(page, '/certificate/');
  await expect(page.locator('[data-certificate-missing]')).toContainText('すべてのレッスンを完了しました。修了証は、修了テストを受けると表示されます。');
  await page.getByRole('link', { name: '修了テスト', exact: true }).first().click();
  await expect(page).toHaveURL(/\/final\/$/);
  await setClock(page, '2026-11-27T15:00');
  await open(page, '/final/');
  await takeFinalCheck(page, (q) => (q.id === 'l03-f1' ? wrong(q) : right(q)));
  await open(page, '/certificate/');
  const cert = page.locator('.certificate');
  await expect(cert.getByRole('heading', { name: '修了証' })).toBeVisible();
  await expect(cert).toContainText(`全${all.length}レッスンを学び`);
  await expect(page.locator('[data-certificate-date]')).toHaveText('2026年11月27日');
  await expect(page.locator('[data-certificate-score]')).toHaveText('100%');
  await expect(page.locator('[data-certificate-final]')).toHaveText('90%');
  await expect(page.locator('[data-certificate-name]')).toHaveText('お名前を入力すると、ここに表示されます');

  await page.getByLabel('修了証に記載するお名前').fill('山田 花子');
  await page.getByLabel('修了証に記載するお名前').blur();
  await expect(page.locator('.name-field [role="status"]')).toHaveText('保存しました');
  await expect(page.locator('[data-certificate-name]')).toHaveText('山田 花子 様');

  // Kept on this device: it is there after a reload.
  await open(page, '/certificate/');
  await expect(page.getByLabel('修了証に記載するお名前')).toHaveValue('山田 花子');
  await expect(page.locator('[data-certificate-name]')).toHaveText('山田 花子 様');

  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.name-field')).toBeHidden();
  await expect(page.locator('h1')).toBeHidden();
  await expect(page.locator('.site-header')).toBeHidden();
  await expect(cert).toBeVisible();
  await expect(page.locator('[data-certificate-name]')).toBeVisible();
});
