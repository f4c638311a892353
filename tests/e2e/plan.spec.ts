import { expect, test } from './fixtures';
import ICAL from 'ical.js';
import { downloadOf, lessons, open, setClock, writeReflection } from './course';

const all = lessons();
const [l1, l2] = all;
const maintain = all.find((l) => l.slug === 'maintain')!;
const totalPrompts = all.reduce((n, l) => n + l.reflections.length, 0);

/** Writes three answers in lessons 1, 2 and 5 through the lesson pages. */
async function writeSome(page: import('@playwright/test').Page) {
  await open(page, `/lessons/${l1.slug}/`);
  await writeReflection(page, l1.reflections[0].id, '社内の人とのつながりが中心です。\n社外にも広げたいと考えています。');
  await open(page, `/lessons/${l2.slug}/`);
  await writeReflection(page, l2.reflections[0].id, '# 目標：半年以内に、業界の勉強会で3人と知り合う');
  await open(page, `/lessons/${maintain.slug}/`);
  await writeReflection(page, maintain.reflections[0].id, '前の部署の佐藤さんに、今週中に近況を伝えます。');
}

test('the plan shows every reflection typed in the lessons under its prompt, with a way back to edit it', async ({ page }) => {
  await writeSome(page);
  await open(page, '/plan/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('マイ・ネットワーキングプラン');
  await expect(page.locator('[data-plan-count]')).toHaveText(`ふりかえり${totalPrompts}件のうち、3件を書きました。`);
  for (const l of all) await expect(page.getByRole('heading', { level: 2, name: `レッスン${l.order}　${l.title}` })).toBeVisible();
  const item = (id: string) => page.locator(`[data-plan-item="${id}"]`);
  await expect(item(l1.reflections[0].id).getByRole('heading', { level: 3 })).toHaveText(l1.reflections[0].prompt);
  await expect(item(l1.reflections[0].id).locator('.plan-answer')).toHaveText('社内の人とのつながりが中心です。\n社外にも広げたいと考えています。');
  await expect(item(maintain.reflections[0].id)).toContainText('前の部署の佐藤さんに、今週中に近況を伝えます。');
  await expect(item(l1.reflections[1].id)).toContainText('（まだ書いていません）');

  // Edit: the link leads to the lesson's text box, and the change shows in the plan.
  await item(l2.reflections[0].id).getByRole('link', { name: 'レッスン2で書き直す' }).click();
  await expect(page).toHaveURL(new RegExp(`/lessons/${l2.slug}/#${l2.reflections[0].id}-text$`));
  await open(page, page.url());
  await writeReflection(page, l2.reflections[0].id, '半年以内に、業界の勉強会で3人と知り合う');
  await open(page, '/plan/');
  await expect(item(l2.reflections[0].id).locator('.plan-answer')).toHaveText('半年以内に、業界の勉強会で3人と知り合う');
});

test('Markdown export and clipboard copy contain the whole plan; printing hides the page controls', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await setClock(page, '2026-11-27T10:00');
  await writeSome(page);
  await open(page, '/plan/');
  const md = await downloadOf(page, () => page.getByRole('button', { name: 'Markdownファイルで保存' }).click());
  expect(md.name).toBe('networking-plan.md');
  const lines = md.text.split('\n');
  expect(lines[0]).toBe('# マイ・ネットワーキングプラン');
  expect(md.text).toContain('のふりかえりから作成（2026年11月27日）');
  expect(lines.filter((l) => l.startsWith('## '))).toEqual(all.map((l) => `## レッスン${l.order}　${l.title}`));
  expect(lines.filter((l) => l.startsWith('### '))).toHaveLength(totalPrompts);
  // The learner's line break stays one (a Markdown hard break: two spaces at the end of the line).
  expect(md.text).toContain(`### ${l1.reflections[0].prompt}\n\n社内の人とのつながりが中心です。  \n社外にも広げたいと考えています。\n`);
  expect(md.text).toContain(`### ${l2.reflections[0].prompt}\n\n\\# 目標：半年以内に`); // the learner's "#" stays text
  expect(md.text).toContain(`### ${l1.reflections[1].prompt}\n\n（まだ書いていません）\n`);
  await expect(page.locator('[data-plan-message]')).toContainText('「networking-plan.md」を作成しました');

  await page.getByRole('button', { name: 'クリップボードにコピー' }).click();
  await expect(page.locator('[data-plan-message]')).toContainText('コピーしました');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(md.text);

  await page.evaluate(() => {
    (window as unknown as { printed: number }).printed = 0;
    window.print = () => void (window as unknown as { printed: number }).printed++;
  });
  await page.getByRole('button', { name: '印刷・PDFで保存' }).click();
  expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
  await page.emulateMedia({ media: 'print' });
  for (const hidden of ['.site-header', '#toc', '.plan-actions', '[data-reminders]', `[data-plan-item="${l1.reflections[0].id}"] a`])
    await expect(page.locator(hidden).first()).toBeHidden();
  await expect(page.locator(`[data-plan-item="${l1.reflections[0].id}"] .plan-answer`)).toBeVisible();
});

