import { chromium } from 'playwright-core';
import fs from 'node:fs';
const url = process.argv[2] ?? 'http://localhost:56150';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true,
  args: ['--no-sandbox','--disable-gpu','--disable-background-networking','--disable-component-update','--disable-sync','--no-first-run','--disable-quic'] });
const ctx = await browser.newContext({ viewport: { width: 1400, height: 900 } });
const page = await ctx.newPage();
page.on('console', m => console.log('[console]', m.type(), m.text().slice(0, 300)));
page.on('request', r => { if (!r.url().includes('/static/')) console.log('[req]', r.method(), r.url(), (r.postData() ?? '').slice(0, 300)); });
page.on('websocket', ws => { console.log('[ws]', ws.url()); ws.on('framereceived', f => console.log('[ws<]', String(f.payload).slice(0, 500))); ws.on('framesent', f => console.log('[ws>]', String(f.payload).slice(0, 300))); });
const t0 = Date.now();
await page.goto(url);
await page.waitForTimeout(8000);
console.log('elapsed', Date.now() - t0);
await page.screenshot({ path: '/tmp/explore1.png' });
fs.writeFileSync('/tmp/explore1.html', await page.content());
const snap = await page.locator('body').ariaSnapshot();
fs.writeFileSync('/tmp/explore1.aria.txt', snap);
await browser.close();
