/**
 * Screenshots of the course for the README (npm run screenshots): the home page, a lesson's first
 * screen, its conversation halfway through and the plan page, each at 390 px (a phone) and 1280 px,
 * in the light and the dark scheme → docs/screenshots/{home,lesson,conversation,plan}-{390,1280}-{light,dark}.png.
 * Window-sized (not full pages), so the files stay small.
 *
 * Builds nothing: it serves the last build (dist/, or COURSE_OUT_DIR; run `npm run build` first)
 * with `astro preview` on SCREENSHOTS_PORT (default 4391), in the Chromium the tests use. The
 * learner's saved progress is seeded the way the end-to-end tests do it (tests/e2e/course.ts): three
 * lessons done, the fourth begun.
 */
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { activity, completedDoc, hydrated, lessons, pathTo, seed } from '../tests/e2e/course.ts';
import { startPreview } from './bench/preview.mjs';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium.mjs';

const root = path.resolve(import.meta.dirname, '..');
const outDir = process.env.COURSE_OUT_DIR ?? 'dist';
const port = Number(process.env.SCREENSHOTS_PORT ?? 4391);
const target = path.join(root, 'docs/screenshots');
if (!fs.existsSync(path.resolve(root, outDir, 'index.html'))) throw new Error(`no build in ${outDir}/: run npm run build first`);

const all = lessons();
const conversation = activity('l04-a1', 'conversation');
const talking = all.find((l) => l.activities?.some((a) => a.id === conversation.id));
const at = Date.parse('2026-11-20T10:00:00+09:00');
const doc = completedDoc(all.slice(0, 3), at, '来週の勉強会のあと、話した人に一言お礼のメッセージを送ります。');
doc.lessons[talking.slug] = { firstAt: at, lastAt: at };

const shots = {
  home: async (page) => {
    await page.goto('/');
    // The lesson cards' statuses come from the saved progress and the course index; the progress
    // bar from the hero's island, once it has hydrated.
    await page.locator('.card .status').first().waitFor();
    await hydrated(page);
    await page.locator('.home-progress .progressbar').waitFor();
    await page.evaluate(() => window.scrollTo(0, 0));
  },
  lesson: async (page) => {
    await page.goto(`/lessons/${talking.slug}/`);
    await page.waitForLoadState('load');
  },
  conversation: async (page) => {
    await page.goto(`/lessons/${talking.slug}/`);
    const box = `[data-activity-id="${conversation.id}"]`;
    await hydrated(page);
    for (const i of pathTo(conversation, 1).slice(0, 2)) await page.locator(`${box} [data-choice="${i}"]`).click();
    await page.locator(`${box} .line.you`).nth(1).waitFor();
    await page.locator(`${box} .transcript`).evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await page.locator('.parts [aria-current]').waitFor();
  },
  plan: async (page) => {
    await page.goto('/plan/');
    await hydrated(page);
    // The learner's plan from their reflections, lesson by lesson.
    await page.locator('[data-plan]').evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await page.locator('.plan-answer').first().waitFor();
  },
};

const preview = await startPreview({ root, outDir, port });
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH || undefined, args: CHROMIUM_ARGS });
try {
  fs.mkdirSync(target, { recursive: true });
  for (const [name, shoot] of Object.entries(shots))
    for (const width of [390, 1280])
      for (const colorScheme of ['light', 'dark']) {
        const context = await browser.newContext({
          baseURL: preview.url,
          viewport: { width, height: width === 390 ? 844 : 800 },
          colorScheme,
          reducedMotion: 'reduce',
          locale: 'ja-JP',
          timezoneId: 'Asia/Tokyo',
          serviceWorkers: 'block',
        });
        const page = await context.newPage();
        await seed(page, doc);
        await shoot(page);
        const file = path.join(target, `${name}-${width}-${colorScheme}.png`);
        await page.screenshot({ path: file });
        console.log(`${path.relative(root, file)} (${Math.round(fs.statSync(file).size / 1024)} KiB)`);
        await context.close();
      }
} finally {
  await browser.close();
  await preview.stop();
}
