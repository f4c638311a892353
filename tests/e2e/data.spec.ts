import { expect, test, type Page } from './fixtures';
import { answer, completeLesson, downloadOf, lessons, open, stored, storedText, wrong } from './course';

const [l1, l2] = lessons();
const KEY = 'course:networking-ja:progress';
const raw = (page: Page) => storedText(page, KEY);

/** Some progress of every kind, made through the pages. */
async function makeProgress(page: Page) {
  await open(page, `/lessons/${l1.slug}/`);
  await completeLesson(page, l1, '社内の勉強会で、他部署の人と話してみます。');
  await open(page, `/lessons/${l2.slug}/`);
  await answer(page, l2, wrong);
  await page.getByRole('button', { name: '採点する' }).click();
  await expect(page.locator('[data-result]')).toContainText('0問正解');
  await open(page, '/plan/');
  await page.getByLabel('相手（名前やメモ）').fill('前の部署の佐藤さん');
  await page.getByLabel('相手（名前やメモ）').blur();
  await expect(page.locator('[data-reminders-message]')).toHaveText('保存しました');
}

async function chooseFile(page: Page, name: string, content: string | Buffer) {
  await page.getByLabel('読み込む進捗ファイル（.json）').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(content) });
}

test('export → reset → import restores everything, after showing what the file holds and asking first', async ({ page }) => {
  await makeProgress(page);
  const before = await stored(page);
  await open(page, '/data/');
  const file = await downloadOf(page, () => page.getByRole('button', { name: '進捗ファイルを書き出す' }).click());
  expect(file.name).toMatch(/^networking-progress-\d{8}\.json$/);
  expect(JSON.parse(file.text)).toEqual(before);
  await expect(page.locator('[data-transfer-message]')).toContainText(`「${file.name}」を書き出しました`);

  await open(page, '/');
  await page.getByRole('button', { name: '学習記録をリセット' }).click();
  await page.getByRole('button', { name: '消去する' }).click();
  await expect(page.locator('[data-reset]')).toContainText('学習記録を消去しました');
  expect((await stored(page)).reflections).toEqual({});

  await open(page, '/data/');
  await chooseFile(page, file.name, file.text);
  const dialog = page.getByRole('alertdialog');
  await expect(dialog).toContainText('この端末の学習記録を置き換えます');
  const row = (label: string) => dialog.getByRole('row', { name: new RegExp(`^${label}`) });
  await expect(row('完了したレッスン')).toHaveText(/1 \/ 10.*0 \/ 10/);
  await expect(row('書いたふりかえり')).toHaveText(new RegExp(`${l1.reflections.filter((r) => r.required).length}件.*0件`));
  await expect(row('復習待ちの問題')).toHaveText(new RegExp(`${l2.quiz.questions.length}問.*0問`));
  await expect(row('連絡リマインダー')).toHaveText(/1人.*0人/);
  await expect(page.getByRole('button', { name: 'やめる' })).toBeFocused();
  expect((await stored(page)).reflections).toEqual({}); // nothing replaced before confirming

  await page.getByRole('button', { name: '置き換える' }).click();
  await expect(page.locator('[data-transfer-message]')).toHaveText('読み込みました。学習記録をファイルの内容に置き換えました。');
  const after = await stored(page);
  // The same progress, as a new epoch (an import, like a reset, cannot be undone by an older copy).
  const { createdAt: _c1, updatedAt: _u1, epoch, clock: _k1, ...rest } = after;
  const { createdAt: _c2, updatedAt: _u2, epoch: before_epoch, clock: _k2, ...expected } = before;
  expect(rest).toEqual(expected);
  expect(epoch).toBeGreaterThan(before_epoch);

  // What the learner sees is back: the lesson is complete, the plan and the reminders are there.
  await open(page, '/plan/');
  await expect(page.locator(`#toc a[href$="/${l1.slug}/"] .status`)).toHaveText('完了');
  await expect(page.locator(`[data-plan-item="${l1.reflections[0].id}"]`)).toContainText('社内の勉強会で、他部署の人と話してみます。');
  await expect(page.locator('#who-0')).toHaveValue('前の部署の佐藤さん');
});

test('a wrong or damaged file is refused with a clear message, and nothing changes', async ({ page }) => {
  await makeProgress(page);
  await open(page, '/data/');
  const original = await raw(page);
  const good = JSON.parse(original!);
  const cases: [string, string | Buffer, string][] = [
    ['notes.json', 'これは進捗ファイルではありません', 'ファイルを読み取れませんでした'],
    ['other.json', JSON.stringify({ ...good, courseId: 'another-course' }), '別の講座の進捗ファイルです'],
    ['broken.json', JSON.stringify({ ...good, reflections: { [l1.reflections[0].id]: { text: 42 } } }), 'ファイルの一部が壊れているため'],
    ['newer.json', JSON.stringify({ ...good, v: 99 }), 'より新しいバージョンの講座で書き出されたファイルです'],
    ['huge.json', Buffer.alloc(1024 * 1024 + 1, 0x20), 'ファイルが大きすぎます'],
    ['list.json', '[1, 2, 3]', 'この講座の進捗ファイルではないようです'],
  ];
  for (const [name, content, message] of cases) {
    await chooseFile(page, name, content);
    const status = page.locator('[data-transfer-message]');
    await expect(status, name).toContainText(message);
    await expect(status, name).toContainText('いまの学習記録は変更していません。');
    await expect(page.getByRole('alertdialog')).toHaveCount(0);
    expect(await raw(page), name).toBe(original);
  }

  // A good file, then "やめる": still nothing changes.
  await chooseFile(page, 'ok.json', JSON.stringify({ ...good, reflections: {} }));
  await page.getByRole('button', { name: 'やめる' }).click();
  await expect(page.locator('[data-transfer-message]')).toHaveText('読み込みをやめました。いまの学習記録はそのままです。');
  expect(await raw(page)).toBe(original);
});
