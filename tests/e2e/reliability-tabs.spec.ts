/**
 * Issue #14, failure 2: tabs that save in the same millisecond, and tabs that close at once.
 *
 * Saving: the same pages for every round (no reload); in each round every tab saves its own
 * reflection at a wall-clock time shared by all tabs (each page busy-waits the last millisecond),
 * then each tab polls its own view of the shared document. A round is lost when some tab does not
 * read every tab's edit there within SETTLE_MS. How far apart the saves really were is measured, and
 * the time given to the pages to get ready adapts to how slow the machine is at the moment.
 *
 * Closing: every tab types (one input event) with its clock paused, so the autosave delay never
 * passes and the edit is unsaved (保存待ち…) however slow the machine; then all of them close at
 * once, and only the pagehide flush can save each edit. The next round's new pages, opened
 * afterwards, must show every edit of the previous round.
 *
 * Each runs with Web Locks and with them hidden (the fallback: read-merge-write at once).
 *
 * Rounds: the defaults keep these eight tests to about two minutes on two cores (CI). For the
 * "hundreds of rounds" measurement set E2E_ROUNDS (save rounds, every variant) and
 * E2E_CLOSE_ROUNDS, e.g. `E2E_ROUNDS=200 E2E_CLOSE_ROUNDS=30`; E2E_VERBOSE=1 prints the leader's
 * timing per test. Time limits grow with the rounds, so no number of rounds depends on machine speed.
 */
import { expect, test, type BrowserContext, type Page } from './fixtures';
import { forPages, lessons, openReflections, saveRounds, noteUnsavedAtClose, typeUnsaved, unsavedAtClose, withoutWebLocks } from './course';

const [l1, l2] = lessons();
/** Tab i edits this reflection on this lesson page (two tabs on lesson 1, a third on lesson 2). */
const SLOTS = [
  { url: `/lessons/${l1.slug}/`, id: l1.reflections[0].id },
  { url: `/lessons/${l1.slug}/`, id: l1.reflections[1].id },
  { url: `/lessons/${l2.slug}/`, id: l2.reflections[0].id },
];
/** How long a tab may take to read every edit before the round counts as lost (bounded, generous). */
const SETTLE_MS = Number(process.env.E2E_SETTLE_MS ?? 5_000);
/** Save rounds per test: 30 with Web Locks, 15 for the fallback (CI time), unless E2E_ROUNDS says otherwise. */
const saveRoundsFor = (locks: boolean) => Number(process.env.E2E_ROUNDS ?? (locks ? 30 : 15));
/** Close rounds per test: 2 with Web Locks, 1 for the fallback (CI time), unless E2E_CLOSE_ROUNDS says otherwise. */
const closeRoundsFor = (locks: boolean) => Number(process.env.E2E_CLOSE_ROUNDS ?? (locks ? 2 : 1));
/** A save round's bound: a lost one waits SETTLE_MS, plus the time to agree on the moment (≤ 1 s). */
const saveLimit = (rounds: number) => 60_000 + rounds * (SETTLE_MS + 1_000);

/**
 * Opens the first `n` slots, each in a new page. `paused`: the context's clock (one for all its
 * pages, installed before the first page) runs while the pages load and is paused once every one
 * has hydrated.
 */
async function openTabs(context: BrowserContext, n: number, paused = false): Promise<Page[]> {
  if (paused) await context.clock.resume();
  const pages = await Promise.all(
    SLOTS.slice(0, n).map(async (slot) => {
      const page = await context.newPage();
      await openReflections(page, slot.url, [slot.id]);
      return page;
    }),
  );
  if (paused) {
    // Hydrated is not enough: Preact runs effects (registering the pagehide flush, showing the
    // loaded text) after the next frame, by a timer. Let a few frames pass on every page first.
    for (const page of pages)
      await page.evaluate(async () => {
        for (let i = 0; i < 5; i++) await new Promise((ok) => requestAnimationFrame(() => setTimeout(ok, 0)));
      });
    // From here on no timer fires: nothing typed is saved until the page goes away. The target
    // is taken from the pages' own (running) clock, and taken again if the machine was so slow
    // that it passed before the call arrived.
    for (let attempt = 0; ; attempt++) {
      const now = await pages[0].evaluate(() => Date.now());
      try {
        await context.clock.pauseAt(now + 2_000);
        break;
      } catch (e) {
        if (attempt >= 4 || !String(e).includes('to the past')) throw e;
      }
    }
  }
  return pages;
}

