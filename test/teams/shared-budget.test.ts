/**
 * The Teams app budget, Teams' per-conversation limits and the HubSpot request budget are counted in the database,
 * so two instances together stay within them. Time is virtual (see test/support/virtual-time.ts): sends are counted
 * by the virtual second they reach Teams, so nothing depends on the machine's speed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHubSpotPacer } from '../../src/hubspot/pacer.js';
import type { StartLog } from '../../src/lib/rate-limit.js';
import { openStore, type Store } from '../../src/store/db.js';
import { sharedStartLog } from '../../src/store/rate-budget-repo.js';
import { SendPacer, TEAMS_CONVERSATION_LIMITS } from '../../src/teams/pacer.js';
import { ENGINES } from '../support/databases.js';
import { useStore } from '../support/use-store.js';
import { virtualTime } from '../support/virtual-time.js';

const T0 = Date.parse('2026-12-01T10:00:00Z');

/** The most starts within any window of `windowMs` (starts ascending). */
function busiest(starts: number[], windowMs: number): number {
  let most = 0;
  for (let i = 0, j = 0; i < starts.length; i++) {
    while (starts[i]! - starts[j]! >= windowMs) j++;
    most = Math.max(most, i - j + 1);
  }
  return most;
}

/** Sends per calendar second, as a Teams stand-in counting arrivals would see them. */
function perSecond(times: number[]): number[] {
  const counts = new Map<number, number>();
  for (const t of times) counts.set(Math.floor(t / 1000), (counts.get(Math.floor(t / 1000)) ?? 0) + 1);
  return [...counts.values()];
}

describe.each(ENGINES)('budgets shared by two instances (%s)', (engine) => {
  const ctx = useStore(engine);
  // PostgreSQL: a second connection pool on the same database, as a second instance has. SQLite is one process:
  // both pacers share its store (two connections to one SQLite file would lock each other out).
  let second: Store;
  beforeAll(async () => {
    second = engine === 'postgres' ? await openStore(ctx.tdb.url) : ctx.store;
  });
  afterAll(async () => {
    if (second !== ctx.store) await second?.close();
  });
  let round = 0;

  /** Two instances, each with its own pacer and start log, on one database and one virtual clock. */
  function twoInstances(maxPerSecond: number) {
    const time = virtualTime(T0 + round++ * 10_000_000);
    const logs = [sharedStartLog(ctx.store.db, engine, 'teams'), sharedStartLog(second.db, engine, 'teams')];
    const pacers = logs.map(
      (log) => new SendPacer({ maxPerSecond, log: time.tracked(log), now: time.now, timers: time.timers }),
    );
    const arrivals: Array<{ instance: number; conv: string; at: number }> = [];
    const send = (instance: number, conv: string) =>
      pacers[instance]!.run(`${round}:${conv}`, async () => {
        arrivals.push({ instance, conv, at: time.now() - T0 });
      });
    return { time, send, arrivals };
  }

  it('300 cards to 100 owners from two instances: never more than 40 per second together, and the budget is used', async () => {
    const { time, send, arrivals } = twoInstances(40);
    const all = Array.from({ length: 300 }, (_, i) => send(i % 2, `owner${i % 100}`));
    let settled = 0;
    for (const p of all) void p.then(() => settled++);
    await time.runUntil(() => settled === all.length);
    const at = arrivals.map((a) => a.at).sort((a, b) => a - b);
    expect(arrivals).toHaveLength(300);
    expect(Math.max(...perSecond(at))).toBe(40);
    expect(busiest(at, 1000)).toBe(40);
    // Both instances sent, and together they used the whole budget: 40 at once, then 40 each second (300 = 7 × 40 + 20).
    expect(new Set(arrivals.map((a) => a.instance))).toEqual(new Set([0, 1]));
    expect(at[at.length - 1]! - at[0]!).toBe(7_000);
  });

  it("one conversation written to from both instances keeps Teams' per-conversation limits", async () => {
    const { time, send, arrivals } = twoInstances(40);
    const all = Array.from({ length: 20 }, (_, i) => send(i % 2, 'inbox'));
    let settled = 0;
    for (const p of all) void p.then(() => settled++);
    await time.runUntil(() => settled === all.length);
    const at = arrivals.map((a) => a.at).sort((a, b) => a - b);
    for (const [windowMs, max] of TEAMS_CONVERSATION_LIMITS) expect(busiest(at, windowMs)).toBeLessThanOrEqual(max);
    // 8 per 2 s binds: 20 sends need 4 s, wherever they come from.
    expect(at[at.length - 1]! - at[0]!).toBe(4_000);
  });

  it('the HubSpot budget (100 per 10 s) holds for two instances together', async () => {
    const time = virtualTime(T0 + round++ * 10_000_000);
    const pacers = [ctx.store, second].map((s) =>
      createHubSpotPacer({ time, log: time.tracked(sharedStartLog(s.db, engine, 'hubspot')) }),
    );
    const starts: number[] = [];
    const all = Array.from({ length: 240 }, (_, i) => pacers[i % 2]!.acquire().then(() => starts.push(time.now())));
    let settled = 0;
    for (const p of all) void p.then(() => settled++);
    await time.runUntil(() => settled === all.length);
    starts.sort((a, b) => a - b);
    expect(busiest(starts, 10_000)).toBe(100);
    expect(starts[starts.length - 1]! - starts[0]!).toBe(20_000);
    // HubSpot's own count (another client of the app) is taken into the shared budget too.
    pacers[0]!.observe({
      'x-hubspot-ratelimit-max': '100',
      'x-hubspot-ratelimit-interval-milliseconds': '10000',
      'x-hubspot-ratelimit-remaining': '0',
    });
    await time.runUntil(() => true); // the count is written
    const before = time.now();
    let next = -1;
    void pacers[1]!.acquire().then(() => {
      next = time.now();
    });
    await time.runUntil(() => next >= 0);
    expect(next - before).toBe(10_000);
  });
});

describe('a shared budget that cannot be read', () => {
  it('fails that send (the outbox retries its job) and keeps pacing the others', async () => {
    let fail = true;
    const log: StartLog = {
      take: async (requests) => {
        if (fail) {
          fail = false;
          throw new Error('connection terminated');
        }
        return requests.map(() => ({ ok: true, ref: 'r' }) as const);
      },
      finish: () => undefined,
      atLeast: () => undefined,
    };
    const pacer = new SendPacer({ maxPerSecond: 40, log });
    const first = pacer.run('a', async () => 'sent');
    await expect(first).rejects.toThrow('connection terminated');
    await expect(pacer.run('b', async () => 'sent')).resolves.toBe('sent');
  });
});
