import { defineConfig, devices } from '@playwright/test';

/**
 * End-to-end tests against the BUILT site (astro preview), in Chromium.
 * CHROMIUM_PATH overrides the browser; unset, Debian's /usr/bin/chromium is used, and
 * CHROMIUM_PATH="" falls back to Playwright's own downloaded browser.
 */
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './scripts/chromium.mjs';

const executablePath = CHROMIUM_PATH;
export const chromiumArgs = CHROMIUM_ARGS;

/** Build folders and ports; overridable so several checkouts/agents can run side by side. */
const dist = process.env.COURSE_OUT_DIR ?? 'dist';
const port = Number(process.env.E2E_PORT ?? 4321);
const basePort = Number(process.env.E2E_BASE_PORT ?? port + 1);
process.env.E2E_BASE_URL = `http://localhost:${basePort}/course/`;

export default defineConfig({
  testDir: './tests/e2e',
  globalSetup: './tests/e2e/global-setup.ts',
  fullyParallel: true,
  workers: process.env.CI ? 2 : undefined,
  retries: process.env.CI ? 1 : 0,
  reporter: [['list'], ['./tests/e2e/summary-reporter.ts']],
  // One page's work per test (longer walks set test.setTimeout(forPages(n)), tests/e2e/course.ts).
  timeout: 45_000,
  use: {
    baseURL: `http://localhost:${port}`,
    locale: 'ja-JP',
    timezoneId: 'Asia/Tokyo',
    // Recording a trace costs about 15 % of the CPU; on CI a failing test is traced on its retry.
    trace: process.env.CI ? 'on-first-retry' : 'retain-on-failure',
    launchOptions: { executablePath: executablePath || undefined, args: chromiumArgs },
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'], channel: undefined } }],
  webServer: [
    {
      command: `npx astro preview --port ${port} --host localhost --ignore-lock`,
      env: { COURSE_OUT_DIR: dist },
      url: `http://localhost:${port}/`,
      reuseExistingServer: !process.env.CI,
    },
    {
      command: `npx astro preview --port ${basePort} --host localhost --ignore-lock`,
      env: { COURSE_BASE: '/course/', COURSE_OUT_DIR: `${dist}-base` },
      url: `http://localhost:${basePort}/course/`,
      reuseExistingServer: !process.env.CI,
    },
  ],
});