test('reminders: the people chosen are saved, listed in the plan, and the .ics file parses with those reminders', async ({ page }) => {
  await setClock(page, '2026-11-27T10:00');
  await open(page, '/plan/');
  await page.getByLabel('相手（名前やメモ）').fill('前の部署の佐藤さん, 勉強会; 月1');
  await page.getByLabel('連絡の頻度').selectOption({ label: '毎月' });
  await page.getByRole('button', { name: '相手を追加する' }).click();
  await expect(page.locator('#who-1')).toBeFocused();
  await page.locator('#who-1').fill('異業種交流会で会った李さん');
  await page.locator('#who-1').blur();
  await page.locator('#every-1').selectOption({ label: '半年ごと' });
  await expect(page.locator('[data-reminders-message]')).toHaveText('保存しました');
  // Shown, not announced after every pause in typing (the status region inside stays quiet).
  await expect(page.locator('[data-reminders-message] [role="status"]')).toHaveText('');

  const ics = await downloadOf(page, () => page.getByRole('button', { name: 'カレンダー用ファイル（.ics）をダウンロード' }).click());
  expect(ics.name).toBe('networking-reminders.ics');
  await expect(page.locator('[data-reminders-message]')).toContainText('2人分のリマインダーが登録されます。最初の通知は2026年12月4日です。');
  expect(ics.text.replace(/\r\n/g, '')).not.toMatch(/\n/);
  const events = new ICAL.Component(ICAL.parse(ics.text)).getAllSubcomponents('vevent');
  const got = events.map((e) => {
    const rule = e.getFirstPropertyValue('rrule') as ICAL.Recur;
    return [e.getFirstPropertyValue('summary'), rule.freq, rule.interval, String(e.getFirstPropertyValue('dtstart'))];
  });
  expect(got).toEqual([
    ['前の部署の佐藤さん, 勉強会; 月1に連絡する', 'MONTHLY', 1, '2026-12-04'],
    ['異業種交流会で会った李さんに連絡する', 'MONTHLY', 6, '2026-12-04'],
  ]);

  await open(page, '/plan/');
  await expect(page.locator('#who-0')).toHaveValue('前の部署の佐藤さん, 勉強会; 月1');
  await expect(page.locator('#every-1')).toHaveValue('halfyearly');
  await expect(page.locator('[data-plan-reminders] li')).toHaveText(['前の部署の佐藤さん, 勉強会; 月1（毎月）', '異業種交流会で会った李さん（半年ごと）']);

  // Removing a person saves at once; without anyone left, no file is made.
  await page.getByRole('button', { name: '2人目を削除' }).click();
  // Said after the focus has moved to the row before (so the move does not cut it short).
  await expect(page.locator('#who-0')).toBeFocused();
  await expect(page.locator('[data-reminders-message]')).toHaveText('2人目を削除しました。');
  await page.getByRole('button', { name: '1人目を削除' }).click();
  await expect(page.getByRole('button', { name: '相手を追加する' })).toBeFocused();
  await expect(page.locator('[data-reminders-message]')).toHaveText('1人目を削除しました。');
  await page.getByRole('button', { name: 'カレンダー用ファイル（.ics）をダウンロード' }).click();
  await expect(page.locator('[data-reminders-message]')).toHaveText('少なくとも1人分、相手の名前かメモを入力すると、カレンダー用ファイルを作れます。');
  await expect(page.locator('[data-plan-reminders]')).toHaveCount(0);
});

