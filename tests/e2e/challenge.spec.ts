/**
 * The 1週間チャレンジ (/challenge/): choosing the week, predicting before each day, recording after
 * it, the prediction beside the result; the calendar file; reload, two tabs, offline, embedded.
 * (Both SCORM packages: scorm.spec.ts.)
 */
import ICAL from 'ical.js';
import { scanBothSchemes } from './axe';
import { expect, test, type Page } from './fixtures';
import { completedDoc, downloadOf, focused, hydrated, lessons, open, seed, setClock, stored, tabTo } from './course';
import { serve } from './static-server';

const all = lessons();
/** Every challenge action of the course, with its lesson. */
const actions = all.flatMap((l) => (l.challenge ?? []).map((c) => ({ ...c, lesson: l.order })));
const day = (page: Page, slot: string) => page.locator(`[data-day="${slot}"]`);

test('by keyboard: the suggested week, a prediction, a day done and recorded, a day skipped, a day moved; the prediction beside the result; kept after a reload; axe', async ({
  page,
}) => {
  test.setTimeout(90_000);
  await setClock(page, '2026-12-07T08:00');
  // Five lessons done: the suggestion comes from them, easiest first.
  await seed(page, completedDoc(all.slice(0, 5), Date.parse('2026-12-06T10:00:00+09:00')));
  await open(page, '/challenge/');
  const setup = page.locator('[data-challenge-setup]');
  await expect(setup.locator('select')).toHaveCount(7);
  const chosen = await setup.locator('select').evaluateAll((els) => els.map((e) => (e as HTMLSelectElement).value));
  const levels = chosen.map((id) => actions.find((a) => a.id === id)!.level);
  expect(levels).toEqual([...levels].sort((a, b) => a - b));
  expect(chosen.every((id) => actions.find((a) => a.id === id)!.lesson <= 5)).toBe(true);
  expect(await scanBothSchemes(page, 'main')).toEqual([]);
  await tabTo(page, (f) => f.text === 'この7日間で始める');
  await page.keyboard.press('Enter');
  const message = page.locator('[data-challenge-message]');
  await expect(message).toHaveText('1週間チャレンジを始めました。1日目は12月7日（月）です。');
  await expect(message).toBeFocused();

  // Day 1, before: the estimate and the worry; then done and the outcome, all by keyboard.
  await tabTo(page, (f) => f.name === 'challenge-d1-predict');
  await page.keyboard.press('ArrowDown'); // 0 %
  await page.keyboard.press('ArrowDown'); // 10 %
  await page.keyboard.press('ArrowDown'); // 20 %
  await page.keyboard.press('ArrowDown'); // 30 %
  await expect(page.locator('#challenge-d1-predict')).toHaveValue('30');
  await page.keyboard.press('Tab');
  expect((await focused(page)).name).toBe('challenge-d1-worry');
  await page.keyboard.type('忙しそうなので、断られると思う');
  await tabTo(page, (f) => f.text === 'やってみた');
  await page.keyboard.press('Enter');
  await expect(day(page, 'd1')).toHaveAttribute('data-status', 'done');
  // The pressed button is gone: the focus goes to the day's heading, which says the new status.
  await expect(day(page, 'd1').getByRole('heading', { level: 3 })).toBeFocused();
  await expect(day(page, 'd1').getByRole('heading', { level: 3 })).toHaveText('1日目・12月7日（月）やってみた');
  await day(page, 'd1').locator('input[value="yes"]').focus();
  await page.keyboard.press('Space');
  await expect(day(page, 'd1').locator('input[value="yes"]')).toBeChecked();
  await day(page, 'd1').locator('textarea').focus();
  await page.keyboard.type('思ったより喜んでくれて、続きを来週話すことになった。');
  await page.keyboard.press('Tab');
  // Day 2 skipped; day 3 moved to the 20th (it then comes last).
  await day(page, 'd2').getByRole('button', { name: 'この日はスキップする' }).click();
  await expect(day(page, 'd2')).toHaveAttribute('data-status', 'skipped');
  await expect(day(page, 'd2').getByRole('heading', { level: 3 })).toBeFocused();
  await day(page, 'd3').locator('input[type="date"]').fill('2026-12-20');
  await day(page, 'd3').locator('input[type="date"]').blur(); // a day moves to its new place once its date field is left
  await expect(page.locator('[data-day]').last()).toHaveAttribute('data-day', 'd3');

  const compare = page.locator('[data-compare]');
  await expect(compare.locator('[data-summary]')).toContainText('記録した1日分の見込みの平均は30%、実際に応じてもらえた割合は100%でした');
  await expect(compare.locator('[data-summary]')).toContainText('人は、相手が応じてくれる見込みを低く見積もりがちです');
  await expect(compare.locator('[data-row="d1"]')).toContainText('30%');
  await expect(compare.locator('[data-row="d1"]')).toContainText('応じてくれた');
  await expect(compare.locator('[data-row="d2"]')).toContainText('スキップ');
  expect(await scanBothSchemes(page, 'main')).toEqual([]);

  await page.reload();
  await hydrated(page);
  await expect(day(page, 'd1').locator('#challenge-d1-worry')).toHaveValue('忙しそうなので、断られると思う');
  await expect(day(page, 'd1').locator('textarea')).toHaveValue('思ったより喜んでくれて、続きを来週話すことになった。');
  await expect(page.locator('[data-day]').last()).toHaveAttribute('data-day', 'd3');
  const doc = await stored(page);
  expect(doc.challenge.d1).toMatchObject({ predict: 30, status: 'done', outcome: 'yes' });
});

