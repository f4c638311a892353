import { defineConfig, devices } from '@playwright/test';

/**
 * End-to-end tests against the BUILT site (astro preview), in Chromium.
 * CHROMIUM_PATH overrides the browser; unset, Debian's /usr/bin/chromium is used, and
 * CHROMIUM_PATH="" falls back to Playwright's own downloaded browser.
 */
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export default defineConfig({
  testDir: './tests/e2e',
  fullyParallel: true,
  workers: process.env.CI ? 2 : undefined,
  retries: process.env.CI ? 1 : 0,
  reporter: [['list'], ['./tests/e2e/summary-reporter.ts']],
  timeout: 30_000,
  use: {
    baseURL: 'http://localhost:4321',
    locale: 'ja-JP',
    timezoneId: 'Asia/Tokyo',
    trace: 'retain-on-failure',
    launchOptions: { executablePath: executablePath || undefined, args: chromiumArgs },
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'], channel: undefined } }],
  webServer: [
    {
      command: 'npx astro preview --port 4321 --host localhost',
      url: 'http://localhost:4321/',
      reuseExistingServer: !process.env.CI,
    },
    {
      command: 'npx astro preview --port 4322 --host localhost',
      env: { COURSE_BASE: '/course/', COURSE_OUT_DIR: './dist-base' },
      url: 'http://localhost:4322/course/',
      reuseExistingServer: !process.env.CI,
    },
  ],
});
