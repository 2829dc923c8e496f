import { describe, expect, it } from 'vitest';
import {
  findChannel,
  findPersonalByEmail,
  installedTeams,
  saveConversation,
} from '../../src/store/conversations-repo.js';
import { openStore } from '../../src/store/db.js';
import { storeInboxEvents } from '../../src/store/inbox-repo.js';
import {
  claimJobs,
  completeJob,
  completeJobs,
  enqueue,
  enqueueUnlessWaiting,
  killJob,
  outboxStats,
  retryJobLater,
} from '../../src/store/jobs-repo.js';
import {
  addLeadEvent,
  findLeadByCycle,
  getLead,
  insertLead,
  leadEvents,
  setC4cRefs,
  updateLeadIfVersion,
} from '../../src/store/leads-repo.js';
import { ENGINES } from '../support/databases.js';
import { makeLead } from '../support/team-world.js';
import { useStore } from '../support/use-store.js';

describe.each(ENGINES)('store on %s', (engine) => {
  const ctx = useStore(engine);

  it('migrates idempotently (a second instance starting finds nothing to do)', async () => {
    const again = await openStore(ctx.tdb.url);
    await again.close();
    expect(await ctx.store.ping()).toBe(true);
  });

  it('keeps one lead per contact and cycle', async () => {
    const a = makeLead({ contactId: 'c1' });
    expect(await insertLead(ctx.store.db, a)).toBe(true);
    expect(await insertLead(ctx.store.db, makeLead({ contactId: 'c1' }))).toBe(false);
    expect((await findLeadByCycle(ctx.store.db, a.portalId, 'c1', 1))?.id).toBe(a.id);
    expect(await insertLead(ctx.store.db, makeLead({ contactId: 'c1', cycle: 2 }))).toBe(true);
  });

  it('round-trips a lead and lets only one of two writers with the same version win', async () => {
    const a = makeLead({
      contactId: 'c2',
      company: { id: '9', name: 'Beispiel AG', annualRevenue: 60e6, employees: 120 },
    });
    await insertLead(ctx.store.db, a);
    expect(await getLead(ctx.store.db, a.id)).toEqual(a);
    const [x, y] = await Promise.all([
      updateLeadIfVersion(ctx.store.db, { ...a, state: 'SAL', version: 2 }, 1),
      updateLeadIfVersion(ctx.store.db, { ...a, state: 'REJECTED', version: 2 }, 1),
    ]);
    expect([x, y].filter(Boolean)).toHaveLength(1);
    expect((await getLead(ctx.store.db, a.id))?.version).toBe(2);
  });

  it('keeps the audit trail in order', async () => {
    const a = makeLead({ contactId: 'c3' });
    await insertLead(ctx.store.db, a);
    await addLeadEvent(ctx.store.db, a.id, {
      at: 1,
      actor: { id: 'u1', name: 'Alex' },
      action: 'mql',
      fromState: null,
      toState: 'MQL',
      source: 'webhook',
    });
    await addLeadEvent(ctx.store.db, a.id, {
      at: 2,
      actor: { id: 'u1', name: 'Alex' },
      action: 'accept',
      fromState: 'MQL',
      toState: 'SAL',
      source: 'card',
      detail: { v: 2 },
    });
    expect((await leadEvents(ctx.store.db, a.id)).map((e) => e.action)).toEqual(['mql', 'accept']);
  });

  it('keeps the 36One references an effect wrote while a card action held an older copy of the lead', async () => {
    const lead = makeLead({ contactId: '777' });
    await insertLead(ctx.store.db, lead);
    const readByClick = (await getLead(ctx.store.db, lead.id))!;
    await setC4cRefs(ctx.store.db, lead.id, {
      c4cLeadId: '4711',
      ownerMapped: true,
      account: { id: '1000123', match: 'externalId' },
    });
    expect(await updateLeadIfVersion(ctx.store.db, { ...readByClick, state: 'SAL', version: 2 }, 1)).toBe(true);
    const after = (await getLead(ctx.store.db, lead.id))!;
    expect([after.state, after.c4cLeadId, after.c4cOwnerMapped]).toEqual(['SAL', '4711', true]);
  });

  it('drops duplicate webhook events but keeps distinct ones that share an eventId', async () => {
    const e = {
      dedupeKey: '1:2:3',
      fingerprint: 'f1',
      portalId: 1,
      subscriptionType: 'contact.creation',
      objectId: '5',
      propertyName: null,
      propertyValue: null,
      occurredAt: 1,
      attemptNumber: 0,
      payload: {},
    };
    expect(await storeInboxEvents(ctx.store.db, [e, e], 10)).toHaveLength(1);
    expect(await storeInboxEvents(ctx.store.db, [e, { ...e, fingerprint: 'f2' }], 11)).toHaveLength(1);
  });

  it('completes a finished batch in one statement, only the jobs this owner still holds', async () => {
    const now = 5_000_000;
    await enqueue(
      ctx.store.db,
      [1, 2, 3].map((n) => ({ kind: 'k', orderKey: `batch:${n}` })),
      now,
    );
    const mine = (await claimJobs(ctx.store.db, ctx.store.engine, 'w1', 2, now, 1000)).map((j) => j.id);
    const theirs = (await claimJobs(ctx.store.db, ctx.store.engine, 'w2', 1, now, 1000)).map((j) => j.id);
    expect(await completeJobs(ctx.store.db, [...mine, ...theirs], 'w1', now)).toBe(2);
    const rows = await ctx.store.db
      .selectFrom('jobs')
      .select(['id', 'status'])
      .where('id', 'in', [...mine, ...theirs])
      .execute();
    expect(Object.fromEntries(rows.map((r) => [Number(r.id), r.status]))).toEqual({
      [mine[0]!]: 'done',
      [mine[1]!]: 'done',
      [theirs[0]!]: 'pending',
    });
    expect(await completeJobs(ctx.store.db, [], 'w1', now)).toBe(0);
    expect(await completeJobs(ctx.store.db, theirs, 'w2', now)).toBe(1); // leave no pending job for the tests after
  });

  it('claims jobs once, in order per key, and re-offers an expired lease', async () => {
    const now = 1_000_000;
    await enqueue(
      ctx.store.db,
      [
        { kind: 'k', orderKey: 'lead:A', payload: { n: 1 } },
        { kind: 'k', orderKey: 'lead:A', payload: { n: 2 } },
        { kind: 'k', orderKey: 'lead:B', payload: { n: 3 } },
      ],
      now,
    );
    const [first, second] = await Promise.all([
      claimJobs(ctx.store.db, ctx.store.engine, 'w1', 10, now, 1000),
      claimJobs(ctx.store.db, ctx.store.engine, 'w2', 10, now, 1000),
    ]);
    const all = [...first, ...second].map((j) => (j.payload as any).n).sort();
    expect(all).toEqual([1, 3]);
    const one = [...first, ...second].find((j) => (j.payload as any).n === 1)!;
    const owner = first.includes(one) ? 'w1' : 'w2';
    // lead:A's second job waits until the first is done; an expired lease makes job 1 claimable again.
    expect(await claimJobs(ctx.store.db, ctx.store.engine, 'w3', 10, now + 500, 1000)).toEqual([]);
    const retaken = await claimJobs(ctx.store.db, ctx.store.engine, 'w3', 10, now + 1001, 1000);
    expect(retaken.map((j) => (j.payload as any).n).sort()).toEqual([1, 3]);
    expect(await completeJob(ctx.store.db, one.id, owner, now + 1002)).toBe(false);
    for (const j of retaken) expect(await completeJob(ctx.store.db, j.id, 'w3', now + 1002)).toBe(true);
    const next = await claimJobs(ctx.store.db, ctx.store.engine, 'w3', 10, now + 1003, 1000);
    expect(next.map((j) => (j.payload as any).n)).toEqual([2]);
    await retryJobLater(ctx.store.db, next[0]!.id, 'w3', now + 5000, 'boom', now + 1004);
    expect(await claimJobs(ctx.store.db, ctx.store.engine, 'w3', 10, now + 2000, 1000)).toEqual([]);
    const again = await claimJobs(ctx.store.db, ctx.store.engine, 'w3', 10, now + 5000, 1000);
    expect(again[0]?.attempts).toBe(2);
    await killJob(ctx.store.db, again[0]!.id, 'w3', 'gave up', now + 5001);
    expect(await outboxStats(ctx.store.db, now + 6000)).toMatchObject({ pending: 0, dead: 1 });
  });

  it('coalesces evaluation triggers that are still waiting', async () => {
    const job = { kind: 'contact.evaluate', orderKey: 'contact:1:77' };
    expect(await enqueueUnlessWaiting(ctx.store.db, job.kind, [job], 1)).toBe(1);
    expect(await enqueueUnlessWaiting(ctx.store.db, job.kind, [job, { ...job, orderKey: 'contact:1:78' }], 2)).toBe(1);
  });

  it('finds a user by email or UPN, a channel, and the installed teams first installed first', async () => {
    const base = {
      userId: '29:1',
      aadObjectId: 'aad-1',
      name: 'Alex',
      tenantId: 't',
      locale: 'de-DE',
      teamId: null,
      reference: { a: 1 },
      blocked: false,
    };
    await saveConversation(
      ctx.store.db,
      { ...base, id: 'a:1', kind: 'personal', email: 'AlexW@Example.com', upn: 'alex@contoso.com' },
      1,
    );
    expect((await findPersonalByEmail(ctx.store.db, 'alexw@example.com'))?.id).toBe('a:1');
    expect((await findPersonalByEmail(ctx.store.db, 'ALEX@contoso.com'))?.id).toBe('a:1');
    const channel = { ...base, kind: 'channel' as const, email: null, upn: null, userId: null, aadObjectId: null };
    await saveConversation(ctx.store.db, { ...channel, id: '19:inbox@thread.tacv2', teamId: '19:team-1' }, 2);
    expect((await findChannel(ctx.store.db, '19:inbox@thread.tacv2'))?.teamId).toBe('19:team-1');
    expect(await findChannel(ctx.store.db, '19:other')).toBeNull();
    // Teams are their General channel (id = team id); the first installed stays first when it is stored again later.
    await saveConversation(ctx.store.db, { ...channel, id: '19:team-1', teamId: '19:team-1' }, 3);
    await saveConversation(ctx.store.db, { ...channel, id: '19:team-0', teamId: '19:team-0' }, 4);
    await saveConversation(ctx.store.db, { ...channel, id: '19:team-1', teamId: '19:team-1', name: 'renamed' }, 5);
    expect((await installedTeams(ctx.store.db)).map((t) => t.id)).toEqual(['19:team-1', '19:team-0']);
  });
});
