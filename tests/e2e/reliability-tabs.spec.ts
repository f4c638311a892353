/**
 * Issue #14, failure 2: tabs that save in the same millisecond, and tabs that close at once.
 *
 * Saving: the same pages for every round (no reload); in each round every tab saves its own
 * reflection at a wall-clock time shared by all tabs (each page busy-waits the last millisecond),
 * then each tab polls its own view of the shared document. A round is lost when some tab does not
 * read every tab's edit there within SETTLE_MS. How far apart the saves really were is measured, and
 * the time given to the pages to get ready adapts to how slow the machine is at the moment.
 *
 * Closing: every tab types (one input event, so the autosave delay has not passed), then all of
 * them close at once; the pagehide flush must save each edit. The next round's new pages, opened
 * afterwards, must show every edit of the previous round.
 *
 * Each runs with Web Locks and with them hidden (the fallback: read-merge-write at once).
 */
import { expect, test, type BrowserContext, type Page } from './fixtures';
import { lessons, openReflections, saveRounds, typeAt, unsavedAtClose, withoutWebLocks } from './course';

const [l1, l2] = lessons();
/** Tab i edits this reflection on this lesson page (two tabs on lesson 1, a third on lesson 2). */
const SLOTS = [
  { url: `/lessons/${l1.slug}/`, id: l1.reflections[0].id },
  { url: `/lessons/${l1.slug}/`, id: l1.reflections[1].id },
  { url: `/lessons/${l2.slug}/`, id: l2.reflections[0].id },
];
/** How long a tab may take to read every edit before the round counts as lost (bounded, generous). The
 * E2E_* overrides are for measuring another build (e.g. the version before the rebuild), not for CI. */
const SETTLE_MS = Number(process.env.E2E_SETTLE_MS ?? 5_000);
const SAVE_ROUNDS = Number(process.env.E2E_ROUNDS ?? 200);
const CLOSE_ROUNDS = Number(process.env.E2E_CLOSE_ROUNDS ?? 30);

const openTabs = (context: BrowserContext, n: number): Promise<Page[]> =>
  Promise.all(
    SLOTS.slice(0, n).map(async (slot) => {
      const page = await context.newPage();
      await openReflections(page, slot.url, [slot.id]);
      return page;
    }),
  );

const variants = [true, false].flatMap((locks) => [2, 3].map((n) => ({ locks, n, name: `${n} tabs, ${locks ? 'Web Locks' : 'no Web Locks (fallback)'}` })));

for (const { locks, n, name } of variants) {
  test(`${name}: saving in the same millisecond, ${SAVE_ROUNDS} rounds, no edit lost`, async ({ context }) => {
    test.setTimeout(300_000);
    if (!locks) await withoutWebLocks(context);
    const pages = await openTabs(context, n);
    expect(await pages[0].evaluate(() => 'locks' in navigator)).toBe(locks);
    pages[0].on('console', (m) => console.log('page0:', m.text()));
    const { lost, sameMs, within5 } = await saveRounds(pages, SLOTS.slice(0, n).map((s) => s.id), SAVE_ROUNDS, SETTLE_MS);
    const summary = `${lost} of ${SAVE_ROUNDS} rounds lost an edit; all saves within 1 ms in ${sameMs} rounds, within 5 ms in ${within5}`;
    test.info().annotations.push({ type: 'result', description: summary });
    console.log(`[${name}, saving] ${summary}`);
    expect(lost, summary).toBe(0);
  });

  test(`${name}: closing at once right after typing, ${CLOSE_ROUNDS} rounds, no edit lost`, async ({ context }) => {
    test.setTimeout(300_000);
    if (!locks) await withoutWebLocks(context);
    let lost = 0;
    let unsaved = 0;
    let previous: string[] | null = null;
    const ids = SLOTS.slice(0, n).map((s) => s.id);
    for (let round = 0; round <= CLOSE_ROUNDS; round++) {
      const pages = await openTabs(context, n);
      // What the new pages show: every edit of the round before (each typed, then its tab closed).
      if (previous) {
        const shown = await Promise.all(pages.map((p, i) => p.locator(`#${ids[i]}-text`).inputValue()));
        if (shown.some((s, i) => s !== previous![i])) lost++;
        // Rounds in which no tab had saved before it closed (only the pagehide flush could save them).
        if ((await unsavedAtClose(pages[0], ids)).every(Boolean)) unsaved++;
      }
      if (round === CLOSE_ROUNDS) break;
      const texts = pages.map((_, i) => `タブ${i + 1}・第${round + 1}回、閉じる直前に入力`);
      const at = Date.now() + 50;
      await Promise.all(pages.map((p, i) => typeAt(p, ids[i], texts[i], at)));
      const closed = pages.map((p) => p.waitForEvent('close'));
      await Promise.all(pages.map((p) => p.close({ runBeforeUnload: true })));
      await Promise.all(closed);
      previous = texts;
    }
    const summary = `${lost} of ${CLOSE_ROUNDS} rounds lost an edit; in ${unsaved} rounds every tab closed with its edit unsaved (saved by the pagehide flush only)`;
    test.info().annotations.push({ type: 'result', description: summary });
    console.log(`[${name}, closing] ${summary}`);
    expect(lost, summary).toBe(0);
  });
}
