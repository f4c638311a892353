/**
 * Input that arrives before an island has started: a paste, autofill or a quick tap into a
 * server-rendered field while the island's code is still loading (islands hydrate when they come
 * into view, or when the browser is idle). The island's code is held back until the input is in,
 * so the test does not depend on how fast the machine is; then the screen, the saved progress and
 * a reload must all show what the learner entered.
 */
import { expect, test, type Locator, type Page } from './fixtures';
import { completedDoc, hydrated, lessons, seed, stored, storedText } from './course';

// The island's code is held back by routing its request, which a service worker would answer itself.
test.use({ serviceWorkers: 'block' });

/**
 * Opens `url` with the code of island `component` (e.g. "Reflection") held back, runs `act` (which
 * enters something into that island's server-rendered fields) while the island has not started,
 * then lets the code through and waits until every island has started.
 */
async function beforeHydration(page: Page, component: string, url: string, field: (page: Page) => Locator, act: (field: Locator) => Promise<void>) {
  let release!: () => void;
  const gate = new Promise<void>((r) => (release = r));
  const code = new RegExp(`/_astro/${component}\\.[\\w-]+\\.js$`);
  await page.route(code, async (route) => {
    await gate;
    await route.continue();
  });
  await page.goto(url);
  const island = field(page).locator('xpath=ancestor::course-island[1]');
  await act(field(page));
  // The input really went into the server-rendered field: the island had not started yet.
  await expect(island).toHaveAttribute('ssr', '');
  release();
  await hydrated(page);
  await page.unroute(code);
}

const PASTE = '勉強会で隣になった人に、次の一歩として質問を一つ送ります。貼り付けた文章です。';

test('a reflection pasted before its island starts is kept: on screen, saved, and after a reload', async ({ page }) => {
  const box = (p: Page) => p.locator('#l02-r1-text');
  await beforeHydration(page, 'Reflection', '/lessons/goals/', box, (f) => f.fill(PASTE));
  await expect(box(page)).toHaveValue(PASTE);
  await expect(page.locator('[data-reflection="l02-r1"] [data-save-state]')).toHaveText('保存しました');
  expect((await stored(page))?.reflections['l02-r1'].text).toBe(PASTE);
  await page.reload();
  await hydrated(page);
  await expect(box(page)).toHaveValue(PASTE);
});

test('a reflection saved earlier and a text pasted into the empty-looking box before the island starts: both are kept for the learner to choose', async ({
  page,
}) => {
  const box = (p: Page) => p.locator('#l02-r1-text');
  await page.goto('/lessons/goals/');
  await hydrated(page);
  await box(page).fill('前に保存した文章');
  await box(page).blur();
  await expect(page.locator('[data-reflection="l02-r1"] [data-save-state]')).toHaveText('保存しました');
  await beforeHydration(page, 'Reflection', '/lessons/goals/', box, (f) => f.fill(PASTE));
  await expect(box(page)).toHaveValue(PASTE);
  const conflict = page.locator('[data-reflection="l02-r1"] [data-conflict]');
  await expect(conflict).toContainText('前に保存した文章');
  const saved = (await stored(page))?.reflections['l02-r1'];
  expect(saved.text).toBe(PASTE);
  expect(saved.other.text).toBe('前に保存した文章');
});

test('a message-builder field filled before its island starts is kept, with the fields saved earlier', async ({ page }) => {
  const field = (id: string) => (p: Page) => p.locator(`#l05-a1-${id}`);
  await page.goto('/lessons/maintain/');
  await hydrated(page);
  await field('name')(page).fill('佐藤さん');
  await field('name')(page).blur();
  await expect.poll(async () => (await stored(page))?.activities['l05-a1']?.state.fields.name).toBe('佐藤さん');
  await beforeHydration(page, 'MessageBuilder', '/lessons/maintain/', field('trigger'), (f) => f.fill('先日の記事で、御社のお名前を拝見しました。'));
  await expect(field('trigger')(page)).toHaveValue('先日の記事で、御社のお名前を拝見しました。');
  await expect(field('name')(page)).toHaveValue('佐藤さん');
  await expect
    .poll(async () => (await stored(page))?.activities['l05-a1']?.state.fields)
    .toEqual({ name: '佐藤さん', trigger: '先日の記事で、御社のお名前を拝見しました。' });
  await page.reload();
  await hydrated(page);
  await expect(field('trigger')(page)).toHaveValue('先日の記事で、御社のお名前を拝見しました。');
  await expect(page.locator('[data-message]')).toHaveValue(/先日の記事で、御社のお名前を拝見しました。/);
});

