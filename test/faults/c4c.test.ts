/**
 * 36One (C4C) down for minutes, with the retry schedule fast-forwarded by the test clock: the outbox backs off
 * (growing waits), HubSpot and Teams carry on, and after `up()` every 36One effect completes in order per lead with
 * exactly one 36One lead per MQL. A permanent 36One error (400 OData) shows "fehlgeschlagen" on the card with an admin
 * "Übertrag erneut versuchen" button; the admin's click re-queues the handover, which completes once the fault is fixed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { action, cardActions, cardText, syncLine } from '../support/cards.js';
import {
  addMqlContacts,
  cardCounts,
  cardsByContact,
  click,
  each,
  type FaultWorld,
  type JobRow,
  leadIdOf,
  leadsByContact,
  onlyCard,
  scoreEvent,
  startFaultWorld,
  USERS,
  waitUntil,
} from './support.js';

const ext = (contactId: string) => `hubspot:62515:${contactId}`;
const cardOf = (w: FaultWorld, contactId: string) => cardsByContact(w.connector).get(contactId)?.[0];

describe('36One faults', () => {
  let w: FaultWorld;
  beforeAll(async () => {
    w = await startFaultWorld({ c4c: true });
    await w.teams.conversationUpdateMembersAdded(USERS.alex);
  });
  afterAll(async () => {
    await w?.close();
  });

  const c4cLeadsOf = (contactId: string) => w.c4c!.leads().filter((l) => l.ExternalID === ext(contactId));
  const jobsOfContact = async (contactId: string, kind?: string): Promise<JobRow[]> =>
    w.jobs({ leadId: await leadIdOf(w, contactId), ...(kind ? { kind } : {}) });

  it('down for minutes: the outbox backs off, everything else carries on; after up() every effect completes in order, one 36One lead per MQL', async () => {
    const ids = ['7301', '7302', '7303', '7304'];
    addMqlContacts(
      w.hubspot,
      ids.map((id, i) => ({ id, ownerId: '101', companyId: String(201 + i) })),
    );
    w.c4c!.down({ mode: 'refuse' });
    expect((await w.webhook(ids.map((id) => scoreEvent(id)))).status).toBe(200);
    await waitUntil('one card per lead', () => Object.values(cardCounts(w.connector, ids)).every((n) => n === 1));
    for (const id of ids) expect(syncLine(onlyCard(w.connector, id).card)).toContain('36One ausstehend');

    // The owner works on while 36One is down: two accepts and a rejection.
    for (const id of ['7301', '7302'])
      expect(cardText(await click(w, USERS.alex, onlyCard(w.connector, id), 'Annehmen'))).toContain('SAL – angenommen');
    const rejected = await click(w, USERS.alex, onlyCard(w.connector, '7303'), 'Ablehnung senden', {
      reason: 'no_budget',
      note: 'Budget erst 2027',
    });
    expect(cardText(rejected)).toContain('Abgelehnt');

    // Keep 36One down for more than three minutes of (fast-forwarded) time.
    const downSince = w.clock.now();
    while (w.clock.now() - downSince < 3 * 60_000) await w.step();
    await w.quiet();
    const handovers = await Promise.all(ids.map((id) => jobsOfContact(id, 'c4c.ensureLead').then((j) => j[0]!)));
    for (const j of handovers) {
      expect(j.status).toBe('pending');
      expect(j.lastError).toMatch(/^36One: network error on GET LeadCollection: ECONNREFUSED/);
      expect(j.attempts).toBeGreaterThanOrEqual(5);
      // Backoff: each wait at least as long as the one before, the latest far longer than the first.
      const waits = w
        .logged('outbox: effect failed; will retry', (l) => l.jobId === j.id)
        .map((l) => Number(l.retryInMs));
      expect(waits.length).toBe(j.attempts);
      for (let i = 1; i < waits.length; i++) expect(waits[i]!).toBeGreaterThanOrEqual(waits[i - 1]!);
      expect(waits.at(-1)!).toBeGreaterThan(8 * waits[0]!);
      expect(j.runAt).toBeGreaterThan(j.updatedAt + 8_000);
    }
    // Status changes wait behind the handover of their lead (one queue per lead): never tried yet.
    const statusJobs = (
      await Promise.all(['7301', '7302', '7303'].map((id) => jobsOfContact(id, 'c4c.status')))
    ).flat();
    expect(statusJobs).toHaveLength(3);
    for (const j of statusJobs) expect(j).toMatchObject({ status: 'pending', attempts: 0 });
    // 36One being down blocks only 36One: HubSpot got its write-back, the cards say 36One is pending.
    expect(w.hubspot.contact('7301')!.properties.hs_lead_status).toBe('IN_PROGRESS');
    expect(w.hubspot.contact('7303')!.properties.hs_lead_status).toBe('UNQUALIFIED');
    expect(syncLine(onlyCard(w.connector, '7304').card)).toContain('36One ausstehend');
    expect(w.c4c!.leads()).toHaveLength(0);

    await w.c4c!.up();
    await w.drain(40_000);

    // Exactly one 36One lead per MQL, in the state the owner left it.
    expect(Object.fromEntries(ids.map((id) => [id, c4cLeadsOf(id).length]))).toEqual(each(ids, 1));
    expect(c4cLeadsOf('7301')[0]).toMatchObject({ UserStatusCode: '03' });
    expect(c4cLeadsOf('7302')[0]).toMatchObject({ UserStatusCode: '03' });
    expect(c4cLeadsOf('7303')[0]).toMatchObject({ UserStatusCode: '04', ResultReasonCode: 'Z01' });
    expect(c4cLeadsOf('7303')[0]!.Note).toContain('Budget erst 2027');
    expect(c4cLeadsOf('7304')[0]).toMatchObject({ UserStatusCode: '01' });
    // In order per lead: the create answered before the first change was even tried.
    for (const id of ['7301', '7302', '7303']) {
      const objectId = c4cLeadsOf(id)[0]!.ObjectID;
      const reqs = w.c4c!.requests;
      const created = reqs.findIndex(
        (r) =>
          r.method === 'POST' &&
          r.path === 'LeadCollection' &&
          (r.body as any)?.ExternalID === ext(id) &&
          r.status === 201,
      );
      const firstChange = reqs.findIndex((r) => r.method !== 'GET' && r.path === `LeadCollection('${objectId}')`);
      expect(created).toBeGreaterThanOrEqual(0);
      expect(firstChange).toBeGreaterThan(created);
      const [ensure] = await jobsOfContact(id, 'c4c.ensureLead');
      const [status] = await jobsOfContact(id, 'c4c.status');
      expect(ensure!.doneAt!).toBeLessThanOrEqual(status!.doneAt!);
      expect(status!.attempts).toBe(1); // it never ran before its lead existed in 36One
    }
    expect(await leadsByContact(w, ids)).toEqual(each(ids, 1));
    expect(cardCounts(w.connector, ids)).toEqual(each(ids, 1));
    for (const id of ids)
      expect(syncLine(onlyCard(w.connector, id).card)).toContain(`36One ✓ Lead ${c4cLeadsOf(id)[0]!.ID}`);
    expect((await w.jobs()).filter((j) => j.status !== 'done')).toEqual([]);
  }, 60_000);

  it('a permanent 36One error shows "fehlgeschlagen" with an admin retry button; the admin\'s retry completes once the fault is fixed', async () => {
    const id = '7305';
    addMqlContacts(w.hubspot, [{ id, ownerId: '101', companyId: '201' }]);
    const odata = {
      error: {
        code: 'INVALID_VALUE',
        message: { lang: 'en', value: "Property 'OriginTypeCode' has an invalid value" },
      },
    };
    w.c4c!.fault({ method: 'POST', path: 'LeadCollection', status: 400, body: odata, times: 100 });
    await w.webhook([scoreEvent(id)]);

    const failedText =
      "36One fehlgeschlagen – 36One: Property 'OriginTypeCode' has an invalid value (INVALID_VALUE, HTTP 400)";
    await waitUntil(
      'the card to show the failed handover',
      () => {
        const c = cardOf(w, id);
        return c && syncLine(c.card).includes(failedText);
      },
      15_000,
    );
    const [handover] = await jobsOfContact(id, 'c4c.ensureLead');
    expect(handover).toMatchObject({ status: 'dead', attempts: 1 });
    expect(handover!.lastError).toContain("Property 'OriginTypeCode' has an invalid value (INVALID_VALUE, HTTP 400)");
    expect(w.logged('outbox: effect failed for good', (l) => l.jobId === handover!.id)).toHaveLength(1);
    expect(cardActions(onlyCard(w.connector, id).card).map((a) => a.title)).toContain('Übertrag erneut versuchen');

    // The owner accepts meanwhile (the status change waits for the handover).
    await click(w, USERS.alex, onlyCard(w.connector, id), 'Annehmen');

    // Not an admin: refused, nothing re-queued.
    const refused = await click(w, USERS.alex, onlyCard(w.connector, id), 'Übertrag erneut versuchen');
    expect(cardText(refused)).toContain('Nur der Contact Owner dieses Leads (oder ein Admin) kann das tun.');
    expect((await jobsOfContact(id, 'c4c.ensureLead'))[0]!.status).toBe('dead');

    // Admin, fault not fixed yet: re-queued, tried again, failed again.
    const posts = () => w.c4c!.requests.filter((r) => r.method === 'POST' && r.path === 'LeadCollection').length;
    const before = posts();
    await click(w, USERS.admin, onlyCard(w.connector, id), 'Übertrag erneut versuchen');
    await waitUntil(
      'the re-queued handover to fail again',
      async () => (await jobsOfContact(id, 'c4c.ensureLead'))[0]!.status === 'dead' && posts() > before,
    );
    expect(w.logged('failed effects retried by an admin', (l) => l.actor === 'admin@example.com')).toHaveLength(1);

    // Fixed: the admin retries, the handover and the waiting status change complete.
    w.c4c!.clearFaults();
    await waitUntil('the retry button to be back on the card', () =>
      cardActions(onlyCard(w.connector, id).card).some((a) => a.title === 'Übertrag erneut versuchen'),
    );
    const answer = await click(w, USERS.admin, onlyCard(w.connector, id), 'Übertrag erneut versuchen');
    expect(syncLine(answer)).toContain('36One ausstehend');
    expect(cardActions(answer).map((a) => a.title)).not.toContain('Übertrag erneut versuchen');
    await w.drain(30_000);

    const leads = c4cLeadsOf(id);
    expect(leads).toHaveLength(1);
    expect(leads[0]).toMatchObject({ UserStatusCode: '03' });
    const card = onlyCard(w.connector, id).card;
    expect(syncLine(card)).toContain(`36One ✓ Lead ${leads[0]!.ID}`);
    expect(() => action(card, 'Übertrag erneut versuchen')).toThrow();
    for (const j of await jobsOfContact(id))
      expect({ kind: j.kind, status: j.status }).toEqual({ kind: j.kind, status: 'done' });
    expect(cardCounts(w.connector, [id])).toEqual({ [id]: 1 });
  }, 60_000);

  it('503 with Retry-After: the outbox waits exactly as long as 36One asks, then hands over once', async () => {
    const id = '7306';
    addMqlContacts(w.hubspot, [{ id, ownerId: '101', companyId: '202' }]);
    w.c4c!.down({ mode: 'unavailable', retryAfterSec: 120 });
    await w.webhook([scoreEvent(id)]);
    const [handover] = await waitUntil('the handover to be told to wait', async () => {
      const rows = await jobsOfContact(id, 'c4c.ensureLead').catch(() => []);
      return rows[0]?.status === 'pending' && rows[0].lastError && !rows[0].leaseOwner ? rows : null;
    });
    expect(handover!.lastError).toMatch(/HTTP 503/);
    expect(handover!.runAt - handover!.updatedAt).toBe(120_000);
    expect(w.c4c!.requests.filter((r) => r.status === 503)).toHaveLength(1); // asked once, then waited
    await w.c4c!.up();
    const { skippedMs } = await w.drain(20_000);
    expect(skippedMs).toBeGreaterThan(100_000);
    expect(c4cLeadsOf(id)).toHaveLength(1);
    expect(syncLine(onlyCard(w.connector, id).card)).toContain(`36One ✓ Lead ${c4cLeadsOf(id)[0]!.ID}`);
  }, 30_000);
});
