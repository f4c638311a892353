/** Page-object helper shared by the end-to-end tests. */
import { expect, type BrowserContext, type Frame, type Page } from '@playwright/test';

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

/**
 * Opens a page and waits until the given reflections (only those, not every island) have
 * hydrated: quicker than `open` for tests that open many pages. The first one is scrolled to by
 * the URL's fragment, so it hydrates (client:visible) without a scrolling step.
 */
export async function openReflections(page: Page, url: string, ids: string[]) {
  await page.goto(`${url}#${ids[0]}-text`);
  await page.waitForFunction(
    (ids) =>
      ids.every((id) => {
        const box = document.getElementById(`${id}-text`);
        if (!box) return false;
        if (!box.closest('astro-island')?.hasAttribute('ssr')) return true;
        box.scrollIntoView({ block: 'center' });
        return false;
      }),
    ids,
    { polling: 20 },
  );
}

export interface SaveRounds {
  rounds: number;
  /** Rounds in which some tab did not read every tab's edit in the shared document within `settle` ms. */
  lost: number;
  /** Rounds in which all tabs saved within the same millisecond (their Date.now() at most 1 ms apart). */
  sameMs: number;
  /** Rounds in which all tabs saved within 5 ms. */
  within5: number;
}

/**
 * Rounds of simultaneous saving, run inside the pages so that no round waits for the test runner.
 * Page 0 leads: for each round it picks a wall-clock time a little ahead (`lead`, adapted to how
 * quickly the pages get its message) and tells every page over a BroadcastChannel (used only to
 * agree on the time, never for the data). At that time each page types its text into its
 * reflection as one input event and leaves the box (blur: saved at once), then polls its own view
 * of the shared progress document until it holds every page's text of the round, for at most
 * `settle` ms, and reports back. Texts are `<tab>/<round>` strings, different in every round.
 */
export async function saveRounds(pages: Page[], ids: string[], rounds: number, settle: number, courseId = 'networking-ja'): Promise<SaveRounds> {
  const channel = `save-rounds-${Math.random().toString(36).slice(2)}`;
  const run = (page: Page, index: number) =>
    page.evaluate(
      ([index, ids, rounds, settle, key, channel]) => {
        const bc = new BroadcastChannel(channel);
        const text = (i: number, r: number) => `タブ${i + 1}・第${r + 1}回の保存`;
        type Report = { r: number; i: number; slack: number; fired: number; settled: boolean; took: number };
        const reports = new Map<number, Report[]>();
        let onReport: (() => void) | null = null;
        const play = (r: number, at: number) => {
          const slack = at - Date.now();
          const fire = () => {
            while (Date.now() < at); // the last millisecond or two: a timer is not that exact
            const fired = Date.now();
            const box = document.getElementById(`${ids[index]}-text`) as HTMLTextAreaElement;
            box.value = text(index, r);
            box.dispatchEvent(new Event('input', { bubbles: true }));
            box.dispatchEvent(new FocusEvent('blur'));
            const check = () => {
              let doc: { reflections?: Record<string, { text: string }> } | null = null;
              try {
                doc = JSON.parse(localStorage.getItem(key) ?? 'null');
              } catch {
                /* not readable yet */
              }
              const settled = ids.every((id, i) => doc?.reflections?.[id]?.text === text(i, r));
              if (!settled && Date.now() - fired <= settle) return void setTimeout(check, 2);
              const report = { r, i: index, slack, fired, settled, took: Date.now() - fired };
              if (index === 0) receive(report);
              else bc.postMessage({ type: 'report', report });
            };
            check();
          };
          // Wake up early and spin: under load a timer fires late, and the pages must save together.
          setTimeout(fire, Math.max(0, at - Date.now() - 20));
        };
        const receive = (report: Report) => {
          reports.set(report.r, [...(reports.get(report.r) ?? []), report]);
          onReport?.();
        };
        const done = new Promise<{ lost: number; sameMs: number; within5: number }>((resolve) => {
          if (index !== 0) {
            bc.onmessage = (e) => {
              if (e.data.type === 'go') play(e.data.r, e.data.at);
              else if (e.data.type === 'done') (bc.close(), resolve({ lost: 0, sameMs: 0, within5: 0 }));
            };
            return;
          }
          bc.onmessage = (e) => e.data.type === 'report' && receive(e.data.report);
          void (async () => {
            let lost = 0;
            let sameMs = 0;
            let within5 = 0;
            let lead = 10;
            const stats = { lead: 0, late: 0, took: 0, round: 0, lateBy: [0, 0, 0] };
            for (let r = 0; r < rounds; r++) {
              const t0 = Date.now();
              const at = Date.now() + lead;
              bc.postMessage({ type: 'go', r, at });
              play(r, at);
              while ((reports.get(r)?.length ?? 0) < ids.length) await new Promise<void>((ok) => (onReport = ok));
              const got = reports.get(r)!;
              if (got.some((x) => !x.settled)) lost++;
              const spread = Math.max(...got.map((x) => x.fired)) - Math.min(...got.map((x) => x.fired));
              if (spread <= 1) sameMs++;
              if (spread <= 5) within5++;
              stats.lead += lead / rounds;
              stats.late += Math.max(...got.map((x) => x.fired - at)) / rounds;
              stats.took += Math.max(...got.map((x) => x.took)) / rounds;
              stats.round += (Date.now() - t0) / rounds;
              for (const x of got) stats.lateBy[x.i] += (x.fired - at) / rounds;
              // Twice the slowest page's delay in getting the message, so every page is ready in time.
              lead = Math.min(1_000, Math.max(30, 2 * Math.max(...got.map((x) => lead - x.slack)) + 25));
            }
            bc.postMessage({ type: 'done' });
            bc.close();
            console.log(JSON.stringify(stats));
            resolve({ lost, sameMs, within5 });
          })();
        });
        // A follower returns at once, listening; the test awaits its end later.
        if (index !== 0) return void ((window as unknown as { __saveRounds: unknown }).__saveRounds = done);
        return done;
      },
      [index, ids, rounds, settle, `course:${courseId}:progress`, channel] as const,
    );
  // The followers listen first; the leader's evaluate returns when all rounds are over.
  await Promise.all(pages.slice(1).map((p, i) => run(p, i + 1)));
  const leader = (await run(pages[0], 0))!;
  await Promise.all(pages.slice(1).map((p) => p.evaluate(() => (window as unknown as { __saveRounds: Promise<unknown> }).__saveRounds)));
  return { rounds, ...leader };
}

