/**
 * Proves the e2e harness against the REAL Microsoft 365 Agents Playground + headless Chromium,
 * using the tiny echo bot in test/e2e/fixtures. The product's e2e tests use the same harness.
 */

import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type EchoBot, startEchoBot } from './fixtures/echo-bot.js';
import { CHROMIUM_PATH, type Chat, launchBrowser, openChat } from './harness/browser.js';
import { type Playground, startPlayground } from './harness/playground.js';
import { postJson, waitUntil } from './harness/util.js';

const ARTIFACTS = process.env.E2E_ARTIFACTS_DIR ?? '/tmp/leadbridge-e2e';
if (!fs.existsSync(CHROMIUM_PATH))
  throw new Error(`Chromium not found at ${CHROMIUM_PATH}: install Debian's chromium (.ci/run does)`);

describe('e2e harness: Agents Playground + Chromium', { timeout: 120_000 }, () => {
  let bot: EchoBot;
  let pg: Playground;
  let browser: Browser;
  let chat: Chat;
  const timings: Record<string, number> = {};
  const t0 = Date.now();

  beforeAll(async () => {
    let t = Date.now();
    bot = await startEchoBot({ port: 0 }); // start the bot BEFORE the page: the UI waits for it (up to 15 s)
    timings.bot = Date.now() - t;
    t = Date.now();
    pg = await startPlayground({ botEndpoint: bot.endpoint });
    timings.playground = Date.now() - t;
    t = Date.now();
    browser = await launchBrowser();
    timings.browser = Date.now() - t;
    t = Date.now();
    chat = await openChat(pg.url, { browser });
    timings.openChat = Date.now() - t;
  }, 180_000);

  afterAll(async () => {
    await chat?.close();
    await browser?.close();
    await pg?.close();
    await bot?.close();
    timings.total = Date.now() - t0;
    console.log(`[e2e timings ms] ${JSON.stringify(timings)}`);
  }, 60_000);

  beforeEach(({ task, onTestFailed }) => {
    const started = Date.now();
    onTestFailed(async () => {
      const slug = task.name.replace(/[^a-z0-9]+/gi, '-').slice(0, 60);
      fs.mkdirSync(ARTIFACTS, { recursive: true });
      await chat?.screenshot(path.join(ARTIFACTS, `${slug}.png`)).catch(() => {});
      fs.writeFileSync(path.join(ARTIFACTS, `${slug}.playground.log`), pg?.log() ?? '');
      fs.writeFileSync(path.join(ARTIFACTS, `${slug}.bot-state.json`), JSON.stringify(bot?.state ?? {}, null, 2));
      fs.writeFileSync(path.join(ARTIFACTS, `${slug}.ui-log.json`), JSON.stringify(chat?.logs ?? [], null, 2));
      console.error(
        `[e2e] "${task.name}" failed after ${Date.now() - started} ms; artifacts in ${ARTIFACTS}/${slug}.*`,
      );
    });
  });

  it('opens the personal chat and the bot records the installation with email and UPN', async () => {
    const install = await waitUntil(() =>
      bot.state.installs.find((i) => i.source === 'installationUpdate:add' && i.conversationType === 'personal'),
    );
    expect(install.conversationId).toBe(pg.personalChatId);
    expect(install.serviceUrl).toBe(pg.connectorUrl);
    expect(install.userId).toBe('user-id-0');
    expect(install.member).toMatchObject({
      name: 'Alex Wilber',
      email: 'alexw@example.com',
      userPrincipalName: 'alexw@example.com',
      aadObjectId: '00000000-0000-0000-0000-0000000000020',
      tenantId: '00000000-0000-0000-0000-0000000000001',
    });
    expect(bot.state.emailToUserId['alexw@example.com']).toBe('user-id-0');
    // conversationUpdate(membersAdded) arrives as well
    expect(bot.state.installs.some((i) => i.source === 'membersAdded' && i.conversationId === pg.personalChatId)).toBe(
      true,
    );
  });

  it('echoes a message', async () => {
    const sent = await chat.send('Hallo LeadBridge');
    expect(sent.conversationId).toBe(pg.personalChatId);
    await chat.waitForText('Echo: Hallo LeadBridge');
    const received = bot.state.activities.find((a) => a.type === 'message' && a.text === 'Hallo LeadBridge');
    expect(received).toMatchObject({ fromId: 'user-id-0', fromName: 'Alex Wilber', conversationType: 'personal' });
  });

  it('shows a proactive card and replaces it in place after Action.Execute', async () => {
    const { activityId } = await postJson<{ activityId: string }>(`${bot.baseUrl}/test/proactive`, {
      email: 'alexw@example.com',
      title: 'Neuer Lead: Contoso AG',
    });
    expect(activityId).toBeTruthy();
    const card = await chat.waitForCard('Neuer Lead: Contoso AG');
    const cardsBefore = await chat.cards().count();

    // an invoke answered with a string shows that text under the card; the card stays
    const info = await chat.clickCardButton(card, 'Info');
    expect(info?.body).toEqual({ type: 'application/vnd.microsoft.activity.message', value: 'Info für Alex Wilber' });
    await chat.waitForText('Info für Alex Wilber');
    await chat.waitForCard('Neuer Lead: Contoso AG');

    await chat.fillCardInput('Notiz', 'Rückruf Montag', { card });
    await chat.chooseCardOption('Grund', 'Kein Budget', { card }); // compact ChoiceSet (combobox)
    await chat.chooseCardOption('Priorität', 'Hoch', { card }); // expanded ChoiceSet (radio group)
    await chat.chooseCardOption('Kontaktwege', 'E-Mail', { card }); // multi-select ChoiceSet (checkboxes)
    await chat.chooseCardOption('Kontaktwege', 'Telefon', { card });
    const res = await chat.clickCardButton(card, 'Annehmen');
    // the playground passes {type, value} of the bot's invoke response through (no statusCode)
    expect(res).toMatchObject({
      kind: 'invoke',
      status: 200,
      body: { type: 'application/vnd.microsoft.card.adaptive', value: { type: 'AdaptiveCard' } },
    });

    await chat.waitForCard('Angenommen von Alex Wilber');
    await chat.waitForTextGone('Neuer Lead: Contoso AG');
    expect(await chat.cards().count()).toBe(cardsBefore); // replaced, not appended

    const invoke = bot.state.invokes.at(-1)!;
    expect(invoke).toMatchObject({
      verb: 'accept',
      fromId: 'user-id-0',
      fromName: 'Alex Wilber',
      replyToId: activityId,
    });
    expect(invoke.data).toEqual({
      cardId: 'proactive-card',
      note: 'Rückruf Montag',
      reason: 'budget',
      priority: 'high',
      channels: 'email,phone',
    });
  });

  it('shows updateActivity from the bot in place (proactive and within a turn)', async () => {
    const { activityId } = await postJson<{ activityId: string }>(`${bot.baseUrl}/test/proactive`, {
      email: 'alexw@example.com',
      text: 'Lead 4711: offen',
    });
    await chat.waitForText('Lead 4711: offen');
    await postJson(`${bot.baseUrl}/test/update`, { activityId, text: 'Lead 4711: vergeben an Megan Bowen' });
    await chat.waitForText('Lead 4711: vergeben an Megan Bowen');
    await chat.waitForTextGone('Lead 4711: offen');

    await chat.send('update'); // bot sends "Version 1" and immediately updates it to "Version 2"
    await chat.waitForText('Version 2');
    await chat.waitForTextGone('Version 1');
  });

  it('installs into a team channel; another member acts on a card there (switchUser)', async () => {
    // the personal chat has only the signed-in user
    await expect(chat.switchUser('meganb@example.com')).rejects.toThrow(/personal chat/);

    await chat.openConversation('General');
    const teamInstall = await waitUntil(() =>
      bot.state.installs.find((i) => i.source === 'installationUpdate:add' && i.conversationType === 'channel'),
    );
    expect(teamInstall.conversationId).toBe('team-id'); // General channel id === team id
    const installActivity = bot.state.activities.find(
      (a) => a.type === 'installationUpdate' && a.conversationId === 'team-id',
    );
    expect(installActivity?.channelData).toMatchObject({ team: { id: 'team-id', name: 'My Team' } });

    const sent = await chat.send('card'); // mentions the bot, starts a new post
    expect(sent.conversationId).toMatch(/^team-id;messageid=\d+$/);
    const card = await chat.waitForCard('Lead: ACME GmbH');

    const megan = await chat.switchUser('meganb@example.com');
    expect(megan.id).toBe('user-id-1');
    await expect(chat.send('hallo')).rejects.toThrow(/signed-in user/);
    const res = await chat.clickCardButton(card, 'Annehmen');
    expect(res).toMatchObject({ status: 200, fromId: 'user-id-1' });
    await chat.waitForCard('Angenommen von Megan Bowen');
    expect(bot.state.invokes.at(-1)).toMatchObject({ fromId: 'user-id-1', fromName: 'Megan Bowen' });

    await chat.switchUser('alexw@example.com');
    await chat.reply('Angenommen von Megan Bowen', 'danke');
    await chat.waitForText('Echo: danke');
  });

  it('gives a second user her own personal chat through a second playground instance', async () => {
    const pgMegan = await startPlayground({ botEndpoint: bot.endpoint, user: 'meganb@example.com' });
    let chatMegan: Chat | undefined;
    try {
      expect(pgMegan.currentUser.email).toBe('meganb@example.com');
      chatMegan = await openChat(pgMegan.url, { browser });
      const install = await waitUntil(() =>
        bot.state.installs.find((i) => i.member?.email === 'meganb@example.com' && i.conversationType === 'personal'),
      );
      expect(install.userId).toBe('user-id-1');
      expect(install.serviceUrl).toBe(pgMegan.connectorUrl);
      expect(install.serviceUrl).not.toBe(pg.connectorUrl);

      await chat.openConversation('Personal Chat');
      await postJson(`${bot.baseUrl}/test/proactive`, { email: 'meganb@example.com', title: 'Lead für Megan' });
      const card = await chatMegan.waitForCard('Lead für Megan');
      await chatMegan.clickCardButton(card, 'Annehmen');
      await chatMegan.waitForCard('Angenommen von Megan Bowen');
      // Alex's playground never saw it
      expect(await chat.cards().filter({ hasText: 'Lead für Megan' }).count()).toBe(0);
      expect(chat.logs.some((l) => JSON.stringify(l.request?.body ?? '').includes('Lead für Megan'))).toBe(false);
    } finally {
      await chatMegan?.close();
      await pgMegan.close();
    }
  });

  it('sends mocked activities through the playground API (uninstall, message from another user)', async () => {
    const uninstall = await pg.customActivityTemplate(pg.personalChatId, 'uninstall');
    expect(uninstall).toMatchObject({
      type: 'installationUpdate',
      action: 'remove',
      conversation: { id: pg.personalChatId },
    });
    await pg.sendCustomActivity(uninstall);
    await waitUntil(() => bot.state.activities.find((a) => a.type === 'installationUpdate' && a.action === 'remove'));

    // a message "from" Adele into the General channel: the bot gets it, the UI shows only the bot's answer
    const msg = await pg.customActivityTemplate('team-id'); // generic template: type is a placeholder
    expect(msg.type).toBe('<custom-activity-type>');
    const adele = pg.users.find((u) => u.email === 'adelev@example.com')!;
    await pg.sendCustomActivity({
      ...msg,
      type: 'message',
      text: 'von Adele',
      from: { id: adele.id, name: adele.name, aadObjectId: adele.aadObjectId },
    });
    const got = await waitUntil(() => bot.state.activities.find((a) => a.type === 'message' && a.text === 'von Adele'));
    expect(got).toMatchObject({ fromId: 'user-id-2', fromName: 'Adele Vance' });
    await chat.openConversation('General');
    await chat.waitForText('Echo: von Adele');
  });
});
