/**
 * The SCORM packages from `npm run package`, launched in a stand-in LMS: scorm-again's Scorm12API /
 * Scorm2004API in a harness page (tests/e2e/fixtures/scorm-harness.html) that saves the CMI data
 * on commit/finish and loads it again on relaunch, like an LMS.
 */
import { expect, test, type Frame, type Page } from './fixtures';
import { unzipSync } from 'fflate';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { answer, completeLesson, completedDoc, forPages, hydrated, lessons, right, stored, takeFinalCheck, wrong } from './course';
import { cmiProblems } from '../../src/lib/lms/cmi-types';
import { decodeSuspend } from '../../src/lib/lms/scorm';
import { EXIT_TEST_LIMIT } from '../../src/lib/lms/exit-request';
import { serve, type StaticServer } from './static-server';

const PACKAGES = process.env.COURSE_PACKAGES_DIR ?? 'packages';
const all = lessons();
let server: StaticServer;
let root: string;

test.beforeAll(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'scorm-harness-'));
  for (const [v, zip] of [
    ['12', 'networking-course-scorm12.zip'],
    ['2004', 'networking-course-scorm2004.zip'],
  ]) {
    const file = path.join(PACKAGES, zip);
    if (!fs.existsSync(file)) throw new Error(`${file} is missing: run npm run package first`);
    for (const [name, data] of Object.entries(unzipSync(fs.readFileSync(file)))) {
      if (name.endsWith('/')) continue;
      const out = path.join(root, `pkg${v}`, name);
      fs.mkdirSync(path.dirname(out), { recursive: true });
      fs.writeFileSync(out, data);
    }
  }
  fs.copyFileSync('tests/e2e/fixtures/scorm-harness.html', path.join(root, 'harness.html'));
  fs.copyFileSync('node_modules/scorm-again/dist/scorm-again.js', path.join(root, 'scorm-again.js'));
  server = await serve(root);
});
test.afterAll(async () => {
  await server?.close();
  fs.rmSync(root, { recursive: true, force: true });
});

/** Opens the harness and returns the hydrated course frame (inside the launcher frame). */
async function launch(page: Page, v: string, query = ''): Promise<Frame> {
  await page.goto(`${server.url}harness.html?v=${v}${query}`);
  const course = await expect
    .poll(() =>
      page
        .frames()
        .find((f) => f.url().includes(`/pkg${v}/`) && !f.url().includes('/launch/'))
        ?.url(),
    )
    .toBeTruthy()
    .then(() => page.frames().find((f) => f.url().includes(`/pkg${v}/`) && !f.url().includes('/launch/'))!);
  await course.waitForLoadState('load');
  await expect(course.locator('html')).toHaveAttribute('data-kept', 'lms'); // see courseFrame
  await hydrated(course);
  return course;
}
const cmi = (page: Page, el: string) => page.evaluate((e) => (window as unknown as { __get: (e: string) => string }).__get(e), el);
interface Metrics {
  calls: Record<string, number>;
  commits: number;
  setChars: number;
  /** Every element set, in order. */
  sets: string[];
  repeats: string[];
  posts: { elements: number; chars: number; names: string[] }[];
  /** Moodle mode: the Finish/Terminate request sent as a beacon (bytes measured once encoded). */
  exit?: { ok: boolean; parts: number; bytes: number | null };
}
/** The harness's counters (every API call by name, SetValue characters, repeated values, what each commit posts). */
const metrics = (page: Page) => page.evaluate(() => (window as unknown as { __metrics: () => Metrics }).__metrics());
/** What the stand-in LMS has stored (flat element → value). */
const db = (page: Page) => page.evaluate(() => (window as unknown as { __db: () => Record<string, string> }).__db());
/** The stored suspend_data as JSON text (it is compressed when plain JSON does not fit). */
const suspendJson = async (page: Page) => decodeSuspend((await db(page))['cmi.suspend_data'] ?? '') ?? '';
const calls = async (page: Page) => {
  const c = (await metrics(page)).calls;
  return { init: (c.LMSInitialize ?? 0) + (c.Initialize ?? 0), commit: (c.LMSCommit ?? 0) + (c.Commit ?? 0), finish: (c.LMSFinish ?? 0) + (c.Terminate ?? 0) };
};
/** cmi.exit is write-only for the SCO; read what the LMS stored instead. */
async function savedExit(page: Page, v: string) {
  return (await db(page))[v === '12' ? 'cmi.core.exit' : 'cmi.exit'] ?? ''; // never set = the default, ''
}
async function leave(page: Page) {
  await page.evaluate(() => (window as unknown as { __leave: () => void }).__leave());
}
/** The course frame after a navigation inside it (to a lesson, or to another page such as "final"). */
async function courseFrame(page: Page, v: string, slug: string, dir = `lessons/${slug}`, lms = true) {
  await expect.poll(() => page.frames().some((f) => f.url().includes(`/pkg${v}/${dir}/`))).toBe(true);
  const f = page.frames().find((x) => x.url().includes(`/pkg${v}/${dir}/`))!;
  await f.waitForLoadState('load');
  // Connected to the LMS through the launcher (its init arrived: the "saved in the LMS" texts
  // apply) before the islands are scrolled into view, as a learner would find the page.
  if (lms) await expect(f.locator('html')).toHaveAttribute('data-kept', 'lms');
  await hydrated(f);
  return f;
}
/** Opens the final check from the table of contents and takes it with one answer wrong (90 %). */
async function finalCheck(page: Page, v: string, course: Frame) {
  await course.locator('#toc a[href*="final/"]').click();
  const f = await courseFrame(page, v, '', 'final');
  await takeFinalCheck(f, (q) => (q.id === 'l05-f1' ? wrong(q) : right(q)));
  return f;
}

