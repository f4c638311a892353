/**
 * The practice activities as a learner meets them: by keyboard and by mouse, what a screen reader
 * hears (the live regions' text), where focus goes, what is kept after a reload and between two
 * tabs, that the lesson then counts as complete, and axe in each state.
 */
import AxeBuilder from '@axe-core/playwright';
import { scanBothSchemes } from './axe';
import { expect, test, type Page } from './fixtures';
import ICAL from 'ical.js';
import { activity, completeLesson, downloadOf, hydrated, lessons, open, pathTo, rightPlacement, setClock, stored } from './course';
import { serve } from './static-server';

const all = lessons();
const lessonOf = (id: string) => all.find((l) => l.activities?.some((a) => a.id === id))!;
const url = (id: string) => `/lessons/${lessonOf(id).slug}/`;
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
/** Axe on one activity (by id), or on the plan page's commitments (''). */
async function axe(page: Page, id: string) {
  const { violations } = await new AxeBuilder({ page })
    .include(id ? `[data-activity-id="${id}"]` : '[data-activity="plan"]')
    .withTags(TAGS)
    .analyze();
  return violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}
// Axe and many key presses on a busy two-core machine take their time.
test.describe.configure({ timeout: 90_000 });
const focused = (page: Page) => page.evaluate(() => document.activeElement?.outerHTML.slice(0, 200) ?? '');

test.describe('conversation (会話シミュレーション)', () => {
  const a = activity('l04-a1', 'conversation');
  const node = (id: string) => a.nodes.find((n) => n.id === id)!;
  const root = (page: Page) => page.locator('[data-activity="branching"][data-activity-id="l04-a1"]');

  test('without JavaScript the instructions, the first line and its choices are there', async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(url(a.id));
    const r = root(page);
    await expect(r.locator('h2')).toHaveText(/名刺交換のあとの5分/);
    await expect(r).toContainText(a.nodes[0].line);
    await expect(r.locator('[data-choice]')).toHaveText(node(a.start).choices!.map((c) => c.text));
    await context.close();
  });

  test('by keyboard: focus moves to each new line, then its feedback is announced; the replies follow it; the best ending is kept', async ({ page }) => {
    await open(page, url(a.id));
    const r = root(page);
    const best = pathTo(a, 1);
    let at = node(a.start);
    await r.locator('[data-choice="0"]').focus();
    for (const [step, i] of best.entries()) {
      // From the new line, the first reply is the next stop.
      if (step > 0) await page.keyboard.press('Tab');
      for (let k = 0; k < i; k++) await page.keyboard.press('Tab');
      expect(await focused(page)).toContain(`data-choice="${i}"`);
      await page.keyboard.press('Enter');
      const choice = at.choices![i];
      at = node(choice.next);
      // What a screen reader hears: the new line (the focus is on it, with its speaker), then why the choice worked or not.
      await expect.poll(() => focused(page)).toContain(`data-node="${at.id}"`);
      const line = r.locator('[data-current]');
      await expect(line).toBeFocused();
      await expect(line).toContainText(at.line);
      if (at.speaker) await expect(line.locator('.speaker')).toHaveText(at.speaker);
      const heard = r.locator('[data-announce]');
      await expect(heard).toHaveText(`この選択について：${choice.feedback}${at.ending ? `結末：${at.ending.verdict}。${at.ending.text}` : ''}`);
      // The transcript grows as an ordered list: the learner's line with its feedback, then the reply.
      await expect(r.locator('ol.transcript > li')).toHaveCount(2 * (step + 1) + 1);
    }
    expect(at.ending!.rank).toBe(1);
    await expect(r.locator('[data-announce]')).toContainText(`結末：${at.ending!.verdict}`);
    await expect(r.locator('[data-activity-best]')).toHaveText(`これまでにたどり着いたいちばんよい結末：「${at.ending!.verdict}」`);
    expect((await stored(page)).activities['l04-a1']).toMatchObject({ kind: 'conversation', state: { path: best }, done: true, best: 1, last: { result: 1 } });
    expect(await axe(page, a.id)).toEqual([]);

    // Restart: announced, focus on the first line again; the best ending stays.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect(await focused(page)).toContain('最初からやり直す');
    await page.keyboard.press('Enter');
    await expect(r.locator('[data-announce]')).toHaveText('会話を最初からやり直します。');
    await expect.poll(() => focused(page)).toContain(`data-node="${a.start}"`);
    await page.keyboard.press('Tab');
    expect(await focused(page)).toContain('data-choice="0"');
    await expect(r.locator('ol.transcript > li')).toHaveCount(1);
    await expect(r.locator('[data-activity-best]')).toContainText(at.ending!.verdict);
  });

  test('by mouse: a weak ending says what to try next; one step back; a reload restores the talk where it was', async ({ page }) => {
    await open(page, url(a.id));
    const r = root(page);
    const weak = pathTo(a, 4);
    for (const i of weak) await r.locator(`[data-choice="${i}"]`).click();
    const end = node('end-none');
    await expect(r.locator('[data-ending="4"]')).toContainText(end.ending!.verdict);
    await expect(r.locator('[data-ending="4"]')).toContainText(end.ending!.text);
    expect(await axe(page, a.id)).toEqual([]);

    await r.getByRole('button', { name: 'ひとつ戻る' }).click();
    await expect(r.locator('[data-announce]')).toHaveText('ひとつ前の場面に戻りました。');
    await expect(r.locator('[data-ending]')).toHaveCount(0);
    await expect.poll(() => focused(page)).toContain('data-node="silence"');

    await page.reload();
    await hydrated(page);
    await expect(r.locator('ol.transcript > li').last()).toContainText(node('silence').line);
    await expect(r.locator('[data-choice]')).toHaveCount(2);
    // The ending reached before stepping back still counts.
    await expect(r.locator('[data-activity-best]')).toContainText(end.ending!.verdict);
    expect((await stored(page)).activities['l04-a1']).toMatchObject({ done: true, best: 4, state: { path: weak.slice(0, -1) } });
  });
});

