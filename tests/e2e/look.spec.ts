/**
 * The course's look (issue 21) as a learner meets it: the lesson covers (decorative, hidden from
 * assistive technology), the part bar that follows the reading and takes the learner to a part, the
 * conversation as speech bubbles (what a screen reader hears unchanged), the home page's lesson
 * cards with each lesson's state, and the look at 320 px, in forced colours and under axe in both
 * colour schemes.
 */
import { scanBothSchemes } from './axe';
import { expect, test, type Page } from './fixtures';
import { activity, completedDoc, lessons, open, pathTo, seed } from './course';

const all = lessons();
const conversation = activity('l04-a1', 'conversation');
const talk = all.find((l) => l.activities?.some((a) => a.id === conversation.id))!;
const lessonUrl = `/lessons/${talk.slug}/`;
const PARTS = ['本文', 'ポイント', '場面', '研究', '練習', 'クイズ', 'ふりかえり'];
/** Where each part of the bar starts on the page. */
const TARGETS = ['source', 'keypoints', 'scenario', 'evidence', conversation.id, 'quiz', 'reflection'];

const bar = (page: Page) => page.getByRole('navigation', { name: 'このレッスンの流れ' });
/** The labels of the parts marked as being read (aria-current) in the part bar. */
const marked = (page: Page) => bar(page).locator('a[aria-current="location"]');
const scrollTo = (page: Page, id: string) => page.evaluate((x) => document.getElementById(x)!.scrollIntoView({ block: 'start' }), id);
/** How far the page scrolls sideways (0 when everything fits the window). */
const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

test.describe.configure({ timeout: 90_000 });

test('covers: a lesson opens with its cover beside the title and the objectives still on a phone’s first screen; the home page has a cover per lesson; all hidden from assistive technology', async ({
  page,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(lessonUrl);
  const cover = page.locator('.lesson-head svg.art-cover');
  await expect(cover).toBeVisible();
  await expect(cover).toHaveAttribute('aria-hidden', 'true');
  const head = (await page.getByRole('heading', { level: 1 }).boundingBox())!;
  const eyebrow = (await page.locator('.lesson-head .eyebrow').boundingBox())!;
  const art = (await cover.boundingBox())!;
  // On a phone: small, on the right beside the lesson number, and the title below it takes the whole
  // width, so the drawing does not push the lesson down and the title has room for its phrases.
  expect(art.x).toBeGreaterThan(eyebrow.x + eyebrow.width - 1);
  expect(art.width).toBeLessThan(390 / 2);
  expect(head.y).toBeGreaterThanOrEqual(art.y + art.height - 1);
  const objectives = (await page.getByRole('heading', { name: 'このレッスンのねらい' }).boundingBox())!;
  expect(objectives.y + objectives.height).toBeLessThan(844 * 0.7);

  await page.goto('/');
  const covers = page.locator('.card svg.art-cover');
  await expect(covers).toHaveCount(all.length);
  for (const hidden of await page.locator('svg.art').evaluateAll((els) => els.map((e) => e.getAttribute('aria-hidden')))) expect(hidden).toBe('true');
  // Nothing of a drawing reaches the accessibility tree: the cards' links are named by their titles.
  await expect(page.getByRole('img')).toHaveCount(0);
  await expect(page.locator('.cards').getByRole('link', { name: all[0].title })).toHaveAttribute('href', `/lessons/${all[0].slug}/`);
});

test('part bar: it marks the part being read as the learner scrolls down and back up, and stays in view', async ({ page }) => {
  await open(page, lessonUrl);
  await expect(bar(page).getByRole('link')).toHaveText(PARTS);
  // At the top (title and objectives) no part is being read yet.
  await expect(marked(page)).toHaveCount(0);
  for (const [i, id] of TARGETS.entries()) {
    await scrollTo(page, id);
    await expect(marked(page), `scrolled to #${id}`).toHaveText(PARTS[i]);
    // The bar stays at the top of the window while the lesson scrolls under it.
    expect((await bar(page).boundingBox())!.y).toBeLessThanOrEqual(1);
  }
  await scrollTo(page, 'keypoints');
  await expect(marked(page)).toHaveText('ポイント');
  await page.evaluate(() => window.scrollTo(0, 0));
  await expect(marked(page)).toHaveCount(0);
});

test('part bar: a link takes the learner to its part — focus moves there, below the bar — and Tab goes on inside it', async ({ page }) => {
  await open(page, lessonUrl);
  await bar(page).getByRole('link', { name: 'クイズ' }).focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#quiz$/);
  const quiz = page.locator('#quiz');
  await expect(quiz).toBeFocused();
  await expect(marked(page)).toHaveText('クイズ');
  const below = async () => (await quiz.boundingBox())!.y - (await bar(page).evaluate((el) => el.getBoundingClientRect().bottom));
  expect(await below()).toBeGreaterThanOrEqual(0);
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => !!document.activeElement?.closest('#quiz'))).toBe(true);
  expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).name)).toBe(talk.quiz.questions[0].id);

  // Going back up with Shift+Tab, nothing focused hides under the bar (WCAG 2.4.11).
  await bar(page).getByRole('link', { name: '練習' }).click();
  await expect(marked(page)).toHaveText('練習');
  for (let i = 0; i < 8; i++) {
    await page.keyboard.press('Shift+Tab');
    const hidden = await page.evaluate(() => {
      const el = document.activeElement!;
      if (el.closest('[data-parts]')) return 0;
      return document.querySelector('[data-parts]')!.getBoundingClientRect().bottom - el.getBoundingClientRect().top;
    });
    expect(hidden, `step ${i}`).toBeLessThanOrEqual(0);
  }
});

