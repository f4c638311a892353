/**
 * The 事前チェック → lessons → 修了テスト → learning gain journey, with the keyboard alone and an
 * axe scan of every page and state on the way; then skipping, the one-attempt final check and its
 * draft. (Offline: pwa.spec.ts; embedded: embed.spec.ts; SCORM: scorm.spec.ts.)
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from './fixtures';
import {
  answerQuestionsWithKeyboard,
  answerWithKeyboard,
  checkQuestions,
  completedDoc,
  doneActivities,
  focused,
  forPages,
  hydrated,
  lessons,
  open,
  quoted,
  right,
  seed,
  stored,
  tabTo,
  takeFinalCheck,
  type QuestionData,
  withLessonsDone,
  wrong,
} from './course';

const all = lessons();
const pre = checkQuestions('pre');
const finals = checkQuestions('final');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

async function scan(page: Page, what: string) {
  const { violations } = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  expect(
    violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
    what,
  ).toEqual([]);
}

test('the whole journey with the keyboard: pre-check, lessons, final check, gain chart and table, certificate and plan', async ({ page }) => {
  test.setTimeout(forPages(lessons().length + 8));
  // Home: before lesson 1, a short, skippable invitation to the pre-check.
  await open(page, '/');
  await expect(page.locator('[data-precheck-invite]')).toContainText('成績には含まれません');
  await scan(page, '/ (invitation)');
  await tabTo(page, (f) => f.text === '事前チェックを受ける');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/precheck\/$/);
  await hydrated(page);
  await scan(page, '/precheck/');

  // Four right, three wrong, one chosen and then taken back, two left out.
  const pick = (q: QuestionData) => {
    const i = pre.indexOf(q);
    return i < 4 ? right(q) : i < 8 ? wrong(q) : null;
  };
  await tabTo(page, (f) => f.name === pre[0].id);
  // The first attempt shows the authored order (what the server rendered).
  await answerQuestionsWithKeyboard(page, pre.slice(0, 8), pick);
  expect((await focused(page)).text).toBe('選択を取り消す');
  await page.keyboard.press('Enter');
  await expect.poll(async () => (await focused(page)).name).toBe(pre[7].id);
  await page.keyboard.press('Tab');
  await answerQuestionsWithKeyboard(page, pre.slice(8), () => null);
  const status = page.locator('[data-precheck="form"] [role="status"]');
  await expect(status).toHaveText('10問中7問に答えています。わからない問題は空けたままでかまいません。');
  expect((await focused(page)).text).toBe('送信する');
  await page.keyboard.press('Enter');

  // The result: where to focus while reading, never the answers.
  const done = page.locator('[data-precheck="done"]');
  await expect(done.locator('[tabindex="-1"]')).toBeFocused();
  await expect(done).toContainText('10問中7問に答え、4問が正解でした。');
  await expect(done.locator('[data-watch] a')).toHaveText(all.slice(4).map((l) => `レッスン${l.order}「${l.title}」`));
  await expect(done.locator('[data-known]')).toContainText(`レッスン1「${all[0].title}」`);
  const text = await page.locator('main').innerText();
  for (const q of pre) for (const o of q.options) expect(text).not.toContain(o.feedback);
  await scan(page, '/precheck/ (sent)');
  const doc = await stored(page);
  expect(Object.keys(doc.checks.pre.marks)).toHaveLength(7);

  // Lessons 1-9 are passed quickly (seeded); lesson 10's quiz and reflection for real, keyboard
  // only (its practice activity is seeded done: activities have keyboard tests of their own).
  await page.goto('/404.html');
  const last = all[9];
  const seeded = withLessonsDone(await stored(page), all.slice(0, 9), Date.now());
  Object.assign(seeded.activities, doneActivities(last, Date.now(), `seed00.${Date.now().toString(36)}`));
  await page.evaluate((d) => localStorage.setItem('course:networking-ja:progress', JSON.stringify(d)), seeded);
  await open(page, `/lessons/${last.slug}/`);
  await tabTo(page, (f) => f.name === last.quiz.questions[0].id);
  await answerWithKeyboard(page, last);
  await page.keyboard.press('Enter');
  await expect(page.locator('[data-result]')).toContainText('合格です');
  await tabTo(page, (f) => f.tag === 'textarea');
  await page.keyboard.type('フィードバックをくれた先輩に、次の一歩を報告します。');
  await tabTo(page, (f) => f.text.startsWith('次へ'));
  await expect(page.locator(`[data-reflection="${last.reflections[0].id}"] [data-save-state]`)).toHaveText('保存しました');
  await page.keyboard.press('Enter');

  // The conclusion invites to the final check; no gain before it.
  await expect(page).toHaveURL(/\/conclusion\/$/);
  await hydrated(page);
  await expect(page.locator('[data-gain="none"]')).toBeVisible();
  await scan(page, '/conclusion/ (before the final check)');
  await tabTo(page, (f) => f.text === '修了テストへ');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/final\/$/);
  await hydrated(page);
  await expect(page.locator('[data-final="form"]')).toBeVisible();
  await scan(page, '/final/');

  // Right except lessons 2 and 6.
  const gapIndex = [1, 5];
  await tabTo(page, (f) => f.name === finals[0].id);
  await answerQuestionsWithKeyboard(page, finals, (q) => (gapIndex.includes(finals.indexOf(q)) ? wrong(q) : right(q)));
  expect((await focused(page)).text).toBe('採点する');
  await page.keyboard.press('Enter');
  const verdict = page.locator('[data-final="done"] .verdict[tabindex="-1"]');
  await expect(verdict).toBeFocused();
  await expect(verdict).toHaveText('修了テストの結果：10問中8問正解（80%）でした。');
  await expect(page.locator('[data-final-item] .feedback[data-feedback="incorrect"]')).toHaveCount(2);
  await expect(page.locator(`[data-final-item="${all[1].slug}"] .feedback`)).toContainText(`正解${quoted(finals[1].options.find((o) => o.correct)!.text)}`);
  await expect(page.getByRole('button', { name: 'もう一度受ける' })).toHaveCount(0); // taken once (course.yaml: no pass mark)
  await scan(page, '/final/ (results)');

  // The gain: chart (hidden from screen readers) and the table beside it.
  await tabTo(page, (f) => f.text === '学習の伸びを見る（おわりに）');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/conclusion\/#gain$/);
  await hydrated(page);
  const gain = page.locator('[data-gain]');
  await expect(gain.locator('[data-gain-summary]')).toHaveText('事前チェックでは10問中4問、修了テストでは10問中8問が正解でした。');
  const table = gain.locator('table');
  await expect(table.locator('caption')).toHaveText('レッスンごとの結果（事前チェック → 修了テスト）');
  await expect(table.locator('thead th[scope="col"]')).toHaveText(['レッスン', '事前チェック', '修了テスト', '変化']);
  await expect(table.locator('tbody th[scope="row"]')).toHaveCount(10);
  const trends = ['はじめから正解', '下がった', 'はじめから正解', 'はじめから正解', '伸びた', '見直したい', '伸びた', '比較なし', '比較なし', '比較なし'];
  await expect(table.locator('tbody tr td:last-child')).toHaveText(trends);
  await expect(table.locator(`tr[data-gain-row="${all[8].slug}"] td`).first()).toHaveText('とばした');
  await expect(gain.locator('.gain-chart')).toHaveAttribute('aria-hidden', 'true');
  await expect(gain.locator('rect.gain-before')).toHaveCount(4);
  await expect(gain.locator('rect.gain-after')).toHaveCount(8);
  await expect(gain.locator('rect.gain-unknown')).toHaveCount(3);
  // No inline style: the bars are sized by SVG attributes (the CSP forbids style attributes).
  expect(await gain.locator('[style]').count()).toBe(0);
  await scan(page, '/conclusion/ (gain)');
  // Reflow: at 320 px the chart shrinks and the table wraps; nothing scrolls sideways.
  await page.setViewportSize({ width: 320, height: 800 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
  await page.setViewportSize({ width: 1280, height: 720 });

  // The certificate: complete now, with the final check's score, the rules in words and the gain.
  await tabTo(page, (f) => f.text === '修了証');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/certificate\/$/);
  await hydrated(page);
  await expect(page.locator('[data-certificate-final]')).toHaveText('80%');
  await expect(page.locator('.certificate')).toContainText('修了テストを終えて');
  await expect(page.locator('[data-rules]')).toContainText('修了には、全10レッスンの完了');
  // What an LMS or a host receives is said only where there is one (the sentence is in the page, for those deliveries).
  await expect(page.locator('[data-rules] [data-saved="lms"]')).toContainText('送られる得点は、修了テストの得点です');
  await expect(page.locator('[data-rules] [data-saved="lms"]')).toBeHidden();
  await expect(page.locator('[data-rules] [data-saved="host"]')).toBeHidden();
  await expect(page.locator('[data-gain] tbody tr')).toHaveCount(10);
  await scan(page, '/certificate/ (with the gain)');

  // The plan points to the lessons where the final check found gaps.
  await tabTo(page, (f) => f.text === 'マイプラン');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/plan\/$/);
  await hydrated(page);
  const gaps = page.locator('ul[data-gaps] a');
  await expect(gaps).toHaveText(gapIndex.map((i) => `レッスン${all[i].order}「${all[i].title}」を見直す`));
  await expect(gaps.first()).toHaveAttribute('href', `/lessons/${all[1].slug}/`);
  await scan(page, '/plan/ (gaps)');
});

test('skipping the pre-check: recorded, the home page stops inviting, it can still be taken later', async ({ page }) => {
  await open(page, '/precheck/');
  await page.locator(`input[name="${pre[0].id}"][value="${right(pre[0])[0]}"]`).check();
  await page.getByRole('button', { name: '事前チェックをとばす' }).click();
  const skipped = page.locator('[data-precheck="skipped"]');
  await expect(skipped).toContainText('事前チェックはとばしました');
  await expect(skipped.locator('[tabindex="-1"]')).toBeFocused();
  await expect(skipped.getByRole('link', { name: 'レッスン1からはじめる' })).toHaveAttribute('href', `/lessons/${all[0].slug}/`);
  const doc = await stored(page);
  expect(doc.checks.pre).toMatchObject({ skipped: true, attempts: 0, at: null });
  expect(doc.drafts['check:pre']).toBeUndefined();
  await scan(page, '/precheck/ (skipped)');

  await open(page, '/');
  await expect(page.locator('[data-precheck-invite]')).toHaveCount(0);

  await open(page, '/precheck/');
  await page.getByRole('button', { name: '事前チェックを受ける' }).click();
  await expect(page.locator(`input[name="${pre[0].id}"]`).first()).toBeFocused();
  // Sending nothing is not taking it: the learner is told how to skip instead.
  await page.getByRole('button', { name: '送信する' }).click();
  await expect(page.locator('[data-precheck="form"] [role="status"]')).toContainText('まだ1問も答えていません');
  // An answer ends that error; taking the answer back is not a new one (nothing was sent).
  await page.locator(`input[name="${pre[0].id}"]`).first().check();
  await page.getByRole('button', { name: '問1の選択を取り消す' }).click();
  await expect(page.locator('[data-precheck="form"] [role="status"]')).not.toContainText('まだ1問も答えていません');
  await expect(page.locator('[data-precheck="form"] .error')).toHaveCount(0);
  await page.locator(`input[name="${pre[1].id}"][value="${right(pre[1])[0]}"]`).check();
  await page.getByRole('button', { name: '送信する' }).click();
  await expect(page.locator('[data-precheck="done"]')).toContainText('10問中1問に答え、1問が正解でした。はじめは答えられなくて当然です。');
  expect((await stored(page)).checks.pre).toMatchObject({ skipped: false, attempts: 1 });
});

test('the final check opens after every lesson, keeps unsent choices over a reload, and is taken once', async ({ page }) => {
  await seed(page, completedDoc(all.slice(0, 8), Date.now() - 86_400_000));
  await open(page, '/final/');
  const locked = page.locator('[data-final="locked"]');
  await expect(locked).toContainText('修了テストは、すべてのレッスンを完了すると受けられます。あと2レッスンです。');
  await expect(locked.locator('a')).toHaveText(all.slice(8).map((l) => `レッスン${l.order}「${l.title}」`));
  await scan(page, '/final/ (locked)');

  await seed(page, completedDoc(all, Date.now() - 86_400_000));
  await open(page, '/final/');
  for (const q of finals.slice(0, 3)) await page.locator(`input[name="${q.id}"][value="${right(q)[0]}"]`).check();
  await page.reload();
  await hydrated(page);
  for (const q of finals.slice(0, 3)) await expect(page.locator(`input[name="${q.id}"][value="${right(q)[0]}"]`)).toBeChecked();
  await page.getByRole('button', { name: '採点する' }).click();
  const message = page.locator('[data-final="form"] .result');
  await expect(message).toBeFocused();
  await expect(message).toContainText('未回答の問題があります（問4、問5');
  await message.getByRole('link', { name: '問4' }).click();
  await expect(page.locator(`input[name="${finals[3].id}"]`).first()).toBeFocused();

  await takeFinalCheck(page, right);
  await expect(page.locator('[data-final="done"] .verdict[tabindex="-1"]')).toContainText('10問中10問正解（100%）');
  await page.reload();
  await hydrated(page);
  await expect(page.locator('[data-final="done"] .verdict[tabindex="-1"]')).toContainText('10問中10問正解（100%）');
  await expect(page.getByRole('button', { name: '採点する' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'もう一度受ける' })).toHaveCount(0);
  const doc = await stored(page);
  expect(doc.checks.final).toMatchObject({ attempts: 1, score: 1, best: 1 });
  expect(doc.drafts['check:final']).toBeUndefined();
});