for (const id of ['l03-a1', 'l02-a1'] as const) {
  const kind = id === 'l03-a1' ? 'sorting' : 'matching';
  test.describe(`${kind} (${kind === 'sorting' ? '分類' : '組み合わせ'})`, () => {
    const a = activity(id, kind);
    const right = rightPlacement(a);
    const items = Object.keys(right);
    const options = a.kind === 'sorting' ? a.categories.map((c) => c.id) : a.answers.map((x) => x.id);
    const feedback = (item: string) => (a.kind === 'sorting' ? a.items.find((i) => i.id === item)!.feedback : a.pairs.find((p) => p.id === item)!.feedback);
    const root = (page: Page) => page.locator(`[data-activity="${kind}"][data-activity-id="${id}"]`);

    test('by keyboard: a choice per item, check announces the score and moves focus to it, per-item feedback, retry keeps the choices', async ({ page }) => {
      await open(page, url(id));
      const r = root(page);
      await expect(r.locator('select')).toHaveCount(items.length);
      // Checking with gaps says how many are left and focuses the first one.
      await r.getByRole('button', { name: '答え合わせ' }).focus();
      await page.keyboard.press('Enter');
      await expect(r.locator('[data-placement-result]')).toHaveText(
        `まだ選んでいない項目が${items.length}件あります。すべて選んでから答え合わせをしてください。`,
      );
      await expect.poll(() => focused(page)).toContain(`id="${id}-${items[0]}"`);
      // Every item right but the first, chosen with arrow keys only (no dragging, no mouse).
      for (const [n, item] of items.entries()) {
        const target = n === 0 ? options.find((o) => o !== right[item])! : right[item];
        await r.locator(`#${id}-${item}`).focus();
        for (let k = 0; k <= options.indexOf(target); k++) await page.keyboard.press('ArrowDown');
        await expect(r.locator(`#${id}-${item}`)).toHaveValue(target);
      }
      await r.getByRole('button', { name: '答え合わせ' }).focus();
      await page.keyboard.press('Enter');
      const n = items.length;
      await expect(r.locator('[data-placement-result]')).toHaveText(
        `${n}件中${n - 1}件が正解です。説明を読んで、「選び直す」から違っていた項目を選び直してみましょう。`,
      );
      await expect.poll(() => focused(page)).toContain('data-placement-result');
      await expect(r.locator('[data-item-feedback="incorrect"]')).toHaveCount(1);
      await expect(r.locator(`[data-item="${items[0]}"] [data-item-feedback]`)).toContainText(feedback(items[0]));
      await expect(r.locator(`[data-item="${items[1]}"] [data-item-feedback="correct"]`)).toContainText(`正解です。${feedback(items[1])}`);
      // The feedback is tied to its item for a screen reader.
      await expect(r.locator(`#${id}-${items[0]}`)).toHaveAttribute('aria-describedby', `${id}-${items[0]}-fb`);
      expect(await axe(page, id)).toEqual([]);

      await page.keyboard.press('Tab');
      await page.keyboard.press('Enter'); // 選び直す
      await expect.poll(() => focused(page)).toContain(`id="${id}-${items[0]}"`);
      await expect(r.locator(`#${id}-${items[1]}`)).toHaveValue(right[items[1]]);
      await expect(r.locator('[data-activity-best]')).toHaveText(`これまでの最高：${n}件中${n - 1}件`);
    });

    test('by mouse: all right, kept after a reload; a worse retry keeps the best share', async ({ page }) => {
      await open(page, url(id));
      const r = root(page);
      for (const item of items) await r.locator(`#${id}-${item}`).selectOption(right[item]);
      await r.getByRole('button', { name: '答え合わせ' }).click();
      await expect(r.locator('[data-placement-result]')).toHaveText(`${items.length}件中${items.length}件が正解です。すべて正解です。`);
      await page.reload();
      await hydrated(page);
      await expect(r.locator('[data-item-feedback="correct"]')).toHaveCount(items.length);
      await r.getByRole('button', { name: '選び直す' }).click();
      await r.locator(`#${id}-${items[0]}`).selectOption(options.find((o) => o !== right[items[0]])!);
      await r.getByRole('button', { name: '答え合わせ' }).click();
      await expect(r.locator('[data-item-feedback="incorrect"]')).toHaveCount(1);
      expect((await stored(page)).activities[id]).toMatchObject({ kind, done: true, best: 1, state: { checked: true } });
      expect(await axe(page, id)).toEqual([]);
    });
  });
}

