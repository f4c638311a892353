import { expect, test } from './fixtures';
import { answer, lessons, open, quoted, right, setClock, stored, wrong } from './course';

const lesson = lessons()[1];
const qs = lesson.quiz.questions;

test('wrong answers come back for review the next day; right reviews move on, wrong ones come back tomorrow', async ({ page }) => {
  await setClock(page, '2026-11-27T10:00');
  await open(page, `/lessons/${lesson.slug}/`);
  await answer(page, lesson, wrong);
  await page.getByRole('button', { name: '採点する' }).click();
  await expect(page.locator('[data-result]')).toContainText(`${qs.length}問中0問正解`);

  // The same day: nothing due yet, the home page says when.
  await open(page, '/');
  await expect(page.locator('[data-review-due]')).toHaveText('次の復習は2026年11月28日からです。');
  await open(page, '/review/');
  await expect(page.locator('[data-review-done]')).toContainText('いま復習する問題はありません。次の復習は2026年11月28日からです。');

  // The next morning: every question answered wrong is due.
  await setClock(page, '2026-11-28T08:00');
  await open(page, '/');
  await expect(page.locator('[data-review-due]')).toContainText(`復習する問題が${qs.length}問あります。`);
  await page.getByRole('link', { name: '復習する', exact: true }).click();
  await expect(page).toHaveURL(/\/review\/$/);
  await open(page, '/review/');

  for (const [i, q] of qs.entries()) {
    const form = page.locator(`[data-review="${q.id}"]`);
    await expect(form.locator('.eyebrow')).toHaveText(`${qs.length}問中${i + 1}問目・レッスン${lesson.order}「${lesson.title}」より`);
    const ok = i !== 1; // the second question is answered wrong again
    for (const id of ok ? right(q) : wrong(q)) await form.locator(`input[value="${id}"]`).check();
    await form.getByRole('button', { name: '答える' }).click();
    const status = page.locator('[data-review-result]');
    await expect(status).toBeFocused();
    if (ok) {
      await expect(status).toHaveText('正解です。次は3日後（2026年12月1日）に出題します。');
      await expect(form.locator('.feedback')).toHaveAttribute('data-feedback', 'correct');
    } else {
      await expect(status).toHaveText('不正解です。明日（2026年11月29日）もう一度出題します。');
      await expect(form.locator('.feedback')).toContainText(`正解${quoted(q.options.find((o) => o.correct)!.text)}`);
    }
    await page.getByRole('button', { name: i < qs.length - 1 ? '次の問題へ' : '復習を終える' }).click();
    // The next question opens unanswered and without an error (the press does not submit it).
    if (i < qs.length - 1) await expect(page.locator('[data-review-result] .error')).toHaveCount(0);
  }
  await expect(page.locator('[data-review-done]')).toContainText('今日の復習は以上です。お疲れさまでした。次の復習は2026年11月29日からです。');
  await expect(page.locator('[data-review-done]')).toBeFocused();
  const reviews = (await stored(page)).reviews;
  expect(reviews[qs[1].id]).toMatchObject({ box: 0, due: new Date('2026-11-29T00:00+09:00').getTime() });
  expect(reviews[qs[0].id]).toMatchObject({ box: 1, due: new Date('2026-12-01T00:00+09:00').getTime() });

  // Later that day nothing is due; the next day only the one answered wrong.
  await open(page, '/');
  await expect(page.locator('[data-review-due]')).toHaveText('次の復習は2026年11月29日からです。');
  await setClock(page, '2026-11-29T21:00');
  await open(page, '/');
  await expect(page.locator('[data-review-due]')).toContainText('復習する問題が1問あります。');
  await open(page, '/review/');
  await expect(page.locator(`[data-review="${qs[1].id}"]`)).toBeVisible();
});

test('answering without a choice asks for one first and records nothing', async ({ page }) => {
  await setClock(page, '2026-11-27T10:00');
  await open(page, `/lessons/${lesson.slug}/`);
  await answer(page, lesson, wrong);
  await page.getByRole('button', { name: '採点する' }).click();
  await expect(page.locator('[data-result]')).toContainText('0問正解');
  await setClock(page, '2026-11-28T10:00');
  await open(page, '/review/');
  const before = (await stored(page)).reviews;
  const hint = page.locator('[data-review-result] p');
  await expect(hint).toHaveText('答えを選んでから「答える」を押してください。');
  await expect(hint).not.toHaveClass('error');
  await page.getByRole('button', { name: '答える' }).click();
  await expect(hint).toHaveClass('error');
  await expect(page.locator(`[data-review="${lesson.quiz.questions[0].id}"]`)).toBeVisible();
  expect((await stored(page)).reviews).toEqual(before);
});