test("the calendar file: seven all-day events in the week's order, each with a 9:00 alarm; print hides the controls", async ({ page }) => {
  await setClock(page, '2026-12-07T08:00');
  await open(page, '/challenge/');
  await page.getByRole('button', { name: 'この7日間で始める' }).click();
  const { name, text } = await downloadOf(page, () => page.getByRole('button', { name: 'カレンダー用ファイル（.ics）を保存' }).click());
  expect(name).toBe('networking-challenge.ics');
  const events = new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent');
  expect(events.map((e) => e.getFirstPropertyValue('dtstart')!.toString())).toEqual([
    '2026-12-07',
    '2026-12-08',
    '2026-12-09',
    '2026-12-10',
    '2026-12-11',
    '2026-12-12',
    '2026-12-13',
  ]);
  expect(events[0].getFirstPropertyValue('summary')).toMatch(/^1日目：/);
  expect(events.every((e) => e.getFirstSubcomponent('valarm')?.getFirstPropertyValue('trigger')?.toString() === 'PT9H')).toBe(true);
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('button', { name: 'この日はスキップする' }).first()).toBeHidden();
  await expect(page.locator('[data-compare]')).toBeVisible();
});

test.describe('when the calendar file’s code cannot load', () => {
  // The code is kept from loading by failing its request. A service worker that has made its offline
  // copy meanwhile (it claims the page once installed) would serve the code from that copy instead,
  // as it should for a learner, so these run where no worker is: a frame or package without one, or
  // a page whose worker has not installed yet.
  test.use({ serviceWorkers: 'block' });

  test('the calendar file when its code cannot load: the learner is told (announced), and pressing again once back online makes the file', async ({ page }) => {
    await setClock(page, '2026-12-07T08:00');
    await page.route(/\/calendar\.[\w-]+\.js$/, (route) => route.abort());
    await open(page, '/challenge/');
    await page.getByRole('button', { name: 'この7日間で始める' }).click();
    await page.getByRole('button', { name: 'カレンダー用ファイル（.ics）を保存' }).click();
    const message = page.locator('[data-challenge-message]');
    await expect(message).toHaveText(
      'カレンダー用ファイルを作成できませんでした。インターネットに接続されているか確かめてから、もう一度ボタンを押してください。記録した内容は保存済みです。うまくいかない場合は、ページを再読み込みしてください。',
    );
    // Said where the learner is: the status region takes the focus, so a screen reader reads it.
    await expect(message).toBeFocused();
    await page.unroute(/\/calendar\.[\w-]+\.js$/);
    const { name } = await downloadOf(page, () => page.getByRole('button', { name: 'カレンダー用ファイル（.ics）を保存' }).click());
    expect(name).toBe('networking-challenge.ics');
  });
});

