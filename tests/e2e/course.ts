/** Page-object helper shared by the end-to-end tests. */
import { expect, type Frame, type Page } from '@playwright/test';

/** A page or a frame inside one (embedded course). */
type Doc = Page | Frame;
import fs from 'node:fs';
import path from 'node:path';
import yaml from 'js-yaml';

export interface LessonData {
  slug: string;
  order: number;
  title: string;
  quiz: { questions: { id: string; type: string; options: { id: string; correct: boolean; text: string; feedback: string }[] }[] };
  reflections: { id: string; required: boolean; prompt: string }[];
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

/**
 * The time a test that visits `n` pages may take: a base plus a share per page, so a test's limit
 * grows with its work (and a busy machine does not fail a long walk that a quiet one passes).
 */
export const forPages = (n: number) => 30_000 + n * 15_000;

/** Opens a page and waits until every island has hydrated (no `astro-island[ssr]` left). */
export async function open(page: Page, url: string) {
  await page.goto(url);
  await hydrated(page);
}

export async function hydrated(page: Doc) {
  await page.waitForLoadState('load');
  // client:frame islands (the embed bridge) hydrate only inside frames: at top level, skip them.
  const selector = await page.evaluate(() =>
    window.self === window.top ? 'astro-island[ssr]:not([client="frame"])' : 'astro-island[ssr]',
  );
  // client:visible islands hydrate only once scrolled into view: visit each one and wait for it.
  await page.evaluate(async (sel) => {
    const tried = new Set<Element>();
    for (;;) {
      const el = [...document.querySelectorAll(sel)].find((e) => !tried.has(e));
      if (!el) break;
      tried.add(el);
      // astro-island is display: contents; the visible directive observes its children.
      (el.firstElementChild ?? el).scrollIntoView({ block: 'center' });
      const start = performance.now();
      while (el.hasAttribute('ssr') && performance.now() - start < 5000) await new Promise((r) => setTimeout(r, 20));
    }
    window.scrollTo(0, 0);
  }, selector);
  await expect(page.locator(selector)).toHaveCount(0);
}

/** Chooses options for every question: `pick(question)` returns option ids. */
export async function answer(page: Doc, lesson: LessonData, pick: (q: LessonData['quiz']['questions'][number]) => string[]) {
  for (const q of lesson.quiz.questions) {
    for (const id of pick(q)) await page.locator(`input[name="${q.id}"][value="${id}"]`).check();
  }
}

export const right = (q: LessonData['quiz']['questions'][number]) => q.options.filter((o) => o.correct).map((o) => o.id);
export const wrong = (q: LessonData['quiz']['questions'][number]) => [q.options.find((o) => !o.correct)!.id];

/**
 * Answers every question right with the keyboard alone, starting with focus on the first option
 * of the first question: Space ticks checkboxes, arrow keys choose radios, Tab moves on. Ends on
 * the element after the last question (the submit button).
 */
export async function answerWithKeyboard(page: Page, lesson: LessonData) {
  const { keyboard } = page;
  for (const q of lesson.quiz.questions) {
    const ids = right(q);
    if (q.type === 'multiple') {
      for (const [i, o] of q.options.entries()) {
        if (ids.includes(o.id)) await keyboard.press('Space');
        if (i < q.options.length - 1) await keyboard.press('Tab');
      }
    } else {
      const target = q.options.findIndex((o) => o.id === ids[0]);
      if (target === 0) await keyboard.press('Space');
      for (let i = 0; i < target; i++) await keyboard.press('ArrowDown');
    }
    await keyboard.press('Tab');
  }
}

/** Passes a lesson: right answers, submit, and text in every required reflection. */
export async function completeLesson(page: Doc, lesson: LessonData, text = 'ふりかえりを書きました。') {
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
export async function stored(page: Doc, courseId = 'networking-ja') {
  return page.evaluate((k) => JSON.parse(localStorage.getItem(k) ?? 'null'), `course:${courseId}:progress`);
}

/** Types a reflection and waits until it is saved. */
export async function writeReflection(page: Page, id: string, text: string) {
  await page.locator(`#${id}-text`).fill(text);
  await page.locator(`#${id}-text`).blur();
  await expect(page.locator(`[data-reflection="${id}"] [data-save-state]`)).toHaveText('保存しました');
}

/** Clicks what starts a download and returns the file's name and text (as UTF-8). */
export async function downloadOf(page: Page, start: () => Promise<unknown>) {
  const [file] = await Promise.all([page.waitForEvent('download'), start()]);
  const text = fs.readFileSync((await file.path())!, 'utf8');
  return { name: file.suggestedFilename(), text };
}

/** Freezes the page's clock (Date.now, new Date) at a Japan time such as '2026-11-27T10:00'; timers keep running. */
export const setClock = (page: Page, jst: string) => page.clock.setFixedTime(new Date(`${jst}+09:00`));

/** Stores a progress document before the page loads its islands (set up a state quickly, e.g. nine finished lessons). */
export async function seed(page: Page, doc: unknown, courseId = 'networking-ja') {
  await page.goto('/404.html');
  await page.evaluate(([k, v]) => localStorage.setItem(k, v), [`course:${courseId}:progress`, JSON.stringify(doc)]);
}

/** A stored document in which the given lessons are complete (all answers right, reflections written) at `at`. */
export function completedDoc(done: LessonData[], at: number, text = 'ふりかえりを書きました。') {
  const doc = { v: 2, courseId: 'networking-ja', createdAt: at, updatedAt: at, last: null, lessons: {}, quizzes: {}, reflections: {}, reviews: {}, profile: {} } as {
    [k: string]: unknown;
    lessons: Record<string, unknown>;
    quizzes: Record<string, unknown>;
    reflections: Record<string, unknown>;
  };
  for (const l of done) {
    doc.lessons[l.slug] = { firstAt: at, lastAt: at };
    const answers = Object.fromEntries(l.quiz.questions.map((q) => [q.id, right(q)]));
    doc.quizzes[l.slug] = { attempts: 1, best: 1, bestAt: at, last: { at, score: 1, answers } };
    for (const r of l.reflections) doc.reflections[r.id] = { text, updatedAt: at };
  }
  return doc;
}