/** Interactions and objectives as the LMS stored them: index → element suffix → value. */
function collections(stored: Record<string, string>, name: 'interactions' | 'objectives') {
  const out: Record<string, string>[] = [];
  for (const [k, value] of Object.entries(stored)) {
    const m = new RegExp(`^cmi\\.${name}\\.(\\d+)\\.(.+)$`).exec(k);
    if (m) (out[Number(m[1])] ??= {})[m[2]] = value;
  }
  return out;
}
/** Every stored interaction and objective element, in index order (ids and types first), for the CMI type check. */
function collectionPairs(stored: Record<string, string>): [string, string][] {
  const pairs: [string, string][] = [];
  for (const name of ['objectives', 'interactions'] as const)
    collections(stored, name).forEach((item, n) => {
      const keys = Object.keys(item).sort((a, b) => Number(b === 'id') - Number(a === 'id') || Number(b === 'type') - Number(a === 'type'));
      // Blank elements are the runtime's defaults for what the course does not set (e.g. weighting).
      for (const k of keys) if (item[k] !== '') pairs.push([`cmi.${name}.${n}.${k}`, item[k]]);
    });
  return pairs;
}
const questionIds = all.flatMap((l) => l.quiz.questions.map((q) => q.id));

for (const [v, E] of [
  [
    '12',
    {
      version: '1.2',
      status: 'cmi.core.lesson_status',
      location: 'cmi.core.lesson_location',
      raw: 'cmi.core.score.raw',
      response: 'student_response',
      wrong: 'wrong',
    },
  ],
  [
    '2004',
    { version: '2004', status: 'cmi.completion_status', location: 'cmi.location', raw: 'cmi.score.raw', response: 'learner_response', wrong: 'incorrect' },
  ],
] as const) {
  test.describe(`SCORM ${E.version}`, () => {
    test.describe.configure({ mode: 'serial' });
    test.setTimeout(forPages(all.length * 2 + 4));

    test('fresh start, two lessons passed, leave, relaunch resumes with Japanese text intact', async ({ page }) => {
      let course = await launch(page, v);
      expect((await calls(page)).init).toBe(1);
      expect(await cmi(page, E.status)).toBe('incomplete');
      await course.getByRole('link', { name: '講座をはじめる' }).click();
      course = await courseFrame(page, v, all[0].slug);
      await completeLesson(course, all[0], '一つ目のふりかえり：社内勉強会で話しかける。');
      await course.locator('a[rel="next"]').click();
      course = await courseFrame(page, v, all[1].slug);
      await completeLesson(course, all[1], '二つ目のふりかえり：転職の相談相手を探す。');
      // The page tells the truth about where its text is kept: in the LMS too.
      await expect(course.locator('html')).toHaveAttribute('data-kept', 'lms');
      await expect(course.locator('#reflection-heading ~ p [data-saved="lms"]')).toBeVisible();
      await expect(course.locator('#reflection-heading ~ p [data-saved="browser"]')).toBeHidden();
      await expect.poll(async () => (await db(page))[E.location]).toBe(all[1].slug);
      await expect.poll(async () => (await db(page))[E.raw]).toBe('0'); // the final check's score (course.yaml assessment.score: final), not taken yet

      await leave(page);
      await expect.poll(async () => (await calls(page)).finish).toBe(1);
      expect(await savedExit(page, v)).toBe('suspend');
      expect((await calls(page)).init).toBe(1); // one session for the whole visit of many pages
      // The LMS has the progress document (compacted) in suspend_data, with the last reflection.
      expect((await db(page))['cmi.suspend_data']).toContain('二つ目のふりかえり');

      // Relaunch on a "new device": only the LMS copy is left.
      await page.evaluate(() => localStorage.removeItem('course:networking-ja:progress'));
      course = await launch(page, v);
      await expect.poll(() => course.url()).toContain(`/lessons/${all[1].slug}/`);
      await expect(course.locator(`#${all[1].reflections[0].id}-text`)).toHaveValue('二つ目のふりかえり：転職の相談相手を探す。');
      await expect(course.locator(`#toc a[href*="${all[0].slug}"] .status`)).toHaveText('完了');
      await leave(page);
      await expect.poll(async () => (await calls(page)).finish).toBe(1);
      // The second visit only reopened lesson 2 (a new visit time, clocks merged forward): no
      // status, score, location, objective, interaction or suspend_data was set again, so no
      // commit — Finish alone ends the session.
      const m = await metrics(page);
      expect([...m.sets].sort()).toEqual(v === '12' ? ['cmi.core.exit', 'cmi.core.session_time'] : ['cmi.exit', 'cmi.session_time']);
      expect(m.commits).toBe(0);
    });

    test('the whole course and the final check under a Moodle-like LMS with the default completion rule: done, interactions, objectives, no redundant calls', async ({
      page,
    }) => {
      let course = await launch(page, v, '&lms=moodle&rule=completed');
      await expect(page.locator('#activity-status')).toHaveText('未完了');
      for (const l of all) {
        await course.locator(`#toc a[href*="lessons/${l.slug}/"]`).click();
        course = await courseFrame(page, v, l.slug);
        await completeLesson(course, l);
      }
      // Every lesson is complete, but completion also needs the final check (finalCheck: taken).
      await expect.poll(async () => (await db(page))[E.status]).toBe('incomplete');
      expect((await db(page))[E.raw]).toBe('0');
      course = await finalCheck(page, v, course);
      await expect.poll(async () => (await db(page))[E.raw]).toBe('90');
      // The final check's record is in suspend_data, so a relaunch elsewhere shows its results.
      expect(await suspendJson(page)).toContain('"final":{');
      // The learner ends on the conclusion page, and the LMS location says so.
      await course.locator('#toc a[href*="conclusion/"]').first().click();
      await expect.poll(() => page.frames().some((f) => f.url().includes(`/pkg${v}/conclusion/`))).toBe(true);
      await expect.poll(async () => (await db(page))[E.location]).toBe('conclusion');
      await leave(page);
      await expect.poll(async () => (await calls(page)).finish).toBe(1);

      const stored = await db(page);
      // Status under the LMS's completion rule on "completed" (Moodle's default): done.
      await expect(page.locator('#activity-status')).toHaveText('完了');
      // The score is the final check's (course.yaml assessment.score: final), with no pass mark: no pass/fail.
      expect(stored[E.raw]).toBe('90');
      if (v === '12') expect(stored['cmi.core.lesson_status']).toBe('completed');
      // success_status is never set: it stays the LMS's initial "unknown".
      else
        expect([stored['cmi.completion_status'], stored['cmi.success_status'] ?? 'unknown', stored['cmi.score.scaled']]).toEqual([
          'completed',
          'unknown',
          '0.9',
        ]);
      // SCORM 2004 leaves with "suspend" even when finished: Moodle brings an attempt's data back only then.
      expect(await savedExit(page, v)).toBe(v === '12' ? '' : 'suspend');

      // One objective per lesson, complete, with its score.
      const objectives = collections(stored, 'objectives');
      expect(objectives.map((o) => o.id)).toEqual(all.map((l) => l.slug));
      for (const o of objectives) {
        if (v === '12') expect(o).toMatchObject({ status: 'completed', 'score.raw': '100' });
        else expect(o).toMatchObject({ completion_status: 'completed', success_status: 'passed', 'score.scaled': '1' });
      }
      // One interaction per quiz question, each right, linked to its lesson's objective.
      const interactions = collections(stored, 'interactions');
      const quiz = interactions.filter((x) => questionIds.includes(x.id));
      expect(quiz.map((x) => x.id)).toEqual(questionIds);
      for (const x of quiz) {
        expect(x.result).toBe('correct');
        if (v === '12') {
          expect(x[E.response]).toBe(x['correct_responses.0.pattern']);
          expect(x['objectives.0.id']).toBe(all.find((l) => l.quiz.questions.some((q) => q.id === x.id))!.slug);
          expect(x.latency, `${x.id} latency`).toBeTruthy();
          expect(x.time, `${x.id} time`).toBeTruthy();
        } else {
          // SCORM 2004 keeps only what reports use: Moodle re-sends every interaction element when the learner leaves.
          const q = all.flatMap((l) => l.quiz.questions).find((y) => y.id === x.id)!;
          expect(
            Object.keys(x)
              .filter((k) => x[k] !== '' && !k.endsWith('_count'))
              .sort(),
            x.id,
          ).toEqual(['id', 'learner_response', 'result', 'type']);
          expect(x.learner_response.split('[,]').sort()).toEqual(right(q).sort());
        }
      }
      // One per final check question, the one answered wrong reported so.
      const finalIds = all.flatMap((l) => l.checks.final.map((q) => q.id));
      const final = interactions.filter((x) => finalIds.includes(x.id));
      expect(final.map((x) => x.id)).toEqual(finalIds);
      expect(final.filter((x) => x.result !== 'correct').map((x) => [x.id, x.result])).toEqual([['l05-f1', E.wrong]]);
      // Every practice activity the learner finished is reported too (1.2: its items or its ending; 2004: one record each).
      const activityIds = all.flatMap((l) => (l.activities ?? []).map((a) => a.id));
      for (const id of activityIds)
        expect(
          interactions.some((x) => x.id === id || (v === '12' && x.id.startsWith(`${id}-`))),
          id,
        ).toBe(true);
      // (No pre-check was taken here: quiz questions, final check questions and activities.)
      if (v === '2004') expect(interactions).toHaveLength(questionIds.length + finalIds.length + activityIds.length);
      // Leaving: Moodle's exit request (a beacon) carries the whole attempt, within what a beacon may carry.
      const exit = (await metrics(page)).exit!;
      expect(exit.ok).toBe(true);
      await expect.poll(async () => (await metrics(page)).exit!.bytes).not.toBeNull();
      const exitBytes = (await metrics(page)).exit!.bytes!;
      expect(exitBytes).toBeLessThanOrEqual(EXIT_TEST_LIMIT);
      // Everything the LMS stored is well-formed CMI data of this version.
      expect(cmiProblems(E.version, collectionPairs(stored))).toEqual([]);
      expect(
        cmiProblems(
          E.version,
          Object.entries(stored).filter(([k]) =>
            /^cmi\.(core\.(lesson_status|score|exit|session_time|lesson_location)|completion_status|success_status|progress_measure|score|exit|session_time|location|suspend_data)/.test(
              k,
            ),
          ),
        ),
      ).toEqual([]);

      // No element set twice in a row with the same value; no commit that had nothing to post.
      const m = await metrics(page);
      expect(m.repeats).toEqual([]);
      expect(m.posts.filter((p) => p.elements === 0)).toEqual([]);
      // Commits only at milestones: the first page, arriving at each lesson and submitting its quiz,
      // each practice activity finished, the final check (arriving, submitting), the conclusion page
      // and the course's completion.
      expect(m.commits).toBeLessThanOrEqual(2 * all.length + activityIds.length + 5);
      const total = Object.values(m.calls).reduce((a, b) => a + b, 0);
      const posted = m.posts.reduce((a, p) => a + p.chars, 0);
      const summary = {
        version: E.version,
        calls: total,
        byName: m.calls,
        commits: m.commits,
        setValueChars: m.setChars,
        repeatedSets: m.repeats.length,
        posts: m.posts.length,
        postedChars: posted,
        meanPostChars: Math.round(posted / m.posts.length),
        interactions: interactions.length,
        objectives: objectives.length,
        suspendChars: stored['cmi.suspend_data'].length,
        exitBytes,
        exitParts: exit.parts,
      };
      // Looking at the finished attempt again from a fresh browser in review mode: the course shows
      // it as finished, and the LMS's record stays as it is (nothing set, nothing committed).
      await page.evaluate(() =>
        Object.keys(localStorage)
          .filter((k) => k.startsWith('course:'))
          .forEach((k) => localStorage.removeItem(k)),
      );
      course = await launch(page, v, '&lms=moodle&rule=completed&mode=review');
      await expect(course.locator(`#toc a[href*="lessons/${all[0].slug}/"] .status`)).toHaveText('完了');
      await leave(page);
      await expect.poll(async () => (await calls(page)).finish).toBe(1);
      const review = await metrics(page);
      expect(review.sets).toEqual([]);
      expect(review.commits).toBe(0);
      expect((await db(page))[E.raw]).toBe('90');
      await test.info().attach(`scorm-${v}-metrics.json`, { body: JSON.stringify(summary, null, 2), contentType: 'application/json' });
      if (process.env.SCORM_METRICS_OUT) fs.appendFileSync(process.env.SCORM_METRICS_OUT, `${JSON.stringify(summary)}\n`);
    });

    test('Moodle-like LMS: going lesson 2 → 1 → 2 in one session still resumes at lesson 2', async ({ page }) => {
      const [one, two] = all;
      let course = await launch(page, v, '&lms=moodle');
      await course.locator(`#toc a[href*="lessons/${two.slug}/"]`).click();
      course = await courseFrame(page, v, two.slug);
      await expect.poll(async () => (await db(page))[E.location]).toBe(two.slug);
      await leave(page);
      await expect.poll(async () => (await calls(page)).finish).toBe(1);

      // Second session: it opens at lesson 2 (the value loaded at launch), goes to 1 and back to 2.
      course = await launch(page, v, '&lms=moodle');
      await expect.poll(() => course.url()).toContain(`/lessons/${two.slug}/`);
      await course.locator(`#toc a[href*="lessons/${one.slug}/"]`).click();
      course = await courseFrame(page, v, one.slug);
      await expect.poll(async () => (await db(page))[E.location]).toBe(one.slug); // committed
      await course.locator(`#toc a[href*="lessons/${two.slug}/"]`).click();
      course = await courseFrame(page, v, two.slug);
      await expect.poll(async () => (await metrics(page)).commits).toBe(2);
      await leave(page);
      await expect.poll(async () => (await calls(page)).finish).toBe(1);
      // The quirk is real in this harness: SCORM 2004 never posted lesson 2 again (equal to the launch value).
      expect((await db(page))[E.location]).toBe(v === '2004' ? one.slug : two.slug);

      // Third session: resumes at lesson 2 all the same, from the course's own record in suspend_data.
      await page.evaluate(() => localStorage.removeItem('course:networking-ja:progress'));
      course = await launch(page, v, '&lms=moodle');
      await expect.poll(() => course.url()).toContain(`/lessons/${two.slug}/`);
    });

    test('a retried quiz adds interactions (first try wrong, retry right; SCORM 2004 keeps the first and the latest) and nothing is sent twice across sessions', async ({
      page,
    }) => {
      const l = all[0];
      const ids = l.quiz.questions.map((q) => q.id);
      const n = ids.length;
      /** The stored records of this lesson's quiz questions, in index order. */
      const quiz = async () => collections(await db(page), 'interactions').filter((x) => ids.includes(x.id));
      let course = await launch(page, v);
      await course.locator(`#toc a[href*="lessons/${l.slug}/"]`).click();
      course = await courseFrame(page, v, l.slug);
      await answer(course, l, wrong);
      await course.getByRole('button', { name: '採点する' }).click();
      await expect(course.locator('[data-result]')).toBeVisible();
      await course.getByRole('button', { name: /もう一度/ }).click();
      await completeLesson(course, l);
      await expect.poll(async () => (await quiz()).length).toBe(2 * n);
      // A third try, wrong again: SCORM 1.2 journals it; SCORM 2004 rewrites the latest record in place.
      await course.getByRole('button', { name: /もう一度/ }).click();
      await answer(course, l, wrong);
      await course.getByRole('button', { name: '採点する' }).click();
      await expect(course.locator('[data-result]')).toContainText('届きませんでした');
      await leave(page);
      await expect.poll(async () => (await calls(page)).finish).toBe(1);
      const records = await quiz();
      expect(records.map((x) => x.id)).toEqual(v === '12' ? [...ids, ...ids, ...ids] : [...ids, ...ids]);
      expect(records.slice(0, n).every((x) => x.result === E.wrong)).toBe(true);
      if (v === '12') expect(records.slice(n, 2 * n).every((x) => x.result === 'correct')).toBe(true);
      expect(records.slice(-n).every((x) => x.result === E.wrong)).toBe(true);
      expect(cmiProblems(E.version, collectionPairs(await db(page)))).toEqual([]);

      // Relaunch (same browser, so the course still has the last answers): no interaction is sent again.
      course = await launch(page, v);
      await hydrated(course);
      await leave(page);
      await expect.poll(async () => (await calls(page)).finish).toBe(1);
      expect(await quiz()).toHaveLength(records.length);
    });

    test('the 1週間チャレンジ in the LMS: a day recorded reaches suspend_data and a fresh browser shows it', async ({ page }) => {
      let course = await launch(page, v);
      await course.locator('#toc a[href*="challenge/"]').click();
      course = await courseFrame(page, v, '', 'challenge');
      await course.getByRole('button', { name: 'この7日間で始める' }).click();
      await course.locator('#challenge-d1-predict').selectOption('30');
      await course.locator('#challenge-d1-worry').fill('断られると思う');
      await course.locator('[data-day="d1"]').getByRole('button', { name: 'やってみた' }).click();
      await course.locator('[data-day="d1"] input[value="yes"]').check();
      await leave(page);
      await expect.poll(async () => (await calls(page)).finish).toBe(1);
      const kept = JSON.parse(await suspendJson(page));
      expect(kept.challenge.d1).toMatchObject({ predict: 30, worry: '断られると思う', status: 'done', outcome: 'yes' });
      await page.evaluate(() =>
        Object.keys(localStorage)
          .filter((k) => k.startsWith('course:'))
          .forEach((k) => localStorage.removeItem(k)),
      );
      course = await launch(page, v);
      await expect.poll(() => course.url()).toContain('/challenge/');
      await expect(course.locator('#challenge-d1-worry')).toHaveValue('断られると思う');
      await expect(course.locator('[data-compare] [data-summary]')).toContainText('見込みの平均は30%');
    });

    test('closing the tab right after typing keeps the text in the LMS', async ({ page }) => {
      const l = all[2];
      let course = await launch(page, v);
      await course.locator(`#toc a[href*="lessons/${l.slug}/"]`).click();
      course = await courseFrame(page, v, l.slug);
      await course.locator(`#${l.reflections[0].id}-text`).fill('閉じる直前に書いた一文。');
      await leave(page); // no blur, no wait for a save or a commit
      await expect.poll(async () => (await calls(page)).finish).toBe(1);
      expect((await db(page))['cmi.suspend_data']).toContain('閉じる直前に書いた一文。');
    });
  });
}

