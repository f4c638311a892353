import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { answer, lessons, open, wrong } from './course';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const pages = ['/', ...lessons().map((l) => `/lessons/${l.slug}/`), '/conclusion/', '/404.html'];

async function scan(page: Page) {
  const { violations } = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  return violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

for (const scheme of ['light', 'dark'] as const) {
  test(`axe: every page has no WCAG 2.2 A/AA violations (${scheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    for (const url of pages) {
      await open(page, url);
      expect(await scan(page), url).toEqual([]);
    }
  });

  test(`axe: quiz feedback, saved reflection and notices (${scheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
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
}
