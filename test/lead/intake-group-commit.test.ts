import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parseWebhookBatch, type WebhookEvent } from '../../src/hubspot/webhook-events.js';
import { evaluateContact } from '../../src/services/lead/evaluate-contact.js';
import { groupCommitIntake } from '../../src/services/lead/intake.js';
import { ENGINES } from '../support/databases.js';
import { PORTAL, scoreEvent, startWorld, type World } from '../support/world.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const UNAVAILABLE = { error: 'unavailable', message: 'Events could not be stored; please retry.' };

/**
 * Wraps the store's transactions: counts them, keeps each open `holdMs` longer (so requests arriving
 * meanwhile must queue for the next one) and, while `fail` is set, throws after the writes, before commit.
 */
function instrumentTransactions(w: World) {
  const db = w.lb.store.db;
  const real = db.transaction.bind(db);
  const t = { count: 0, holdMs: 30, fail: undefined as Error | undefined, poison: undefined as string | undefined };
  (db as any).transaction = () => ({
    execute: (fn: (trx: unknown) => Promise<unknown>) => {
      t.count++;
      return real().execute(async (trx) => {
        const r = await fn(trx);
        await sleep(t.holdMs);
        if (t.fail) throw t.fail;
        // A batch the database refuses (as PostgreSQL would an out-of-range value): fails whichever transaction holds it.
        if (
          t.poison &&
          (await (trx as typeof db)
            .selectFrom('webhook_events')
            .select('dedupe_key')
            .where('dedupe_key', '=', t.poison)
            .executeTakeFirst())
        ) {
          throw new Error('value out of range');
        }
        return r;
      });
    },
  });
  return t;
}

const keyOf = (e: { eventId: number }) => `${PORTAL}:7001:${e.eventId}`;
const parsed = (events: object[]): WebhookEvent[] => {
  const p = parseWebhookBatch(JSON.stringify(events));
  if (!p.ok) throw new Error(p.message);
  return p.events;
};