test('conversation: the other person speaks from the left with their portrait, the learner’s reply appears on the right without one; what is announced is unchanged', async ({
  page,
}) => {
  await open(page, lessonUrl);
  const r = page.locator(`[data-activity-id="${conversation.id}"]`);
  const node = (id: string) => conversation.nodes.find((n) => n.id === id)!;
  let at = node(conversation.start);
  const them = r.locator('.line.them');
  await expect(them).toHaveCount(1);
  await expect(them.locator('svg.art-avatar')).toHaveAttribute('aria-hidden', 'true');
  await expect(them.first()).toContainText(at.speaker!);
  // The choices are the learner's possible replies.
  await expect(r.getByRole('group', { name: `${conversation.role}として、どうしますか` }).getByRole('button')).toHaveText(at.choices!.map((c) => c.text));

  for (const [step, i] of pathTo(conversation, 1).slice(0, 2).entries()) {
    const choice = at.choices![i];
    await r.locator(`[data-choice="${i}"]`).click();
    at = node(choice.next);
    // What a screen reader hears: the reply (focused, with its speaker), then the feedback on the choice (announced).
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-node'))).toBe(at.id);
    await expect(r.locator('[data-current]')).toContainText(`${at.speaker}${at.line}`);
    await expect(r.locator('[data-announce]')).toHaveText(`この選択について：${choice.feedback}`);
    await expect(r.locator('[data-announce]')).toHaveAttribute('role', 'status');
    const you = r.locator('.line.you').nth(step);
    await expect(you).toContainText(choice.text);
    await expect(you).toContainText(`${conversation.role}（あなた）`);
    await expect(you.locator('svg')).toHaveCount(0);
  }
  const box = (await r.locator('.transcript').boundingBox())!;
  const mine = (await r.locator('.line.you .bubble').first().boundingBox())!;
  const theirs = (await them.first().boundingBox())!;
  // Two sides: theirs starts at the left edge, mine ends at the right edge and starts further right.
  expect(Math.abs(theirs.x - box.x)).toBeLessThanOrEqual(1);
  expect(Math.abs(mine.x + mine.width - (box.x + box.width))).toBeLessThanOrEqual(1);
  expect(mine.x).toBeGreaterThan(theirs.x + 20);
  // The portrait sits beside the bubble, and the same person always looks the same.
  const avatar = (await them.first().locator('svg').boundingBox())!;
  expect(avatar.x + avatar.width).toBeLessThanOrEqual((await them.first().locator('.bubble').boundingBox())!.x);
  // Each portrait draws the cast member's picture from the page's sprite (components/art/Portraits.astro).
  const faces = await r
    .locator('.line.them svg')
    .evaluateAll((els) => els.map((e) => document.getElementById(e.querySelector('use')?.getAttribute('href')?.slice(1) ?? '')?.innerHTML ?? ''));
  expect(faces.length).toBe(3);
  expect(new Set(faces).size).toBe(1);
  expect(faces[0]).toMatch(/<circle[^>]*class="k\d"/);
  // …and is drawn inside its badge (a drawing placed outside the badge's view box would not show).
  const drawn = (await them.first().locator('svg use').boundingBox())!;
  expect(drawn.width).toBeGreaterThan(20);
  expect(drawn.x).toBeGreaterThanOrEqual(avatar.x - 1);
  expect(drawn.y).toBeGreaterThanOrEqual(avatar.y - 1);
  expect(drawn.x + drawn.width).toBeLessThanOrEqual(avatar.x + avatar.width + 1);
  const colours = await r
    .locator('.bubble')
    .evaluateAll((els) => [getComputedStyle(els[0]).backgroundColor, getComputedStyle(els.find((e) => e.closest('.you'))!).backgroundColor]);
  expect(colours[0]).not.toBe(colours[1]);
});

