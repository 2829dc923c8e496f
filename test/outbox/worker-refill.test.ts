import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { systemClock } from '../../src/lib/clock.js';
import { createLog } from '../../src/log.js';
import { Foreground } from '../../src/outbox/foreground.js';
import { type JobHandler, OutboxWorker } from '../../src/outbox/worker.js';
import { openStore, type Store } from '../../src/store/db.js';
import { claimJobs, enqueue, outboxStats } from '../../src/store/jobs-repo.js';
import { sqliteDatabase, type TestDatabase } from '../support/databases.js';

// The worker imports claimJobs from this module: wrapping the export lets the test count the claim queries.
vi.mock('../../src/store/jobs-repo.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/store/jobs-repo.js')>();
  return { ...real, claimJobs: vi.fn(real.claimJobs) };
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('outbox worker: foreground first, slots refilled in groups', () => {
  let tdb: TestDatabase;
  let store: Store;
  let worker: OutboxWorker | undefined;
  beforeEach(async () => {
    tdb = sqliteDatabase();
    store = await openStore(tdb.url);
    vi.mocked(claimJobs).mockClear();
  });
  afterEach(async () => {
    await worker?.stop();
    worker = undefined;
    await store.close();
    await tdb.drop();
  });

  function startWorker(handler: JobHandler, o: { concurrency?: number; foreground?: Foreground } = {}) {
    worker = new OutboxWorker({
      store,
      log: createLog('silent'),
      clock: systemClock,
      handlers: { 'test.job': handler },
      concurrency: o.concurrency ?? 4,
      pollMs: 1_000,
      foreground: o.foreground,
    });
    return worker.start();
  }
  const addJobs = (n: number) =>
    enqueue(
      store.db,
      Array.from({ length: n }, (_, i) => ({ kind: 'test.job', orderKey: `k:${i}` })),
      systemClock.now(),
    );
  async function until(cond: () => boolean | Promise<boolean>, timeoutMs = 5_000) {
    const end = Date.now() + timeoutMs;
    while (!(await cond())) {
      if (Date.now() > end) throw new Error('condition not met in time');
      await sleep(5);
    }
  }

  /** A foreground request that stays in flight until the returned function is called. */
  function holdRequest(fg: Foreground): () => void {
    let end!: () => void;
    void fg.run(
      () =>
        new Promise<void>((r) => {
          end = r;
        }),
    );
    return end;
  }

  it('starts no job while a foreground request is in flight, and starts them as soon as it ends', async () => {
    const fg = new Foreground(10_000);
    const endRequest = holdRequest(fg);
    const started: number[] = [];
    await addJobs(3);
    await startWorker(
      async () => {
        started.push(Date.now());
      },
      { foreground: fg },
    );
    await sleep(200);
    expect(started).toHaveLength(0);
    expect(vi.mocked(claimJobs)).not.toHaveBeenCalled();
    endRequest();
    // Started by the request's end, not by maxYieldMs: until() gives up after 5 s, half of the 10 s yield.
    await until(() => started.length === 3);
  });

  it('starts jobs after maxYieldMs when a foreground request does not end', async () => {
    const fg = new Foreground(150);
    const endRequest = holdRequest(fg);
    const started: number[] = [];
    await addJobs(2);
    const t0 = Date.now();
    await startWorker(
      async () => {
        started.push(Date.now());
      },
      { foreground: fg },
    );
    await until(() => started.length === 2);
    // Not before maxYieldMs (a timer never fires early); the request itself is still in flight.
    expect(started[0]! - t0).toBeGreaterThanOrEqual(140);
    endRequest();
    // Let the loop reach its idle wait first: a kick() that arrives while it waits in quiet() is lost, and stop() would sit out pollMs.
    await sleep(20);
  });

  it('claims far fewer times than it runs short jobs', async () => {
    const jobs = 200;
    await addJobs(jobs);
    let ran = 0;
    await startWorker(
      async () => {
        await sleep(Math.random() * 3);
        ran++;
      },
      { concurrency: 8 },
    );
    await until(async () => (await outboxStats(store.db, systemClock.now())).pending === 0, 15_000);
    expect(ran).toBe(jobs);
    const claims = vi.mocked(claimJobs).mock.calls.length;
    // One claim per finished job would be ~200; grouped refills take several slots per claim.
    expect(claims).toBeLessThan(jobs / 2);
  });

  it('keeps slots for other systems while one system hangs (an outage), and uses them all when it recovers', async () => {
    let release!: () => void;
    const outage = new Promise<void>((r) => {
      release = r;
    });
    let teamsRunning = 0,
      teamsMax = 0,
      hubspotDone = 0;
    worker = new OutboxWorker({
      store,
      log: createLog('silent'),
      clock: systemClock,
      concurrency: 4,
      maxPerSystem: 2,
      pollMs: 20,
      handlers: {
        'teams.deliver': async () => {
          teamsMax = Math.max(teamsMax, ++teamsRunning);
          await outage;
          teamsRunning--;
        },
        'hubspot.sync': async () => {
          hubspotDone++;
        },
      },
    });
    const now = systemClock.now();
    await enqueue(
      store.db,
      Array.from({ length: 6 }, (_, i) => ({ kind: 'teams.deliver', orderKey: `teams:${i}` })),
      now,
    );
    await worker.start();
    await until(() => teamsRunning === 4); // the first claim may take every slot (the share is soft)...
    await enqueue(
      store.db,
      Array.from({ length: 5 }, (_, i) => ({ kind: 'hubspot.sync', orderKey: `hubspot:${i}` })),
      now,
    );
    worker.kick();
    await sleep(150);
    expect(hubspotDone).toBe(0); // ...and while every slot hangs nothing else can run, until the outage ends:
    release();
    await until(() => hubspotDone === 5 && teamsRunning === 0);
    expect(teamsMax).toBe(4);
  });

  it('does not give a hanging system a slot back while it is at its share', async () => {
    let release!: () => void;
    const hang = new Promise<void>((r) => {
      release = r;
    });
    let teamsStarted = 0,
      hubspotDone = 0;
    worker = new OutboxWorker({
      store,
      log: createLog('silent'),
      clock: systemClock,
      concurrency: 4,
      maxPerSystem: 2,
      pollMs: 20,
      handlers: {
        'teams.deliver': async () => {
          teamsStarted++;
          await hang;
        },
        'hubspot.sync': async () => {
          await sleep(2);
          hubspotDone++;
        },
      },
    });
    const now = systemClock.now();
    // Teams jobs first in the queue (priority 0), then plenty of HubSpot work.
    await enqueue(
      store.db,
      Array.from({ length: 2 }, (_, i) => ({ kind: 'teams.deliver', orderKey: `teams:${i}` })),
      now,
    );
    await worker.start();
    await until(() => teamsStarted === 2);
    await enqueue(
      store.db,
      [
        ...Array.from({ length: 6 }, (_, i) => ({ kind: 'teams.deliver', orderKey: `teams:late${i}` })),
        ...Array.from({ length: 40 }, (_, i) => ({ kind: 'hubspot.sync', orderKey: `hubspot:${i}` })),
      ],
      now,
    );
    worker.kick();
    await until(() => hubspotDone === 40).catch(() => {});
    const seen = [teamsStarted, hubspotDone];
    release();
    expect(seen).toEqual([2, 40]); // at its share: the late Teams jobs wait, HubSpot used the other slots
  });
});
