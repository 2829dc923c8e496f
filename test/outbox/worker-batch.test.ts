/**
 * Batch handlers in the outbox worker: a claimed job of a batch kind takes more due jobs of its kind into its slot
 * (claimJobs' `kind` filter, still one job per order key at a time), and each job of a batch is then completed,
 * retried or given up on its own; leases are renewed for every job of a running batch.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { systemClock } from '../../src/lib/clock.js';
import { IntegrationError } from '../../src/lib/integration-error.js';
import { createLog } from '../../src/log.js';
import { type BatchHandler, OutboxWorker } from '../../src/outbox/worker.js';
import { claimJobs, enqueue, type Job, type NewJob, outboxStats } from '../../src/store/jobs-repo.js';
import { ENGINES } from '../support/databases.js';
import { useStore } from '../support/use-store.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.each(ENGINES)('outbox worker batches on %s', (engine) => {
  const ctx = useStore(engine);
  let worker: OutboxWorker | undefined;
  beforeEach(async () => {
    await ctx.store.db.deleteFrom('jobs').execute();
  });
  afterEach(async () => {
    await worker?.stop();
    worker = undefined;
  });

  const add = (jobs: NewJob[], now = systemClock.now()) => enqueue(ctx.store.db, jobs, now);
  const rows = () => ctx.store.db.selectFrom('jobs').selectAll().orderBy('id').execute();
  async function until(cond: () => boolean | Promise<boolean>, timeoutMs = 10_000) {
    const end = Date.now() + timeoutMs;
    while (!(await cond())) {
      if (Date.now() > end) throw new Error('condition not met in time');
      await sleep(10);
    }
  }
  const settled = async () => (await outboxStats(ctx.store.db, systemClock.now())).pending === 0;

  function start(o: {
    batch: BatchHandler;
    single?: (j: Job) => Promise<void>;
    leaseMs?: number;
    concurrency?: number;
  }) {
    worker = new OutboxWorker({
      store: ctx.store,
      log: createLog('silent'),
      clock: systemClock,
      concurrency: o.concurrency ?? 4,
      pollMs: 50,
      leaseMs: o.leaseMs,
      handlers: {
        'b.job': async () => {
          throw new Error('the single handler must not run for a batch kind');
        },
        'x.job': o.single ?? (async () => {}),
      },
      batchHandlers: { 'b.job': o.batch },
    });
    return worker.start();
  }

  it('claimJobs with a kind takes only that kind, oldest first, one job per order key', async () => {
    await add(
      [
        { kind: 'x.job', orderKey: 'x:1' },
        { kind: 'b.job', orderKey: 'k:1', payload: { n: 1 } },
        { kind: 'b.job', orderKey: 'k:1', payload: { n: 2 } }, // waits for n=1 (same order key)
        { kind: 'b.job', orderKey: 'k:2', payload: { n: 3 } },
        { kind: 'teams.deliver', orderKey: 't:1' },
      ],
      1000,
    );
    const got = await claimJobs(ctx.store.db, ctx.store.engine, 'w1', 10, 2000, 60_000, 'b.job');
    expect(got.map((j) => (j.payload as { n: number }).n).sort()).toEqual([1, 3]); // RETURNING has no order
    expect(await claimJobs(ctx.store.db, ctx.store.engine, 'w2', 10, 2000, 60_000, 'b.job')).toEqual([]);
    expect((await claimJobs(ctx.store.db, ctx.store.engine, 'w2', 10, 2000, 60_000)).map((j) => j.kind).sort()).toEqual(
      ['teams.deliver', 'x.job'],
    );
  });

  it('runs a burst in few large batches, never two jobs of one order key together, and every job once', async () => {
    const N = 250;
    await add(Array.from({ length: N }, (_, i) => ({ kind: 'b.job', orderKey: `k:${i % 200}`, payload: { n: i } })));
    await add([{ kind: 'x.job', orderKey: 'x:1' }]);
    const batches: number[][] = [];
    let singles = 0;
    await start({
      batch: {
        max: 100,
        async handle(jobs) {
          batches.push(jobs.map((j) => (j.payload as { n: number }).n));
          await sleep(5);
          return jobs.map(() => undefined);
        },
      },
      single: async () => {
        singles++;
      },
    });
    await until(settled);
    expect(singles).toBe(1);
    expect(batches.flat().sort((a, b) => a - b)).toEqual(Array.from({ length: N }, (_, i) => i));
    expect(Math.max(...batches.map((b) => b.length))).toBeLessThanOrEqual(100);
    expect(batches.length).toBeLessThanOrEqual(8); // 250 jobs: 3 batches when nothing interleaves; far fewer than 250 either way
    for (const b of batches) {
      const keys = b.map((n) => n % 200);
      expect(new Set(keys).size).toBe(keys.length);
    }
    // Same order key: the later job ran in a later batch.
    const batchOf = (n: number) => batches.findIndex((b) => b.includes(n));
    for (let n = 200; n < N; n++) expect(batchOf(n)).toBeGreaterThan(batchOf(n - 200));
    expect((await rows()).every((r) => r.status === 'done' && r.lease_owner === null)).toBe(true);
  });

  it('each job of a batch has its own outcome: done, retried later, or given up', async () => {
    await add(Array.from({ length: 6 }, (_, i) => ({ kind: 'b.job', orderKey: `k:${i}`, payload: { n: i } })));
    const seen = new Map<number, number>();
    const outcomes: Array<[number, string]> = [];
    worker = new OutboxWorker({
      store: ctx.store,
      log: createLog('silent'),
      clock: systemClock,
      concurrency: 4,
      pollMs: 50,
      handlers: {},
      onOutcome: (job, outcome) => outcomes.push([(job.payload as { n: number }).n, outcome]),
      batchHandlers: {
        'b.job': {
          max: 100,
          async handle(jobs) {
            return jobs.map((j) => {
              const n = (j.payload as { n: number }).n;
              seen.set(n, (seen.get(n) ?? 0) + 1);
              if (n === 1 && seen.get(n) === 1) return new IntegrationError('hubspot', 'busy', { retryAfterMs: 200 });
              if (n === 2) return new IntegrationError('hubspot', 'no such thing', { status: 400, permanent: true });
              return undefined;
            });
          },
        },
      },
    });
    await worker.start();
    await until(async () => (await rows()).every((r) => r.status !== 'pending'));
    const byN = Object.fromEntries(
      (await rows()).map((r) => [
        JSON.parse(r.payload).n,
        { status: r.status, attempts: r.attempts, error: r.last_error },
      ]),
    );
    expect(byN[1]).toEqual({ status: 'done', attempts: 2, error: null });
    expect(byN[2]).toEqual({ status: 'dead', attempts: 1, error: 'no such thing' });
    for (const n of [0, 3, 4, 5]) expect(byN[n]).toEqual({ status: 'done', attempts: 1, error: null });
    expect(outcomes.filter(([, o]) => o === 'retry')).toEqual([[1, 'retry']]);
    expect(outcomes.filter(([, o]) => o === 'dead')).toEqual([[2, 'dead']]);
    expect(outcomes.filter(([, o]) => o === 'done')).toHaveLength(5);
  });

  it('a batch handler that throws fails every job of the batch, and they run again', async () => {
    await add(Array.from({ length: 3 }, (_, i) => ({ kind: 'b.job', orderKey: `k:${i}` })));
    let calls = 0;
    await start({
      batch: {
        max: 10,
        async handle(jobs) {
          if (++calls === 1) throw new IntegrationError('hubspot', 'down', { retryAfterMs: 100 });
          return jobs.map(() => undefined);
        },
      },
    });
    await until(settled);
    expect((await rows()).map((r) => [r.status, r.attempts])).toEqual([
      ['done', 2],
      ['done', 2],
      ['done', 2],
    ]);
  });

  it('renews the lease of every job in a running batch', async () => {
    await add(Array.from({ length: 5 }, (_, i) => ({ kind: 'b.job', orderKey: `k:${i}` })));
    let release!: () => void;
    const running = new Promise<void>((r) => {
      release = r;
    });
    let started = false;
    await start({
      leaseMs: 300,
      batch: {
        max: 10,
        async handle(jobs) {
          started = true;
          await running;
          return jobs.map(() => undefined);
        },
      },
    });
    await until(() => started);
    await sleep(700); // more than twice the lease
    const now = systemClock.now();
    const leased = await rows();
    expect(leased.every((r) => r.lease_owner === worker!.instanceId && Number(r.lease_until) > now)).toBe(true);
    // Another instance cannot take them meanwhile.
    expect(await claimJobs(ctx.store.db, ctx.store.engine, 'other', 10, now, 300, 'b.job')).toEqual([]);
    release();
    await until(settled);
  });
});
