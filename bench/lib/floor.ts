import { startFlags } from '../../scripts/build.mjs';
import { sampleCompanies } from '../../test/standins/hubspot-sample.js';
import { type Child, startChild } from './child.js';
import { eventToCard, installOwners } from './scenarios.js';
import { BENCH_OWNERS, type BenchWorld, makeDb } from './world.js';

/**
 * A burst at the platforms' limits: 500 MQLs over 100 owners, a bot process that has read no owner yet (cold cache),
 * Teams budget 40 sends/s, HubSpot at its default budget (100 per 10 s, then as its headers say). The floor is what the
 * platforms allow: cards ÷ Teams budget, or HubSpot calls ÷ HubSpot budget, whichever is larger.
 */
export const FLOOR = { leads: 500, owners: 100, teamsPerSecond: 40, hubspotPerSecond: 10 };
const FLOOR_BASE = 400_000;
const FLOOR_RUNS = 6;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** MQL contacts for the floor bursts (FLOOR_RUNS × 500), owned round-robin by the first 100 bench owners. */
export function seedFloorContacts(world: BenchWorld): void {
  for (let i = 0; i < FLOOR_RUNS * FLOOR.leads; i++) {
    const id = FLOOR_BASE + i;
    world.hubspot.addContact({
      id: String(id),
      companyId: sampleCompanies[i % sampleCompanies.length]!.id,
      properties: {
        firstname: 'Floor',
        lastname: `BN${id}X`,
        email: `floor${id}@example.org`,
        hubspotscore: 85,
        lifecyclestage: 'lead',
        hs_lead_status: 'NEW',
        hubspot_owner_id: BENCH_OWNERS[i % FLOOR.owners]!.id,
        hs_legal_basis: 'Freely given consent from contact',
      },
    });
  }
}
let run = 0;

export interface FloorResult {
  instances: number;
  engine: 'sqlite' | 'postgres';
  leads: number;
  delivered: number;
  duplicateCards: number;
  /** First webhook sent → last card at the Teams stand-in. */
  totalMs: number;
  /** First webhook sent → first card. */
  firstCardMs: number;
  /** Activities other than new cards the stand-in got meanwhile (updates, other messages). */
  otherActivities: number;
  hubspotCalls: number;
  floorMs: number;
  ratio: number;
  /** Sends and updates the Teams stand-in received, most in one calendar second, and in any sliding second. */
  maxPerSecond: number;
  maxPerSlidingSecond: number;
  perSecond: number[];
}

/** Waits until the Teams stand-in has seen nothing new for `quietMs` (the installs' welcome messages are out). */
async function quiet(world: BenchWorld, quietMs = 1_500, maxMs = 60_000): Promise<void> {
  const t0 = Date.now();
  let seen = world.connector.store.events.length;
  let since = Date.now();
  while (Date.now() - since < quietMs && Date.now() - t0 < maxMs) {
    await sleep(100);
    const now = world.connector.store.events.length;
    if (now !== seen) {
      seen = now;
      since = Date.now();
    }
  }
}

export async function floorBurst(
  world: BenchWorld,
  engine: 'sqlite' | 'postgres',
  instances: 1 | 2,
  bot = 'out/bot-process.mjs',
): Promise<FloorResult> {
  const db = await makeDb(engine);
  const children: Child[] = [];
  try {
    for (let i = 0; i < instances; i++) {
      const env = world.env(db, {
        TEAMS_MAX_SENDS_PER_SECOND: String(FLOOR.teamsPerSecond),
        BENCH_INSTANCE_ID: `floor-${engine}-${instances}x-${i + 1}`,
      });
      children.push(
        await startChild(`leadbridge-floor-${engine}-${instances}x-${i + 1}`, bot, env, 60_000, startFlags()),
      );
    }
    await installOwners(world, children[0]!.url);
    await quiet(world);
    // HubSpot counts per app over a rolling 10 s and says so in every answer: calls of an earlier bench step (pacing
    // off) would rightly hold this burst back. The burst starts with that window empty.
    await sleep(10_000);
    // HubSpot calls are counted as the stand-in records them (the bench world trims its log every second).
    let hubspotCalls = 0;
    const hs = world.hubspot as { clearRequests(): void; requests: unknown[] };
    const clear = hs.clearRequests;
    hs.clearRequests();
    hs.clearRequests = () => {
      hubspotCalls += hs.requests.length;
      clear();
    };
    const firstEvent = world.connector.store.events.length;
    const ids = Array.from({ length: FLOOR.leads }, (_, i) => FLOOR_BASE + run * FLOOR.leads + i);
    run++;
    const started = Date.now(); // eventToCard's own start is a moment later: its totalMs is the figure used
    const r = await eventToCard(
      world,
      children.map((c) => c.url),
      ids,
      { burst: true },
      60_000,
    );
    hubspotCalls += hs.requests.length;
    hs.clearRequests = clear;
    const firstCard = Math.min(...[...r.cards.values()].map((c) => c.sentAt));
    const lastCard = Math.max(...[...r.cards.values()].map((c) => c.sentAt));
    const events = world.connector.store.events
      .slice(firstEvent)
      .filter((e) => e.kind !== 'deleted' && e.at <= lastCard);
    const at = events.map((e) => e.at).sort((a, b) => a - b);
    const bySecond = new Map<number, number>();
    for (const t of at) bySecond.set(Math.floor(t / 1000), (bySecond.get(Math.floor(t / 1000)) ?? 0) + 1);
    let sliding = 0;
    for (let i = 0, j = 0; i < at.length; i++) {
      while (at[i]! - at[j]! >= 1000) j++;
      sliding = Math.max(sliding, i - j + 1);
    }
    const floorMs = Math.max(
      (FLOOR.leads / FLOOR.teamsPerSecond) * 1000,
      (hubspotCalls / FLOOR.hubspotPerSecond) * 1000,
    );
    return {
      instances,
      engine,
      leads: r.leads,
      delivered: r.delivered,
      duplicateCards: r.duplicateCards,
      totalMs: r.totalMs,
      firstCardMs: firstCard - started,
      otherActivities: events.length - r.delivered,
      hubspotCalls,
      floorMs,
      ratio: r.totalMs / floorMs,
      maxPerSecond: Math.max(...bySecond.values()),
      maxPerSlidingSecond: sliding,
      perSecond: [...bySecond.entries()].sort((a, b) => a[0] - b[0]).map(([, n]) => n),
    };
  } finally {
    for (const c of children) await c.stop();
    await db.drop();
  }
}
