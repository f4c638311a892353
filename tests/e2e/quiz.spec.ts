import { expect, test } from './fixtures';
import {
  answer,
  answerWithKeyboard,
  completeActivities,
  completeLesson,
  hydrated,
  lessons,
  open,
  quoted,
  right,
  shownOrder,
  stored,
  writeReflection,
  wrong,
} from './course';

const lesson = lessons()[1];
const url = `/lessons/${lesson.slug}/`;

test('wrong answers get explanations and the right answer; a retry that is right passes', async ({ page }) => {
  await open(page, url);
  await answer(page, lesson, wrong);
  await page.getByRole('button', { name: '採点する' }).click();
  const result = page.locator('[data-result]');
  await expect(result).toContainText(`${lesson.quiz.questions.length}問中0問正解（0%）`);
  await expect(result).toContainText('合格ライン（80%）には届きませんでした');
  await expect(result).toBeFocused();
  const q1 = lesson.quiz.questions[0];
  const set = page.locator(`[data-question="${q1.id}"] .feedback`);
  await expect(set).toHaveAttribute('data-feedback', 'incorrect');
  await expect(set).toContainText(q1.options.find((o) => o.id === wrong(q1)[0])!.feedback);
  await expect(set).toContainText(`正解${quoted(q1.options.find((o) => o.correct)!.text)}`);

  await page.getByRole('button', { name: 'もう一度挑戦する' }).click();
  // The press starts a fresh attempt; it does not submit it (no "unanswered" error for answers never asked for).
  await expect(result).toHaveText('すべての問題に答えたら「採点する」を押してください。合格には4問すべての正解が必要です（合格ライン80%）。');
  await expect(result.locator('.error')).toHaveCount(0);
  await expect(page.locator(`#${q1.id}-set input`).first()).toBeFocused();
  await answer(page, lesson, right);
  await page.getByRole('button', { name: '採点する' }).click();
  await expect(result).toContainText('100%）。合格です。');
  await expect(result).toContainText('挑戦 2回目');
  await expect(page.locator('.feedback[data-feedback="correct"]')).toHaveCount(lesson.quiz.questions.length);
  const doc = await stored(page);
  expect(doc.quizzes[lesson.slug]).toMatchObject({ attempts: 2, best: 1 });

  // After a reload the last attempt is shown as it was, with its result.
  await page.reload();
  await open(page, url);
  await expect(result).toContainText('100%）。合格です。');
  await expect(result).toContainText('挑戦 2回目');
  // A new attempt shows the best so far above the questions.
  await page.getByRole('button', { name: 'もう一度挑戦する' }).click();
  await expect(page.locator('[data-best]')).toContainText('これまでの最高スコア：100%（挑戦 2回）');
});

test('a question with several right answers: each choice is marked right or wrong, and only the right answers not chosen are added', async ({ page }) => {
  const l = lessons().find((x) => x.quiz.questions.some((q) => q.type === 'multiple' && q.options.filter((o) => o.correct).length >= 2))!;
  const q = l.quiz.questions.find((x) => x.type === 'multiple' && x.options.filter((o) => o.correct).length >= 2)!;
  const [hit, ...missed] = q.options.filter((o) => o.correct);
  const miss = q.options.find((o) => !o.correct)!;
  await open(page, `/lessons/${l.slug}/`);
  await answer(page, l, (x) => (x.id === q.id ? [hit.id, miss.id] : right(x)));
  await page.getByRole('button', { name: '採点する' }).click();
  const feedback = page.locator(`[data-question="${q.id}"] .feedback`);
  await expect(feedback).toHaveAttribute('data-feedback', 'incorrect');
  await expect(feedback).toContainText(`あなたの選択${quoted(hit.text)}（正解）：${hit.feedback}`);
  await expect(feedback).toContainText(`あなたの選択${quoted(miss.text)}（誤り）：${miss.feedback}`);
  for (const o of missed) await expect(feedback).toContainText(`正解${quoted(o.text)}：${o.feedback}`);
  // The chosen right answer is explained once, not again under 正解.
  await expect(feedback.locator('p').filter({ hasText: hit.feedback })).toHaveCount(1);
});

test('completing a lesson is said at its end (announced), and stays said after a reload', async ({ page }) => {
  const l = lessons()[0];
  await open(page, `/lessons/${l.slug}/`);
  const done = page.locator('[data-lesson-done]');
  await expect(done).toHaveAttribute('role', 'status');
  await expect(done).toBeEmpty();
  await expect(done).toBeHidden();
  await completeLesson(page, l);
  await expect(done).toHaveText('このレッスンを完了しました。お疲れさまでした。次のレッスンに進みましょう。');
  await expect(done).toBeVisible();
  await page.reload();
  await open(page, `/lessons/${l.slug}/`);
  await expect(done).toHaveText('このレッスンを完了しました。お疲れさまでした。次のレッスンに進みましょう。');
});

