/**
 * Reading on a phone (320–390 px): tables whose words stay whole, a small-print sentence that reads
 * as one sentence, a footer whose items are apart, placeholders as readable as other secondary
 * text — and no sideways scrolling on the pages that have them.
 */
import { expect, test, type Page } from './fixtures';
import { completedDoc, lessons, open, seed, setClock, takeFinalCheck } from './course';

const all = lessons();
const PHONES = [
  { width: 390, height: 844 },
  { width: 320, height: 700 },
];

/**
 * Every table cell a learner sees whose text is short (a label or a value, up to 8 characters),
 * with the number of lines it takes and its width in characters. Visually hidden headers (a phone's
 * stacked table keeps them for screen readers) are left out.
 */
const shortCells = (page: Page, table: string) =>
  page.locator(table).evaluateAll((tables) =>
    tables.flatMap((t) =>
      [...t.querySelectorAll('th, td')]
        .filter((c) => c.getBoundingClientRect().width > 2 && (c.textContent ?? '').trim().length <= 8)
        .map((c) => {
          const range = document.createRange();
          range.selectNodeContents(c);
          const lines = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top))).size;
          const size = parseFloat(getComputedStyle(c).fontSize);
          return { text: (c.textContent ?? '').trim(), lines, chars: Math.floor(range.getBoundingClientRect().width / size) };
        }),
    ),
  );

/** How far the page scrolls sideways (0 when everything fits the window). */
const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

async function expectWholeWords(page: Page, table: string, where: string) {
  const cells = await shortCells(page, table);
  expect(cells.length, `${where}: cells checked`).toBeGreaterThan(3);
  for (const c of cells) expect(c.lines, `${where}: 「${c.text}」 on one line (not squeezed to ${c.chars} characters a line)`).toBe(1);
  expect(await overflow(page), `${where}: sideways scrolling`).toBeLessThanOrEqual(0);
}

test('tables on a phone: the challenge’s comparison, the lessons’ results and the learning gain keep each label and value whole', async ({ page }) => {
  test.setTimeout(90_000);
  await setClock(page, '2026-12-07T08:00');
  await seed(page, completedDoc(all, Date.parse('2026-12-06T10:00:00+09:00')));
  await open(page, '/final/');
  await takeFinalCheck(page);
  await open(page, '/challenge/');
  await page.getByRole('button', { name: 'この7日間で始める' }).click();
  const d1 = page.locator('[data-day="d1"]');
  await d1.getByRole('button', { name: 'やってみた' }).click();
  await d1.locator('input[value="yes"]').check();
  await expect(page.locator('[data-compare] [data-row="d1"]')).toContainText('応じてくれた');

  for (const size of PHONES) {
    await page.setViewportSize(size);
    const at = `${size.width} px`;
    await open(page, '/challenge/');
    await expectWholeWords(page, '[data-compare] table', `${at} /challenge/`);
    // Still a table to a screen reader: the row's header names the day, each cell keeps its column.
    await expect(page.locator('[data-compare] table').getByRole('rowheader', { name: '1日目' })).toBeVisible();
    await expect(page.locator('[data-compare] table').getByRole('columnheader')).toHaveText(['日', '行動', '予想', '結果']);
    await open(page, '/conclusion/');
    await expectWholeWords(page, '[data-summary] table', `${at} /conclusion/ (lessons)`);
    await expectWholeWords(page, '.gain-table', `${at} /conclusion/ (learning gain)`);
    await open(page, '/certificate/');
    await expectWholeWords(page, '.gain-table', `${at} /certificate/`);
  }
});