const variants = [true, false].flatMap((locks) => [2, 3].map((n) => ({ locks, n, name: `${n} tabs, ${locks ? 'Web Locks' : 'no Web Locks (fallback)'}` })));

for (const { locks, n, name } of variants) {
  const SAVE_ROUNDS = saveRoundsFor(locks);
  const CLOSE_ROUNDS = closeRoundsFor(locks);

  test(`${name}: saving in the same millisecond, ${SAVE_ROUNDS} rounds, no edit lost`, async ({ context }) => {
    test.setTimeout(saveLimit(SAVE_ROUNDS));
    if (!locks) await withoutWebLocks(context);
    const pages = await openTabs(context, n);
    expect(await pages[0].evaluate(() => 'locks' in navigator)).toBe(locks);
    if (process.env.E2E_VERBOSE) pages[0].on('console', (m) => console.log(`[${name}] leader:`, m.text()));
    const { lost, sameMs, within5 } = await saveRounds(
      pages,
      SLOTS.slice(0, n).map((s) => s.id),
      SAVE_ROUNDS,
      SETTLE_MS,
    );
    const summary = `${lost} of ${SAVE_ROUNDS} rounds lost an edit; all saves within 1 ms in ${sameMs} rounds, within 5 ms in ${within5}`;
    test.info().annotations.push({ type: 'result', description: summary });
    console.log(`[${name}, saving] ${summary}`);
    expect(lost, summary).toBe(0);
  });

  test(`${name}: closing at once right after typing, ${CLOSE_ROUNDS} rounds, no edit lost`, async ({ context }) => {
    // Every round opens n pages (the last round's only check what the one before left).
    test.setTimeout(forPages(n * (CLOSE_ROUNDS + 1)));
    if (!locks) await withoutWebLocks(context);
    await noteUnsavedAtClose(context);
    await context.clock.install();
    let lost = 0;
    let unsaved = 0;
    let previous: string[] | null = null;
    const ids = SLOTS.slice(0, n).map((s) => s.id);
    for (let round = 0; round <= CLOSE_ROUNDS; round++) {
      const pages = await openTabs(context, n, true);
      // What the new pages show: every edit of the round before (each typed, then its tab closed).
      if (previous) {
        const shown = await Promise.all(pages.map((p, i) => p.locator(`#${ids[i]}-text`).inputValue()));
        if (shown.some((s, i) => s !== previous![i])) {
          lost++;
          console.log(`[${name}, closing] round ${round}: shown ${JSON.stringify(shown)}, typed ${JSON.stringify(previous)}`);
        }
        // Rounds in which every tab still showed 保存待ち… when it was hidden (only the pagehide flush could save).
        if ((await unsavedAtClose(pages[0], ids)).every(Boolean)) unsaved++;
      }
      if (round === CLOSE_ROUNDS) break;
      const texts = pages.map((_, i) => `タブ${i + 1}・第${round + 1}回、閉じる直前に入力`);
      await Promise.all(pages.map((p, i) => typeUnsaved(p, ids[i], texts[i])));
      const closed = pages.map((p) => p.waitForEvent('close'));
      await Promise.all(pages.map((p) => p.close({ runBeforeUnload: true })));
      await Promise.all(closed);
      previous = texts;
    }
    const summary = `${lost} of ${CLOSE_ROUNDS} rounds lost an edit; in ${unsaved} rounds every tab closed with its edit unsaved (saved by the pagehide flush only)`;
    test.info().annotations.push({ type: 'result', description: summary });
    console.log(`[${name}, closing] ${summary}`);
    expect(lost, summary).toBe(0);
    // The test measured what it claims: every edit was still waiting for the autosave when its tab closed.
    expect(unsaved, summary).toBe(CLOSE_ROUNDS);
  });
}
