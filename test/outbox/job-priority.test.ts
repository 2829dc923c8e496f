import { sql } from 'kysely';
import { beforeEach, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/db.js';
import { claimJobs, completeJob, enqueue, enqueueUnlessWaiting } from '../../src/store/jobs-repo.js';
import { jobPriorityMigration } from '../../src/store/migrations/0003-job-priority.js';
import { ENGINES, makeDatabase } from '../support/databases.js';
import { useStore } from '../support/use-store.js';

describe.each(ENGINES)('job priority on %s', (engine) => {
  const ctx = useStore(engine);
  beforeEach(async () => {
    await ctx.store.db.deleteFrom('jobs').execute();
  });

  const claim = (limit: number, now: number) => claimJobs(ctx.store.db, ctx.store.engine, 'w1', limit, now, 60_000);
  const priorities = async () =>
    (await ctx.store.db.selectFrom('jobs').select(['kind', 'priority']).orderBy('id').execute()).map((r) => [
      r.kind,
      Number(r.priority),
    ]);

  it('enqueue gives teams.* jobs priority 0 and every other kind 1', async () => {
    await enqueue(
      ctx.store.db,
      [
        { kind: 'teams.deliver', orderKey: 'teams:L1' },
        { kind: 'hubspot.sync', orderKey: 'hubspot:L1' },
        { kind: 'teamsish.job', orderKey: 'x:1' },
        { kind: 'c4c.status', orderKey: 'c4c:L1' },
      ],
      1000,
    );
    await enqueueUnlessWaiting(ctx.store.db, 'teams.refresh', [{ kind: 'teams.refresh', orderKey: 'teams:L2' }], 1000);
    expect(await priorities()).toEqual([
      ['teams.deliver', 0],
      ['hubspot.sync', 1],
      ['teamsish.job', 1],
      ['c4c.status', 1],
      ['teams.refresh', 0],
    ]);
  });

  it('claims teams.* jobs before older jobs of other kinds, then the rest oldest first', async () => {
    await enqueue(
      ctx.store.db,
      Array.from({ length: 5 }, (_, i) => ({
        kind: 'contact.evaluate',
        orderKey: `contact:1:${i}`,
        payload: { n: i },
      })),
      1000,
    );
    await enqueue(ctx.store.db, [{ kind: 'teams.deliver', orderKey: 'teams:A', payload: { n: 'card A' } }], 2000);
    await enqueue(ctx.store.db, [{ kind: 'teams.refresh', orderKey: 'teams:B', payload: { n: 'card B' } }], 3000);
    const n = (jobs: { payload: unknown }[]) => jobs.map((j) => (j.payload as { n: unknown }).n);
    expect(n(await claim(1, 5000))).toEqual(['card A']);
    expect(n(await claim(1, 5000))).toEqual(['card B']);
    expect(n(await claim(2, 5000)).sort()).toEqual([0, 1]);
    expect(n(await claim(10, 5000)).sort()).toEqual([2, 3, 4]);
  });

  it('keeps insertion order within an order key whatever the priority', async () => {
    await enqueue(
      ctx.store.db,
      [
        { kind: 'hubspot.sync', orderKey: 'lead:A', payload: { n: 1 } },
        { kind: 'teams.refresh', orderKey: 'lead:A', payload: { n: 2 } },
        { kind: 'teams.deliver', orderKey: 'lead:A', payload: { n: 3 } },
      ],
      1000,
    );
    for (const expected of [1, 2, 3]) {
      const got = await claim(10, 2000);
      expect(got.map((j) => (j.payload as { n: number }).n)).toEqual([expected]);
      expect(await completeJob(ctx.store.db, got[0]!.id, 'w1', 2000)).toBe(true);
    }
    expect(await claim(10, 2000)).toEqual([]);
  });

  it('migration 0003 adds priority to existing rows: 0 for teams.*, 1 otherwise, and claims by it', async () => {
    const other = await makeDatabase(engine);
    const s = await openStore(other.url);
    try {
      await jobPriorityMigration.down!(s.db); // back to the schema before 0003
      for (const [kind, key] of [
        ['hubspot.note', 'hubspot:L'],
        ['teams.deliver', 'teams:L'],
        ['contact.evaluate', 'contact:1:9'],
      ]) {
        await sql`insert into jobs (kind, lead_id, order_key, payload, status, attempts, run_at, created_at, updated_at)
                  values (${kind}, null, ${key}, '{}', 'pending', 0, 100, 100, 100)`.execute(s.db);
      }
      await jobPriorityMigration.up(s.db);
      const rows = await s.db.selectFrom('jobs').select(['kind', 'priority']).orderBy('id').execute();
      expect(rows.map((r) => [r.kind, Number(r.priority)])).toEqual([
        ['hubspot.note', 1],
        ['teams.deliver', 0],
        ['contact.evaluate', 1],
      ]);
      const first = await claimJobs(s.db, s.engine, 'w1', 1, 200, 60_000);
      expect(first.map((j) => j.kind)).toEqual(['teams.deliver']);
    } finally {
      await s.close();
      await other.drop();
    }
  });
});