test.describe('message builder (メッセージ作成)', () => {
  const a = activity('l05-a1', 'message');
  const root = (page: Page) => page.locator('[data-activity="message"][data-activity-id="l05-a1"]');

  test('by keyboard: fields compose the message live, optional gaps leave no line, copy is announced; kept after a reload', async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await open(page, url(a.id));
    const r = root(page);
    await expect(r.locator('[data-fields-left]')).toContainText(`あと${a.fields.length}欄で完成です`);
    await r.locator(`#${a.id}-name`).focus();
    await page.keyboard.type('株式会社〇〇 人事部 鈴木');
    await page.keyboard.press('Tab'); // to the next field (the hint is text, not a stop)
    expect(await focused(page)).toContain(`id="${a.id}-trigger"`);
    await page.keyboard.type('先日、採用イベントの記事で御社のお名前を拝見しました。');
    // The lines whose fields are still empty (the greeting with one's own name, the signature…) are left out.
    await expect(r.locator('[data-message]')).toHaveValue(
      /^株式会社〇〇 人事部 鈴木様\n\n先日、採用イベントの記事で御社のお名前を拝見しました。\n\nどうぞお元気でお過ごしください。/,
    );
    await expect(r.locator('[data-message]')).not.toHaveValue(/\{/);
    await expect(r.locator('[data-message-save]')).toHaveText('保存しました');
    for (const f of a.fields.slice(2)) await r.locator(`#${a.id}-${f.id}`).fill(f.placeholder!);
    await r.locator(`#${a.id}-${a.fields.at(-1)!.id}`).blur();
    await expect(r.locator('[data-fields-left]')).toHaveText('すべての欄が埋まりました。送る前に、相手と場面に合っているか読み返しましょう。');
    const message = await r.locator('[data-message]').inputValue();
    // The greeting and the subject carry the sender's own organisation and name from the fields.
    const field = (id: string) => a.fields.find((f) => f.id === id)!.placeholder!;
    expect(message).toContain(`ご無沙汰しております。${field('org')}の${field('surname')}です。\n先日、採用イベントの記事で御社のお名前を拝見しました。`);
    expect(message.startsWith(`件名：ご無沙汰しております（${field('org')} ${field('sender')}）\n\n`)).toBe(true);
    // A check-in with no request: nothing in it asks for anything.
    expect(message).not.toMatch(/お願い|ご相談/);
    await r.getByRole('button', { name: '文面をコピー' }).click();
    await expect(r.locator('[data-copy-message]')).toHaveText('文面をクリップボードにコピーしました。メールやチャットに貼り付けて使えます。');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(message);
    expect(await axe(page, a.id)).toEqual([]);

    // An emptied field's line is left out of the message.
    await r.locator(`#${a.id}-news`).fill('');
    await r.locator(`#${a.id}-news`).blur();
    await expect(r.locator('[data-message]')).not.toHaveValue(/インターンシップを開く/);
    await page.reload();
    await hydrated(page);
    await expect(r.locator(`#${a.id}-name`)).toHaveValue('株式会社〇〇 人事部 鈴木');
    await expect(r.locator('[data-message]')).toHaveValue(/近況をお聞かせいただけたらうれしいです。/);
    expect((await stored(page)).activities[a.id]).toMatchObject({ kind: 'message', done: true });
  });
});

