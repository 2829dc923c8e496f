import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSlaSweep } from '../../src/services/sla/sweep.js';
import { cardActions, cardText } from '../support/cards.js';
import { scoreEvent, startWorld, USERS, type World } from '../support/world.js';

/** The manager features over real HTTP (Bot Framework activities in, connector calls out), SQLite file. */
describe('managers end to end', () => {
  let w: World;
  /** Real time, moved forward when a test needs days to pass. */
  let offset = 0;
  const clock = { now: () => Date.now() + offset };
  beforeAll(async () => {
    w = await startWorld({ overrides: { schedules: false, clock } });
  });
  afterAll(async () => {
    await w?.close();
  });

  const lastCard = async (userId: string, text: string) => {
    const conv = w.connector.personalConversationId(userId);
    const e = await w.connector.waitFor(
      (x) => x.conversationId === conv && JSON.stringify(x.activity).includes(text),
      10_000,
      { since: 0 },
    );
    return { conv, activityId: e.activityId, card: (e.activity.attachments as any[])[0].content };
  };

  it('the owner forwards a lead to a team mate: new owner gets the card, the old card says so, HubSpot owner moves', async () => {
    for (const u of [USERS.alex, USERS.megan, USERS.adele]) await w.teams.conversationUpdateMembersAdded(u);
    await w.webhook([scoreEvent('1001')]);
    const { card, activityId } = await lastCard(USERS.alex.id, 'Jonas');
    const forward = cardActions(card).find((a) => a.verb === 'lead.reassign')!;
    expect(cardActions(card).map((a) => a.title)).toContain('Weiterleiten');
    const res = await w.teams.cardAction(
      USERS.alex,
      { verb: forward.verb!, data: { ...forward.data, newOwner: 'meganb@example.com' } },
      { replyToId: activityId },
    );
    expect(cardText((res.body as any).value)).toContain('Neu zugewiesen an Megan Bowen.');
    await w.settle();
    expect(w.hubspot.contact('1001')!.properties.hubspot_owner_id).toBe('102');
    const megan = await lastCard(USERS.megan.id, 'Jonas');
    expect(cardText(megan.card)).toContain('Forwarded to Megan Bowen by Alex Wilber');
    const alexCopy = w.connector
      .activities(w.connector.personalConversationId(USERS.alex.id))
      .find((a) => a.id === activityId)!;
    expect(cardText((alexCopy.activity.attachments as any[])[0].content)).toMatch(
      /Weitergeleitet an Megan Bowen von Alex Wilber am/,
    );
  });

  it('"digest" gives the manager the card at once; a CSM is refused; "digest aus" pauses', async () => {
    const r = await w.teams.message(USERS.adele, 'digest');
    expect(r.status).toBe(200);
    const conv = w.connector.personalConversationId(USERS.adele.id);
    const e = await w.connector.waitFor(
      (x) => x.conversationId === conv && JSON.stringify(x.activity).includes('Tageszusammenfassung'),
      10_000,
      { since: 0 },
    );
    expect(cardText((e.activity.attachments as any[])[0].content)).toContain('Tageszusammenfassung CSM Nord');
    await w.teams.message(USERS.alex, 'Zusammenfassung');
    await w.connector.waitFor(
      (x) =>
        x.conversationId === w.connector.personalConversationId(USERS.alex.id) &&
        JSON.stringify(x.activity).includes('nur für Teamleitungen'),
      10_000,
      { since: 0 },
    );
    await w.teams.message(USERS.adele, 'digest aus');
    await w.connector.waitFor(
      (x) => x.conversationId === conv && JSON.stringify(x.activity).includes('pausiert'),
      10_000,
      { since: 0 },
    );
  });

  it('an unanswered MQL escalates to the manager, who reassigns it from the escalation card', async () => {
    await w.webhook([scoreEvent('1003')]);
    await w.settle();
    const lead = await w.lb.store.db
      .selectFrom('leads')
      .selectAll()
      .where('contact_id', '=', '1003')
      .executeTakeFirstOrThrow();
    expect(lead.state).toBe('MQL'); // unanswered
    offset = 30 * 86_400_000;
    const r = await runSlaSweep(w.lb.deps, w.lb.deps.roster.current(), clock.now());
    w.lb.worker.kick();
    // Also the forwarded lead 1001, still unanswered by Megan.
    expect(r).toEqual({ reminded: 2, escalated: 2 });
    await w.settle();
    const esc = await lastCard(USERS.adele.id, 'Felix');
    expect(cardText(esc.card)).toContain('Eskalation');
    const assign = cardActions(esc.card).find((a) => a.verb === 'lead.reassign')!;
    const res = await w.teams.cardAction(
      USERS.adele,
      { verb: assign.verb!, data: { ...assign.data, newOwner: 'meganb@example.com' } },
      { replyToId: esc.activityId },
    );
    expect(cardText((res.body as any).value)).toContain('Neu zugewiesen an Megan Bowen.');
    await w.settle();
    await lastCard(USERS.megan.id, 'Felix');
  });
});