test.describe('compact player in a Moodle-sized frame', () => {
  test.use({ viewport: { width: 1280, height: 800 } });
  const l = all[0];
  /** The lesson in the launcher's course frame, opened without Playwright scrolling the LMS page. */
  async function openLesson(page: Page, query: string) {
    let course = await launch(page, '12', query);
    await course.locator(`#toc a[href*="lessons/${l.slug}/"]`).evaluate((a: HTMLAnchorElement) => a.click());
    course = await courseFrame(page, '12', l.slug);
    await expect(course.locator('html')).toHaveAttribute('data-frame', 'fixed');
    return course;
  }
  const hostScroll = (page: Page) => page.evaluate(() => scrollY);

  test('focus and scrollIntoView scroll inside the course, never the LMS page, and land where the learner sees', async ({ page }) => {
    const course = await openLesson(page, '&layout=moodle');
    await answer(course, l, right);
    const reset = async () => {
      await page.evaluate(() => scrollTo(0, 0)); // Playwright scrolls the page to act on elements
      await course.evaluate(() => scrollTo(0, 0));
    };
    /** In the LMS page's viewport (800 px high) and the LMS page not scrolled. */
    const seen = async (target: ReturnType<Frame['locator']>) => {
      expect(await hostScroll(page)).toBe(0);
      await expect(page.locator('#exit')).toBeInViewport();
      const box = (await target.boundingBox())!;
      expect(box.y).toBeGreaterThanOrEqual(0);
      expect(box.y + box.height).toBeLessThanOrEqual(800);
    };
    // The quiz focuses its result after scoring (submitted as the learner's Enter would).
    await reset();
    await course.locator('form.quiz').evaluate((f: HTMLFormElement) => f.requestSubmit());
    const result = course.locator('[data-result]');
    await expect(result).toBeFocused();
    await seen(course.locator('[data-result] .verdict').first());
    expect(await course.evaluate(() => scrollY)).toBeGreaterThan(0);
    // Any focus() or scrollIntoView() in the course: natively these also scroll the LMS page.
    const retry = course.getByRole('button', { name: /もう一度/ });
    await reset();
    await retry.evaluate((b: HTMLElement) => b.focus());
    await expect(retry).toBeFocused();
    await seen(retry);
    const text = course.locator(`#${l.reflections[0].id}-text`);
    await reset();
    await text.evaluate((t: HTMLElement) => t.scrollIntoView());
    await seen(text);
  });

  test('the bar with 目次 and 前へ／次へ stays at the top of the frame while the lesson scrolls', async ({ page }) => {
    const course = await openLesson(page, '&layout=moodle');
    await course.evaluate(() => scrollTo(0, document.documentElement.scrollHeight / 2));
    const next = course.locator('.embed-nav a', { hasText: '次へ' });
    await expect(next).toBeVisible();
    const bar = (await course.locator('.embed-bar').boundingBox())!;
    const frame = (await page.locator('#sco').boundingBox())!;
    expect(Math.round(bar.y)).toBe(Math.round(frame.y));
    // The next page is laid out as the compact player before its first paint (not only once the
    // launcher's init message arrives): its first script already finds the frame mode.
    await page.addInitScript(() =>
      addEventListener('DOMContentLoaded', () => {
        (window as unknown as { frameAtStart: string | null }).frameAtStart = document.documentElement.dataset.frame ?? null;
      }),
    );
    await next.evaluate((a: HTMLAnchorElement) => a.click());
    const after = await courseFrame(page, '12', all[1].slug);
    expect(await after.evaluate(() => (window as unknown as { frameAtStart: string | null }).frameAtStart)).toBe('fixed');
    expect(await hostScroll(page)).toBe(0);
  });

  test('a 375 px frame drops the padding of cards inside cards', async ({ page }) => {
    const course = await openLesson(page, '&layout=moodle&w=375');
    const width = await course
      .locator('.choice')
      .first()
      .evaluate((el) => el.getBoundingClientRect().width);
    // 375 px less the page's side padding only: the question's own frame gives its padding back.
    expect(width).toBeGreaterThanOrEqual(345);
  });
});

