import { startEchoBot } from '../fixtures/echo-bot.js';
import { startPlayground } from '../harness/playground.js';
import { launchBrowser, openChat } from '../harness/browser.js';
import { postJson } from '../harness/util.js';

// (b) bad config
try {
  await startPlayground({ botEndpoint: 'http://127.0.0.1:1/api/messages', configOverrides: { users: [] } as any });
} catch (e) { console.log('BAD CONFIG ERROR:\n', String((e as Error).message).slice(0, 1500)); }

const bot = await startEchoBot({ port: 0 });
const pg = await startPlayground({ botEndpoint: bot.endpoint });
const browser = await launchBrowser();
let chat = await openChat(pg.url, { browser });
await chat.close();
// (a) proactive while no page is connected
const r = await postJson(`${bot.baseUrl}/test/proactive`, { email: 'alexw@example.com', title: 'Offline Lead' });
console.log('proactive while closed ->', r);
let t = Date.now();
chat = await openChat(pg.url, { browser });
console.log('reopen took', Date.now() - t);
try { await chat.waitForCard('Offline Lead', 5000); console.log('(a) buffered card shown after reopen: YES'); } catch { console.log('(a) buffered card shown after reopen: NO'); }
await chat.screenshot('/tmp/explore2-a.png');
// (d) second page on same playground
const chat2 = await openChat(pg.url, { browser });
await postJson(`${bot.baseUrl}/test/proactive`, { email: 'alexw@example.com', title: 'Two Pages Lead' });
await chat.waitForCard('Two Pages Lead', 10000); await chat2.waitForCard('Two Pages Lead', 10000);
console.log('(d) both pages show proactive: YES; installs so far', bot.state.installs.filter(i => i.source.startsWith('installation')).length);
await chat2.close(); await chat.close();
await browser.close(); await pg.close(); await bot.close();
