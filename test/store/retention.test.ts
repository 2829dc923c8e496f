import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { type InboxEvent, storeInboxEvents } from '../../src/store/inbox-repo.js';
import { claimJobs, completeJob, enqueue, killJob } from '../../src/store/jobs-repo.js';
import { pruneBefore } from '../../src/store/retention-repo.js';
import { ENGINES } from '../support/databases.js';
import { useStore } from '../support/use-store.js';

const DAY = 86_400_000;
const event = (n: number): InboxEvent => ({
  dedupeKey: `1:2:${n}`,
  fingerprint: `f${n}`,
  portalId: 1,
  subscriptionType: 'contact.propertyChange',
  objectId: String(n),
  propertyName: 'hubspotscore',
  propertyValue: '10',
  occurredAt: 0,
  attemptNumber: 0,
  payload: {},
});

describe.each(ENGINES)('retention on %s', (engine) => {
  const ctx = useStore(engine);

  it('deletes finished jobs and webhook events older than the cut-off, in chunks, and keeps pending, dead and recent ones', async () => {
    const old = 10 * DAY,
      recent = 40 * DAY,
      cutoff = 30 * DAY;
    await storeInboxEvents(
      ctx.store.db,
      Array.from({ length: 7 }, (_, i) => event(i)),
      old,
    );
    await storeInboxEvents(ctx.store.db, [event(100), event(101)], recent);
    await enqueue(
      ctx.store.db,
      Array.from({ length: 9 }, (_, i) => ({ kind: 'hubspot.sync', orderKey: `k${i}` })),
      old,
    );
    const claimed = (await claimJobs(ctx.store.db, ctx.store.engine, 'w', 9, old, 60_000)).sort((a, b) => a.id - b.id);
    expect(claimed).toHaveLength(9);
    for (const j of claimed.slice(0, 5)) await completeJob(ctx.store.db, j.id, 'w', old); // 5 done long ago
    await completeJob(ctx.store.db, claimed[5]!.id, 'w', recent); // done recently
    await killJob(ctx.store.db, claimed[6]!.id, 'w', 'permanent 400', old); // dead: stays visible
    // claimed[7], claimed[8] stay pending (leased)

    const pruned = await pruneBefore(ctx.store.db, cutoff, 2);
    expect(pruned).toEqual({ jobs: 5, webhookEvents: 7 });
    const left = await ctx.store.db.selectFrom('jobs').select(['id', 'status']).orderBy('id').execute();
    expect(left.map((r) => [Number(r.id), r.status])).toEqual([
      [claimed[5]!.id, 'done'],
      [claimed[6]!.id, 'dead'],
      [claimed[7]!.id, 'pending'],
      [claimed[8]!.id, 'pending'],
    ]);
    const events = await ctx.store.db.selectFrom('webhook_events').select('dedupe_key').orderBy('id').execute();
    expect(events.map((e) => e.dedupe_key)).toEqual(['1:2:100', '1:2:101']);
    expect(await pruneBefore(ctx.store.db, cutoff)).toEqual({ jobs: 0, webhookEvents: 0 });
  });
});

describe('RETENTION_DAYS', () => {
  const base = { HUBSPOT_ACCESS_TOKEN: 'pat-x', HUBSPOT_CLIENT_SECRET: 'secret' };
  it('defaults to 30 days and refuses less than 2 with a clear message', () => {
    expect(loadConfig({ ...base }).retentionDays).toBe(30);
    expect(loadConfig({ ...base, RETENTION_DAYS: '7' }).retentionDays).toBe(7);
    expect(() => loadConfig({ ...base, RETENTION_DAYS: '1' })).toThrow(/RETENTION_DAYS: must be at least 2/);
  });
});
