import { scanBothSchemes } from './axe';
import { expect, test, type Page } from './fixtures';
import { answer, checkQuestions, completedDoc, forPages, lessons, open, right, seed, setClock, takeFinalCheck, wrong } from './course';

const pages = [
  '/',
  '/precheck/',
  ...lessons().map((l) => `/lessons/${l.slug}/`),
  '/conclusion/',
  '/final/',
  '/plan/',
  '/review/',
  '/certificate/',
  '/data/',
  '/404.html',
];

const scan = (page: Page) => scanBothSchemes(page);

/** Pages that must reflow at 200 % zoom (640 px of a 1280 px window) and at 320 px. */
const reflow = new Set(['/', '/precheck/', ...lessons().map((l) => `/lessons/${l.slug}/`), '/conclusion/', '/final/']);

// One page per test: the time a test needs does not grow with the course or a busy machine.
for (const url of pages)
  test(`axe: ${url} has no WCAG 2.2 A/AA violations (light and dark)${reflow.has(url) ? '; no horizontal scrolling at 640 and 320 px' : ''}`, async ({
    page,
  }) => {
    await open(page, url);
    expect(await scan(page), url).toEqual([]);
    if (!reflow.has(url)) return;
    for (const width of [640, 320]) {
      await page.setViewportSize({ width, height: 800 });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, `${url} at ${width}px`).toBeLessThanOrEqual(0);
    }
  });

// Pages in a state (each scan covers both colour schemes).
{
  test(`axe: quiz feedback, saved reflection and notices (light and dark)`, async ({ page }) => {
    await page.goto('/');
    await page.evaluate(() => localStorage.setItem('course:networking-ja:progress', 'broken'));
    const lesson = lessons()[3];
    await open(page, `/lessons/${lesson.slug}/`);
    await answer(page, lesson, wrong);
    await page.getByRole('button', { name: '採点する' }).click();
    await page.locator(`#${lesson.reflections[0].id}-text`).fill('自己紹介の練習をします。');
    await page.locator(`#${lesson.reflections[0].id}-text`).blur();
    await expect(page.locator('[data-notice="corrupt"]')).toBeVisible();
    expect(await scan(page)).toEqual([]);
  });

  /** A finished course with a review due, a name and a reminder, at 2026-11-27 10:00 JST. */
  async function seeded(page: Page) {
    const all = lessons();
    await setClock(page, '2026-11-27T10:00');
    const doc = completedDoc(all, new Date('2026-11-20T10:00+09:00').getTime()) as Record<string, unknown>;
    doc.reviews = { [all[1].quiz.questions[0].id]: { box: 0, due: new Date('2026-11-21T00:00+09:00').getTime(), updatedAt: 1, v: 'seed.1' } };
    doc.profile = {
      name: { text: '山田 花子', updatedAt: 1, v: 'seed.1' },
      reminders: { people: [{ id: 'a', who: '佐藤さん', every: 'monthly' }], updatedAt: 1, v: 'seed.1' },
    };
    await seed(page, doc);
    return doc;
  }

  test(`axe: plan with answers and reminders, after a download (light and dark)`, async ({ page }) => {
    await seeded(page);
    await open(page, '/plan/');
    await page.getByRole('button', { name: 'Markdownファイルで保存' }).click();
    expect(await scan(page), '/plan/').toEqual([]);
  });

  test(`axe: home with a review due (light and dark)`, async ({ page }) => {
    await seeded(page);
    await open(page, '/');
    await expect(page.locator('[data-review-due]')).toBeVisible();
    expect(await scan(page), '/ (review due)').toEqual([]);
  });

  test(`axe: review feedback (light and dark)`, async ({ page }) => {
    await seeded(page);
    await open(page, '/review/');
    await page.locator('[data-review] input').first().check();
    await page.getByRole('button', { name: '答える' }).click();
    expect(await scan(page), '/review/ (feedback)').toEqual([]);
  });

  test(`axe: certificate with a name (light and dark)`, async ({ page }) => {
    await seeded(page);
    await open(page, '/final/');
    await takeFinalCheck(page);
    await open(page, '/certificate/');
    await expect(page.locator('[data-certificate-name]')).toHaveText('山田 花子 様');
    expect(await scan(page), '/certificate/').toEqual([]);
  });

  test(`axe: pre-check result, final check results and the gain chart with its table (light and dark)`, async ({ page }) => {
    test.setTimeout(forPages(5)); // four pages, each scanned
    await seeded(page);
    await open(page, '/precheck/');
    for (const q of checkQuestions('pre').slice(0, 5)) await page.locator(`input[name="${q.id}"][value="${wrong(q)[0]}"]`).check();
    await page.getByRole('button', { name: '送信する' }).click();
    await expect(page.locator('[data-precheck="done"]')).toBeVisible();
    expect(await scan(page), '/precheck/ (sent)').toEqual([]);
    await open(page, '/final/');
    await takeFinalCheck(page, (q) => (q.id.startsWith('l04') ? wrong(q) : right(q)));
    expect(await scan(page), '/final/ (results)').toEqual([]);
    for (const url of ['/conclusion/', '/plan/']) {
      await open(page, url);
      await expect(page.locator(url === '/plan/' ? 'ul[data-gaps]' : '[data-gain] table')).toBeVisible();
      expect(await scan(page), `${url} (after the final check)`).toEqual([]);
    }
  });

  test(`axe: import confirmation and a refused file (light and dark)`, async ({ page }) => {
    const doc = await seeded(page);
    await open(page, '/data/');
    await page
      .getByLabel('読み込む進捗ファイル（.json）')
      .setInputFiles({ name: 'p.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(doc)) });
    await expect(page.getByRole('alertdialog')).toBeVisible();
    expect(await scan(page), '/data/ (confirm)').toEqual([]);
    await page.getByLabel('読み込む進捗ファイル（.json）').setInputFiles({ name: 'x.json', mimeType: 'application/json', buffer: Buffer.from('x') });
    await expect(page.locator('[data-transfer-message]')).toContainText('読み取れませんでした');
    expect(await scan(page), '/data/ (error)').toEqual([]);
  });
}
