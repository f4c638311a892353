/** Page-object helper shared by the end-to-end tests. */
import { expect, type BrowserContext, type Frame, type Page } from '@playwright/test';

/** A page or a frame inside one (embedded course). */
type Doc = Page | Frame;
import fs from 'node:fs';
import path from 'node:path';
import yaml from 'js-yaml';

export interface QuestionData {
  id: string;
  type: string;
  prompt: string;
  options: { id: string; correct: boolean; text: string; feedback: string }[];
}
export interface LessonData {
  slug: string;
  order: number;
  title: string;
  quiz: { questions: QuestionData[] };
  /** The lesson's 事前チェック (pre) and 修了テスト (final) items. */
  checks: { pre: QuestionData[]; final: QuestionData[] };
  reflections: { id: string; required: boolean; prompt: string }[];
  activities?: ActivityData[];
  /** Actions the lesson offers to the 1週間チャレンジ. */
  challenge?: { id: string; level: number; action: string; yes: string }[];
}

/** A lesson's practice activity, as written in its frontmatter (the parts the tests use). */
export type ActivityData =
  | {
      id: string;
      kind: 'conversation';
      role: string;
      start: string;
      nodes: {
        id: string;
        speaker?: string;
        line: string;
        choices?: { text: string; feedback: string; next: string }[];
        ending?: { rank: number; verdict: string; text: string };
      }[];
    }
  | { id: string; kind: 'sorting'; categories: { id: string; label: string }[]; items: { id: string; text: string; category: string; feedback: string }[] }
  | { id: string; kind: 'matching'; pairs: { id: string; prompt: string; answer: string; feedback: string }[]; answers: { id: string; text: string }[] }
  | { id: string; kind: 'message'; fields: { id: string; label: string; placeholder?: string; required?: boolean }[]; template: string };

/** The activity with this id, of this kind, from the course content. */
export function activity<K extends ActivityData['kind']>(id: string, kind: K): Extract<ActivityData, { kind: K }> {
  const a = lessons()
    .flatMap((l) => l.activities ?? [])
    .find((x) => x.id === id);
  if (!a || a.kind !== kind) throw new Error(`no ${kind} activity ${id} in content/lessons`);
  return a as Extract<ActivityData, { kind: K }>;
}

/** The choice indexes of a conversation that lead to an ending of `rank` (depth first). */
export function pathTo(a: Extract<ActivityData, { kind: 'conversation' }>, rank: number): number[] {
  const byId = new Map(a.nodes.map((n) => [n.id, n]));
  const find = (id: string): number[] | null => {
    const n = byId.get(id)!;
    if (n.ending) return n.ending.rank === rank ? [] : null;
    for (const [i, c] of n.choices!.entries()) {
      const rest = find(c.next);
      if (rest) return [i, ...rest];
    }
    return null;
  };
  const path = find(a.start);
  if (!path) throw new Error(`${a.id}: no path to an ending of rank ${rank}`);
  return path;
}

/** The right placement of a sorting or matching activity (item id → option id). */
export const rightPlacement = (a: Extract<ActivityData, { kind: 'sorting' | 'matching' }>) =>
  a.kind === 'sorting' ? Object.fromEntries(a.items.map((i) => [i.id, i.category])) : Object.fromEntries(a.pairs.map((p) => [p.id, p.answer]));

/**
 * Finishes a lesson's practice activities with the mouse: the best ending of a conversation,
 * every item of a sorting or matching placed right and checked, every message field filled in.
 */