test('home: each lesson card shows the learner’s state from the saved progress (完了 / 学習中 / 未着手)', async ({ page }) => {
  const at = Date.parse('2026-11-20T10:00:00+09:00');
  const doc = completedDoc(all.slice(0, 2), at);
  doc.lessons[all[2].slug] = { firstAt: at, lastAt: at };
  await seed(page, doc);
  await open(page, '/');
  const card = (i: number) => page.locator('.card').filter({ has: page.getByRole('link', { name: all[i].title }) });
  await expect(card(0).locator('.status')).toHaveText('完了');
  await expect(card(1).locator('.status')).toHaveText('完了');
  await expect(card(2).locator('.status')).toHaveText('学習中');
  for (const i of [3, all.length - 1]) await expect(card(i).locator('.status')).toHaveText('未着手');
  await expect(card(3)).toContainText(`レッスン${all[3].order}・約`);
  // The card's link names the lesson and its state; it leads to the lesson.
  await expect(card(2).getByRole('link')).toHaveAccessibleName(new RegExp(`${all[2].title}\\s*学習中`));
  await card(2).getByRole('link').click();
  await expect(page).toHaveURL(new RegExp(`/lessons/${all[2].slug}/$`));
});

test('320 px: no sideways scrolling on the home page, a lesson and its conversation under way', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 700 });
  await open(page, '/');
  expect(await overflow(page), '/').toBeLessThanOrEqual(0);
  await open(page, lessonUrl);
  expect(await overflow(page), lessonUrl).toBeLessThanOrEqual(0);
  const r = page.locator(`[data-activity-id="${conversation.id}"]`);
  for (const i of pathTo(conversation, 1).slice(0, 3)) await r.locator(`[data-choice="${i}"]`).click();
  await expect(r.locator('.line.you')).toHaveCount(3);
  expect(await overflow(page), 'conversation').toBeLessThanOrEqual(0);
  const wide = await page.evaluate(() =>
    [...document.querySelectorAll('.parts *, .lesson-head *, .transcript *, .conversation-choices *')]
      .filter((e) => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
      .map((e) => e.outerHTML.slice(0, 80)),
  );
  expect(wide).toEqual([]);
});

test('forced colours: covers are drawn in the system colours, bubbles keep their outlines, the current part is still marked', async ({ page }) => {
  await page.emulateMedia({ forcedColors: 'active' });
  await open(page, lessonUrl);
  const colours = await page.evaluate(() => {
    const fill = (sel: string) => getComputedStyle(document.querySelector(sel)!).fill;
    const probe = document.body.appendChild(document.createElement('span'));
    probe.style.color = 'Canvas';
    const canvas = getComputedStyle(probe).color;
    probe.style.color = 'CanvasText';
    const text = getComputedStyle(probe).color;
    probe.remove();
    return {
      canvas,
      text,
      ground: fill('.lesson-head .art .b0'),
      head: getComputedStyle(document.querySelector('.lesson-head .art .k1, .lesson-head .art .k2, .lesson-head .art .k3, .lesson-head .art .k4')!).stroke,
    };
  });
  expect(colours.ground).toBe(colours.canvas);
  expect(colours.head).toBe(colours.text);
  const r = page.locator(`[data-activity-id="${conversation.id}"]`);
  await r.locator('[data-choice="0"]').click();
  for (const bubble of await r.locator('.bubble').all()) {
    const border = await bubble.evaluate((e) => getComputedStyle(e));
    expect(parseFloat(border.borderTopWidth)).toBeGreaterThanOrEqual(1);
    expect(border.borderTopStyle).toBe('solid');
  }
  await scrollTo(page, 'evidence');
  const current = marked(page);
  await expect(current).toHaveText('研究');
  expect(await current.evaluate((e) => [getComputedStyle(e).fontWeight, getComputedStyle(e).textDecorationLine])).toEqual(['700', 'underline']);
});