describe.each(ENGINES)('webhook group commit (%s)', (engine) => {
  let w: World;
  let tx: ReturnType<typeof instrumentTransactions>;
  beforeAll(async () => {
    // No worker: the only transactions are the intake's.
    w = await startWorld({ engine, overrides: { worker: false } });
    tx = instrumentTransactions(w);
  });
  afterAll(async () => {
    await w?.close();
  });
  beforeEach(() => {
    tx.count = 0;
    tx.holdMs = 30;
    tx.fail = undefined;
    tx.poison = undefined;
  });

  const storedKeys = async (keys: string[]) =>
    (
      await w.lb.store.db.selectFrom('webhook_events').select('dedupe_key').where('dedupe_key', 'in', keys).execute()
    ).map((r) => r.dedupe_key);
  const evaluations = async (contactIds: string[]) =>
    (
      await w.lb.store.db
        .selectFrom('jobs')
        .select('order_key')
        .where('kind', '=', evaluateContact.kind)
        .where(
          'order_key',
          'in',
          contactIds.map((c) => `contact:${PORTAL}:${c}`),
        )
        .execute()
    ).length;

  it('answers 20 concurrent single-event requests, stores every event, in fewer transactions than requests', async () => {
    const events = Array.from({ length: 20 }, (_, i) => scoreEvent(2000 + i));
    const answers = await Promise.all(events.map((e) => w.webhook([e])));
    expect(answers).toEqual(events.map(() => ({ status: 200, body: { received: 1, duplicates: 0 } })));
    expect((await storedKeys(events.map(keyOf))).sort()).toEqual(events.map(keyOf).sort());
    expect(await evaluations(events.map((e) => String(e.objectId)))).toBe(20);
    expect(tx.count).toBeGreaterThan(0);
    expect(tx.count).toBeLessThan(events.length);
  });

  it('stores an event sent in two concurrent requests once; exactly one answer counts it as a duplicate', async () => {
    tx.holdMs = 100;
    const blocker = w.webhook([scoreEvent(2100)]);
    while (tx.count === 0) await sleep(1); // the blocker's transaction is open: the next two requests share the following one
    const e = scoreEvent(2101);
    const [a, b] = await Promise.all([w.webhook([e]), w.webhook([e])]);
    expect((await blocker).status).toBe(200);
    expect(tx.count).toBe(2);
    expect([a.status, b.status]).toEqual([200, 200]);
    expect([a.body.duplicates, b.body.duplicates].sort()).toEqual([0, 1]);
    expect(await storedKeys([keyOf(e)])).toHaveLength(1);
    expect(await evaluations(['2101'])).toBe(1);
  });

  it('answers every request of a failed group 503, stores none of it, and takes the same events once the store works', async () => {
    tx.fail = new Error('disk I/O error');
    const events = Array.from({ length: 8 }, (_, i) => scoreEvent(2200 + i));
    const failed = await Promise.all(events.map((e) => w.webhook([e])));
    expect(failed).toEqual(events.map(() => ({ status: 503, body: UNAVAILABLE })));
    // The shared transaction failed, then each request was tried alone (and failed too).
    expect(tx.count).toBeGreaterThan(events.length);
    expect(await storedKeys(events.map(keyOf))).toEqual([]);
    expect(await evaluations(events.map((e) => String(e.objectId)))).toBe(0);

    tx.fail = undefined;
    const retried = await Promise.all(events.map((e) => w.webhook([e])));
    expect(retried).toEqual(events.map(() => ({ status: 200, body: { received: 1, duplicates: 0 } })));
    expect(await storedKeys(events.map(keyOf))).toHaveLength(8);
    expect(await evaluations(events.map((e) => String(e.objectId)))).toBe(8);
  });

  it('does not fail the other requests of a group when the database refuses one batch', async () => {
    const events = Array.from({ length: 10 }, (_, i) => scoreEvent(2250 + i));
    tx.poison = keyOf(events[3]!);
    const answers = await Promise.all(events.map((e) => w.webhook([e])));
    expect(answers.map((a) => a.status)).toEqual(events.map((_, i) => (i === 3 ? 503 : 200)));
    expect((await storedKeys(events.map(keyOf))).sort()).toEqual(
      events
        .filter((_, i) => i !== 3)
        .map(keyOf)
        .sort(),
    );
  });

  it('counts stored and duplicate events per batch when one group holds batches of different sizes', async () => {
    const accept = groupCommitIntake(w.lb.deps);
    const [old, e1, e2, e3, e4, e5] = Array.from({ length: 6 }, (_, i) => scoreEvent(2300 + i));
    expect(await accept(parsed([old!]))).toMatchObject({ received: 1, stored: 1, duplicates: 0 });
    tx.count = 0;
    const results = await Promise.all([
      accept(parsed([e1!, e2!, e3!])), // all new
      accept(parsed([e2!, e4!])), // e2 is also in the batch before
      accept(parsed([e5!, e5!, e5!])), // the same event three times
      accept(parsed([old!])), // stored by an earlier transaction
    ]);
    expect(tx.count).toBe(1);
    expect(results.map(({ received, stored, duplicates }) => ({ received, stored, duplicates }))).toEqual([
      { received: 3, stored: 3, duplicates: 0 },
      { received: 2, stored: 1, duplicates: 1 },
      { received: 3, stored: 1, duplicates: 2 },
      { received: 1, stored: 0, duplicates: 1 },
    ]);
    expect(await storedKeys([old, e1, e2, e3, e4, e5].map((e) => keyOf(e!)))).toHaveLength(6);
  });

  it('splits a queue larger than maxEventsPerGroup into several transactions', async () => {
    const accept = groupCommitIntake(w.lb.deps, 3);
    const results = await Promise.all(
      [[2400, 2401], [2402, 2403], [2404]].map((ids) => accept(parsed(ids.map((id) => scoreEvent(id))))),
    );
    expect(results.map((r) => r.stored)).toEqual([2, 2, 1]);
    expect(tx.count).toBe(2); // [2] then [2, 1]: a group never exceeds 3 events
  });
});
