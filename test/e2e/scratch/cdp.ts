// usage: tsx cdp.ts '<js body using page>'
import { chromium } from 'playwright-core';
import fs from 'node:fs';
const browser = await chromium.connectOverCDP('http://127.0.0.1:9333');
const ctx = browser.contexts()[0]!;
const page = ctx.pages()[0] ?? await ctx.newPage();
const code = fs.readFileSync(process.argv[2]!, 'utf8');
const fn = new Function('page', 'ctx', 'fs', `return (async () => { ${code} })()`);
try { const r = await fn(page, ctx, fs); if (r !== undefined) console.log(typeof r === 'string' ? r : JSON.stringify(r, null, 2)); }
catch (e) { console.error('ERR', e); }
await page.screenshot({ path: '/tmp/cdp.png' }).catch(() => {});
process.exit(0);