test('completion: a lesson with an activity is complete only once the activity is done (TOC follows)', async ({ page }) => {
  const lesson = lessonOf('l03-a1');
  await open(page, `/lessons/${lesson.slug}/`);
  const status = page.locator(`#toc a[href$="/lessons/${lesson.slug}/"] .status`);
  // Quiz and reflections alone:
  await completeLesson(page, { ...lesson, activities: [] });
  await expect(status).toHaveText('学習中');
  const a = activity('l03-a1', 'sorting');
  const r = page.locator('[data-activity-id="l03-a1"]');
  // Any score counts: practice is for learning; the best share is shown.
  for (const i of a.items) await r.locator(`#l03-a1-${i.id}`).selectOption(a.categories.find((c) => c.id !== i.category)!.id);
  await r.getByRole('button', { name: '答え合わせ' }).click();
  await expect(status).toHaveText('完了');
});

test('two tabs: activity work done in each is merged, and the best result is not lost to a stale tab', async ({ context }) => {
  const one = await context.newPage();
  const two = await context.newPage();
  const conv = activity('l04-a1', 'conversation');
  await open(one, url('l04-a1'));
  await open(two, url('l04-a1'));
  // Tab one reaches the best ending; tab two, opened before, then plays a weak one.
  for (const i of pathTo(conv, 1)) await one.locator(`[data-activity-id="l04-a1"] [data-choice="${i}"]`).click();
  await expect(one.locator('[data-ending="1"]')).toBeVisible();
  await expect(two.locator('[data-activity-id="l04-a1"] [data-ending="1"]')).toBeVisible(); // the other tab shows it too (storage event)
  await two.getByRole('button', { name: '最初からやり直す' }).click();
  for (const i of pathTo(conv, 4)) await two.locator(`[data-activity-id="l04-a1"] [data-choice="${i}"]`).click();
  await expect(two.locator('[data-ending="4"]')).toBeVisible();
  // Meanwhile tab one sorts in lesson 3.
  await open(one, url('l03-a1'));
  const s = activity('l03-a1', 'sorting');
  for (const [item, cat] of Object.entries(rightPlacement(s))) await one.locator(`#l03-a1-${item}`).selectOption(cat);
  await one.getByRole('button', { name: '答え合わせ' }).click();
  await expect(one.locator('[data-activity-id="l03-a1"] [data-placement-result]')).toContainText('すべて正解です');
  // The shared copy is written under a Web Lock a moment after the tab's own key; poll until tab one's
  // write has landed (reading once could come before tab one asked for the lock).
  await expect.poll(async () => (await stored(two)).activities['l03-a1']).toMatchObject({ done: true, best: 1 });
  expect((await stored(two)).activities['l04-a1']).toMatchObject({ done: true, best: 1, last: { result: 4 } });
  await expect(two.locator('[data-activity-id="l04-a1"] [data-activity-best]')).toContainText(conv.nodes.find((n) => n.ending?.rank === 1)!.ending!.verdict);
});

