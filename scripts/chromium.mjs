/**
 * The Chromium every browser tool of this project uses (Playwright tests, the benchmark): Debian's
 * /usr/bin/chromium unless CHROMIUM_PATH says otherwise (CHROMIUM_PATH="" = Playwright's own), with
 * the switches this machine's closed network needs.
 */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];
