/**
 * Failures look like failures: a card action LeadBridge does not know (unknown verb, forged or garbled payload) or that
 * fails on the way answers HTTP 200 with a message saying so — never a 5xx, which Teams shows as its generic error.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FaultWorld, scoreEvent, startFaultWorld, USERS } from '../faults/support.js';
import { cardActionActivity, messageActivity } from '../standins/teams-activities.js';
import { action, cardText } from '../support/cards.js';

const MESSAGE = 'application/vnd.microsoft.activity.message';

describe('card actions that fail or that LeadBridge does not know', () => {
  let w: FaultWorld;
  let lead: { id: string; activityId: string; card: unknown };
  const ctx = () => ({
    serviceUrl: w.connector.serviceUrl,
    botId: '6c1a5a43-9d67-4c3b-9a9e-2f0e4c7d1b11',
    botName: 'LeadBridge',
  });
  const leadRow = () =>
    w.lb.store.db.selectFrom('leads').selectAll().where('id', '=', lead.id).executeTakeFirstOrThrow();
  /** The invoke answer must be HTTP 200 carrying a message. */
  const messageOf = (r: { status: number; body: unknown }) => {
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ statusCode: 200, type: MESSAGE });
    return String((r.body as { value: unknown }).value);
  };

  beforeAll(async () => {
    w = await startFaultWorld();
    await w.teams.conversationUpdateMembersAdded(USERS.alex);
    expect((await w.webhook([scoreEvent('1001')])).status).toBe(200);
    const conv = w.connector.personalConversationId(USERS.alex.id);
    const e = await w.connector.waitFor(
      (x) => x.conversationId === conv && x.kind === 'sent' && JSON.stringify(x.activity).includes('Jonas'),
      10_000,
      { since: 0 },
    );
    const row = await w.lb.store.db
      .selectFrom('leads')
      .select('id')
      .where('contact_id', '=', '1001')
      .executeTakeFirstOrThrow();
    lead = { id: row.id, activityId: e.activityId, card: (e.activity.attachments as any[])[0].content };
    await w.settle();
  });
  afterAll(async () => {
    await w?.close();
  });

  it('an unknown verb (within lead.* or not) is answered with a message, not 501', async () => {
    expect(messageOf(await w.teams.cardAction(USERS.alex, { verb: 'survey.submit', data: { answer: 42 } }))).toBe(
      'Diese Aktion kenne ich nicht („survey.submit“) – es wurde nichts geändert. Die Karte ist vielleicht veraltet.',
    );
    const en = await w.teams.cardAction(
      USERS.alex,
      { verb: 'lead.explode', data: { leadId: lead.id, v: 1 } },
      { locale: 'en-US' },
    );
    expect(messageOf(en)).toBe(
      'I do not know this action ("lead.explode") – nothing was changed. The card may be out of date.',
    );
    expect(await leadRow()).toMatchObject({ state: 'MQL', version: 1 });
  });

  it('garbled and forged payloads are refused with a message naming the problem', async () => {
    const accept = action(lead.card, 'Annehmen');
    expect(
      messageOf(
        await w.teams.cardAction(USERS.alex, { verb: accept.verb!, data: { ...accept.data, leadId: 'not-a-uuid' } }),
      ),
    ).toMatch(/^Die Eingabe war ungültig: leadId/);
    expect(
      messageOf(await w.teams.cardAction(USERS.alex, { verb: accept.verb!, data: { ...accept.data, v: -3 } })),
    ).toMatch(/^Die Eingabe war ungültig: v/);
    expect(
      messageOf(
        await w.teams.cardAction(USERS.alex, {
          verb: accept.verb!,
          data: { ...accept.data, leadId: crypto.randomUUID() },
        }),
      ),
    ).toBe('Diesen Lead gibt es nicht (mehr).');
    expect(
      messageOf(
        await w.teams.cardAction(USERS.alex, { verb: 'lead.reject', data: { ...accept.data, reason: 'because' } }),
      ),
    ).toMatch(/^Die Eingabe war ungültig: reason/);
    // The invoke itself garbled: no Action.Execute, no verb, or no value at all.
    for (const value of [
      { action: { type: 'Action.Execute' } },
      { action: { type: 'Action.Http', verb: 'lead.accept' } },
      'garbage',
      undefined,
    ]) {
      const a = cardActionActivity(USERS.alex, { verb: 'x' }, { ...ctx(), trigger: 'manual' });
      const r = await w.teams.post({ ...a, value });
      expect(messageOf(r)).toMatch(/^Diese Aktion kenne ich nicht/);
    }
    expect(await leadRow()).toMatchObject({ state: 'MQL', version: 1 });
  });

  it('a stale card is answered with the current card and says so', async () => {
    const accept = action(lead.card, 'Annehmen');
    const r = await w.teams.cardAction(USERS.alex, { verb: accept.verb!, data: { ...accept.data, v: 7 } });
    expect(r.status).toBe(200);
    expect(cardText((r.body as any).value)).toContain('Die Karte war nicht mehr aktuell');
  });

  it('an action that fails on the way (the store refuses the write) answers with a message and changes nothing; the retry works', async () => {
    const accept = action(lead.card, 'Annehmen');
    const db = w.lb.store.db;
    await sql`alter table lead_events rename to lead_events_away`.execute(db);
    let failed: Awaited<ReturnType<typeof w.teams.cardAction>>;
    try {
      failed = await w.teams.cardAction(
        USERS.alex,
        { verb: accept.verb!, data: accept.data },
        { replyToId: lead.activityId },
      );
    } finally {
      await sql`alter table lead_events_away rename to lead_events`.execute(db);
    }
    expect(messageOf(failed)).toBe(
      'Das hat nicht geklappt: LeadBridge konnte die Aktion gerade nicht ausführen. Bitte versuche es gleich noch einmal.',
    );
    expect(await leadRow()).toMatchObject({ state: 'MQL', version: 1 });
    expect(w.logged('bot turn failed', (l) => l.name === 'adaptiveCard/action').length).toBe(1);

    const again = await w.teams.cardAction(
      USERS.alex,
      { verb: accept.verb!, data: accept.data },
      { replyToId: lead.activityId },
    );
    expect(again.status).toBe(200);
    expect(cardText((again.body as any).value)).toContain('SAL – angenommen');
  });

  it('an Action.Submit no handler knows is answered in the chat', async () => {
    const conv = w.connector.personalConversationId(USERS.alex.id);
    const mark = w.connector.mark();
    const submit = messageActivity(USERS.alex, '', ctx());
    const r = await w.teams.post({
      ...submit,
      text: undefined,
      attachments: undefined,
      value: { verb: 'survey.submit', answer: 42 },
    });
    expect(r.status).toBe(200);
    const e = await w.connector.waitFor((x) => x.conversationId === conv && x.kind === 'sent', 10_000, { since: mark });
    expect(e.activity.text).toBe(
      'Diese Aktion kenne ich nicht („survey.submit“) – es wurde nichts geändert. Die Karte ist vielleicht veraltet.',
    );
  });
});
