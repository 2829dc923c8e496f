/**
 * The Teams connector answering 429 with Retry-After, 502/504, and 403 ConversationBlockedByUser, for several leads
 * at once: in the end exactly one card per lead (counted per contact at the connector stand-in), and meanwhile the
 * failure is visible in the outbox rows (jobs.last_error, attempts, run_at).
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cardText } from '../support/cards.js';
import {
  addMqlContacts,
  cardCounts,
  cardsByContact,
  each,
  type FaultWorld,
  type JobRow,
  LEAD_INBOX,
  leadIdOf,
  leadsByContact,
  onlyCard,
  scoreEvent,
  startFaultWorld,
  USERS,
  waitUntil,
} from './support.js';

describe('Teams connector faults (several leads at once)', () => {
  let w: FaultWorld;
  let conv: { alex: string; megan: string; adele: string };
  beforeAll(async () => {
    w = await startFaultWorld();
    for (const u of [USERS.alex, USERS.megan, USERS.adele]) await w.teams.conversationUpdateMembersAdded(u);
    await w.teams.botAddedToTeam(USERS.admin, LEAD_INBOX);
    conv = {
      alex: w.connector.personalConversationId(USERS.alex.id),
      megan: w.connector.personalConversationId(USERS.megan.id),
      adele: w.connector.personalConversationId(USERS.adele.id),
    };
  });
  afterAll(async () => {
    await w?.close();
  });
  afterEach(() => w?.connector.clearFaults()); // a failed test leaves no fault behind for the next

  const deliveries = async (contactIds: string[]): Promise<JobRow[]> =>
    Promise.all(
      contactIds.map(async (id) => (await w.jobs({ kind: 'teams.deliver', leadId: await leadIdOf(w, id) }))[0]!),
    );
  const sendsTo = (conversationId: string) =>
    w.connector.requests.filter(
      (r) => r.method === 'POST' && r.path.startsWith(`/v3/conversations/${conversationId}/activities`),
    );

  it("429 with Retry-After and 502/504: retried with the server's wait, one card per lead, failures on the outbox rows", async () => {
    const throttled = ['7201', '7202', '7203'];
    const bad = ['7204', '7205'];
    const timedOut = ['7206', '7207'];
    const all = [...throttled, ...bad, ...timedOut];
    addMqlContacts(w.hubspot, [
      ...throttled.map((id) => ({ id, ownerId: '101', companyId: '201' })),
      ...bad.map((id) => ({ id, ownerId: '102', companyId: '202' })),
      ...timedOut.map((id) => ({ id, ownerId: '103', companyId: '203' })),
    ]);
    // Every send to these chats fails until the faults are cleared.
    w.connector.fault({ method: 'POST', path: conv.alex, status: 429, headers: { 'retry-after': '2' } });
    w.connector.fault({ method: 'POST', path: conv.megan, status: 502 });
    w.connector.fault({ method: 'POST', path: conv.adele, status: 504 });
    expect((await w.webhook(all.map((id) => scoreEvent(id)))).status).toBe(200);

    // Each row shows its chat's refusal. (An attempt may also end in a transient "Teams unreachable: socket hang up"
    // when a kept-alive socket is closed under botbuilder's client during its in-process retries; the next one says 4xx/5xx again.)
    const expected = (id: string) =>
      throttled.includes(id) ? /^Teams 429: Too many requests/ : bad.includes(id) ? /^Teams 502: / : /^Teams 504: /;
    const rows = await waitUntil(
      'every delivery to show its refusal',
      async () => {
        const ids = Object.values(await leadsByContact(w, all));
        if (ids.some((n) => n !== 1)) return null;
        const r = await deliveries(all);
        return r.every((j, i) => j.status === 'pending' && expected(all[i]!).test(j.lastError ?? '')) ? r : null;
      },
      40_000,
    );
    const byContact = Object.fromEntries(all.map((id, i) => [id, rows[i]!]));
    for (const id of throttled) expect(byContact[id]!.lastError).toMatch(/^Teams 429: Too many requests/);
    // Retry-After: 2 is honoured by the outbox.
    const throttledJobs = new Set(rows.filter((_, i) => throttled.includes(all[i]!)).map((j) => j.id));
    const waits = w
      .logged(
        'outbox: effect failed; will retry',
        (l) => throttledJobs.has(Number(l.jobId)) && /^Teams 429/.test(String(l.reason)),
      )
      .map((l) => Number(l.retryInMs));
    expect(waits.length).toBeGreaterThan(0);
    for (const ms of waits) expect(ms).toBeGreaterThanOrEqual(2_000);
    for (const id of bad) expect(byContact[id]!.lastError).toMatch(/^Teams 502: /);
    for (const id of timedOut) expect(byContact[id]!.lastError).toMatch(/^Teams 504: /);
    for (const r of rows) expect(r.attempts).toBeGreaterThanOrEqual(1);
    expect(cardCounts(w.connector, all)).toEqual(each(all, 0));
    const warned = w
      .logged('outbox: effect failed; will retry', (l) => l.kind === 'teams.deliver')
      .map((l) => String(l.reason));
    expect(warned.some((r) => r.startsWith('Teams 429'))).toBe(true);
    expect(warned.some((r) => r.startsWith('Teams 502'))).toBe(true);
    expect(warned.some((r) => r.startsWith('Teams 504'))).toBe(true);

    // Teams recovers.
    w.connector.clearFaults();
    await w.drain(30_000);
    expect(cardCounts(w.connector, all)).toEqual(each(all, 1));
    expect(await leadsByContact(w, all)).toEqual(each(all, 1));
    for (const id of throttled) expect(onlyCard(w.connector, id).conversationId).toBe(conv.alex);
    for (const id of bad) expect(onlyCard(w.connector, id).conversationId).toBe(conv.megan);
    for (const id of timedOut) expect(onlyCard(w.connector, id).conversationId).toBe(conv.adele);
    const done = await deliveries(all);
    for (const j of done) expect(j).toMatchObject({ status: 'done', lastError: null });
    for (const j of done) expect(j.attempts).toBeGreaterThanOrEqual(2);
    // The refusals really reached Teams (at least one per lead; botbuilder's client also retries up to 3 times itself).
    expect(sendsTo(conv.alex).filter((r) => r.status === 429).length).toBeGreaterThanOrEqual(throttled.length);
    expect(sendsTo(conv.megan).filter((r) => r.status === 502).length).toBeGreaterThanOrEqual(bad.length);
    expect(sendsTo(conv.adele).filter((r) => r.status === 504).length).toBeGreaterThanOrEqual(timedOut.length);
  }, 60_000);

  it('a failing card update (502) is retried and replaces the card in place: still one card, showing the new state', async () => {
    const id = '7201';
    const posted = onlyCard(w.connector, id);
    w.connector.fault({ method: 'PUT', path: conv.alex, status: 502 });
    const res = await w.teams.cardAction(
      USERS.alex,
      { verb: 'lead.accept', data: { leadId: await leadIdOf(w, id), v: 1 } },
      { replyToId: posted.activityId },
    );
    expect(res.status).toBe(200);
    expect(cardText((res.body as any).value)).toContain('SAL – angenommen');
    const leadId = await leadIdOf(w, id);
    const refresh = await waitUntil(
      'the card refresh to fail and wait',
      async () =>
        (await w.jobs({ kind: 'teams.refresh', leadId })).find(
          (r) => r.status === 'pending' && /^Teams 502/.test(r.lastError ?? '') && !r.leaseOwner,
        ),
      25_000,
    );
    expect(refresh.attempts).toBeGreaterThanOrEqual(1);
    expect(cardText(onlyCard(w.connector, id).card)).toContain('MQL – wartet auf Annahme'); // not yet replaced

    w.connector.clearFaults();
    await w.drain(30_000);
    const after = onlyCard(w.connector, id);
    expect(after.activityId).toBe(posted.activityId);
    expect(cardText(after.card)).toContain('SAL – angenommen');
    expect((await w.jobs({ kind: 'teams.refresh', leadId })).every((j) => j.status === 'done')).toBe(true);
  }, 60_000);

  it('403 ConversationBlockedByUser: the owner is marked blocked and every lead lands once in the lead inbox, naming the owner', async () => {
    const ids = ['7208', '7209', '7210'];
    addMqlContacts(
      w.hubspot,
      ids.map((id) => ({ id, ownerId: '103', companyId: '204' })),
    );
    w.connector.block(conv.adele);
    expect((await w.webhook(ids.map((id) => scoreEvent(id)))).status).toBe(200);
    await w.drain(30_000);

    expect(await leadsByContact(w, ids)).toEqual(each(ids, 1));
    expect(cardCounts(w.connector, ids)).toEqual(each(ids, 1));
    for (const id of ids) {
      const card = onlyCard(w.connector, id);
      expect(card.conversationId).toBe(LEAD_INBOX.id);
      expect(cardText(card.card)).toContain('Für Adele Vance');
    }
    // None reached the blocked chat; the refusals are on record.
    expect([...cardsByContact(w.connector, conv.adele).keys()].filter((k) => ids.includes(k))).toEqual([]);
    expect(sendsTo(conv.adele).some((r) => r.status === 403)).toBe(true);
    const chat = await w.lb.store.db
      .selectFrom('conversations')
      .selectAll()
      .where('id', '=', conv.adele)
      .executeTakeFirstOrThrow();
    expect(chat.blocked).toBe(1);
    expect(w.logged('recipient blocked the bot; using the lead inbox').length).toBeGreaterThanOrEqual(1);
    // Falling back is not a failure: the deliveries are done, none dead.
    for (const j of await deliveries(ids)) expect(j).toMatchObject({ status: 'done' });
  }, 60_000);
});