test('offline: the activities work and save with the network off (service worker)', async ({ page, context }) => {
  const server = await serve(process.env.COURSE_OUT_DIR ?? 'dist');
  try {
    await page.goto(server.url);
    await page.evaluate(async () => void (await navigator.serviceWorker.ready));
    await page.reload();
    await page.waitForFunction(() => !!navigator.serviceWorker.controller);
    await context.setOffline(true);
    await page.goto(`${server.url}${url('l07-a1').slice(1)}`);
    await hydrated(page);
    await expect(page.locator('[data-notice="offline"]')).toBeVisible();
    const conv = activity('l07-a1', 'conversation');
    for (const i of pathTo(conv, 1)) await page.locator(`[data-activity-id="l07-a1"] [data-choice="${i}"]`).click();
    await expect(page.locator('[data-activity-id="l07-a1"] [data-ending="1"]')).toBeVisible();
    await page.reload();
    await hydrated(page);
    await expect(page.locator('[data-activity-id="l07-a1"] [data-ending="1"]')).toBeVisible();
    expect((await stored(page)).activities['l07-a1']).toMatchObject({ done: true, best: 1 });
  } finally {
    await context.setOffline(false);
    await server.close();
  }
});

/** axe on the activity as it is, in the light and the dark scheme (tests/e2e/axe.ts). */
const axeBoth = (page: Page, id: string) => scanBothSchemes(page, `[data-activity-id="${id}"]`);

