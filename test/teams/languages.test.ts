/**
 * Each person's language: cards and messages for a person follow the language of their own activities (also when they
 * only ever acted in a channel and the bot opened the chat); channel posts use LEAD_INBOX_LOCALE, and nothing anyone
 * does in a channel changes it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activityLocale } from '../../src/bot/conversations.js';
import { ConfigError, loadConfig } from '../../src/config.js';
import { memberOf } from '../standins/teams-activities.js';
import { action, cardText } from '../support/cards.js';
import { scoreEvent, USERS } from '../support/world.js';
import { cardsWith, type LoggedWorld, startLoggedWorld } from './support.js';

const INBOX = '19:lead-eingang@thread.tacv2';
const VERTRIEB = { id: '19:vertrieb@thread.tacv2', name: 'Vertrieb', aadGroupId: 'group-vertrieb' };
const IN_INBOX = { ...VERTRIEB, channelId: INBOX, channelName: 'Lead-Eingang' };

describe('languages in a tenant', () => {
  let w: LoggedWorld;
  beforeAll(async () => {
    w = await startLoggedWorld({ env: { LEAD_INBOX_CHANNEL_ID: INBOX } });
    for (const u of [USERS.alex, USERS.megan]) w.connector.addMember(memberOf(u));
    w.connector.addTeam({
      ...VERTRIEB,
      channels: [
        { id: VERTRIEB.id, name: null },
        { id: INBOX, name: 'Lead-Eingang' },
      ],
      memberIds: [USERS.admin.id, USERS.megan.id],
    });
    await w.teams.botAddedToTeam(USERS.admin, VERTRIEB);
  });
  afterAll(async () => {
    await w?.close();
  });

  it('the inbox stays German after English users click and write in that channel', async () => {
    await w.webhook([scoreEvent('1001')]);
    await w.settle();
    const [posted] = cardsWith(w, INBOX, 'Jonas');
    expect(cardText(posted!.card)).toContain('MQL – wartet auf Annahme');
    const accept = action(posted!.card, 'Annehmen');
    // Megan (en-US) may not act on Alex's lead: the answer in the channel is still German.
    const refused = await w.teams.cardAction(
      USERS.megan,
      { verb: accept.verb!, data: accept.data },
      { team: IN_INBOX, replyToId: posted!.activityId },
    );
    expect(refused.status).toBe(200);
    expect(cardText((refused.body as any).value)).toContain('MQL – wartet auf Annahme');
    expect(await w.teams.message(USERS.megan, 'What is an SAL?', { team: IN_INBOX })).toMatchObject({ status: 200 });
    // An admin with an English Teams client accepts it there: the answer and the updated inbox card stay German.
    const done = await w.teams.cardAction(
      USERS.admin,
      { verb: accept.verb!, data: accept.data },
      { team: IN_INBOX, replyToId: posted!.activityId, locale: 'en-US' },
    );
    expect(cardText((done.body as any).value)).toContain('SAL – angenommen');
    await w.settle();
    expect(cardText(cardsWith(w, INBOX, 'Jonas')[0]!.card)).toContain('SAL – angenommen');

    await w.webhook([scoreEvent('1003')]);
    await w.settle();
    const next = cardText(cardsWith(w, INBOX, 'Felix')[0]!.card);
    expect(next).toContain('MQL – wartet auf Annahme');
    expect(next).toContain('Für Alex Wilber');
    const channels = await w.lb.store.db
      .selectFrom('conversations')
      .select(['id', 'locale'])
      .where('kind', '=', 'channel')
      .execute();
    expect(channels.length).toBeGreaterThanOrEqual(2);
    for (const c of channels) expect(c.locale).toBeNull();
  });

  it("an English user's own cards are English, also in the chat the bot opened for her, and so is her welcome", async () => {
    // Megan has only written in the channel so far (en-US); her lead goes to a 1:1 chat the bot opens.
    const chat = w.connector.personalConversationId(USERS.megan.id);
    w.hubspot.setContactProperties('1002', { hubspotscore: '80' });
    await w.webhook([scoreEvent('1002', '80')]);
    await w.settle();
    const [own] = cardsWith(w, chat, 'Laura');
    expect(cardText(own!.card)).toContain('MQL – waiting for acceptance');
    expect(() => action(own!.card, 'Accept')).not.toThrow();
    // Installing the app herself: the welcome speaks her language; Alex (de-DE) gets German.
    await w.teams.conversationUpdateMembersAdded(USERS.megan);
    await w.teams.conversationUpdateMembersAdded(USERS.alex);
    const texts = (id: string) => w.connector.activities(id).map((a) => String(a.activity.text ?? ''));
    expect(texts(chat).some((t) => t.startsWith('Hello! I will post new MQLs for you here.'))).toBe(true);
    expect(
      texts(w.connector.personalConversationId(USERS.alex.id)).some((t) =>
        t.startsWith('Hallo! Neue MQLs für dich erscheinen hier.'),
      ),
    ).toBe(true);
    // A German colleague's message in the channel does not change Megan's language.
    await w.teams.message(USERS.alex, 'Was ist ein SAL?', { team: IN_INBOX });
    w.hubspot.setContactProperties('1004', { hubspotscore: '80' });
    await w.webhook([scoreEvent('1004', '80')]);
    await w.settle();
    expect(cardText(cardsWith(w, chat, 'Sophie')[0]!.card)).toContain('MQL – waiting for acceptance');
  });
});

describe('where a language comes from', () => {
  it("the activity's locale, else the clientInfo entity's", () => {
    expect(activityLocale({ locale: 'en-US', entities: [{ type: 'clientInfo', locale: 'de-DE' }] })).toBe('en-US');
    expect(activityLocale({ entities: [{ type: 'mention' }, { type: 'clientInfo', locale: 'en-GB' }] })).toBe('en-GB');
    expect(activityLocale({ entities: [{ type: 'clientInfo' }] })).toBeNull();
  });

  it('LEAD_INBOX_LOCALE defaults to DEFAULT_LOCALE and accepts only de or en', () => {
    expect(loadConfig({}).leadInboxLocale).toBe('de');
    expect(loadConfig({ DEFAULT_LOCALE: 'en' }).leadInboxLocale).toBe('en');
    expect(loadConfig({ LEAD_INBOX_LOCALE: 'en' }).leadInboxLocale).toBe('en');
    expect(loadConfig({ LEAD_INBOX_LOCALE: '', DEFAULT_LOCALE: 'en' }).leadInboxLocale).toBe('en');
    expect(() => loadConfig({ LEAD_INBOX_LOCALE: 'fr' })).toThrow(ConfigError);
    expect(() => loadConfig({ LEAD_INBOX_LOCALE: 'fr' })).toThrow(/LEAD_INBOX_LOCALE/);
  });
});