test.describe('when the calendar file’s code cannot load', () => {
  // The code is kept from loading by failing its request. A service worker that has made its offline
  // copy meanwhile (it claims the page once installed) would serve the code from that copy instead,
  // as it should for a learner, so these run where no worker is: a frame or package without one, or
  // a page whose worker has not installed yet.
  test.use({ serviceWorkers: 'block' });

  test('the calendar file’s code loads only when asked for; when it cannot load, the learner is told, the input stays saved, and pressing again works', async ({
    page,
  }) => {
    const asked: string[] = [];
    page.on('request', (r) => {
      if (/\/calendar\.[\w-]+\.js$/.test(r.url())) asked.push(r.url());
    });
    await page.route(/\/calendar\.[\w-]+\.js$/, (route) => route.abort());
    await open(page, '/plan/');
    expect(asked, 'the plan page loaded the calendar code before it was asked for').toEqual([]);
    await page.getByLabel('相手（名前やメモ）').fill('前の部署の佐藤さん');
    // Pressed straight after typing: the button saves the row first.
    const button = page.getByRole('button', { name: 'カレンダー用ファイル（.ics）をダウンロード' });
    await button.click();
    const message = page.locator('[data-reminders-message]');
    const failed =
      'カレンダー用ファイルを作成できませんでした。インターネットに接続されているか確かめてから、もう一度ボタンを押してください。入力した内容は保存済みです。うまくいかない場合は、ページを再読み込みしてください。';
    await expect(message).toHaveText(failed);
    expect(asked).toHaveLength(1);
    // Pressed again while still offline: the same message, written anew (so it is announced again).
    await button.click();
    await expect.poll(() => asked.length).toBe(2);
    await expect(message).toHaveText(failed);
    // Back online: the same button, on the same page, makes the file.
    await page.unroute(/\/calendar\.[\w-]+\.js$/);
    const ics = await downloadOf(page, () => button.click());
    expect(ics.text).toContain('SUMMARY:前の部署の佐藤さんに連絡する');
    await open(page, '/plan/');
    await expect(page.locator('#who-0')).toHaveValue('前の部署の佐藤さん');
  });

  test('the calendar file’s code cannot load and the input could not be saved either: the save failure comes first, and no reload is suggested', async ({
    page,
  }) => {
    await page.addInitScript(() => {
      const orig = Storage.prototype.setItem;
      Storage.prototype.setItem = function (k: string, v: string) {
        if (k.startsWith('course:') && (window as unknown as { __full?: boolean }).__full) throw new DOMException('full', 'QuotaExceededError');
        return orig.call(this, k, v);
      };
    });
    await page.route(/\/calendar\.[\w-]+\.js$/, (route) => route.abort());
    await open(page, '/plan/');
    await page.evaluate(() => ((window as unknown as { __full?: boolean }).__full = true));
    await page.getByLabel('相手（名前やメモ）').fill('前の部署の佐藤さん');
    await page.getByRole('button', { name: 'カレンダー用ファイル（.ics）をダウンロード' }).click();
    await expect(page.locator('[data-reminders-message]')).toHaveText(
      '保存できませんでした。入力した内容はこの画面に残っています。カレンダー用ファイルを作成できませんでした。インターネットに接続されているか確かめてから、もう一度ボタンを押してください。',
    );
    await expect(page.locator('#who-0')).toHaveValue('前の部署の佐藤さん');
  });

  test('the if-then plan’s calendar file when its code cannot load: the learner is told, the commitment stays saved, and pressing again makes the file', async ({
    page,
  }) => {
    await setClock(page, '2026-11-27T10:00');
    await page.route(/\/calendar\.[\w-]+\.js$/, (route) => route.abort());
    await open(page, '/plan/');
    const plan = page.locator('[data-activity="plan"]');
    await plan.locator('#when-0').fill('金曜のチーム会議が早く終わったら');
    await plan.locator('#action-0').fill('隣の課の人に資料のお礼を伝える');
    await plan.locator('#remind-0').fill('2026-12-04');
    const button = plan.getByRole('button', { name: 'カレンダー用ファイル（.ics）を保存' });
    await button.click();
    await expect(plan.locator('[data-commitments-message]')).toHaveText(
      'カレンダー用ファイルを作成できませんでした。インターネットに接続されているか確かめてから、もう一度ボタンを押してください。入力した内容は保存済みです。うまくいかない場合は、ページを再読み込みしてください。',
    );
    await page.unroute(/\/calendar\.[\w-]+\.js$/);
    const ics = await downloadOf(page, () => button.click());
    expect(ics.text).toContain('DTSTART;VALUE=DATE:20261204');
    await expect(plan.locator('[data-commitments-message]')).toContainText('日付のある行動計画1件');
    await open(page, '/plan/');
    await expect(plan.locator('#action-0')).toHaveValue('隣の課の人に資料のお礼を伝える');
  });
});