test('SCORM 1.2: ten long reflections and the final check keep suspend_data within 4,096 characters and the learner is told', async ({ page }) => {
  test.setTimeout(forPages(8));
  await page.goto(`${server.url}harness.html?v=12`);
  await page.evaluate(() => localStorage.clear());
  // 1,200 characters of text that does not repeat (so compression cannot fit them all).
  const long = (n: number) => Array.from({ length: 1200 }, (_, i) => String.fromCharCode(0x4e00 + ((n * 7919 + i * 104729) % 20000))).join('');
  // Lessons 1-9 were done earlier in this browser, each with a 1,200-character reflection (the
  // course brings its own copy into the LMS session); lesson 10 and the final check are done now.
  const earlier = completedDoc(all.slice(0, -1), Date.now() - 60_000, long(1));
  await page.evaluate(([k, v]) => localStorage.setItem(k, v), ['course:networking-ja:progress', JSON.stringify(earlier)]);
  let course = await launch(page, '12');
  const last = all.at(-1)!;
  await course.locator(`#toc a[href*="lessons/${last.slug}/"]`).click();
  course = await courseFrame(page, '12', last.slug);
  await completeLesson(course, last, long(10));
  course = await finalCheck(page, '12', course);
  await expect.poll(async () => (await db(page))['cmi.core.score.raw']).toBe('90');
  await expect(course.locator('[data-notice="host-partial"]')).toContainText('このブラウザにだけ保存されています');
  // Nothing was lost here: the browser still has every reflection.
  const doc = await stored(course);
  for (const id of Object.keys(earlier.reflections)) expect(doc.reflections[id]?.text, id).toBe(long(1));
  expect(doc.reflections[last.reflections[0].id]?.text).toBe(long(10));
  await leave(page);
  await expect.poll(async () => (await calls(page)).finish).toBe(1);
  expect((await db(page))['cmi.suspend_data'].length).toBeLessThanOrEqual(4096);
  const kept = JSON.parse(await suspendJson(page));
  // Tracking data survived: every quiz result is in the LMS copy.
  for (const l of all) expect(kept.quizzes[l.slug], l.slug).toMatchObject({ attempts: 1, best: 1 });
  // Every reflection is there: its text, or (when it did not fit) that it was written.
  for (const id of [...Object.keys(earlier.reflections), last.reflections[0].id])
    expect(kept.reflections[id]?.text === long(1) || kept.reflections[id]?.text === long(10) || kept.reflections[id]?.away, id).toBeTruthy();
  // The final check's marks and scores are kept (its choices stay in the browser only).
  expect(kept.checks.final).toMatchObject({ attempts: 1, score: 0.9, best: 0.9, answers: {} });
  expect(Object.keys(kept.checks.final.marks)).toHaveLength(10);

  // A second device (a fresh browser) shows what the LMS recorded: every lesson complete.
  // (The stand-in LMS keeps its database in this origin's storage too: only the course's keys go.)
  await page.evaluate(() =>
    Object.keys(localStorage)
      .filter((k) => k.startsWith('course:'))
      .forEach((k) => localStorage.removeItem(k)),
  );
  course = await launch(page, '12');
  await course.locator('#toc a[href*="conclusion/"]').first().click();
  course = await courseFrame(page, '12', '', 'conclusion');
  await expect(course.locator('[data-summary]')).toContainText(`${all.length}レッスン中${all.length}レッスン完了`);
});