test('quiz choices made before the quiz starts (a radio and checkboxes) are kept and survive a reload', async ({ page }) => {
  const radio = (p: Page) => p.locator('input[name="l04-q1"][value="b"]');
  await beforeHydration(page, 'Quiz', '/lessons/communication/', radio, async (f) => {
    await f.check();
    await f.page().locator('input[name="l04-q2"][value="a"]').check();
    await f.page().locator('input[name="l04-q2"][value="d"]').check();
  });
  await expect(radio(page)).toBeChecked();
  await expect(page.locator('input[name="l04-q2"]:checked')).toHaveCount(2);
  await expect
    .poll(async () => JSON.parse((await stored(page))?.drafts['quiz:communication']?.value ?? '{}'))
    .toEqual({ 'l04-q1': ['b'], 'l04-q2': ['a', 'd'] });
  await page.reload();
  await hydrated(page);
  await expect(radio(page)).toBeChecked();
  await expect(page.locator('input[name="l04-q2"][value="d"]')).toBeChecked();
});

test('choices made before the quiz starts on a quiz taken before: kept as a new attempt, not replaced by the last attempt shown again', async ({ page }) => {
  await seed(
    page,
    completedDoc(
      lessons().filter((l) => l.slug === 'communication'),
      Date.now() - 60_000,
    ),
  );
  const radio = (p: Page) => p.locator('input[name="l04-q1"][value="b"]');
  await beforeHydration(page, 'Quiz', '/lessons/communication/', radio, (f) => f.check());
  await expect(radio(page)).toBeChecked();
  await expect(page.getByRole('button', { name: '採点する' })).toBeVisible();
  await expect(page.locator('[data-quiz] .feedback')).toHaveCount(0);
  await expect.poll(async () => JSON.parse((await stored(page))?.drafts['quiz:communication']?.value ?? '{}')).toEqual({ 'l04-q1': ['b'] });
});

test('a sorting choice made before the activity starts is kept and survives a reload', async ({ page }) => {
  const select = (p: Page) => p.locator('#l03-a1-notes');
  await beforeHydration(page, 'Placement', '/lessons/participate/', select, (f) => f.selectOption('passive').then(() => {}));
  await expect(select(page)).toHaveValue('passive');
  await expect.poll(async () => (await stored(page))?.activities['l03-a1']?.state.placed).toEqual({ notes: 'passive' });
  await page.reload();
  await hydrated(page);
  await expect(select(page)).toHaveValue('passive');
});

test('a pre-check answer chosen before the page has started is kept and survives a reload', async ({ page }) => {
  const radio = (p: Page) => p.locator('input[name="l01-p1"]').first();
  let value = '';
  await beforeHydration(page, 'PreCheck', '/precheck/', radio, async (f) => {
    value = (await f.getAttribute('value'))!;
    await f.check();
  });
  await expect(radio(page)).toBeChecked();
  await expect.poll(async () => JSON.parse((await stored(page))?.drafts['check:pre']?.value ?? '{}')).toEqual({ 'l01-p1': [value] });
  await page.reload();
  await hydrated(page);
  await expect(page.locator(`input[name="l01-p1"][value="${value}"]`)).toBeChecked();
});

test('an if-then commitment and a reminder typed on the plan page before its islands start are kept and survive a reload', async ({ page }) => {
  const when = (p: Page) => p.locator('#when-0');
  await beforeHydration(page, 'PlanCommitments', '/plan/', when, (f) => f.fill('金曜の定例が終わったら'));
  await expect(when(page)).toHaveValue('金曜の定例が終わったら');
  await expect.poll(async () => (await stored(page))?.plan?.items[0]?.when).toBe('金曜の定例が終わったら');
  const who = (p: Page) => p.locator('#who-0');
  await beforeHydration(page, 'Reminders', '/plan/', who, (f) => f.fill('前の部署の先輩'));
  await expect(who(page)).toHaveValue('前の部署の先輩');
  await expect.poll(async () => (await stored(page))?.profile.reminders?.people[0]?.who).toBe('前の部署の先輩');
  await page.reload();
  await hydrated(page);
  await expect(when(page)).toHaveValue('金曜の定例が終わったら');
  await expect(who(page)).toHaveValue('前の部署の先輩');
  expect(await storedText(page, 'course:networking-ja:progress')).toContain('前の部署の先輩');
});