test('starting over by keyboard: the focus goes to the new form, and back to the button when the learner keeps the week', async ({ page }) => {
  await setClock(page, '2026-12-07T08:00');
  await open(page, '/challenge/');
  await page.getByRole('button', { name: 'この7日間で始める' }).click();
  const restart = page.getByRole('button', { name: '最初からやり直す' });
  await restart.focus();
  await page.keyboard.press('Enter');
  // The focus is on what starting over means (every record goes), before the form.
  await expect(page.locator('[data-restart-confirm]')).toBeFocused();
  await expect(page.locator('[data-restart-confirm]')).toHaveText('記録した内容も含めて、7日間を最初から決め直します。よろしいですか。');
  await expect(page.locator('[data-challenge-setup] button[type="submit"]')).toHaveText('やり直す');
  await page.getByRole('button', { name: 'やめる' }).focus();
  await page.keyboard.press('Enter');
  await expect(restart).toBeFocused();
  // A day marked done and put back: the focus stays on that day.
  await day(page, 'd1').getByRole('button', { name: 'やってみた' }).click();
  await day(page, 'd1').getByRole('button', { name: '予定に戻す' }).click();
  await expect(day(page, 'd1')).toHaveAttribute('data-status', 'planned');
  await expect(day(page, 'd1').getByRole('heading', { level: 3 })).toBeFocused();
});

test('typing, leaving the field and pressing やってみた within one frame (a busy phone, a quick learner) keeps the text', async ({ page }) => {
  await setClock(page, '2026-12-07T08:00');
  await open(page, '/challenge/');
  await page.getByRole('button', { name: 'この7日間で始める' }).click();
  await expect(day(page, 'd1')).toBeVisible();
  // Only microtasks between the steps, so no frame passes: Preact renders, but its effects wait for a frame.
  await page.evaluate(async () => {
    const ticks = async () => {
      for (let i = 0; i < 10; i++) await Promise.resolve();
    };
    const card = document.querySelector('[data-day="d1"]')!;
    const input = card.querySelector<HTMLInputElement>('#challenge-d1-worry')!;
    input.focus();
    input.value = '忙しそうなので、断られると思う';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    await ticks();
    const done = [...card.querySelectorAll('button')].find((b) => b.textContent === 'やってみた')!;
    done.focus(); // the blur saves the text
    await ticks();
    done.click();
  });
  await expect(day(page, 'd1')).toHaveAttribute('data-status', 'done');
  await expect(page.locator('#challenge-d1-worry')).toHaveValue('忙しそうなので、断られると思う');
  await page.reload();
  await hydrated(page);
  await expect(page.locator('#challenge-d1-worry')).toHaveValue('忙しそうなので、断られると思う');
  await expect(day(page, 'd1')).toHaveAttribute('data-status', 'done');
});