test('the quiz says how many right answers pass: with five questions, four or more', async ({ page }) => {
  const five = lessons().find((l) => l.quiz.questions.length === 5)!;
  await open(page, `/lessons/${five.slug}/`);
  await expect(page.locator('[data-result]')).toHaveText('すべての問題に答えたら「採点する」を押してください。5問中4問以上（80%）の正解で合格です。');
});

test('a quiz that completes the lesson: the completion is said after the focus has moved to the result, so it is not cut short', async ({ page }) => {
  const l = lessons()[0];
  await open(page, `/lessons/${l.slug}/`);
  await completeActivities(page, l);
  for (const r of l.reflections.filter((r) => r.required)) await writeReflection(page, r.id, 'ふりかえりを書きました。');
  // What a screen reader gets, in order: focus moves and the status sentence's changes.
  await page.evaluate(() => {
    const log: string[] = ((window as unknown as { __order: string[] }).__order = []);
    addEventListener('focusin', (e) =>
      log.push(`focus:${(e.target as HTMLElement).dataset.result !== undefined ? 'result' : (e.target as HTMLElement).tagName}`),
    );
    const done = document.querySelector('[data-lesson-done]')!;
    new MutationObserver(() => log.push(`said:${done.textContent}`)).observe(done, { childList: true, characterData: true, subtree: true });
  });
  await answer(page, l, right);
  await page.getByRole('button', { name: '採点する' }).click();
  await expect(page.locator('[data-lesson-done]')).toHaveText('このレッスンを完了しました。お疲れさまでした。次のレッスンに進みましょう。');
  const order = await page.evaluate(() => (window as unknown as { __order: string[] }).__order);
  expect(order.filter((e) => e === 'focus:result' || e.startsWith('said:'))).toEqual([
    'focus:result',
    'said:このレッスンを完了しました。お疲れさまでした。次のレッスンに進みましょう。',
  ]);
});

test('after a reload the last attempt comes back with its result and explanations; an attempt started again stays started', async ({ page }) => {
  await open(page, url);
  await answer(page, lesson, wrong);
  await page.getByRole('button', { name: '採点する' }).click();
  const q1 = lesson.quiz.questions[0];
  const feedback = page.locator(`[data-question="${q1.id}"] .feedback`);
  await expect(feedback).toHaveAttribute('data-feedback', 'incorrect');
  // A reload (or a tab the phone discarded): the explanations are still there to read.
  await page.reload();
  await hydrated(page);
  await expect(feedback).toContainText(q1.options.find((o) => o.id === wrong(q1)[0])!.feedback);
  await expect(page.locator('[data-result] .verdict')).toContainText('合格ライン（80%）には届きませんでした');
  await expect(page.locator(`input[name="${q1.id}"][value="${wrong(q1)[0]}"]`)).toBeChecked();
  await expect(page.locator('[data-result]')).not.toBeFocused();
  // 「もう一度挑戦する」 starts a new attempt, which a reload keeps (not the old result again).
  await page.getByRole('button', { name: 'もう一度挑戦する' }).click();
  await page.reload();
  await hydrated(page);
  await expect(page.getByRole('button', { name: '採点する' })).toBeVisible();
  await expect(page.locator(`[data-question="${q1.id}"] .feedback`)).toHaveCount(0);
  await expect(page.locator(`input[name="${q1.id}"]:checked`)).toHaveCount(0);
});

test('a retry shows the options in a new order, the same after a reload; the first attempt keeps the authored order', async ({ page }) => {
  await open(page, url);
  const authored = lesson.quiz.questions.map((q) => q.options.map((o) => o.id));
  const shown = () => Promise.all(lesson.quiz.questions.map((q) => shownOrder(page, q.id)));
  expect(await shown()).toEqual(authored);
  await answer(page, lesson, wrong);
  await page.getByRole('button', { name: '採点する' }).click();
  // While the feedback is read, nothing moves.
  expect(await shown()).toEqual(authored);

  await page.getByRole('button', { name: 'もう一度挑戦する' }).click();
  const second = await shown();
  for (const [i, q] of lesson.quiz.questions.entries()) {
    expect([...second[i]].sort()).toEqual([...authored[i]].sort());
    if (q.type === 'truefalse') expect(second[i]).toEqual(['true', 'false']);
    else expect(second[i], q.id).not.toEqual(authored[i]);
  }
  await page.reload();
  await open(page, url);
  expect(await shown()).toEqual(second);
  // The values are still the option ids: right answers pass, whatever the order.
  await answer(page, lesson, right);
  await page.getByRole('button', { name: '採点する' }).click();
  await expect(page.locator('[data-result]')).toContainText('合格です');
  expect(await shown()).toEqual(second);
  expect((await stored(page)).quizzes[lesson.slug].last.answers).toEqual(Object.fromEntries(lesson.quiz.questions.map((q) => [q.id, right(q)])));
});

