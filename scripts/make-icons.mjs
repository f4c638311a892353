// Renders the SVG icons in public/ to the PNG sizes the web app manifest declares, with Chromium.
// Run once after changing an icon: `node scripts/make-icons.mjs` (the PNGs are committed).
import { chromium } from '@playwright/test';
import fs from 'node:fs';

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu'],
});
const jobs = [
  ['icon.svg', 'icon-192.png', 192],
  ['icon.svg', 'icon-512.png', 512],
  ['icon-maskable.svg', 'icon-maskable-512.png', 512],
  ['icon.svg', 'apple-touch-icon.png', 180],
];
for (const [src, out, size] of jobs) {
  const page = await browser.newPage({ viewport: { width: size, height: size } });
  const svg = fs.readFileSync(`public/${src}`, 'utf8');
  await page.setContent(`<style>html,body{margin:0;background:transparent}svg{display:block;width:${size}px;height:${size}px}</style>${svg}`);
  await page.screenshot({ path: `public/${out}`, omitBackground: true });
  await page.close();
  console.log(`public/${out} ${size}×${size}`);
}
await browser.close();
