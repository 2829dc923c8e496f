/**
 * LeadBridge end to end in the real Microsoft 365 Agents Playground, driven by headless Chromium:
 * install → signed webhook → card → accept → BANT → Opportunity, a rejection with a reason, and chat answers.
 * The playground reports the user's locale as en-US, so the bot answers in English here.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { findPersonalByEmail } from '../../src/store/conversations-repo.js';
import { scoreEvent, startWorld, type World } from '../support/world.js';
import { type Chat, launchBrowser, openChat } from './harness/browser.js';
import { type Playground, startPlayground } from './harness/playground.js';
import { waitUntil } from './harness/util.js';

const ARTIFACTS = process.env.E2E_ARTIFACTS_DIR ?? '/tmp/leadbridge-e2e';

describe('LeadBridge in the Agents Playground', { timeout: 120_000 }, () => {
  let w: World;
  let pg: Playground;
  let browser: Browser;
  let chat: Chat;

  beforeAll(async () => {
    w = await startWorld({ c4c: true });
    pg = await startPlayground({ botEndpoint: `${w.url}/api/messages` });
    browser = await launchBrowser();
    chat = await openChat(pg.url, { browser });
    // Opening the chat installs the app: the bot stored Alex's conversation with the email from getMember.
    await waitUntil(async () => (await findPersonalByEmail(w.lb.store.db, 'alexw@example.com')) ?? undefined, {
      timeoutMs: 20_000,
    } as any);
  }, 180_000);

  afterAll(async () => {
    await chat?.close();
    await browser?.close();
    await pg?.close();
    await w?.close();
  }, 60_000);

  beforeEach(({ task, onTestFailed }) => {
    onTestFailed(async () => {
      const slug = task.name.replace(/[^a-z0-9]+/gi, '-').slice(0, 60);
      fs.mkdirSync(ARTIFACTS, { recursive: true });
      await chat?.screenshot(path.join(ARTIFACTS, `${slug}.png`)).catch(() => {});
      fs.writeFileSync(path.join(ARTIFACTS, `${slug}.playground.log`), pg?.log() ?? '');
    });
  });

  it('shows the MQL card; accept, BANT and Opportunity update it in place and reach HubSpot and 36One', async () => {
    // The user's first message tells the bot their Teams locale (the playground says en-US): cards come in English.
    await chat.send('help');
    await chat.waitForCard('How I can help', 15_000);
    expect((await w.webhook([scoreEvent('1001')])).status).toBe(200);
    let card = await chat.waitForCard('Jonas Schmidt', 30_000);
    expect(await card.innerText()).toContain('Musterfirma GmbH');
    expect(await card.innerText()).toContain('Small Business');
    const before = await chat.cards().count();

    await chat.clickCardButton(card, 'Accept');
    card = await chat.waitForCard('SAL – accepted', 15_000);
    expect(await chat.cards().count()).toBe(before);
    await w.settle();
    expect(w.hubspot.contact('1001')!.properties.hs_lead_status).toBe('IN_PROGRESS');

    await chat.chooseCardOption('Budget', 'yes', { card });
    await chat.chooseCardOption('Authority', 'yes', { card });
    await chat.fillCardInput('Expected close', '2027-03-31', { card });
    await chat.clickCardButton(card, 'Save BANT');
    card = await chat.waitForCard('Alex Wilber,', 15_000);
    await chat.clickCardButton(card, 'Create opportunity');
    await chat.waitForCard('Status: Opportunity', 15_000);
    await w.settle();
    expect(w.c4c!.leads().filter((l) => l.ExternalID === 'hubspot:62515:1001')).toHaveLength(1);
    expect(w.c4c!.opportunities()).toHaveLength(1);
    const contact = w.hubspot.contact('1001')!;
    expect(contact.properties.lifecyclestage).toBe('opportunity');
    expect(contact.notes.map((n) => n.properties.hs_note_body).join('\n')).toMatch(
      /Opportunity angelegt von Alex Wilber/,
    );
  });

  it('rejects a second lead with a reason', async () => {
    await w.webhook([scoreEvent('1003')]);
    const card = await chat.waitForCard('Felix Wagner', 30_000);
    await chat.clickCardButton(card, 'Reject', { expectRequest: false });
    await chat.chooseCardOption('Reason', 'No budget', { card });
    await chat.clickCardButton(card, 'Send rejection');
    await chat.waitForCard('Status: Rejected', 15_000);
    await w.settle();
    expect(w.hubspot.contact('1003')!.properties.hs_lead_status).toBe('UNQUALIFIED');
  });

  it('gives the manager (Adele Vance, in her own playground) the digest card when she asks', async () => {
    const pgAdele = await startPlayground({ botEndpoint: `${w.url}/api/messages`, user: 'adelev@example.com' });
    const adele = await openChat(pgAdele.url, { browser });
    try {
      await adele.send('digest');
      const card = await adele.waitForCard('Daily digest CSM Nord', 20_000);
      expect(await card.innerText()).toMatch(/MQL/);
    } finally {
      await adele.close();
      await pgAdele.close();
    }
  });

  it('answers a glossary and a classification question with cards', async () => {
    await chat.send('Was ist ein MQL?');
    await chat.waitForCard('Marketing Qualified Lead', 15_000);
    await chat.send('Welches Segment hat die Beispiel AG?');
    await chat.waitForCard('Midmarket', 15_000);
  });
});