test('small print on a phone: the note under a lesson’s research is one sentence with its link in place; the footer keeps its items apart', async ({
  page,
}) => {
  // Every lesson ends its 研究からわかること with this note (components/mdx/Evidence.astro).
  for (const [i, size] of PHONES.entries()) {
    await page.setViewportSize(size);
    await page.goto(`/lessons/${all[i + 2].slug}/`);
    const note = page.locator('#evidence > p').last();
    await expect(note).toContainText('参考文献に載せています');
    // Each piece follows the one before it on the same line (or starts the next line at the left edge):
    // the text before the link, the link, and the text after it flow as one sentence.
    const flow = await note.evaluate((p) => {
      const pieces = [...p.childNodes].map((n) => {
        const r = document.createRange();
        r.selectNodeContents(n);
        const rects = [...r.getClientRects()].filter((x) => x.width > 0);
        return { first: rects[0], last: rects.at(-1)! };
      });
      const box = p.getBoundingClientRect();
      const em = parseFloat(getComputedStyle(p).fontSize);
      return pieces.slice(1).map((x, i) => {
        const before = pieces[i].last;
        const sameLine = Math.abs(x.first.top - before.top) < 2 && Math.abs(x.first.left - before.right) < 2;
        // A new line only where the line before was full (up to a phrase's room left at its end).
        const nextLine = x.first.top > before.top && Math.abs(x.first.left - box.left) < 2 && box.right - before.right < 5 * em;
        return sameLine || nextLine;
      });
    });
    expect(flow, `${size.width} px`).toEqual([true, true]);

    const release = (await page.locator('.site-footer .release').boundingBox())!;
    const sources = (await page.locator('.site-footer').getByRole('link', { name: '参考文献' }).boundingBox())!;
    if (Math.abs(sources.y - release.y) < 2)
      expect(sources.x - (release.x + release.width), `${size.width} px: space between the version and 参考文献`).toBeGreaterThan(8);
    await expect(page.locator('.site-footer')).not.toContainText(/\d参考文献/);
  }
});

test('placeholders: at least 4.5:1 against their field in the light and the dark scheme', async ({ page }) => {
  await open(page, '/plan/');
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    const ratios = await page.locator('[placeholder]').evaluateAll((fields) => {
      const rgb = (c: string) => c.match(/[\d.]+/g)!.map(Number);
      const lum = (c: number[]) => {
        const f = (v: number) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
        return 0.2126 * f(c[0]) + 0.7152 * f(c[1]) + 0.0722 * f(c[2]);
      };
      const ground = (el: Element | null): number[] => {
        for (; el; el = el.parentElement) {
          const c = rgb(getComputedStyle(el).backgroundColor);
          if (c.length < 4 || c[3] > 0) return c;
        }
        return [255, 255, 255];
      };
      return fields.map((f) => {
        const [a, b] = [lum(rgb(getComputedStyle(f, '::placeholder').color)), lum(ground(f))];
        return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
      });
    });
    expect(ratios.length).toBeGreaterThan(0);
    for (const r of ratios) expect(r, scheme).toBeGreaterThanOrEqual(4.5);
  }
});

test('lesson titles on the home page’s cards and in the links to the lessons before and after wrap only between phrases, at 320 and 390 px', async ({
  page,
}) => {
  /** For every title (components/Phrases.astro) in a card or the pager: where its lines start, and where its phrases start (character offsets). */
  const breaks = () =>
    page.locator('.card .phrases, .pager .phrases').evaluateAll((els) =>
      els.map((el) => {
        const starts = [0];
        const lines: number[] = [];
        let [offset, top] = [0, Number.NaN];
        for (const n of el.childNodes) {
          if (n.nodeName === 'WBR') starts.push(offset);
          else
            for (let i = 0; i < (n.textContent ?? '').length; i++, offset++) {
              const r = document.createRange();
              r.setStart(n, i);
              r.setEnd(n, i + 1);
              const t = r.getClientRects()[0]?.top ?? top;
              if (t > top + 2) lines.push(offset);
              top = t;
            }
        }
        return { text: el.textContent ?? '', starts, lines };
      }),
    );
  for (const size of PHONES) {
    await page.setViewportSize(size);
    for (const url of ['/', ...all.map((l) => `/lessons/${l.slug}/`)]) {
      await page.goto(url);
      const titles = await breaks();
      expect(titles.length, url).toBeGreaterThan(0);
      for (const t of titles)
        for (const line of t.lines) expect(t.starts, `${size.width} px ${url}: 「${t.text}」 breaks before 「${t.text.slice(line)}」`).toContain(line);
    }
  }
});

