#!/usr/bin/env node
// @ts-check
/**
 * Fails fast, in one line, when the end-to-end tests have no usable Chromium (run first by
 * `npm test` and by Playwright's global setup). CHROMIUM_PATH picks the browser (default Debian's
 * /usr/bin/chromium); CHROMIUM_PATH="" means Playwright's own downloaded Chromium.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { CHROMIUM_PATH } from './chromium.mjs';

/** @returns {string | null} why no usable browser was found, or null when there is one */
export function browserProblem() {
  const how =
    "install Debian's package (apt-get install -y chromium), or set CHROMIUM_PATH=/path/to/chrome, or set CHROMIUM_PATH= (empty) after `npx playwright install chromium`";
  if (CHROMIUM_PATH === '') return null; // Playwright checks its own browser and says how to get it
  if (!fs.existsSync(CHROMIUM_PATH)) return `No Chromium at ${CHROMIUM_PATH} for the end-to-end tests: ${how}.`;
  const r = spawnSync(CHROMIUM_PATH, ['--version'], { encoding: 'utf8', timeout: 60_000 });
  if (r.status !== 0 || !/chrom/i.test(r.stdout))
    return `${CHROMIUM_PATH} does not run (${(r.stderr || r.error?.message || '').trim().split('\n').pop()}): ${how}.`;
  return null;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const problem = browserProblem();
  if (problem) {
    console.error(problem);
    process.exit(1);
  }
}
