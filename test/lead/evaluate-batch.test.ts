/**
 * Contact evaluations run in batches: a burst of MQL webhooks costs a handful of HubSpot calls (one batch read of
 * contacts and one of companies per batch, each owner once), and every MQL still gets exactly one lead and one card.
 * HubSpot answering 207 (unknown ids), 429 (ten-secondly and DAILY) and 500 to a batch read loses no lead; a failed
 * owner read fails only the contacts of that owner.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addMqlContacts,
  cardCounts,
  cardsByContact,
  each,
  type FaultWorld,
  type JobRow,
  leadsByContact,
  PORTAL,
  scoreEvent,
  startFaultWorld,
  USERS,
  waitUntil,
} from '../faults/support.js';
import { rateLimitFault } from '../standins/hubspot.js';
import type { TeamsUser } from '../standins/teams-channel.js';
import { cardText } from '../support/cards.js';
import { ENGINES } from '../support/databases.js';

const OWNERS = 20;
const owners = Array.from({ length: OWNERS }, (_, i) => ({
  id: String(950 + i),
  email: `owner${i}@example.com`,
  firstName: 'Owner',
  lastName: String(i),
}));
const users = owners.map(
  (o, i): TeamsUser => ({
    id: `29:owner${i}`,
    aadObjectId: `aad-owner-${i}`,
    name: `Owner ${i}`,
    email: o.email,
    upn: o.email,
    tenantId: 'tenant-1',
    locale: 'de-DE',
  }),
);
const COMPANIES = Array.from({ length: 10 }, (_, i) => ({
  id: String(400 + i),
  properties: { name: `Firma${400 + i} GmbH`, annualrevenue: 1_000_000 * (i + 1), numberofemployees: 10 * (i + 1) },
}));
const CONTACT_BATCH = '/crm/v3/objects/contacts/batch/read';
const COMPANY_BATCH = '/crm/v3/objects/companies/batch/read';

describe.each(ENGINES)('batched contact evaluation (%s)', (engine) => {
  let w: FaultWorld;
  let nextId = engine === 'sqlite' ? 71_000 : 81_000;
  const newIds = (n: number) => Array.from({ length: n }, () => String(nextId++));
  const crmCalls = () => w.hubspot.requests.filter((r) => !r.path.startsWith('/_standin/'));
  const batchInputs = (r: { body: unknown }) =>
    ((r.body as { inputs?: Array<{ id: string }> })?.inputs ?? []).map((x) => x.id);
  const evaluations = async (ids: string[]) => {
    const rows = await w.jobs({ kind: 'contact.evaluate' });
    return ids.map((id) => rows.find((j) => j.orderKey === `contact:${PORTAL}:${id}`)!);
  };
  const delayOf = (j: JobRow) => j.runAt - j.updatedAt;

  beforeAll(async () => {
    w = await startFaultWorld({ engine });
    w.hubspot.seed({ owners, companies: COMPANIES });
    for (const u of [...users, USERS.alex, USERS.megan])
      expect((await w.teams.conversationUpdateMembersAdded(u)).status).toBe(200);
  }, 60_000);
  afterAll(async () => {
    await w?.close();
  });

  it('a burst of 200 contacts (150 MQLs) costs a few HubSpot calls; one lead and one card per MQL, none for the rest', async () => {
    const mqls = newIds(150);
    const others = newIds(50);
    addMqlContacts(
      w.hubspot,
      mqls.map((id, i) => ({ id, ownerId: owners[i % OWNERS]!.id, companyId: COMPANIES[i % COMPANIES.length]!.id })),
    );
    for (const id of others) {
      w.hubspot.addContact({
        id,
        companyId: '400',
        properties: {
          firstname: `Kontakt${id}`,
          lastname: 'Test',
          hubspotscore: 20,
          lifecyclestage: 'lead',
          hubspot_owner_id: owners[0]!.id,
        },
      });
    }
    w.hubspot.clearRequests();
    // As HubSpot delivers a burst: several requests at once, each with several events.
    const all = [...mqls, ...others].sort(() => Math.random() - 0.5);
    const acks = await Promise.all(
      Array.from({ length: 20 }, (_, i) => w.webhook(all.slice(i * 10, i * 10 + 10).map((id) => scoreEvent(id)))),
    );
    expect(acks.map((a) => a.status)).toEqual(Array(20).fill(200));
    await w.settle(60_000);
    await waitUntil(
      'every MQL card to be posted',
      () => mqls.every((id) => cardsByContact(w.connector).has(id)),
      30_000,
    );

    expect(await leadsByContact(w, [...mqls, ...others])).toEqual({ ...each(mqls, 1), ...each(others, 0) });
    expect(cardCounts(w.connector, [...mqls, ...others])).toEqual({ ...each(mqls, 1), ...each(others, 0) });
    // Enriched as before: company and owner are on the card.
    const first = cardText(cardsByContact(w.connector).get(mqls[0]!)![0]!.card);
    expect(first).toContain('Firma400 GmbH');
    expect(first).toContain('Owner 0');

    const calls = crmCalls();
    const contactReads = calls.filter((r) => r.path === CONTACT_BATCH);
    const companyReads = calls.filter((r) => r.path === COMPANY_BATCH);
    const ownerReads = calls.filter((r) => r.path.startsWith('/crm/v3/owners'));
    // Nothing else was read one by one.
    expect(
      calls.filter((r) => !contactReads.includes(r) && !companyReads.includes(r) && !ownerReads.includes(r)),
    ).toEqual([]);
    // Every contact was read once; the batches are large (at most 20 webhook requests, fewer after group commit).
    expect(contactReads.flatMap(batchInputs).sort()).toEqual([...mqls, ...others].sort());
    expect(contactReads.length).toBeLessThanOrEqual(20);
    expect(companyReads.length).toBeLessThanOrEqual(contactReads.length);
    // Owners come from the owner list (read at start, at most once more in the burst), not one call per owner.
    expect(ownerReads.every((r) => r.path === '/crm/v3/owners')).toBe(true);
    expect(ownerReads.length).toBeLessThanOrEqual(2);
    // Before batching: one contact read per contact, plus a company and an owner read per MQL = 500 calls.
    expect(calls.length).toBeLessThan(200 / 3);
  }, 120_000);

  it('HubSpot answers 207 for unknown and deleted contacts: their evaluations are done, the others make their leads', async () => {
    const [a, b, archived] = newIds(3);
    addMqlContacts(w.hubspot, [
      { id: a!, ownerId: '101', companyId: '201' },
      { id: b!, ownerId: '102', companyId: '202' },
      { id: archived!, ownerId: '101' },
    ]);
    w.hubspot.archiveContact(archived!);
    const unknown = '79999999';
    w.hubspot.clearRequests();
    await w.webhook([a!, unknown, b!, archived!].map((id) => scoreEvent(id)));
    await w.drain();
    const reads = crmCalls().filter((r) => r.path === CONTACT_BATCH);
    expect(reads.map((r) => r.status)).toEqual([207]);
    expect(batchInputs(reads[0]!).sort()).toEqual([a!, b!, archived!, unknown].sort());
    expect((await evaluations([a!, unknown, b!, archived!])).map((j) => [j.status, j.attempts])).toEqual(
      Array(4).fill(['done', 1]),
    );
    expect(await leadsByContact(w, [a!, b!, unknown, archived!])).toEqual({
      [a!]: 1,
      [b!]: 1,
      [unknown]: 0,
      [archived!]: 0,
    });
    expect(cardCounts(w.connector, [a!, b!, archived!])).toEqual({ [a!]: 1, [b!]: 1, [archived!]: 0 });
  });

  it("a 429 on the batch read retries all its evaluations after HubSpot's wait; they complete later", async () => {
    const ids = newIds(5);
    addMqlContacts(
      w.hubspot,
      ids.map((id) => ({ id, ownerId: '101', companyId: '203' })),
    );
    w.hubspot.clearRequests();
    w.hubspot.fault(
      rateLimitFault('TEN_SECONDLY_ROLLING', {
        method: 'POST',
        path: CONTACT_BATCH,
        times: 1,
        headers: { 'retry-after': '2' },
      }),
    );
    await w.webhook(ids.map((id) => scoreEvent(id)));
    const waiting = await waitUntil('all five evaluations to wait for the rate limit', async () => {
      const rows = await evaluations(ids);
      return rows.every((j) => j?.status === 'pending' && !j.leaseOwner && /rate limit/.test(j.lastError ?? ''))
        ? rows
        : null;
    });
    for (const j of waiting) {
      expect(j.lastError).toMatch(
        /^HubSpot rate limit \(TEN_SECONDLY_ROLLING\) while reading 5 contacts \(\d+, \d+, \d+, …\)$/,
      );
      expect(delayOf(j)).toBe(2_000);
      expect(j.attempts).toBe(1);
    }
    // One request for the five, and none while waiting.
    expect(crmCalls().map((r) => [r.path, r.status])).toEqual([[CONTACT_BATCH, 429]]);
    expect(cardCounts(w.connector, ids)).toEqual(each(ids, 0));

    const { skippedMs } = await w.drain();
    expect(skippedMs).toBeGreaterThan(0);
    expect((await evaluations(ids)).map((j) => [j.status, j.attempts])).toEqual(Array(5).fill(['done', 2]));
    expect(await leadsByContact(w, ids)).toEqual(each(ids, 1));
    await waitUntil('the five cards', () => Object.values(cardCounts(w.connector, ids)).every((n) => n === 1));
    expect(cardCounts(w.connector, ids)).toEqual(each(ids, 1));
    expect(
      crmCalls()
        .filter((r) => r.path === CONTACT_BATCH)
        .map((r) => r.status),
    ).toEqual([429, 200]);
  });

  it('a DAILY 429 makes the whole batch wait for the daily reset instead of asking again', async () => {
    const ids = newIds(4);
    addMqlContacts(
      w.hubspot,
      ids.map((id) => ({ id, ownerId: '102', companyId: '204' })),
    );
    w.hubspot.clearRequests();
    w.hubspot.fault(rateLimitFault('DAILY', { method: 'POST', path: CONTACT_BATCH, times: 1 }));
    await w.webhook(ids.map((id) => scoreEvent(id)));
    const heads = await w.quiet();
    const waiting = await evaluations(ids);
    expect(heads.map((j) => j.id).sort()).toEqual(waiting.map((j) => j.id).sort());
    for (const j of waiting) {
      expect(j.lastError).toMatch(/^HubSpot rate limit \(DAILY\) while reading 4 contacts/);
      expect(delayOf(j)).toBeGreaterThan(60_000);
    }
    expect(new Set(waiting.map((j) => j.runAt)).size).toBe(1);
    expect(crmCalls()).toHaveLength(1);
    const { skippedMs } = await w.drain();
    expect(skippedMs).toBeGreaterThan(60_000);
    expect(await leadsByContact(w, ids)).toEqual(each(ids, 1));
  });

  it('a 500 on a contacts batch and on a companies batch loses no lead, and the leads are still enriched', async () => {
    const ids = newIds(5);
    addMqlContacts(
      w.hubspot,
      ids.map((id) => ({ id, ownerId: '101', companyId: '205' })),
    );
    w.hubspot.clearRequests();
    w.hubspot.fault({ method: 'POST', path: CONTACT_BATCH, status: 500, times: 1 });
    w.hubspot.fault({ method: 'POST', path: COMPANY_BATCH, status: 500, times: 1 });
    await w.webhook(ids.map((id) => scoreEvent(id)));
    await w.drain();
    expect((await evaluations(ids)).map((j) => [j.status, j.attempts])).toEqual(Array(5).fill(['done', 3]));
    expect(
      crmCalls()
        .filter((r) => r.path === CONTACT_BATCH || r.path === COMPANY_BATCH)
        .map((r) => [r.path, r.status]),
    ).toEqual([
      [CONTACT_BATCH, 500],
      [CONTACT_BATCH, 200],
      [COMPANY_BATCH, 500],
      [CONTACT_BATCH, 200],
      [COMPANY_BATCH, 200],
    ]);
    const jobIds = (await evaluations(ids)).map((j) => j.id);
    const reasons = w.logged('outbox: effect failed; will retry', (l) => jobIds.includes(Number(l.jobId)));
    expect(reasons).toHaveLength(10); // five jobs, two failed attempts each
    expect(reasons.some((l) => /HubSpot 500 while reading 5 contacts/.test(String(l.reason)))).toBe(true);
    expect(reasons.some((l) => /HubSpot 500 while reading company 205/.test(String(l.reason)))).toBe(true);
    expect(await leadsByContact(w, ids)).toEqual(each(ids, 1));
    await waitUntil('the five cards', () => Object.values(cardCounts(w.connector, ids)).every((n) => n === 1));
    for (const id of ids)
      expect(cardText(cardsByContact(w.connector).get(id)![0]!.card)).toContain('Rheintal Maschinenbau AG');
  });

  it("a failed owner list read fails only the evaluations of the unknown owner's contacts", async () => {
    const [alexA, alexB, other] = newIds(3);
    const newOwner = { id: '777', email: 'meganb@example.com', firstName: 'Megan', lastName: 'Bowen' }; // not in the list read before
    w.hubspot.addOwner(newOwner);
    addMqlContacts(w.hubspot, [
      { id: alexA!, ownerId: '101', companyId: '201' },
      { id: other!, ownerId: '777', companyId: '201' },
      { id: alexB!, ownerId: '101', companyId: '201' },
    ]);
    w.hubspot.fault({ method: 'GET', path: /^\/crm\/v3\/owners$/, status: 503, times: 2 });
    await w.webhook([alexA!, other!, alexB!].map((id) => scoreEvent(id)));
    await w.drain();
    // Read from the log rather than from a snapshot between attempts: the retry may already have run by then.
    const jobIds = (await evaluations([alexA!, alexB!, other!])).map((j) => j.id);
    const retried = w.logged('outbox: effect failed; will retry', (l) => jobIds.includes(Number(l.jobId)));
    expect(retried.map((l) => [Number(l.jobId), String(l.reason)])).toEqual([
      [jobIds[2], expect.stringMatching(/HubSpot 503 while listing (archived )?owners/)],
    ]);
    expect(await leadsByContact(w, [alexA!, alexB!, other!])).toEqual(each([alexA!, alexB!, other!], 1));
    expect((await evaluations([alexA!, alexB!, other!])).map((j) => j.attempts)).toEqual([1, 1, 2]);
  });

  it('a permanent refusal of a batch caused by one contact costs only that contact: the others are read one by one', async () => {
    const [bad, ...good] = newIds(4);
    addMqlContacts(
      w.hubspot,
      [bad!, ...good].map((id) => ({ id, ownerId: '101', companyId: '201' })),
    );
    w.hubspot.clearRequests();
    // HubSpot refuses any read that includes this contact (400); the stand-in applies it to batches that include it too.
    w.hubspot.fault({ method: 'GET', path: `/crm/v3/objects/contacts/${bad}`, status: 400 });
    await w.webhook([bad!, ...good].map((id) => scoreEvent(id)));
    await w.drain();
    const [badJob, ...goodJobs] = await evaluations([bad!, ...good]);
    expect(badJob!.status).toBe('dead');
    expect(goodJobs.map((j) => [j.status, j.attempts])).toEqual(good.map(() => ['done', 1]));
    expect(await leadsByContact(w, [bad!, ...good])).toEqual({ [bad!]: 0, ...each(good, 1) });
    expect(
      crmCalls()
        .filter((r) => r.path === CONTACT_BATCH)
        .map((r) => r.status),
    ).toEqual([400]);
    w.hubspot.clearFaults();
  });

  it('a new MQL linked to a company that is not its primary one still gets that company (read on its own)', async () => {
    const [id] = newIds(1);
    // No primary company (associatedcompanyid empty): the batch read cannot name it, the single read's associations can.
    w.hubspot.addContact({
      id: id!,
      companyIds: ['205'],
      properties: {
        firstname: `Kontakt${id}`,
        lastname: 'Test',
        hubspotscore: 85,
        lifecyclestage: 'marketingqualifiedlead',
        hubspot_owner_id: '101',
        associatedcompanyid: '',
      },
    });
    w.hubspot.clearRequests();
    await w.webhook([scoreEvent(id!)]);
    await w.drain();
    await waitUntil('the card', () => cardsByContact(w.connector).has(id!));
    expect(cardText(cardsByContact(w.connector).get(id!)![0]!.card)).toContain('Rheintal Maschinenbau AG');
    expect(crmCalls().map((r) => `${r.method} ${r.path}`)).toEqual(
      expect.arrayContaining([`POST ${CONTACT_BATCH}`, `GET /crm/v3/objects/contacts/${id}`]),
    );
  });
});