test('the if-then plan’s example texts fit their fields on a 390 px phone (not cut off)', async ({ page }) => {
  await page.setViewportSize(PHONES[0]);
  await open(page, '/plan/');
  const fields = page.locator('[data-commitment] input[type="text"][placeholder]');
  expect(await fields.count()).toBeGreaterThanOrEqual(3);
  const cut = await fields.evaluateAll((inputs) =>
    (inputs as HTMLInputElement[]).flatMap((input) => {
      const s = getComputedStyle(input);
      const probe = document.createElement('span');
      probe.style.cssText = `position:absolute;visibility:hidden;white-space:pre;font:${s.font};letter-spacing:${s.letterSpacing}`;
      probe.textContent = input.placeholder;
      document.body.append(probe);
      const need = probe.getBoundingClientRect().width;
      probe.remove();
      const room = input.clientWidth - parseFloat(s.paddingLeft) - parseFloat(s.paddingRight);
      return need > room ? [`${input.id}: ${input.placeholder} (${Math.round(need)} > ${Math.round(room)} px)`] : [];
    }),
  );
  expect(cut).toEqual([]);
});

test('a choice longer than a phone’s select shows is written out below it (sorting, matching, the challenge’s days), hidden from screen readers; not on a wide screen', async ({
  page,
}) => {
  test.setTimeout(90_000);
  /** For each select: whether its chosen text fits, and else whether the whole text is shown below it. */
  const unreadable = (root: Page) =>
    root.locator('select').evaluateAll((selects) =>
      (selects as HTMLSelectElement[]).flatMap((sel) => {
        const text = sel.selectedOptions[0]?.text ?? '';
        const s = getComputedStyle(sel);
        const probe = document.createElement('span');
        probe.style.cssText = `position:absolute;visibility:hidden;white-space:pre;font:${s.font}`;
        probe.textContent = text;
        document.body.append(probe);
        const need = probe.getBoundingClientRect().width;
        probe.remove();
        // The arrow takes about 2em of the select's inside.
        const room = sel.clientWidth - parseFloat(s.paddingLeft) - parseFloat(s.paddingRight) - 2 * parseFloat(s.fontSize);
        if (need <= room) return [];
        const below = sel.parentElement?.querySelector<HTMLElement>('.chosen-full');
        const shown = below && below.offsetParent !== null && below.getAttribute('aria-hidden') === 'true' && text.startsWith(below.textContent ?? '\u0000');
        return shown ? [] : [`${sel.id}: ${text}`];
      }),
    );
  const placements = lessons().filter((l) => l.activities?.some((a) => a.kind === 'sorting' || a.kind === 'matching'));
  expect(placements.length).toBeGreaterThanOrEqual(4);
  for (const [l, phone] of placements.flatMap((l) => PHONES.map((p) => [l, p] as const))) {
    await page.setViewportSize(phone);
    await open(page, `/lessons/${l.slug}/`);
    // The longest choice in every select: the hardest case.
    for (const sel of await page.locator('[data-activity] select').all()) {
      const longest = await sel.evaluate((el: HTMLSelectElement) => [...el.options].reduce((a, b) => (b.text.length > a.text.length ? b : a)).value);
      await sel.selectOption(longest);
    }
    expect(await unreadable(page), `${l.slug} at ${phone.width} px`).toEqual([]);
  }
  await setClock(page, '2026-12-07T08:00');
  await page.setViewportSize(PHONES[0]);
  await open(page, '/challenge/');
  expect(await unreadable(page)).toEqual([]);
  await expect(page.locator('.chosen-full').first()).toBeVisible();
  // On a wide screen the select shows it all; nothing is repeated.
  await page.setViewportSize({ width: 1280, height: 800 });
  await expect(page.locator('.chosen-full').first()).toBeHidden();
});