for (const l of all.filter((x) => x.activities?.length))
  for (const a of l.activities!)
    test(`axe (light and dark) and 320 px reflow: ${a.id} (${a.kind}) before and after feedback`, async ({ page }) => {
      await page.setViewportSize({ width: 320, height: 800 });
      await open(page, `/lessons/${l.slug}/`);
      expect(await axeBoth(page, a.id), `${a.id} before`).toEqual([]);
      const r = page.locator(`[data-activity-id="${a.id}"]`);
      if (a.kind === 'conversation') for (const i of pathTo(a, 1)) await r.locator(`[data-choice="${i}"]`).click();
      else if (a.kind === 'message') await r.locator('textarea').first().fill('鈴木');
      else {
        for (const [item, option] of Object.entries(rightPlacement(a))) await r.locator(`#${a.id}-${item}`).selectOption(option);
        await r
          .locator(`#${a.id}-${Object.keys(rightPlacement(a))[0]}`)
          .selectOption(
            a.kind === 'sorting'
              ? a.categories.find((c) => c.id !== rightPlacement(a)[a.items[0].id])!.id
              : a.answers.find((x) => x.id !== a.pairs[0].answer)!.id,
          );
        await r.getByRole('button', { name: '答え合わせ' }).click();
        await expect(r.locator('[data-item-feedback="incorrect"]')).toHaveCount(1);
      }
      expect(await axeBoth(page, a.id), `${a.id} after`).toEqual([]);
      // Nothing wider than the screen (WCAG 1.4.10 reflow).
      const wide = await r.evaluate((el) =>
        [...el.querySelectorAll('*')]
          .filter((e) => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
          .map((e) => e.outerHTML.slice(0, 80)),
      );
      expect(wide, a.id).toEqual([]);
    });

test.describe('if-then plan (もし〜なら、〜する) on the plan page', () => {
  const root = (page: Page) => page.locator('[data-activity="plan"]');

  test('by keyboard: three commitments, one from an example, a date; saved, reloaded, first in the Markdown file and the calendar; axe', async ({ page }) => {
    await setClock(page, '2026-11-27T10:00');
    await open(page, '/plan/');
    const r = root(page);
    await expect(r.locator('fieldset[data-commitment]')).toHaveCount(3);
    await expect(r.getByRole('heading', { level: 2 })).toHaveText('もし〜なら、〜する：行動をあらかじめ決めておく');
    // The first commitment, typed: when, action, with whom (Tab moves from part to part).
    await r.locator('#when-0').focus();
    await page.keyboard.type('金曜のチーム会議が早く終わったら');
    await page.keyboard.press('Tab');
    expect(await focused(page)).toContain('id="action-0"');
    await page.keyboard.type('隣の課の人に先週の資料のお礼を伝える');
    await page.keyboard.press('Tab');
    await page.keyboard.type('隣の課の小林さん');
    await page.keyboard.press('Tab');
    expect(await focused(page)).toContain('id="remind-0"');
    await r.locator('#remind-0').fill('2026-12-04');
    await expect(r.locator('[data-commitment="0"] [data-commitment-text]')).toHaveText(
      'この行動計画：もし金曜のチーム会議が早く終わったら、隣の課の人に先週の資料のお礼を伝える。相手：隣の課の小林さん',
    );
    // An example from lesson 4 fills the next empty commitment; what happened is announced and focus goes there.
    await r.locator('summary').click();
    await r.getByRole('button', { name: 'この例を下書きに使う（レッスン4の例）' }).click();
    await expect(r.locator('[data-commitments-message]')).toHaveText('例を行動計画 2 に入れました。自分の場面に合わせて書き換えてください。');
    await expect.poll(() => focused(page)).toContain('id="when-1"');
    await expect(r.locator('#action-1')).toHaveValue('30秒で仕事と強みを伝えたあと、相手の仕事について質問を一つする');
    await r.locator('#action-2').fill('しばらく連絡していない人を一人選んで近況をたずねる');
    await r.locator('#action-2').blur();
    await expect(r.locator('[data-commitment-count]')).toHaveText('3〜5個を目安に書きましょう。いま3個です。');
    expect(await axe(page, '')).toEqual([]);

    await page.reload();
    await hydrated(page);
    await expect(r.locator('#with-0')).toHaveValue('隣の課の小林さん');
    await expect(r.locator('#remind-0')).toHaveValue('2026-12-04');
    const doc = await stored(page);
    expect(doc.plan.items).toHaveLength(3);

    // The Markdown file starts with the commitments, before the lessons.
    const md = await downloadOf(page, () => page.getByRole('button', { name: 'Markdownファイルで保存' }).click());
    const head = md.text.slice(0, md.text.indexOf('## レッスン1'));
    expect(head).toContain(
      '## もし〜なら、〜する（行動計画）\n\n1. もし金曜のチーム会議が早く終わったら、隣の課の人に先週の資料のお礼を伝える。相手：隣の課の小林さん（リマインダー：2026年12月4日）\n2. もし交流会で名刺を交換したら、',
    );
    // The calendar file has the dated commitment as an all-day event with a 9:00 alarm.
    const ics = await downloadOf(page, () => r.getByRole('button', { name: 'カレンダー用ファイル（.ics）を保存' }).click());
    expect(ics.name).toBe('networking-reminders.ics');
    const events = new ICAL.Component(ICAL.parse(ics.text)).getAllSubcomponents('vevent');
    expect(events).toHaveLength(1);
    expect(events[0].getFirstPropertyValue('summary')).toBe(
      'もし金曜のチーム会議が早く終わったら、隣の課の人に先週の資料のお礼を伝える。相手：隣の課の小林さん',
    );
    expect(events[0].getFirstPropertyValue('dtstart')!.toString()).toBe('2026-12-04');
    await expect(r.locator('[data-commitments-message]')).toContainText('日付のある行動計画1件');
    // Print starts with them too (the form itself is not printed).
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('[data-plan-commitments] li')).toHaveCount(3);
    await expect(page.locator('[data-plan-commitments]')).toBeVisible();
    await expect(r).toBeHidden();
  });

  test('removing a commitment is announced and focus stays in the list; at most five', async ({ page }) => {
    await open(page, '/plan/');
    const r = root(page);
    await r.getByRole('button', { name: '行動計画を追加' }).click();
    await expect.poll(() => focused(page)).toContain('id="when-3"');
    await r.getByRole('button', { name: '行動計画を追加' }).click();
    await expect(r.locator('fieldset[data-commitment]')).toHaveCount(5);
    await expect(r).toContainText('行動計画は5個までです。');
    await r.getByRole('button', { name: '行動計画 5 を削除' }).click();
    await expect(r.locator('[data-commitments-message]')).toHaveText('行動計画 5 を削除しました。');
    await expect.poll(() => focused(page)).toContain('id="when-3"');
    await expect(r.locator('fieldset[data-commitment]')).toHaveCount(4);
  });
});