test('axe (light and dark): the home page with lesson states, a lesson with a part marked, the conversation under way', async ({ page }) => {
  const at = Date.parse('2026-11-20T10:00:00+09:00');
  await seed(page, completedDoc(all.slice(0, 3), at));
  await open(page, '/');
  await expect(page.locator('.card .status').first()).toHaveText('完了');
  expect(await scanBothSchemes(page), '/').toEqual([]);
  await page.setViewportSize({ width: 390, height: 844 });
  await open(page, lessonUrl);
  await scrollTo(page, 'keypoints');
  await expect(marked(page)).toHaveText('ポイント');
  expect(await scanBothSchemes(page), `${lessonUrl} (ポイント)`).toEqual([]);
  const r = page.locator(`[data-activity-id="${conversation.id}"]`);
  for (const i of pathTo(conversation, 1).slice(0, 2)) await r.locator(`[data-choice="${i}"]`).click();
  await expect(r.locator('.line.you')).toHaveCount(2);
  expect(await scanBothSchemes(page), `${lessonUrl} (conversation)`).toEqual([]);
});

test('titles wrap only between phrases: no lesson title ends a line inside a word, on a phone or in the table of contents', async ({ page }) => {
  /** For every .phrases title in view: the character offsets where a new line starts, and where phrases start. */
  const breaks = () =>
    page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('h1 .phrases, .toc .phrases')]
        .filter((el) => el.getClientRects().length > 0)
        .map((el) => {
          const text = el.textContent ?? '';
          const starts = [0];
          for (const n of el.childNodes) if (n.nodeName === 'WBR') starts.push((n.previousSibling?.textContent ?? '').length + starts.at(-1)!);
          const lines: number[] = [];
          let top = Number.NaN;
          let offset = 0;
          for (const n of el.childNodes)
            if (n.nodeType === Node.TEXT_NODE)
              for (let i = 0; i < n.textContent!.length; i++, offset++) {
                const r = document.createRange();
                r.setStart(n, i);
                r.setEnd(n, i + 1);
                const t = r.getClientRects()[0]?.top ?? top;
                if (t > top + 2) lines.push(offset);
                top = t;
              }
          return { text, starts, lines, where: el.closest('.toc') ? 'table of contents' : 'title' };
        }),
    );
  for (const width of [320, 390, 1280]) {
    await page.setViewportSize({ width, height: 800 });
    for (const l of all) {
      await page.goto(`/lessons/${l.slug}/`);
      for (const t of await breaks())
        for (const line of t.lines) expect(t.starts, `${width} px, ${t.where}: 「${t.text}」 breaks before 「${t.text.slice(line)}」`).toContain(line);
    }
  }
});

test('part bar on a phone: one line that scrolls sideways and keeps the part being read in view', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 700 });
  await open(page, lessonUrl);
  const list = bar(page).locator('ol');
  const box = (await list.boundingBox())!;
  // One line: every link on the same row.
  const tops = await bar(page)
    .getByRole('link')
    .evaluateAll((as) => as.map((a) => Math.round(a.getBoundingClientRect().top)));
  expect(new Set(tops).size).toBe(1);
  await scrollTo(page, 'reflection');
  await expect(marked(page)).toHaveText('ふりかえり');
  const last = (await marked(page).boundingBox())!;
  expect(last.x).toBeGreaterThanOrEqual(box.x - 1);
  expect(last.x + last.width).toBeLessThanOrEqual(box.x + box.width + 1);
  expect(await overflow(page)).toBe(0);
});
