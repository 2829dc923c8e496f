/**
 * An owner who never opened the chat with LeadBridge but is a member of a team the bot is installed in gets the card
 * in a 1:1 chat the bot opens (Bot Framework "Create Conversation" with the member from the team roster); the chat is
 * stored as theirs, so the next card reuses it. Refusals (403) and owners outside every roster end in the lead inbox.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMqlContacts, waitUntil } from '../faults/support.js';
import { memberOf } from '../standins/teams-activities.js';
import { cardText } from '../support/cards.js';
import { scoreEvent, USERS } from '../support/world.js';
import { cardsWith, type LoggedWorld, startLoggedWorld } from './support.js';

const VERTRIEB = { id: '19:vertrieb@thread.tacv2', name: 'Vertrieb', aadGroupId: 'group-vertrieb' };

describe('reaching every owner', () => {
  let w: LoggedWorld;
  const creates = () => w.connector.requests.filter((r) => r.method === 'POST' && r.path === '/v3/conversations');
  beforeAll(async () => {
    w = await startLoggedWorld();
    for (const u of [USERS.alex, USERS.megan, USERS.adele]) w.connector.addMember(memberOf(u));
    // Megan is in the tenant but not in the team.
    w.connector.addTeam({ ...VERTRIEB, memberIds: [USERS.admin.id, USERS.alex.id, USERS.adele.id] });
    await w.teams.botAddedToTeam(USERS.admin, VERTRIEB);
  });
  afterAll(async () => {
    await w?.close();
  });

  it('a team member without personal install gets the card in a 1:1 chat the bot opens; the next card reuses it', async () => {
    const chat = w.connector.personalConversationId(USERS.alex.id);
    await w.webhook([scoreEvent('1001')]);
    const first = await w.connector.waitFor(
      (e) => e.conversationId === chat && JSON.stringify(e.activity).includes('Jonas'),
      10_000,
      { since: 0 },
    );
    expect(cardText((first.activity.attachments as any[])[0].content)).not.toContain('Für Alex Wilber');
    // Found in the team's roster, then one Create Conversation as Microsoft's sample sends it.
    expect(
      w.connector.requests.some(
        (r) => r.method === 'GET' && r.path === `/v3/conversations/${VERTRIEB.id}/pagedmembers`,
      ),
    ).toBe(true);
    expect(creates()).toHaveLength(1);
    expect(creates()[0]).toMatchObject({
      status: 201,
      body: {
        isGroup: false,
        members: [{ id: USERS.alex.id }],
        tenantId: 'tenant-1',
        channelData: { tenant: { id: 'tenant-1' } },
      },
    });
    const row = await w.lb.store.db
      .selectFrom('conversations')
      .selectAll()
      .where('id', '=', chat)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      kind: 'personal',
      email: 'alexw@example.com',
      user_id: USERS.alex.id,
      aad_object_id: USERS.alex.aadObjectId,
      blocked: 0,
    });
    expect(w.connector.cards(VERTRIEB.id)).toEqual([]);

    await w.webhook([scoreEvent('1003')]);
    await w.connector.waitFor(
      (e) => e.conversationId === chat && JSON.stringify(e.activity).includes('Felix'),
      10_000,
      { since: 0 },
    );
    await w.settle();
    expect(creates()).toHaveLength(1);
    expect(cardsWith(w, chat, 'Jonas')).toHaveLength(1);
    expect(w.connector.cards(VERTRIEB.id)).toEqual([]);
  });

  it("an owner in no roster of the bot's teams gets the card in the lead inbox, naming them; no chat is attempted", async () => {
    const before = creates().length;
    w.hubspot.setContactProperties('1002', { hubspotscore: '80' });
    await w.webhook([scoreEvent('1002', '80')]);
    await w.settle();
    const inbox = cardsWith(w, VERTRIEB.id, 'Laura');
    expect(inbox).toHaveLength(1);
    expect(cardText(inbox[0]!.card)).toContain('Für Megan Bowen');
    expect(creates()).toHaveLength(before);
  });

  it('a refused chat (403) falls through to the lead inbox and is logged', async () => {
    w.connector.fault({ method: 'POST', path: /^\/v3\/conversations$/, status: 403, times: 1 });
    w.hubspot.setContactProperties('1007', { hubspotscore: '85' });
    await w.webhook([scoreEvent('1007', '85')]);
    await w.settle();
    expect(creates().at(-1)).toMatchObject({ status: 403, body: { members: [{ id: USERS.adele.id }] } });
    const inbox = cardsWith(w, VERTRIEB.id, 'Lukas');
    expect(inbox).toHaveLength(1);
    expect(cardText(inbox[0]!.card)).toContain('Für Adele Vance');
    const warn = await w.logged(
      'could not open a 1:1 chat with a team member; trying the next team, else the lead inbox',
    );
    expect(warn).toMatchObject({ email: 'adelev@example.com', teamId: VERTRIEB.id, status: 403 });
    expect(String(warn.err)).toContain('ConversationBlockedByUser');
    expect(cardsWith(w, w.connector.personalConversationId(USERS.adele.id), 'Lukas')).toEqual([]);
    // Not stored as her chat: a later card tries again.
    expect(
      await w.lb.store.db.selectFrom('conversations').select('id').where('email', '=', 'adelev@example.com').execute(),
    ).toEqual([]);
  });
  it('a passing refusal (429) to open the chat is retried after Retry-After: the card reaches the 1:1 chat, not the inbox', async () => {
    addMqlContacts(w.hubspot, [{ id: '7501', ownerId: '103' }]); // Adele, still without a chat of her own
    w.connector.fault({
      method: 'POST',
      path: /^\/v3\/conversations$/,
      status: 429,
      headers: { 'retry-after': '1' },
      times: 1,
    });
    const before = creates().length;
    await w.webhook([scoreEvent('7501')]);
    await waitUntil(
      'the card in the 1:1 chat',
      () => cardsWith(w, w.connector.personalConversationId(USERS.adele.id), 'Kontakt7501').length > 0 || undefined,
      15_000,
    );
    await w.settle();
    expect(
      creates()
        .slice(before)
        .map((c) => c.status),
    ).toEqual([429, 201]);
    expect(cardsWith(w, VERTRIEB.id, 'Kontakt7501')).toEqual([]);
  });
});
