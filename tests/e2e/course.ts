/** Page-object helper shared by the end-to-end tests. */
import { expect, type Page } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import yaml from 'js-yaml';

export interface LessonData {
  slug: string;
  order: number;
  title: string;
  quiz: { questions: { id: string; type: string; options: { id: string; correct: boolean; text: string; feedback: string }[] }[] };
  reflections: { id: string; required: boolean }[];
}

/** Lesson frontmatter read straight from content/ (the tests know the right answers). */
export function lessons(): LessonData[] {
  const dir = path.resolve('content/lessons');
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.mdx'))
    .map((f) => yaml.load(fs.readFileSync(path.join(dir, f), 'utf8').split(/^---$/m)[1]) as LessonData)
    .sort((a, b) => a.order - b.order);
}

/** Opens a page and waits until every island has hydrated (no `astro-island[ssr]` left). */
export async function open(page: Page, url: string) {
  await page.goto(url);
  await hydrated(page);
}

export async function hydrated(page: Page) {
  await page.waitForLoadState('load');
  // client:visible islands hydrate only once scrolled into view: visit each one and wait for it.
  await page.evaluate(async () => {
    const tried = new Set<Element>();
    for (;;) {
      const el = [...document.querySelectorAll('astro-island[ssr]')].find((e) => !tried.has(e));
      if (!el) break;
      tried.add(el);
      // astro-island is display: contents; the visible directive observes its children.
      (el.firstElementChild ?? el).scrollIntoView({ block: 'center' });
      const start = performance.now();
      while (el.hasAttribute('ssr') && performance.now() - start < 5000) await new Promise((r) => setTimeout(r, 20));
    }
    window.scrollTo(0, 0);
  });
  await expect(page.locator('astro-island[ssr]')).toHaveCount(0);
}

/** Chooses options for every question: `pick(question)` returns option ids. */
export async function answer(page: Page, lesson: LessonData, pick: (q: LessonData['quiz']['questions'][number]) => string[]) {
  for (const q of lesson.quiz.questions) {
    for (const id of pick(q)) await page.locator(`input[name="${q.id}"][value="${id}"]`).check();
  }
}

export const right = (q: LessonData['quiz']['questions'][number]) => q.options.filter((o) => o.correct).map((o) => o.id);
export const wrong = (q: LessonData['quiz']['questions'][number]) => [q.options.find((o) => !o.correct)!.id];

/** Passes a lesson: right answers, submit, and text in every required reflection. */
export async function completeLesson(page: Page, lesson: LessonData, text = 'ふりかえりを書きました。') {
  await answer(page, lesson, right);
  await page.getByRole('button', { name: '採点する' }).click();
  await expect(page.locator('[data-result]')).toContainText('合格です');
  for (const r of lesson.reflections.filter((r) => r.required)) {
    await page.locator(`#${r.id}-text`).fill(text);
    await page.locator(`#${r.id}-text`).blur();
    await expect(page.locator(`[data-reflection="${r.id}"] [data-save-state]`)).toHaveText('保存しました');
  }
}

/** The saved progress document as the page sees it. */
export async function stored(page: Page, courseId = 'networking-ja') {
  return page.evaluate((k) => JSON.parse(localStorage.getItem(k) ?? 'null'), `course:${courseId}:progress`);
}
