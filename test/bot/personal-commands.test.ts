/**
 * Personal data stays personal: "meine Leads" / "digest" typed in a channel answer there with one line and deliver the
 * content in the person's 1:1 chat; without a known 1:1 chat the line says to open it. Glossary answers stay in the channel.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FaultWorld, LEAD_INBOX, scoreEvent, startFaultWorld, USERS } from '../faults/support.js';
import type { ActivityEvent } from '../standins/teams-connector.js';
import { cardText } from '../support/cards.js';

const inChannel = (e: ActivityEvent) => e.conversationId.split(';')[0] === LEAD_INBOX.channelId;
const textOf = (e: ActivityEvent) =>
  [
    String(e.activity.text ?? ''),
    ...((e.activity.attachments as any[] | undefined) ?? []).map((a) => cardText(a.content)),
  ].join('\n');

describe('personal commands typed in a channel', () => {
  let w: FaultWorld;
  beforeAll(async () => {
    w = await startFaultWorld();
    await w.teams.botAddedToTeam(USERS.admin, LEAD_INBOX);
    await w.teams.conversationUpdateMembersAdded(USERS.alex);
    await w.teams.conversationUpdateMembersAdded(USERS.adele);
    expect((await w.webhook([scoreEvent('1001')])).status).toBe(200);
    await w.drain();
  });
  afterAll(async () => {
    await w?.close();
  });

  /** Sends `text` in the channel as `user`; returns what went to the channel and to the user's 1:1 chat. */
  async function say(user: typeof USERS.alex, text: string) {
    const mark = w.connector.mark();
    const r = await w.teams.message(user, text, { team: LEAD_INBOX });
    expect(r.status).toBe(200);
    await w.connector.waitFor((e) => e.seq > mark && inChannel(e), 10_000, { since: mark });
    await w.settle();
    const after = w.connector.store.events.filter((e) => e.seq > mark);
    const chat = w.connector.personalConversationId(user.id);
    return { channel: after.filter(inChannel), chat: after.filter((e) => e.conversationId === chat), all: after };
  }

  it('"meine Leads": one line in the channel, the list in the 1:1 chat', async () => {
    const { channel, chat, all } = await say(USERS.alex, 'meine Leads');
    expect(channel).toHaveLength(1);
    expect(channel[0]!.activity.text).toBe('Deine Leads habe ich dir im Chat geschickt.');
    expect(channel[0]!.activity.attachments ?? []).toEqual([]);
    expect(textOf(channel[0]!)).not.toMatch(/Jonas|Schmidt|Musterfirma/);
    expect(chat).toHaveLength(1);
    expect(textOf(chat[0]!)).toMatch(/Deine offenen Leads \(1\)/);
    expect(textOf(chat[0]!)).toContain('Jonas Schmidt');
    expect(all).toHaveLength(2); // nowhere else
  });

  it('"digest" by a manager: the team figures go to the 1:1 chat, not the channel', async () => {
    const { channel, chat } = await say(USERS.adele, 'digest');
    expect(channel.map((e) => e.activity.text)).toEqual(['Die Zusammenfassung habe ich dir im Chat geschickt.']);
    expect(chat).toHaveLength(1);
    expect((chat[0]!.activity.attachments as any[])[0].contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(textOf(chat[0]!)).toMatch(/alexw@example.com[\s\S]*Annahmequote/); // per-CSM figures: personal data
  });

  it('when Teams refuses to open the 1:1 chat, the line says to open it; nothing personal is posted anywhere', async () => {
    const team = w.connector.store.conversations.get(LEAD_INBOX.id)!;
    const before = team.memberIds;
    team.memberIds = [USERS.admin.id]; // the roster does not have Megan: Create Conversation answers 403
    const { channel, all } = await say(USERS.megan, 'meine Leads');
    team.memberIds = before;
    expect(channel.map((e) => e.activity.text)).toEqual([
      'Das ist persönlich und gehört nicht in den Kanal: öffne bitte den Chat mit mir (LeadBridge) und frag dort noch einmal.',
    ]);
    expect(all).toHaveLength(1);
  });

  it('a team member who never opened the 1:1 chat gets the content in a chat the bot opens; the channel gets one line', async () => {
    const { channel, all } = await say(USERS.megan, 'my leads');
    expect(channel.map((e) => e.activity.text)).toEqual(['Deine Leads habe ich dir im Chat geschickt.']); // the channel's language
    const opened = all.filter((e) => !inChannel(e));
    expect(opened).toHaveLength(1);
    expect(w.connector.store.conversations.get(opened[0]!.conversationId)?.conversationType).toBe('personal');
    expect(all).toHaveLength(2);
  });

  it('a glossary question is still answered in the channel', async () => {
    const { channel, chat } = await say(USERS.alex, 'Was ist ein SAL?');
    expect(channel).toHaveLength(1);
    expect(textOf(channel[0]!)).toContain('Sales Accepted Lead');
    expect(chat).toEqual([]);
  });

  it('in the 1:1 chat the answer comes right there', async () => {
    const conv = w.connector.personalConversationId(USERS.alex.id);
    const mark = w.connector.mark();
    await w.teams.message(USERS.alex, 'meine Leads');
    const e = await w.connector.waitFor((x) => x.conversationId === conv && x.kind === 'sent', 10_000, { since: mark });
    expect(textOf(e)).toContain('Jonas Schmidt');
  });
});