export async function completeActivities(page: Doc, lesson: LessonData) {
  for (const a of lesson.activities ?? []) {
    const root = page.locator(`[data-activity-id="${a.id}"]`);
    if (a.kind === 'conversation') {
      for (const i of pathTo(a, 1)) await root.locator(`[data-choice="${i}"]`).click();
      await expect(root.locator('[data-ending="1"]')).toBeVisible();
    } else if (a.kind === 'message') {
      for (const f of a.fields) await root.locator(`#${a.id}-${f.id}`).fill(f.placeholder || f.label);
      await root.locator(`#${a.id}-${a.fields[a.fields.length - 1].id}`).blur();
      await expect(root.locator('[data-message-save]')).toHaveText('保存しました');
    } else {
      for (const [item, option] of Object.entries(rightPlacement(a))) await root.locator(`#${a.id}-${item}`).selectOption(option);
      await root.getByRole('button', { name: '答え合わせ' }).click();
      await expect(root.locator('[data-placement-result]')).toContainText('すべて正解です');
    }
  }
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

/** Opens a page and waits until every island has started (no `course-island[ssr]` left). */
export async function open(page: Page, url: string) {
  await page.goto(url);
  await hydrated(page);
}

export async function hydrated(page: Doc) {
  await page.waitForLoadState('load');
  const selector = 'course-island[ssr]';
  // Islands with data-when="visible" start only once scrolled into view: bring the first one not yet
  // hydrated into view and wait, again and again, until none is left. It is brought back into view
  // every second (a host that resizes its frame to the content can move it away), with no deadline
  // of its own: a busy machine only makes this slower; the test's timeout bounds it.
  await page.evaluate(async (sel) => {
    for (;;) {
      const el = document.querySelector(sel);
      if (!el) break;
      // course-island is display: contents; mount.ts observes its children.
      (el.firstElementChild ?? el).scrollIntoView({ block: 'center' });
      const start = performance.now();
      while (el.isConnected && el.hasAttribute('ssr') && performance.now() - start < 1000) await new Promise((r) => setTimeout(r, 20));
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

/** An option's text as the feedback quotes it: in 「」, one pair for an option that is itself a quoted line. */
export const quoted = (text: string) => `「${text.replace(/^「([^「」]*)」$/, '$1')}」`;
export const right = (q: QuestionData) => q.options.filter((o) => o.correct).map((o) => o.id);
export const wrong = (q: QuestionData) => [q.options.find((o) => !o.correct)!.id];

/** The option ids of a question in the order the page shows them (a retry shuffles them). */
export const shownOrder = (page: Doc, id: string) => page.locator(`input[name="${id}"]`).evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));

/**
 * Answers every question right with the keyboard alone, starting with focus on the first option
 * of the first question: Space ticks checkboxes, arrow keys choose radios, Tab moves on. Ends on
 * the element after the last question (the submit button).
 */
export async function answerWithKeyboard(page: Page, lesson: LessonData) {
  await answerQuestionsWithKeyboard(page, lesson.quiz.questions, right);
}

/**
 * Answers questions with the keyboard alone, in the order the page shows their options, starting
 * with focus on the first option of the first question. `pick` gives the option ids to choose,
 * or null to leave a question unanswered (Tab passes it). Between questions, Tab moves on until
 * the next question's options (passing any button in between, e.g. 「選択を取り消す」); ends on
 * the first element after the last question.
 */
export async function answerQuestionsWithKeyboard(page: Page, questions: QuestionData[], pick: (q: QuestionData) => string[] | null) {
  const { keyboard } = page;
  for (const [n, q] of questions.entries()) {
    const ids = pick(q);
    const order = await shownOrder(page, q.id);
    if (ids && q.type === 'multiple') {
      for (const [i, id] of order.entries()) {
        if (ids.includes(id)) await keyboard.press('Space');
        if (i < order.length - 1) await keyboard.press('Tab');
      }
    } else if (ids) {
      const target = order.indexOf(ids[0]);
      if (target === 0) await keyboard.press('Space');
      for (let i = 0; i < target; i++) await keyboard.press('ArrowDown');
    }
    await keyboard.press('Tab');
    const next = questions[n + 1];
    if (!next) continue;
    for (let i = 0; i < 3 && !(await page.evaluate((name) => (document.activeElement as HTMLInputElement | null)?.name === name, next.id)); i++)
      await keyboard.press('Tab');
  }
}

/** Every lesson's items of one check, in course order. */
export const checkQuestions = (set: 'pre' | 'final') => lessons().flatMap((l) => l.checks[set]);

/** Takes the final check on its (hydrated) page, once every lesson is complete: `pick` answers each question; waits for the result. */
export async function takeFinalCheck(page: Doc, pick: (q: QuestionData) => string[] = right) {
  for (const q of checkQuestions('final')) for (const id of pick(q)) await page.locator(`input[name="${q.id}"][value="${id}"]`).check();
  await page.getByRole('button', { name: '採点する' }).click();
  await expect(page.locator('[data-final="done"]')).toBeVisible();
}

/** Passes a lesson: its practice activities, right answers, submit, and text in every required reflection. */
export async function completeLesson(page: Doc, lesson: LessonData, text = 'ふりかえりを書きました。') {
  await completeActivities(page, lesson);
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
/**
 * The text stored under a key once the writes already asked for are done: a change reaches this
 * tab's own key at once and the shared key under a Web Lock named after it a moment later
 * (src/stores/progress.ts persist), so queue behind that lock first.
 */
export async function storedText(page: Doc, key: string) {
  return page.evaluate(async (k) => {
    await navigator.locks?.request(k, () => {});
    return localStorage.getItem(k);
  }, key);
}

export async function stored(page: Doc, courseId = 'networking-ja') {
  return JSON.parse((await storedText(page, `course:${courseId}:progress`)) ?? 'null');
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

/**
 * Adds to a stored version-3 document (read with `stored`) the given lessons as complete (quiz at
 * 100 %, reflections written) at `at`, keeping everything else (e.g. a pre-check taken): a fast way
 * past most lessons in the middle of a journey.
 */
export function withLessonsDone(doc: Record<string, any>, done: LessonData[], at: number, text = 'ふりかえりを書きました。') {
  const out = structuredClone(doc);
  for (const l of done) {
    out.lessons[l.slug] = { firstAt: at, lastAt: at };
    out.quizzes[l.slug] = { attempts: 1, best: 1, bestAt: at, last: null };
    for (const r of l.reflections) out.reflections[r.id] = { text, updatedAt: at, v: `seed00.${at.toString(36)}` };
    Object.assign(out.activities, doneActivities(l, at, `seed00.${at.toString(36)}`));
  }
  out.clock = Math.max(out.clock, at);
  out.updatedAt = Math.max(out.updatedAt, at);
  return out;
}

/**
 * A stored document (version 3) in which the given lessons are complete (all answers right,
 * reflections written, activities done) at `at`. Items added to it need a version: `{ …, v: 'seed.1' }`.
 */
/** Records of a lesson's activities as done (conversations at their best ending, items placed right, messages filled). */
export function doneActivities(l: LessonData, at: number, v: string) {
  const out: Record<string, unknown> = {};
  for (const a of l.activities ?? []) {
    const base = { kind: a.kind, done: true, updatedAt: at, v };
    if (a.kind === 'conversation') out[a.id] = { ...base, state: { path: pathTo(a, 1) }, best: 1, last: { at, result: 1 } };
    else if (a.kind === 'message')
      out[a.id] = { ...base, state: { fields: Object.fromEntries(a.fields.map((f) => [f.id, f.placeholder || f.label])) }, best: null, last: null };
    else out[a.id] = { ...base, state: { placed: rightPlacement(a), checked: true }, best: 1, last: { at, result: 1 } };
  }
  return out;
}

export function completedDoc(done: LessonData[], at: number, text = 'ふりかえりを書きました。') {
  const doc = {
    v: 3,
    courseId: 'networking-ja',
    epoch: 0,
    clock: at,
    createdAt: at,
    updatedAt: at,
    last: null,
    lessons: {},
    quizzes: {},
    reflections: {},
    reviews: {},
    profile: {},
    drafts: {},
    activities: {},
    checks: {},
    plan: null,
  } as {
    [k: string]: unknown;
    lessons: Record<string, unknown>;
    quizzes: Record<string, unknown>;
    reflections: Record<string, unknown>;
    activities: Record<string, unknown>;
  };
  const v = 'seed.1';
  for (const l of done) {
    doc.lessons[l.slug] = { firstAt: at, lastAt: at };
    const answers = Object.fromEntries(l.quiz.questions.map((q) => [q.id, right(q)]));
    doc.quizzes[l.slug] = { attempts: 1, best: 1, bestAt: at, last: { at, score: 1, answers } };
    for (const r of l.reflections) doc.reflections[r.id] = { text, updatedAt: at, v };
    Object.assign(doc.activities, doneActivities(l, at, v));
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
        if (!box.closest('course-island')?.hasAttribute('ssr')) return true;
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
              else if (e.data.type === 'done') bc.close(), resolve({ lost: 0, sameMs: 0, within5: 0 });
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
 * Notes, in every page of the context, whether the reflection typed by `typeUnsaved` still showed
 * 保存待ち… (unsaved) when its page was hidden or went away: listeners installed before the course's
 * own (which save), writing `e2e:unsaved:<id>` = 'true' or what the box showed, in localStorage
 * outside the course's keys. Read them with `unsavedAtClose`.
 */
export const noteUnsavedAtClose = (context: BrowserContext) =>
  context.addInitScript(() => {
    const note = (e: Event) => {
      const id = (window as unknown as { __e2eTyped?: string }).__e2eTyped;
      if (!id || localStorage.getItem(`e2e:unsaved:${id}`) !== null) return;
      const state = document.querySelector(`[data-reflection="${id}"] [data-save-state]`)?.getAttribute('data-save-state');
      localStorage.setItem(`e2e:unsaved:${id}`, state === 'pending' ? 'true' : `${e.type}: ${state}`);
    };
    addEventListener('visibilitychange', (e) => document.visibilityState === 'hidden' && note(e), { capture: true });
    addEventListener('pagehide', note, { capture: true });
  });

/**
 * Types `text` into a reflection without leaving it (one input event), on a page whose clock is
 * paused (clock.pauseAt): the autosave timer cannot fire however slow the machine is, so the edit
 * stays unsaved (保存待ち…) until the page goes away (see noteUnsavedAtClose).
 */
export async function typeUnsaved(page: Page, id: string, text: string) {
  await page.evaluate(
    ([id, text]) => {
      localStorage.removeItem(`e2e:unsaved:${id}`);
      (window as unknown as { __e2eTyped?: string }).__e2eTyped = id;
      const box = document.getElementById(`${id}-text`) as HTMLTextAreaElement;
      box.value = text;
      box.dispatchEvent(new Event('input', { bubbles: true }));
    },
    [id, text] as const,
  );
  await expect(page.locator(`[data-reflection="${id}"] [data-save-state]`)).toHaveAttribute('data-save-state', 'pending');
}

/** Reads and clears the notes noteUnsavedAtClose left: whether each reflection was still unsaved when its page was hidden. */
export const unsavedAtClose = (page: Page, ids: string[]) =>
  page.evaluate(
    (ids) =>
      ids.map((id) => {
        const v = localStorage.getItem(`e2e:unsaved:${id}`);
        localStorage.removeItem(`e2e:unsaved:${id}`);
        return v === 'true';
      }),
    ids,
  );

/** Hides Web Locks from every page of the context (the fallback path: read-merge-write at once). */
export const withoutWebLocks = (context: BrowserContext) =>
  context.addInitScript(() => {
    delete (Navigator.prototype as unknown as { locks?: unknown }).locks;
  });

/** The focused element: its tag, text, name (or id), input type and whether a focus indicator shows. */
export const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return { tag: 'body', text: '', name: '', type: '', visible: false };
    const s = getComputedStyle(el);
    return {
      tag: el.tagName.toLowerCase(),
      text: (el.textContent ?? '').trim(),
      name: el.getAttribute('name') ?? el.id ?? '',
      type: (el as HTMLInputElement).type ?? '',
      visible: (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2) || s.boxShadow !== 'none',
    };
  });

/** Presses Tab until `match` holds, checking that every stop on the way shows where the focus is. */
export async function tabTo(page: Page, match: (f: Awaited<ReturnType<typeof focused>>) => boolean, max = 120) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const f = await focused(page);
    expect(f.visible, `focus indicator on ${f.tag} "${f.text.slice(0, 30)}"`).toBe(true);
    if (match(f)) return f;
  }
  throw new Error('not reached with Tab');
}
