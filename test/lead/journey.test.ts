import { describe, expect, it } from 'vitest';
import { leadEvents } from '../../src/store/leads-repo.js';
import { action, cardText } from '../support/cards.js';
import { ENGINES } from '../support/databases.js';
import { scoreEvent, USERS, useWorld } from '../support/world.js';

describe.each(ENGINES)('MQL → card → accept / reject (in-process, real HTTP, %s)', (engine) => {
  const w = useWorld({ engine });

  async function cardFor(contactId: string, userId: string) {
    const conv = w.connector.personalConversationId(userId);
    const e = await w.connector.waitFor(
      (x) =>
        x.conversationId === conv &&
        x.kind === 'sent' &&
        JSON.stringify(x.activity).includes(contactId === '1001' ? 'Jonas' : 'Felix'),
      10_000,
      { since: 0 },
    );
    return { conv, activityId: e.activityId, card: (e.activity.attachments as any[])[0].content };
  }

  it('posts the card to the owner who installed the bot, and accept updates it and HubSpot', async () => {
    const inst = await w.teams.conversationUpdateMembersAdded(USERS.alex);
    expect(inst.status).toBe(200);
    const r = await w.webhook([scoreEvent('1001')]);
    expect(r).toEqual({ status: 200, body: { received: 1, duplicates: 0 } });
    const { card, activityId } = await cardFor('1001', USERS.alex.id);
    const text = cardText(card);
    expect(text).toContain('Jonas Schmidt');
    expect(text).toContain('Musterfirma GmbH');
    expect(text).toContain('Small Business');
    expect(text).toContain('85');
    const accept = action(card, 'Annehmen');
    expect(accept.type).toBe('Action.Execute');

    const res = await w.teams.cardAction(
      USERS.alex,
      { verb: accept.verb!, data: accept.data },
      { replyToId: activityId },
    );
    expect(res.status).toBe(200);
    const invoked = (res.body as any).value;
    expect(cardText(invoked)).toContain('SAL – angenommen');
    expect(cardText(invoked)).toMatch(/Angenommen – Alex Wilber/);
    await w.settle();
    const contact = w.hubspot.contact('1001')!;
    expect(contact.properties.hs_lead_status).toBe('IN_PROGRESS');
    expect(contact.notes.map((n) => n.properties.hs_note_body).join(' ')).toMatch(/angenommen.*Alex Wilber/);
    // The posted card was replaced in place with the same state.
    const stored = w.connector
      .activities(w.connector.personalConversationId(USERS.alex.id))
      .find((a) => a.id === activityId)!;
    expect(cardText((stored.activity.attachments as any[])[0].content)).toContain('SAL – angenommen');
  });

  it('refuses a click by someone who is not the owner and changes nothing', async () => {
    await w.teams.conversationUpdateMembersAdded(USERS.megan);
    await w.webhook([scoreEvent('1003')]);
    const { card } = await cardFor('1003', USERS.alex.id);
    const accept = action(card, 'Annehmen');
    const res = await w.teams.cardAction(USERS.megan, { verb: accept.verb!, data: accept.data }, { locale: 'en-US' });
    expect(cardText((res.body as any).value)).toContain('Only the contact owner');
    const lead = await w.lb.store.db
      .selectFrom('leads')
      .selectAll()
      .where('contact_id', '=', '1003')
      .executeTakeFirstOrThrow();
    expect(lead.state).toBe('MQL');
  });

  it('of an accept and a reject clicked at once, exactly one wins and the loser sees the final state', async () => {
    const { card } = await cardFor('1003', USERS.alex.id);
    const accept = action(card, 'Annehmen');
    const reject = action(card, 'Ablehnung senden');
    const [a, b] = await Promise.all([
      w.teams.cardAction(USERS.alex, { verb: accept.verb!, data: accept.data }),
      w.teams.cardAction(USERS.alex, {
        verb: reject.verb!,
        data: { ...reject.data, reason: 'competitor', note: 'nutzt X' },
      }),
    ]);
    const lead = await w.lb.store.db
      .selectFrom('leads')
      .selectAll()
      .where('contact_id', '=', '1003')
      .executeTakeFirstOrThrow();
    expect(['SAL', 'REJECTED']).toContain(lead.state);
    expect(lead.version).toBe(2);
    const texts = [cardText((a.body as any).value), cardText((b.body as any).value)];
    expect(texts.filter((t) => /schneller|nicht mehr aktuell/.test(t))).toHaveLength(1);
    const events = await leadEvents(w.lb.store.db, lead.id);
    expect(events.filter((e) => e.action === 'accept' || e.action === 'reject')).toHaveLength(1);
  });

  it('rejects with a reason and writes it back', async () => {
    await w.webhook([scoreEvent('1004', '80')]);
    w.hubspot.setContactProperties('1004', { hubspotscore: '80' });
    await w.webhook([scoreEvent('1004', '80')]);
    const conv = w.connector.personalConversationId(USERS.megan.id);
    const e = await w.connector.waitFor(
      (x) => x.conversationId === conv && JSON.stringify(x.activity).includes('Sophie'),
      10_000,
      { since: 0 },
    );
    const card = (e.activity.attachments as any[])[0].content;
    expect(cardText(card)).toContain('waiting for acceptance');
    const reject = action(card, 'Send rejection');
    const res = await w.teams.cardAction(
      USERS.megan,
      { verb: reject.verb!, data: { ...reject.data, reason: 'no_budget', note: 'Budget erst 2027' } },
      { locale: 'en-US' },
    );
    expect(cardText((res.body as any).value)).toContain('Rejected');
    await w.settle();
    const contact = w.hubspot.contact('1004')!;
    expect(contact.properties.hs_lead_status).toBe('UNQUALIFIED');
    expect(contact.notes.map((n) => n.properties.hs_note_body).join(' ')).toMatch(
      /abgelehnt.*no_budget.*Budget erst 2027/,
    );
  });

  it('treats events as triggers: what HubSpot says now decides, not the event or its order', async () => {
    // HubSpot has 1005 at 58 points; an event claiming 95 makes no lead.
    await w.webhook([scoreEvent('1005', '95')]);
    await w.settle();
    expect(
      await w.lb.store.db.selectFrom('leads').select('id').where('contact_id', '=', '1005').execute(),
    ).toHaveLength(0);
    // Now it really crosses 75; a late, older event (occurredAt in the past) still triggers one lead only.
    w.hubspot.setContactProperties('1005', { hubspotscore: '76' });
    await w.webhook([scoreEvent('1005', '76', { occurredAt: Date.now() })]);
    await w.webhook([scoreEvent('1005', '58', { occurredAt: Date.now() - 60_000 })]);
    await w.settle();
    expect(
      await w.lb.store.db.selectFrom('leads').select('id').where('contact_id', '=', '1005').execute(),
    ).toHaveLength(1);
  });

  it('makes one lead for duplicate and repeated events', async () => {
    const ev = scoreEvent('1001');
    const r = await w.webhook([ev, ev, scoreEvent('1001', '90')]);
    expect(r.body).toEqual({ received: 3, duplicates: 1 });
    await w.settle();
    const leads = await w.lb.store.db.selectFrom('leads').select('id').where('contact_id', '=', '1001').execute();
    expect(leads).toHaveLength(1);
    const cards = w.connector
      .cards(w.connector.personalConversationId(USERS.alex.id))
      .filter((c) => cardText(c.card).includes('Jonas'));
    expect(cards).toHaveLength(1);
  });
});
