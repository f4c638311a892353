/**
 * The `test` every end-to-end spec uses: Playwright's, plus a check that no page or frame the test
 * visits ever reports a Content-Security-Policy violation (a blocked script, style, frame or
 * fetch). Any violation fails the test with what was blocked and where.
 */
import { expect, test as base, type BrowserContext } from '@playwright/test';

// Everything else Playwright exports (types, chromium, devices); `test` below replaces its `test`.
export * from '@playwright/test';

/** Collects every `securitypolicyviolation` event of every page and frame in `context` into `into`. */
export async function watchCsp(context: BrowserContext, into: string[]): Promise<void> {
  await context.exposeBinding('__cspViolation', ({ frame }, report: string) => void into.push(`${frame.url()}: ${report}`));
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      const report = `${e.effectiveDirective} blocked ${e.blockedURI || 'an inline resource'}${e.sample ? ` «${e.sample}»` : ''} at ${e.sourceFile}:${e.lineNumber}`;
      (window as unknown as { __cspViolation?: (r: string) => void }).__cspViolation?.(report);
    });
  });
}

export const test = base.extend<{ cspViolations: string[] }>({
  cspViolations: [
    async ({ context }, use) => {
      const found: string[] = [];
      await watchCsp(context, found);
      await use(found);
      expect(found, 'Content-Security-Policy violations').toEqual([]);
    },
    { auto: true },
  ],
});
