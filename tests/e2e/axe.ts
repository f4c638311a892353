/** axe for the end-to-end tests: one scan of a page's current state in both colour schemes. */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

/** WCAG 2.0, 2.1 and 2.2, levels A and AA. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
/** Rules whose outcome depends on colours: the only ones the dark scheme can change (same DOM). */
export const COLOUR_RULES = ['color-contrast', 'link-in-text-block'];

/**
 * The violations on the page as it is (or inside `include`), as "scheme rule: targets": every
 * WCAG rule in the light scheme, then the colour rules in the dark one (switched live, no reload).
 * Leaves the page in the light scheme.
 */
export async function scanBothSchemes(page: Page, include?: string): Promise<string[]> {
  const out: string[] = [];
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    let builder = new AxeBuilder({ page });
    if (include) builder = builder.include(include);
    builder = scheme === 'light' ? builder.withTags(WCAG_TAGS) : builder.withRules(COLOUR_RULES);
    const { violations } = await builder.analyze();
    out.push(...violations.map((v) => `${scheme} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`));
  }
  await page.emulateMedia({ colorScheme: 'light' });
  return out;
}