test('moving a day by keyboard: the days keep their places while the date is typed, a slip is not saved, and the day moves (focus kept) once the field is left', async ({
  page,
}) => {
  await setClock(page, '2026-12-07T08:00');
  await open(page, '/challenge/');
  await page.getByRole('button', { name: 'この7日間で始める' }).click();
  const order = () => page.locator('[data-day]').evaluateAll((els) => els.map((e) => e.getAttribute('data-day')));
  await expect.poll(order).toEqual(['d1', 'd2', 'd3', 'd4', 'd5', 'd6', 'd7']);
  const date = page.locator('#challenge-d2-date');
  await date.focus();
  // Typed digit by digit, a date field fires a change for every value it passes through (the order of
  // its parts follows the browser's locale, so the values are given here, not the keys).
  const steps = ['0002-12-08', '0020-12-08', '0202-12-08', '2026-12-08', '2026-12-02', '2026-12-20'];
  const kept = await date.evaluate(async (el: HTMLInputElement, values) => {
    const seen: string[] = [];
    for (const v of values) {
      el.value = v;
      el.dispatchEvent(new Event('input', { bubbles: true }));
      el.dispatchEvent(new Event('change', { bubbles: true }));
      // What the field holds once the page has reacted (a render that reset it would undo the typing).
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r)));
      seen.push(el.value);
    }
    return seen;
  }, steps);
  expect(kept).toEqual(steps);
  await expect(date).toHaveValue('2026-12-20');
  await expect(date).toBeFocused();
  await expect.poll(async () => (await stored(page)).challenge.d2.date).toBe('2026-12-20');
  expect(await order()).toEqual(['d1', 'd2', 'd3', 'd4', 'd5', 'd6', 'd7']);
  // Tab goes through the field's parts (year, month, day), then on.
  await tabTo(page, (f) => f.name === 'challenge-d2-predict');
  // Now it moves to its place by date, and the focus stays where the learner went.
  await expect.poll(order).toEqual(['d1', 'd3', 'd4', 'd5', 'd6', 'd7', 'd2']);
  await expect(page.locator('#challenge-d2-predict')).toBeFocused();
  await expect(page.locator('[data-day="d2"] h3')).toContainText('7日目・12月20日（日）');
  // Said, since the focus stayed in the day that moved: where it went and its new number.
  await expect(page.locator('[data-challenge-moved]')).toHaveText('12月20日 日曜日に移しました。7日目です。');
  await expect(page.locator('[data-challenge-moved]')).toHaveAttribute('role', 'status');
  // The field says which dates it takes.
  await expect(page.locator('#challenge-d2-date')).toHaveAccessibleDescription(/^11月\d+日（.）から2月\d+日（.）までの日に移せます。$/);

  // A date far outside the week (a slip, or 12月 stepped down to 1月 of the same year) is not saved:
  // the field says so while it has the focus, and says that the saved date stays when it is left.
  const d3 = page.locator('#challenge-d3-date');
  await d3.evaluate((el: HTMLInputElement) => {
    el.focus();
    el.value = '2026-01-09';
    el.dispatchEvent(new Event('change', { bubbles: true }));
  });
  await expect(d3).toHaveAttribute('aria-invalid', 'true');
  await expect(d3).toHaveAccessibleDescription(/この日付には移せません。11月\d+日（.）から2月\d+日（.）までの日を選んでください。/);
  await d3.blur();
  await expect(d3).toHaveValue('2026-12-09');
  await expect(d3).not.toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('[data-day="d3"] [data-date-note]')).toHaveText('選んだ日付には移せないため、この日は12月9日（水）のままです。');
  expect((await stored(page)).challenge.d3.date).toBe('2026-12-09');
});

test('two tabs: a day recorded in each is kept in both', async ({ context }) => {
  const a = await context.newPage();
  await open(a, '/challenge/');
  await a.getByRole('button', { name: 'この7日間で始める' }).click();
  await expect(day(a, 'd1')).toBeVisible();
  const b = await context.newPage();
  await open(b, '/challenge/');
  await day(a, 'd1').getByRole('button', { name: 'やってみた' }).click();
  await day(b, 'd2').getByRole('button', { name: 'この日はスキップする' }).click();
  await expect(day(a, 'd2')).toHaveAttribute('data-status', 'skipped');
  await expect(day(b, 'd1')).toHaveAttribute('data-status', 'done');
  for (const p of [a, b]) {
    await p.reload();
    await hydrated(p);
    await expect(day(p, 'd1')).toHaveAttribute('data-status', 'done');
    await expect(day(p, 'd2')).toHaveAttribute('data-status', 'skipped');
  }
});

test('offline: the challenge page works and saves with the network off (service worker)', async ({ page, context }) => {
  const server = await serve(process.env.COURSE_OUT_DIR ?? 'dist');
  try {
    await page.goto(server.url);
    await page.evaluate(async () => void (await navigator.serviceWorker.ready));
    await page.reload();
    await page.waitForFunction(() => !!navigator.serviceWorker.controller);
    await context.setOffline(true);
    await page.goto(`${server.url}challenge/`);
    await hydrated(page);
    await page.getByRole('button', { name: 'この7日間で始める' }).click();
    await day(page, 'd1').locator('#challenge-d1-predict').selectOption('40');
    await page.reload();
    await hydrated(page);
    await expect(day(page, 'd1').locator('#challenge-d1-predict')).toHaveValue('40');
  } finally {
    await server.close();
  }
});