test('submitting with unanswered questions: the message takes the focus (read once), and each question number in it leads to that question', async ({
  page,
}) => {
  await open(page, url);
  const [first, second] = lesson.quiz.questions;
  await page.locator(`input[name="${first.id}"]`).first().check();
  await page.getByRole('button', { name: '採点する' }).click();
  const message = page.locator('[data-result]');
  await expect(message).toBeFocused();
  await expect(message).toContainText(`未回答の問題があります（問2、`);
  // Not also a live region: focused, it is read once.
  await expect(message.locator('[role="status"], [aria-live]')).toHaveCount(0);
  const numbers = lesson.quiz.questions.slice(1).map((_, i) => `問${i + 2}`);
  await expect(message.getByRole('link')).toHaveText(numbers);
  await page.keyboard.press('Tab');
  await expect(message.getByRole('link', { name: '問2' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator(`input[name="${second.id}"]`).first()).toBeFocused();
  // Answered now, so no longer listed (the message stays true).
  await page.keyboard.press('Space');
  await expect(message.getByRole('link', { name: '問2' })).toHaveCount(0);
  await expect(message.getByRole('link')).toHaveText(numbers.slice(1));
  await expect(page).toHaveURL(new RegExp(`${url}$`));
});

test('the quiz works with the keyboard alone', async ({ page }) => {
  await open(page, url);
  const first = lesson.quiz.questions[0];
  await page.locator(`input[name="${first.id}"]`).first().focus();
  await answerWithKeyboard(page, lesson);
  await expect(page.locator(':focus')).toHaveText('採点する');
  await page.keyboard.press('Enter');
  await expect(page.locator('[data-result]')).toContainText('合格です');
  await expect(page.locator('[data-result]')).toBeFocused();
});

test('a reflection is autosaved while typing and is there after a reload', async ({ page }) => {
  await open(page, url);
  const r = lesson.reflections[0];
  const box = page.locator(`#${r.id}-text`);
  await box.pressSequentially('転職に向けて、業界の先輩に話を聞きたいです。', { delay: 5 });
  await expect(page.locator(`[data-reflection="${r.id}"] [data-save-state]`)).toHaveText('保存しました');
  await expect(page.locator(`[data-reflection="${r.id}"] .meta-line`)).toContainText('22 / 2,000文字');
  await page.reload();
  await open(page, url);
  await expect(box).toHaveValue('転職に向けて、業界の先輩に話を聞きたいです。');
});

test('an over-long reflection is not cut and not saved; the earlier text stays saved', async ({ page }) => {
  await open(page, url);
  const r = lesson.reflections[0];
  const box = page.locator(`#${r.id}-text`);
  await box.fill('最初の内容');
  await box.blur();
  await expect(page.locator(`[data-reflection="${r.id}"] [data-save-state]`)).toHaveText('保存しました');
  const long = 'あ'.repeat(2005);
  await box.fill(long);
  await box.blur();
  await expect(page.locator(`[data-reflection="${r.id}"] [data-save-state]`)).toContainText('2,000文字を5文字超えています');
  // Announced once, in words that do not change with every key.
  await expect(page.locator(`[data-reflection="${r.id}"] [data-save-alert]`)).toHaveText('上限の2,000文字を超えました。短くすると保存されます。');
  await expect(box).toHaveValue(long);
  expect((await stored(page)).reflections[r.id].text).toBe('最初の内容');
  await expect(page.locator(`[data-reflection="${r.id}"] [data-save-state]`)).not.toContainText('20,000文字まで');
  // A paste longer than a draft keeps stops there, and the learner is told so (what is on screen is what a reload brings back).
  await box.selectText();
  await page.keyboard.insertText('い'.repeat(25_000));
  await box.blur();
  await expect(page.locator(`[data-reflection="${r.id}"] [data-save-state]`)).toHaveText(
    '上限の2,000文字を18,000文字超えています。短くすると保存されます（超えている間は、前に保存した内容が残ります。いま書いている文章も下書きとして残ります）。この欄には20,000文字までしか入らないため、それより後ろの部分は入っていません。',
  );
  const kept = await box.inputValue();
  expect(kept).toHaveLength(20_000);
  expect((await stored(page)).drafts[`reflection:${r.id}`].value).toBe(kept);
});

test('reflection text is rendered as text, never as HTML', async ({ page }) => {
  await open(page, url);
  const r = lesson.reflections[0];
  await page.locator(`#${r.id}-text`).fill('<img src=x onerror="window.__pwned=1">');
  await page.locator(`#${r.id}-text`).blur();
  await page.reload();
  await open(page, url);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
});
