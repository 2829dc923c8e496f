import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { leadEvents } from '../../src/store/leads-repo.js';
import { action, cardActions, cardText } from '../support/cards.js';
import { scoreEvent, startWorld, USERS, type World } from '../support/world.js';

describe('BANT → SQL → Opportunity with the 36One handover', () => {
  let w: World;
  let conv: string;
  let activityId: string;
  let card: any;
  beforeAll(async () => {
    w = await startWorld({ c4c: true });
    await w.teams.conversationUpdateMembersAdded(USERS.alex);
    conv = w.connector.personalConversationId(USERS.alex.id);
  });
  afterAll(async () => {
    await w?.close();
  });

  async function click(title: string, inputs: Record<string, unknown> = {}) {
    const a = action(card, title);
    const res = await w.teams.cardAction(
      USERS.alex,
      { verb: a.verb!, data: { ...a.data, ...inputs } },
      { replyToId: activityId },
    );
    expect(res.status).toBe(200);
    card = (res.body as any).value;
    return card;
  }

  it('hands the MQL to 36One as one lead and shows it on the card', async () => {
    await w.webhook([scoreEvent('1001')]);
    await w.webhook([scoreEvent('1001', '90')]);
    await w.settle();
    expect(w.c4c!.leads()).toHaveLength(1);
    const lead = w.c4c!.leads()[0]!;
    expect(lead).toMatchObject({
      ExternalID: 'hubspot:62515:1001',
      ContactFirstName: 'Jonas',
      ContactLastName: 'Schmidt',
      Company: 'Musterfirma GmbH',
    });
    const posted = w.connector.cards(conv).find((c) => cardText(c.card).includes('Jonas'))!;
    activityId = posted.activityId;
    card = posted.card;
    expect(cardText(card)).toContain(`36One ✓ Lead ${lead.ID}`);
  });

  it('shows BANT after accept, keeps partial answers with who and when, and refuses a forged opportunity', async () => {
    await click('Annehmen');
    expect(cardText(card)).toContain('Qualifizierung (BANT)');
    const convert = action(card, 'Opportunity anlegen');
    expect(convert.isEnabled).toBe(false);
    await click('BANT speichern', { bant_budget: 'yes', bant_budget_note: '50k freigegeben', bant_need: 'unknown' });
    expect(cardText(card)).toMatch(/Alex Wilber, \d\d\.\d\d\.\d{4}/);
    // A forged request that claims one "yes" is not enough; the server decides.
    const forged = await w.teams.cardAction(USERS.alex, {
      verb: 'lead.convert',
      data: { ...convert.data, v: action(card, 'Opportunity anlegen').data.v },
    });
    expect(cardText((forged.body as any).value)).toMatch(/mindestens 2 BANT-Kriterien/);
    const row = await w.lb.store.db
      .selectFrom('leads')
      .selectAll()
      .where('contact_id', '=', '1001')
      .executeTakeFirstOrThrow();
    expect(row.state).toBe('SAL');
  });

  it('qualifies to SQL and creates exactly one opportunity with two BANT "yes"', async () => {
    card = (
      await w.teams.cardAction(USERS.alex, {
        verb: 'lead.refresh',
        data: { leadId: action(card, 'BANT speichern').data.leadId },
      })
    ).body as any;
    card = card.value;
    await click('Als SQL qualifizieren');
    expect(cardText(card)).toContain('SQL – vertriebsqualifiziert');
    await click('BANT speichern', { bant_budget: 'yes', bant_authority: 'yes', bant_closeDate: '2027-03-31' });
    expect(action(card, 'Opportunity anlegen').isEnabled).toBe(true);
    await click('Opportunity anlegen');
    expect(cardText(card)).toContain('Opportunity');
    expect(cardActions(card).map((a) => a.title)).not.toContain('Annehmen');
    await w.settle();
    const opps = w.c4c!.opportunities();
    expect(opps).toHaveLength(1);
    expect(opps[0]).toMatchObject({ ExternalID: 'hubspot:62515:1001' });
    const contact = w.hubspot.contact('1001')!;
    expect(contact.properties.lifecyclestage).toBe('opportunity');
    expect(contact.properties.hs_lead_status).toBe('OPEN_DEAL');
    expect(contact.notes.map((n) => n.properties.hs_note_body).join('\n')).toMatch(/Budget: yes – 50k freigegeben/);
    const lead = await w.lb.store.db
      .selectFrom('leads')
      .selectAll()
      .where('contact_id', '=', '1001')
      .executeTakeFirstOrThrow();
    const actions = (await leadEvents(w.lb.store.db, lead.id)).map((e) => e.action);
    expect(actions).toEqual(['mql', 'accept', 'saveBant', 'qualify', 'saveBant', 'convert']);
  });

  it('keeps effects in order while 36One is down, then completes them', async () => {
    w.c4c!.down({ mode: 'refuse' });
    await w.webhook([scoreEvent('1003')]);
    const posted = await w.connector.waitFor(
      (e) => e.conversationId === conv && JSON.stringify(e.activity).includes('Felix'),
      10_000,
      { since: 0 },
    );
    card = (posted.activity.attachments as any[])[0].content;
    activityId = posted.activityId;
    expect(cardText(card)).toContain('36One ausstehend');
    await click('Annehmen');
    await new Promise((r) => setTimeout(r, 1500));
    expect(w.c4c!.leads().filter((l) => l.ExternalID === 'hubspot:62515:1003')).toHaveLength(0);
    await w.c4c!.up();
    await w.settle(30_000);
    const leads = w.c4c!.leads().filter((l) => l.ExternalID === 'hubspot:62515:1003');
    expect(leads).toHaveLength(1);
    expect(leads[0]!.UserStatusCode).toBe('03');
  });
});
