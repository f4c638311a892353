import { chromium } from '@playwright/test';
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const page = await b.newPage({ viewport: { width: Number(process.env.W ?? 900), height: 1000 }, colorScheme: process.env.DARK ? 'dark' : 'light' });
page.on('console', (m) => m.type() === 'error' && console.log('console:', m.text()));
await page.goto(`http://localhost:4621${process.argv[2]}`);
const sel = process.argv[3];
const el = page.locator(sel).first();
await el.scrollIntoViewIfNeeded();
await page.waitForTimeout(1200);
if (process.env.ACT) { for (const step of process.env.ACT.split(';')) { const [kind, s] = step.split('|'); if (kind === 'click') await page.locator(s).first().click(); if (kind === 'key') await page.keyboard.press(s); await page.waitForTimeout(300); } }
console.log('announce:', await page.locator(`${sel} [role=status]`).allTextContents().catch(() => []));
console.log('focused:', await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 120)));
await el.screenshot({ path: process.argv[4] });
await b.close();
