import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { slaReminder } from '../../src/services/effects/sla.js';
import { enqueue } from '../../src/store/jobs-repo.js';
import { webhookEvent } from '../standins/hubspot-webhooks.js';
import { action, cardText } from '../support/cards.js';
import { ENGINES } from '../support/databases.js';
import { PORTAL, scoreEvent, startWorld, USERS, type World } from '../support/world.js';
import { asBytes, dumpAllTables, type Person, person, personValues, rawSqliteFiles } from './support.js';

const ERASED_DE = 'Kontakt aus Datenschutzgründen gelöscht';
const COMPANY = 'Zellerfeinwerk Quirinus KG';
const mql = { hubspotscore: 85, lifecyclestage: 'marketingqualifiedlead', hubspot_owner_id: '101' };

// One contact per lead state, erased by each kind of HubSpot event; 9005 is another person who stays.
const P = { mql: person('9001'), sal: person('9002'), rejected: person('9003'), opp: person('9004') };
const other = person('9005');
const notes = {
  sal: 'BANT-Notiz-Budget-9002',
  rejected: 'Ablehnungsnotiz-9003',
  opp: 'BANT-Notiz-Need-9004',
  other: 'BANT-Notiz-Andere-9005',
};

describe.each(ENGINES)('a contact erased in HubSpot is erased in LeadBridge (%s)', (engine) => {
  let w: World;
  const cards = new Map<string, string>(); // contact id → activity id of its card in Alex's chat
  const conv = () => w.connector.personalConversationId(USERS.alex.id);

  beforeAll(async () => {
    w = await startWorld({ engine, c4c: true });
    w.hubspot.addCompany({ id: '2901', properties: { name: COMPANY, domain: 'zellerfeinwerk.example' } });
    for (const p of [...Object.values(P), other])
      w.hubspot.addContact({
        id: p.id,
        companyId: p === other ? '201' : '2901',
        properties: { ...mql, ...personFields(p) },
      });
    expect((await w.teams.conversationUpdateMembersAdded(USERS.alex)).status).toBe(200);
  }, 60_000);
  afterAll(async () => {
    await w?.close();
  });

  function personFields(p: Person) {
    return { firstname: p.firstname, lastname: p.lastname, email: p.email, phone: p.phone, jobtitle: p.jobtitle };
  }

  async function cardOf(p: Person) {
    const e = await w.connector.waitFor(
      (x) => x.conversationId === conv() && x.kind === 'sent' && JSON.stringify(x.activity).includes(p.firstname),
      10_000,
      { since: 0 },
    );
    cards.set(p.id, e.activityId);
    return (e.activity.attachments as any[])[0].content;
  }

  async function click(p: Person, card: unknown, title: string, extra: Record<string, unknown> = {}) {
    const a = action(card, title);
    const res = await w.teams.cardAction(
      USERS.alex,
      { verb: a.verb!, data: { ...a.data, ...extra } },
      { replyToId: cards.get(p.id) },
    );
    expect(res.status).toBe(200);
    return (res.body as any).value;
  }

  const leadOf = (contactId: string) =>
    w.lb.store.db.selectFrom('leads').selectAll().where('contact_id', '=', contactId).executeTakeFirstOrThrow();

  it('makes a lead in every state: MQL, SAL with BANT notes, rejected with a note, opportunity (and another SAL)', async () => {
    const everyone = [...Object.values(P), other];
    // Events that carry personal values: HubSpot stores them in the event, LeadBridge in webhook_events.
    const r = await w.webhook(
      everyone.flatMap((p) => [
        scoreEvent(p.id),
        webhookEvent(
          'classic',
          'propertyChange',
          { type: 'contact', id: Number(p.id) },
          { portalId: PORTAL, propertyName: 'phone', propertyValue: p.phone },
        ),
      ]),
    );
    expect(r.status).toBe(200);
    const mqlCard = await cardOf(P.mql);
    expect(cardText(mqlCard)).toContain(`${P.mql.firstname} ${P.mql.lastname}`);

    let sal = await click(P.sal, await cardOf(P.sal), 'Annehmen');
    sal = await click(P.sal, sal, 'BANT speichern', { bant_budget: 'yes', bant_budget_note: notes.sal });
    expect(cardText(sal)).toContain('SAL');

    await click(P.rejected, await cardOf(P.rejected), 'Ablehnung senden', {
      reason: 'no_interest',
      note: notes.rejected,
    });

    let opp = await click(P.opp, await cardOf(P.opp), 'Annehmen');
    opp = await click(P.opp, opp, 'BANT speichern', {
      bant_budget: 'yes',
      bant_need: 'yes',
      bant_need_note: notes.opp,
      bant_closeDate: '2027-03-31',
    });
    opp = await click(P.opp, opp, 'Opportunity anlegen');
    expect(cardText(opp)).toContain('Opportunity');

    // Reminders name the person too (a manager's "Erinnern" on the MQL and on the other lead).
    await enqueue(
      w.lb.store.db,
      [
        slaReminder.job({ leadId: (await leadOf(P.mql.id)).id, nudgedBy: 'Chefin Nord' }),
        slaReminder.job({ leadId: (await leadOf(other.id)).id, nudgedBy: 'Chefin Nord' }),
      ],
      Date.now(),
    );
    w.lb.deps.kick();
    await w.connector.waitFor(
      (x) => x.kind === 'sent' && !x.activity.attachments && JSON.stringify(x.activity).includes(P.mql.lastname),
      10_000,
      { since: 0 },
    );

    const o = await click(other, await cardOf(other), 'Annehmen');
    await click(other, o, 'BANT speichern', { bant_budget: 'yes', bant_budget_note: notes.other });
    await w.settle(30_000);
    expect((await leadOf(P.opp.id)).state).toBe('OPPORTUNITY');
    expect((await leadOf(P.rejected.id)).reject_note).toBe(notes.rejected);
    // Before: the person's values are in the store (the scan below can find them).
    const before = await dumpAllTables(w.lb.store);
    for (const v of [...personValues(P.sal), notes.sal, notes.rejected, COMPANY]) expect(before).toContain(v);
    if (engine === 'sqlite') {
      const raw = rawSqliteFiles(w.db.url);
      for (const v of [P.sal.email, P.sal.phone, notes.sal, notes.rejected]) expect(raw).toContain(asBytes(v));
    }
  }, 60_000);

  let c4cWritesAtErasure = 0;
  it('erases every lead on privacyDeletion / deletion, in both styles; pending 36One work is cancelled', async () => {
    // 36One is away while the SAL lead moves on: its 36One step waits in the outbox when the erasure comes.
    w.c4c!.down({ mode: 'unavailable' });
    const current = w.connector.activities(conv()).find((a) => a.id === cards.get(P.sal.id))!;
    await click(P.sal, (current.activity.attachments as any[])[0].content, 'Als SQL qualifizieren');
    const waiting = await w.lb.store.db
      .selectFrom('jobs')
      .select(['kind', 'status'])
      .where('lead_id', '=', (await leadOf(P.sal.id)).id)
      .where('status', '=', 'pending')
      .execute();
    expect(waiting.map((j) => j.kind)).toContain('c4c.status');

    for (const p of Object.values(P)) w.hubspot.archiveContact(p.id); // HubSpot has deleted them
    const ev = (style: 'classic' | 'generic', change: 'privacyDeletion' | 'deletion', p: Person) =>
      webhookEvent(style, change, { type: 'contact', id: Number(p.id) }, { portalId: PORTAL });
    const r = await w.webhook([
      ev('classic', 'privacyDeletion', P.mql),
      ev('generic', 'privacyDeletion', P.sal),
      ev('classic', 'deletion', P.rejected),
      ev('classic', 'privacyDeletion', P.rejected),
      ev('generic', 'deletion', P.opp),
    ]);
    expect(r).toEqual({ status: 200, body: { received: 5, duplicates: 0 } });
    await w.settle(30_000);
    c4cWritesAtErasure = w.c4c!.requests.filter((q) => q.method !== 'GET').length;
    await w.c4c!.up();

    const states = Object.fromEntries(
      await Promise.all(Object.entries(P).map(async ([k, p]) => [k, (await leadOf(p.id)).state])),
    );
    // Managers' figures survive: an open lead is closed as ERASED, a closed one keeps its state.
    expect(states).toEqual({ mql: 'ERASED', sal: 'ERASED', rejected: 'REJECTED', opp: 'OPPORTUNITY' });
    const rejected = await leadOf(P.rejected.id);
    expect(rejected).toMatchObject({
      owner_email: 'alexw@example.com',
      reject_reason: 'no_interest',
      reject_note: null,
      erased_reason: 'privacy_deletion',
    });
    expect(rejected.accepted_at).toBeNull();
    expect(Number(rejected.mql_at)).toBeGreaterThan(0);
    const sal2 = await leadOf(P.sal.id);
    expect(Number(sal2.accepted_at)).toBeGreaterThan(0);
    expect(JSON.parse(sal2.bant_json!)).toEqual({ budget: { value: 'yes' } });
    expect(sal2.erased_reason).toBe('privacy_deletion');
    expect((await leadOf(P.opp.id)).erased_reason).toBe('deletion');
    const jobs = await w.lb.store.db
      .selectFrom('jobs')
      .select(['kind', 'status'])
      .where('lead_id', '=', sal2.id)
      .where('kind', '=', 'c4c.status')
      .orderBy('id')
      .execute();
    expect(jobs.map((j) => j.status)).toEqual(['done', 'cancelled']);
  }, 60_000);

  it('leaves none of their personal data in any table, and the other lead untouched', async () => {
    const dump = await dumpAllTables(w.lb.store);
    for (const p of Object.values(P)) for (const v of personValues(p)) expect(dump).not.toContain(v);
    for (const v of [notes.sal, notes.rejected, notes.opp, COMPANY, '2027-03-31']) expect(dump).not.toContain(v);
    for (const v of [...personValues(other).filter((v) => v !== other.jobtitle), notes.other])
      expect(dump).toContain(v);
    const kept = await leadOf(other.id);
    expect(kept.state).toBe('SAL');
    expect(kept.erased_at).toBeNull();
    expect(kept.bant_json).toContain(notes.other);
  });

  it('replaces every posted card of theirs in place with the neutral card; the other card still names its person', async () => {
    for (const p of Object.values(P)) {
      const a = w.connector.activities(conv()).find((x) => x.id === cards.get(p.id))!;
      const text = JSON.stringify(a.activity);
      expect(cardText((a.activity.attachments as any[])[0].content)).toContain(ERASED_DE);
      for (const v of [...personValues(p), COMPANY]) expect(text).not.toContain(v);
      expect(text).not.toContain('Action.');
    }
    // Nothing in Teams names them any more: cards, and the reminder (now the neutral card too).
    const all = JSON.stringify(w.connector.allActivities().map((a) => a.activity));
    for (const p of Object.values(P)) for (const v of personValues(p)) expect(all).not.toContain(v);
    const reminders = w.connector.activities(conv()).filter((a) => String(a.versions[0]?.text).includes('Chefin Nord'));
    expect(reminders.map((a) => cardText((a.activity.attachments as any[] | undefined)?.[0]?.content ?? {}))).toEqual([
      expect.stringContaining(ERASED_DE),
      '',
    ]);
    expect(JSON.stringify(reminders[1]!.activity)).toContain(other.lastname);
    const o = w.connector.activities(conv()).find((x) => x.id === cards.get(other.id))!;
    expect(JSON.stringify(o.activity)).toContain(other.lastname);
  });

  it('a click on an old copy of an erased card gets the neutral card, and nothing changes', async () => {
    const res = await w.teams.cardAction(
      USERS.alex,
      { verb: 'lead.accept', data: { leadId: (await leadOf(P.mql.id)).id, v: 1 } },
      { replyToId: cards.get(P.mql.id) },
    );
    expect(cardText((res.body as any).value)).toContain(ERASED_DE);
    expect((await leadOf(P.mql.id)).state).toBe('ERASED');
  });

  it('sends nothing more about them to 36One', async () => {
    await w.settle(30_000);
    expect(w.c4c!.requests.filter((q) => q.method !== 'GET').length).toBe(c4cWritesAtErasure);
  });

  it('a second deletion event changes nothing', async () => {
    const leadsBefore = await w.lb.store.db.selectFrom('leads').selectAll().orderBy('id').execute();
    const eventsBefore = await w.lb.store.db.selectFrom('lead_events').selectAll().orderBy('id').execute();
    const mark = w.connector.mark();
    const r = await w.webhook([
      webhookEvent('classic', 'privacyDeletion', { type: 'contact', id: Number(P.sal.id) }, { portalId: PORTAL }),
    ]);
    expect(r.status).toBe(200);
    await w.settle(30_000);
    expect(await w.lb.store.db.selectFrom('leads').selectAll().orderBy('id').execute()).toEqual(leadsBefore);
    expect(await w.lb.store.db.selectFrom('lead_events').selectAll().orderBy('id').execute()).toEqual(eventsBefore);
    await expect(w.connector.waitFor(() => true, 300, { since: mark })).rejects.toThrow();
  });

  // PostgreSQL's files are not scanned: old row versions stay until VACUUM (PRIVACY.md).
  if (engine === 'sqlite')
    it('the SQLite files (database and WAL) hold none of their values', async () => {
      const raw = rawSqliteFiles(w.db.url);
      expect(raw).toContain(asBytes(other.lastname)); // the scan reads real rows
      for (const p of Object.values(P)) for (const v of personValues(p)) expect(raw).not.toContain(asBytes(v));
      for (const v of [notes.sal, notes.rejected, notes.opp, COMPANY]) expect(raw).not.toContain(asBytes(v));
    });
});