/**
 * At `at`, types `text` into a reflection without leaving it (one input event: the autosave delay
 * has not passed, nothing is saved yet, unless the page goes away). Returns how long before `at`
 * the command came. When the page is then hidden (visibilitychange or pagehide, seen before the
 * course's own listeners), it notes in localStorage (`e2e:unsaved:<id>`, outside the course's keys) whether the
 * box still showed 保存待ち… — that is, whether the pagehide flush had to save the edit.
 */
export function typeAt(page: Page, id: string, text: string, at: number) {
  return page.evaluate(
    ([id, text, at]) =>
      new Promise<number>((resolve) => {
        const slack = at - Date.now();
        const note = () => {
          if (localStorage.getItem(`e2e:unsaved:${id}`) !== null) return;
          const state = document.querySelector(`[data-reflection="${id}"] [data-save-state]`)?.getAttribute('data-save-state');
          localStorage.setItem(`e2e:unsaved:${id}`, String(state === 'pending'));
        };
        localStorage.removeItem(`e2e:unsaved:${id}`);
        // Capturing at the window: before the course's own listeners (which save).
        addEventListener('visibilitychange', () => document.visibilityState === 'hidden' && note(), { capture: true });
        addEventListener('pagehide', note, { capture: true });
        setTimeout(() => {
          while (Date.now() < at);
          const box = document.getElementById(`${id}-text`) as HTMLTextAreaElement;
          box.value = text;
          box.dispatchEvent(new Event('input', { bubbles: true }));
          resolve(slack);
        }, Math.max(0, at - Date.now() - 20));
      }),
    [id, text, at] as const,
  );
}

/** Reads and clears the notes typeAt left: whether each reflection was still unsaved when its page was hidden. */
export const unsavedAtClose = (page: Page, ids: string[]) =>
  page.evaluate((ids) => ids.map((id) => {
    const v = localStorage.getItem(`e2e:unsaved:${id}`);
    localStorage.removeItem(`e2e:unsaved:${id}`);
    return v === 'true';
  }), ids);

/** Hides Web Locks from every page of the context (the fallback path: read-merge-write at once). */
export const withoutWebLocks = (context: BrowserContext) =>
  context.addInitScript(() => {
    delete (Navigator.prototype as unknown as { locks?: unknown }).locks;
  });
