import { expect, test } from './fixtures';
import { hydrated, lessons } from './course';

// A second build with COURSE_BASE=/course/ is served next to the main one (see playwright.config.ts).
const BASE = process.env.E2E_BASE_URL ?? 'http://localhost:4322/course/';

test('deployed under /course/: pages, links, styles and islands all work', async ({ page }) => {
  const failed: string[] = [];
  page.on('response', (r) => r.status() >= 400 && failed.push(r.url()));
  await page.goto(BASE);
  await hydrated(page);
  await page.getByRole('link', { name: '講座をはじめる' }).click();
  await expect(page).toHaveURL(`${BASE}lessons/${lessons()[0].slug}/`);
  await hydrated(page);
  // CSS applied (the skip link is positioned off-screen by the stylesheet).
  expect(await page.locator('.skip-link').evaluate((el) => getComputedStyle(el).position)).toBe('absolute');
  // Islands hydrated from /course/_astro/ and the quiz works.
  await page.getByRole('button', { name: '採点する' }).click();
  await expect(page.locator('[data-result]')).toContainText('未回答の問題があります');
  const hrefs = await page.locator('a[href^="/"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
  expect(hrefs.length).toBeGreaterThan(10);
  for (const h of hrefs) expect(h.startsWith('/course/'), h).toBe(true);
  expect(failed).toEqual([]);
});