test('SCORM 2004: a reflection pasted right after each lesson page loads, before its island has started, reaches the LMS; a fresh browser shows them all', async ({
  page,
}) => {
  test.setTimeout(forPages(all.length * 2 + 4));
  // The reflection island's code is held back on every page until the text is in (page.route
  // also turns off the HTTP cache, so each page asks for it again).
  let release = () => {};
  let gate = Promise.resolve();
  await page.route(/\/pkg2004\/_astro\/Reflection\.[\w-]+\.js$/, async (route) => {
    await gate;
    await route.continue();
  });
  let course = await launch(page, '2004', '&lms=moodle');
  const text = (l: (typeof all)[number]) => `${l.order}：読んですぐに貼り付けたふりかえり。`;
  for (const l of all) {
    gate = new Promise<void>((r) => (release = r));
    await course.locator(`#toc a[href*="lessons/${l.slug}/"]`).click();
    await expect.poll(() => page.frames().some((f) => f.url().includes(`/pkg2004/lessons/${l.slug}/`))).toBe(true);
    const f = page.frames().find((x) => x.url().includes(`/pkg2004/lessons/${l.slug}/`))!;
    await f.waitForLoadState('load');
    const box = f.locator(`#${l.reflections[0].id}-text`);
    await box.fill(text(l)); // one input event, as a paste does
    await expect(box.locator('xpath=ancestor::course-island[1]')).toHaveAttribute('ssr', '');
    release();
    // The learner moves on as soon as the island has started: no blur, no wait for a save.
    await expect(box.locator('xpath=ancestor::course-island[1]')).not.toHaveAttribute('ssr', '');
    await expect(box).toHaveValue(text(l));
    course = f;
  }
  await leave(page);
  await expect.poll(async () => (await calls(page)).finish).toBe(1);
  expect((await metrics(page)).exit?.ok).toBe(true);
  const kept = JSON.parse(await suspendJson(page));
  for (const l of all) expect(kept.reflections[l.reflections[0].id]?.text, l.slug).toBe(text(l));

  // A fresh browser: only the LMS's copy is left, and every reflection is shown.
  await page.unroute(/Reflection/);
  await page.evaluate(() =>
    Object.keys(localStorage)
      .filter((k) => k.startsWith('course:'))
      .forEach((k) => localStorage.removeItem(k)),
  );
  course = await launch(page, '2004', '&lms=moodle');
  for (const l of [all[0], all.at(-1)!]) {
    await course.locator(`#toc a[href*="lessons/${l.slug}/"]`).click();
    course = await courseFrame(page, '2004', l.slug);
    await expect(course.locator(`#${l.reflections[0].id}-text`)).toHaveValue(text(l));
  }
});

test('the packaged course runs without an LMS on its own storage', async ({ page }) => {
  await page.goto(`${server.url}pkg12/launch/index.html`);
  await expect(page.getByRole('status')).toContainText('LMS）に接続されていません');
  const course = page.frames().find((f) => f.url().includes('/pkg12/') && !f.url().includes('/launch/'))!;
  await hydrated(course);
  await course.getByRole('link', { name: '講座をはじめる' }).click();
  const lesson = await courseFrame(page, '12', all[0].slug, undefined, false);
  // Without an LMS, the text says: this browser only.
  await expect(lesson.locator('#reflection-heading ~ p [data-saved="browser"]')).toBeVisible();
  await expect(lesson.locator('#reflection-heading ~ p [data-saved="lms"]')).toBeHidden();
  await completeLesson(lesson, all[0]);
  expect((await stored(lesson)).quizzes[all[0].slug].best).toBe(1);
});
