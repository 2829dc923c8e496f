/**
 * `npm run bench`: LeadBridge against local stand-ins and baselines, measured in one run on this
 * machine. Prints one table, writes bench/out/results.json. Loopback only; every step is bounded.
 * BENCH_QUICK=1 shortens every step (smoke run); BENCH_CPU_PROF=1 writes CPU profiles of the children.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { bundle, startFlags } from '../scripts/build.mjs';
import { BENCH_DIR, type Child, OUT_DIR, startChild } from './lib/child.js';
import { FLOOR, type FloorResult, floorBurst, seedFloorContacts } from './lib/floor.js';
import { type LoadResult, mergeLoads } from './lib/load.js';
import { machine } from './lib/machine.js';
import {
  accepts,
  type ChatResult,
  chat,
  drain,
  type EventToCard,
  eventToCard,
  ingest,
  installOwners,
  mergeChats,
} from './lib/scenarios.js';
import { round, type Spread } from './lib/stats.js';
import { fmt, pct, type Row, renderTable } from './lib/table.js';
import { MQL_BASE, MQL_COUNT, makeDb, startBenchWorld } from './lib/world.js';

const QUICK = Boolean(process.env.BENCH_QUICK);
const LOAD_MS = QUICK ? 3_000 : 6_000;
const PG_LOAD_MS = QUICK ? 2_000 : 4_000;
const CHAT_MS = QUICK ? 3_000 : 6_000;
const ROUNDS = 3;
const LEADS = QUICK ? 200 : 1_000;
const STEADY = { leads: QUICK ? 100 : 500, rate: 50 };
const RATES = QUICK ? [200] : [100, 200, 400];
const RATE_LEADS = QUICK ? 200 : 600;
const E2C_TIMEOUT_MS = 60_000;
/** MQLs in the burst that counts HubSpot calls with and without the analytics context. */
const CALLS_LEADS = QUICK ? 100 : 300;
/**
 * Default pacing: HubSpot 100 calls per rolling 10 s, then as its rate-limit headers say (evaluations read 100 contacts
 * per call, owners from the owner list) and Teams 40 sends/s app-wide, so 1,000 cards need ≥ 25 s.
 */
const PACED = { leads: QUICK ? 100 : 1_000, timeoutMs: QUICK ? 30_000 : 120_000 };
/** Pacing off: no client-side HubSpot limiter, no app-wide Teams send limit (Teams' per-conversation limits stay; leads are spread over 250 owners). */
const PACING_OFF = { HUBSPOT_MAX_REQUESTS_PER_SECOND: '0', TEAMS_MAX_SENDS_PER_SECOND: '0' };
const TARGET = {
  batchEventsPerSec: 5_000,
  singleRatio: 0.5,
  e2cP95Ms: 300,
  acceptP99Ms: 100,
  chatRatio: 0.8,
  rssMb: 250,
};

const rows: Row[] = [];
const raw: Record<string, unknown> = {};
const notes: string[] = [];
const benchStarted = Date.now();
const log = (msg: string) =>
  console.error(`[bench ${((Date.now() - benchStarted) / 1000).toFixed(0).padStart(3)} s] ${msg}`);
let nextContact = MQL_BASE;
const takeContacts = (n: number) => {
  if (nextContact + n > MQL_BASE + MQL_COUNT)
    throw new Error(`the bench world has ${MQL_COUNT} MQL contacts; raise MQL_COUNT in bench/lib/world.ts`);
  return Array.from({ length: n }, () => nextContact++);
};

const spreadText = (s: Spread) => `${fmt(s.p50)} / ${fmt(s.p95)} / ${fmt(s.p99)} ms`;
/** CPU time (user + system) the child has used so far, in ms: robust where wall-clock rates suffer from other load. */
const cpuMs = async (c: Child) => {
  const u = await c.ask<{ cpu: { user: number; system: number } }>('usage');
  return (u.cpu.user + u.cpu.system) / 1000;
};
const ms = (x: number) => `${fmt(x)} ms`;

/** LeadBridge as `npm start` runs it: bundled by scripts/build.mjs, on plain Node with the same flags. */
const BOT = 'out/bot-process.mjs';
const startBot = (name: string, env: Record<string, string>) => startChild(name, BOT, env, 60_000, startFlags());

async function withChild<T>(
  name: string,
  script: string,
  env: Record<string, string>,
  fn: (c: Child) => Promise<T>,
): Promise<T> {
  const child = script === BOT ? await startBot(name, env) : await startChild(name, script, env);
  try {
    return await fn(child);
  } finally {
    await child.stop();
  }
}

async function knowledgeBench(): Promise<void> {
  const file = join(BENCH_DIR, 'knowledge.ts');
  if (!existsSync(file)) {
    rows.push({
      bench: 'knowledge retrieval',
      measure: 'index build, p50/p99',
      value: 'n/a (bench/knowledge.ts not present)',
    });
    return;
  }
  const mod = await import(pathToFileURL(file).href);
  const k = (await mod.runKnowledgeBench()) as {
    indexBuildMs: number;
    p50Ms: number;
    p99Ms: number;
    questions: number;
  };
  raw.knowledge = k;
  rows.push({ bench: 'knowledge retrieval', measure: 'index build', value: ms(k.indexBuildMs) });
  rows.push({
    bench: 'knowledge retrieval',
    measure: `answer p50 / p99 (${k.questions} questions)`,
    value: `${fmt(k.p50Ms, 2)} / ${fmt(k.p99Ms, 2)} ms`,
  });
}

function e2cRows(label: string, r: EventToCard, target: boolean): void {
  rows.push({
    bench: label,
    measure: 'cards / total time',
    value: `${r.delivered}/${r.leads} in ${fmt(r.totalMs / 1000, 2)} s (${fmt(r.leadsPerSecond)} leads/s)`,
  });
  rows.push({
    bench: label,
    measure: 'per lead p50 / p95 / p99',
    value: spreadText(r.latency),
    ...(target
      ? { target: `p95 ≤ ${TARGET.e2cP95Ms} ms`, met: r.delivered === r.leads && r.latency.p95 <= TARGET.e2cP95Ms }
      : {}),
  });
  if (r.webhookFailures) notes.push(`${label}: ${r.webhookFailures} webhook requests failed`);
  if (r.duplicateCards) notes.push(`${label}: ${r.duplicateCards} duplicate lead cards`);
}

const loadSummary = ({ latencies: _l, ...r }: LoadResult) => ({
  ...r,
  p50Ms: round(r.p50Ms, 2),
  p99Ms: round(r.p99Ms, 2),
  requestsPerSecond: round(r.requestsPerSecond),
  unitsPerSecond: round(r.unitsPerSecond),
});
const chatSummary = ({ latencies: _l, ...r }: ChatResult) => r;
const e2cSummary = (r: EventToCard) => ({
  leads: r.leads,
  delivered: r.delivered,
  totalMs: r.totalMs,
  leadsPerSecond: round(r.leadsPerSecond),
  latency: r.latency,
  webhookFailures: r.webhookFailures,
  duplicateCards: r.duplicateCards,
});

async function main() {
  const m = machine();
  raw.machine = m;
  log(
    `${m.date} · ${m.nproc} cores (${m.cpu}) · ${m.memTotal} RAM · node ${m.node} · PostgreSQL ${m.postgres} · load ${m.loadavg.join(' ')}${QUICK ? ' · QUICK' : ''}`,
  );
  mkdirSync(OUT_DIR, { recursive: true });
  await bundle('bench/bot-process.ts', `bench/${BOT}`);

  log('knowledge retrieval');
  await knowledgeBench().catch((e) =>
    rows.push({ bench: 'knowledge retrieval', measure: 'error', value: String(e).slice(0, 80) }),
  );

  const world = await startBenchWorld();
  seedFloorContacts(world);
  let bare!: Record<'batch' | 'single', LoadResult>;
  let echo!: ChatResult;
  const cpu: Record<string, number> = {};
  const sqlite: Record<string, any> = { rss: [], drains: [] };
  try {
    // ---- LeadBridge, SQLite file, one process, pacing off; the baselines run next to it ----
    // Ratios come from interleaved rounds (LeadBridge, then the baseline, three times), so load from
    // anything else on the machine hits both sides alike. LeadBridge's outbox drains before each baseline round.
    const db = await makeDb('sqlite');
    let peakRss = NaN;
    const bareChild = await startChild('bare-restify', 'bare-restify.ts', {});
    try {
      await withChild('leadbridge-sqlite', BOT, world.env(db, PACING_OFF), async (c) => {
        const rss = async (phase: string) => {
          const u = await c.ask<{ memory: Record<string, number> }>('usage');
          sqlite.rss.push({
            phase,
            peakMb: round(c.peakRssMb()),
            memoryMb: u.memory,
            loadavg: loadavg().map((x) => round(x, 2)),
          });
          return `peak RSS ${fmt(c.peakRssMb())} MB (heap used ${u.memory.heapUsed} MB), load ${loadavg()[0]!.toFixed(1)}`;
        };
        await installOwners(world, c.url);
        log(
          `LeadBridge/SQLite started, ${await rss('start')}; ingest vs bare restify, ${ROUNDS} interleaved rounds per shape`,
        );
        const lbRounds: Record<string, LoadResult[]> = { batch: [], single: [] };
        const bareRounds: Record<string, LoadResult[]> = { batch: [], single: [] };
        for (const shape of ['batch', 'single'] as const) {
          cpu[`lb-${shape}`] = 0;
          cpu[`bare-${shape}`] = 0;
          for (let r = 0; r < ROUNDS; r++) {
            if (r === 0) {
              await ingest([c.url], shape, 500);
              await drain(c, 60_000);
            }
            let t = await cpuMs(c);
            lbRounds[shape]!.push(await ingest([c.url], shape, LOAD_MS / ROUNDS, false));
            const d = await drain(c, 60_000);
            cpu[`lb-${shape}`] += (await cpuMs(c)) - t;
            sqlite.drains.push({ shape, ...d });
            t = await cpuMs(bareChild);
            bareRounds[shape]!.push(await ingest([bareChild.url], shape, LOAD_MS / ROUNDS, r === 0));
            cpu[`bare-${shape}`] += (await cpuMs(bareChild)) - t;
          }
          log(`ingest ${shape} done: ${await rss(`ingest ${shape}`)}`);
        }
        sqlite.batch = mergeLoads(lbRounds.batch!);
        sqlite.single = mergeLoads(lbRounds.single!);
        bare = { batch: mergeLoads(bareRounds.batch!), single: mergeLoads(bareRounds.single!) };
        await bareChild.stop();

        log(`event-to-card, burst of ${LEADS} MQLs`);
        let t = await cpuMs(c);
        sqlite.burst = await eventToCard(world, [c.url], takeContacts(LEADS), { burst: true }, E2C_TIMEOUT_MS);
        await drain(c, 30_000);
        cpu.e2c = (await cpuMs(c)) - t;
        log(`${await rss('event-to-card burst')}; event-to-card, ${STEADY.leads} MQLs at ${STEADY.rate}/s`);
        sqlite.steady = await eventToCard(
          world,
          [c.url],
          takeContacts(STEADY.leads),
          { rate: STEADY.rate },
          E2C_TIMEOUT_MS,
        );
        await drain(c, 30_000);
        // Higher arrival rates: where per-lead latency stops being processing and starts being queueing.
        sqlite.rates = [];
        for (const rate of RATES) {
          log(`event-to-card, ${RATE_LEADS} MQLs at ${rate}/s`);
          sqlite.rates.push({
            rate,
            r: await eventToCard(world, [c.url], takeContacts(RATE_LEADS), { rate }, E2C_TIMEOUT_MS),
          });
          await drain(c, 30_000);
        }
        const cards = [...sqlite.burst.cards.values()].filter((x: any) => x.accept);
        const n = QUICK ? 50 : 200;
        log(`${await rss('event-to-card steady')}; card actions: ${n} sequential accepts, then ${n} in waves of 50`);
        t = await cpuMs(c);
        sqlite.acceptSeq = await accepts(world, c.url, cards.slice(0, n), 1);
        await drain(c, 30_000);
        cpu.accept = (await cpuMs(c)) - t;
        cpu.acceptCount = sqlite.acceptSeq.latency.n;
        sqlite.acceptPar = await accepts(world, c.url, cards.slice(n, 2 * n), 50);
        await drain(c, 30_000);
        log(`${await rss('accepts')}; chat vs echo bot, ${ROUNDS} interleaved rounds`);
        const lbChat: ChatResult[] = [];
        const echoChat: ChatResult[] = [];
        cpu.chat = 0;
        cpu.echo = 0;
        await withChild('echo-bot', 'echo-bot.ts', {}, async (e) => {
          for (let r = 0; r < ROUNDS; r++) {
            let u = await cpuMs(c);
            lbChat.push(await chat(world, c.url, CHAT_MS / ROUNDS, 8, r === 0));
            cpu.chat += (await cpuMs(c)) - u;
            u = await cpuMs(e);
            echoChat.push(await chat(world, e.url, CHAT_MS / ROUNDS, 8, r === 0));
            cpu.echo += (await cpuMs(e)) - u;
          }
        });
        sqlite.chat = mergeChats(lbChat);
        echo = mergeChats(echoChat);
        log(`chat done: ${await rss('chat')}`);
        peakRss = c.peakRssMb();
        sqlite.childMaxRssMb = (await c.ask<{ maxRssMb: number }>('usage')).maxRssMb;
      });
    } finally {
      await bareChild.stop();
      await db.drop();
    }
    raw.bare = { batch: loadSummary(bare.batch), single: loadSummary(bare.single) };
    raw.echo = chatSummary(echo);
    raw.sqlite = {
      batch: loadSummary(sqlite.batch),
      single: loadSummary(sqlite.single),
      drains: sqlite.drains,
      burst: e2cSummary(sqlite.burst),
      steady: { ...e2cSummary(sqlite.steady), ratePerSecond: STEADY.rate },
      rates: (sqlite.rates as Array<{ rate: number; r: EventToCard }>).map(({ rate, r }) => ({
        ratePerSecond: rate,
        ...e2cSummary(r),
      })),
      acceptSequential: sqlite.acceptSeq,
      acceptConcurrent50: sqlite.acceptPar,
      chat: chatSummary(sqlite.chat),
      rssTimeline: sqlite.rss,
      peakRssMb: round(peakRss),
      childMaxRssMb: round(sqlite.childMaxRssMb),
    };
    raw.cpuMs = Object.fromEntries(Object.entries(cpu).map(([k, v]) => [k, round(v)]));

    const b = sqlite.batch as LoadResult;
    const s = sqlite.single as LoadResult;
    const perUnit = (ms: number, units: number, digits = 2) => `${fmt(ms / units, digits)} ms`;
    rows.push({
      bench: 'ingest, batches of 100 (SQLite)',
      measure: 'events/s',
      value: fmt(b.unitsPerSecond),
      baseline: fmt(bare.batch.unitsPerSecond),
      ratio: pct(b.unitsPerSecond / bare.batch.unitsPerSecond),
      target: `≥ ${fmt(TARGET.batchEventsPerSec)} events/s`,
      met: b.unitsPerSecond >= TARGET.batchEventsPerSec && b.failed === 0,
    });
    rows.push({
      bench: 'ingest, batches of 100 (SQLite)',
      measure: 'p50 / p99 latency',
      value: `${fmt(b.p50Ms, 1)} / ${fmt(b.p99Ms, 1)} ms`,
      baseline: `${fmt(bare.batch.p50Ms, 1)} / ${fmt(bare.batch.p99Ms, 1)} ms`,
    });
    rows.push({
      bench: 'ingest, batches of 100 (SQLite)',
      measure: 'CPU per event (incl. outbox drain)',
      value: perUnit(cpu['lb-batch']!, b.units, 3),
      baseline: perUnit(cpu['bare-batch']!, bare.batch.units, 3),
      ratio: `×${fmt(cpu['lb-batch']! / b.units / (cpu['bare-batch']! / bare.batch.units), 1)}`,
    });
    rows.push({
      bench: 'ingest, single events (SQLite)',
      measure: 'requests/s',
      value: fmt(s.requestsPerSecond),
      baseline: fmt(bare.single.requestsPerSecond),
      ratio: pct(s.requestsPerSecond / bare.single.requestsPerSecond),
      target: `≥ ${pct(TARGET.singleRatio)} of bare`,
      met: s.requestsPerSecond >= TARGET.singleRatio * bare.single.requestsPerSecond && s.failed === 0,
    });
    rows.push({
      bench: 'ingest, single events (SQLite)',
      measure: 'p50 / p99 latency',
      value: `${fmt(s.p50Ms, 1)} / ${fmt(s.p99Ms, 1)} ms`,
      baseline: `${fmt(bare.single.p50Ms, 1)} / ${fmt(bare.single.p99Ms, 1)} ms`,
    });
    rows.push({
      bench: 'ingest, single events (SQLite)',
      measure: 'CPU per request (incl. outbox drain)',
      value: perUnit(cpu['lb-single']!, s.units),
      baseline: perUnit(cpu['bare-single']!, bare.single.requests),
      ratio: `×${fmt(cpu['lb-single']! / s.units / (cpu['bare-single']! / bare.single.requests), 1)}`,
    });
    if (b.failed || s.failed)
      notes.push(`ingest failures: batch ${JSON.stringify(b.statuses)}, single ${JSON.stringify(s.statuses)}`);
    const drainMs = (shape: string) =>
      sqlite.drains.filter((d: any) => d.shape === shape).reduce((t: number, d: any) => t + d.ms, 0);
    rows.push({
      bench: 'ingest backlog (SQLite)',
      measure: 'outbox drain after the rounds',
      value: `batches ${fmt(drainMs('batch'))} ms, single ${fmt(drainMs('single'))} ms`,
    });

    e2cRows(`event→card, ${LEADS} MQLs burst, pacing off (SQLite)`, sqlite.burst, true);
    rows.push({
      bench: `event→card, ${LEADS} MQLs burst, pacing off (SQLite)`,
      measure: 'CPU per lead (incl. drain)',
      value: perUnit(cpu.e2c!, sqlite.burst.delivered, 1),
    });
    e2cRows(`event→card, ${STEADY.leads} MQLs at ${STEADY.rate}/s, pacing off (SQLite)`, sqlite.steady, true);
    for (const { rate, r } of sqlite.rates as Array<{ rate: number; r: EventToCard }>)
      e2cRows(`event→card, ${RATE_LEADS} MQLs at ${rate}/s, pacing off (SQLite)`, r, true);

    // ---- default pacing ----
    {
      const pdb = await makeDb('sqlite');
      log(`event-to-card, ${PACED.leads} MQLs with default pacing`);
      const paced = await withChild('leadbridge-paced', BOT, world.env(pdb), async (c) => {
        await installOwners(world, c.url);
        return eventToCard(world, [c.url], takeContacts(PACED.leads), { burst: true }, PACED.timeoutMs);
      });
      await pdb.drop();
      raw.paced = e2cSummary(paced);
      const label = `event→card, ${PACED.leads} MQLs burst, default pacing (SQLite)`;
      rows.push({
        bench: label,
        measure: 'cards / total time',
        value: `${paced.delivered}/${paced.leads} in ${fmt(paced.totalMs / 1000, 1)} s (${fmt(paced.leadsPerSecond, 1)} leads/s)`,
      });
      rows.push({ bench: label, measure: 'per lead p50 / p95 / p99', value: spreadText(paced.latency) });
    }

    // ---- HubSpot calls for a burst, with and without the "why this lead" context (same batch read) ----
    {
      const counted: Record<string, { calls: Record<string, number>; cards: number }> = {};
      for (const [label, props] of [
        ['off', 'none'],
        ['on', ''],
      ] as const) {
        const cdb = await makeDb('sqlite');
        log(`HubSpot calls, ${CALLS_LEADS} MQLs burst, context ${label}`);
        counted[label] = await withChild(
          `leadbridge-context-${label}`,
          BOT,
          world.env(cdb, { ...PACING_OFF, HUBSPOT_CONTEXT_PROPERTIES: props }),
          async (c) => {
            await installOwners(world, c.url);
            world.hubspotCalls();
            const r = await eventToCard(world, [c.url], takeContacts(CALLS_LEADS), { burst: true }, E2C_TIMEOUT_MS);
            await drain(c, 30_000);
            return { calls: world.hubspotCalls(), cards: r.delivered };
          },
        );
        await cdb.drop();
      }
      raw.hubspotCalls = counted;
      const sum = (x: Record<string, number>, re?: RegExp) =>
        Object.entries(x).reduce((t, [k, n]) => t + (!re || re.test(k) ? n : 0), 0);
      const on = counted.on!.calls;
      const off = counted.off!.calls;
      const single = /GET \/crm\/v3\/objects\/contacts\/\{id\}/;
      const label = `HubSpot calls, ${CALLS_LEADS} MQLs burst, pacing off (SQLite)`;
      rows.push({
        bench: label,
        measure: 'calls with context (contacts / companies / owners)',
        value: `${sum(on)} (${sum(on, /contacts\/batch/)} / ${sum(on, /companies\/batch/)} / ${sum(on, /owners/)})`,
        baseline: `${sum(off)} without context`,
        ratio: pct(sum(on) / Math.max(1, sum(off))),
        target: 'no extra call per lead',
        // Batching follows arrival, so the two runs may group the burst a little differently.
        met: sum(on, single) === sum(off, single) && sum(on) <= sum(off) * 1.1 + 2 && counted.on!.cards === CALLS_LEADS,
      });
    }

    const seq = sqlite.acceptSeq as Awaited<ReturnType<typeof accepts>>;
    const par = sqlite.acceptPar as Awaited<ReturnType<typeof accepts>>;
    rows.push({
      bench: 'card action accept, sequential',
      measure: `p50 / p99 (n=${seq.latency.n})`,
      value: `${fmt(seq.latency.p50, 1)} / ${fmt(seq.latency.p99, 1)} ms`,
      target: `p99 ≤ ${TARGET.acceptP99Ms} ms`,
      met: seq.latency.p99 <= TARGET.acceptP99Ms && seq.failures === 0,
    });
    rows.push({
      bench: 'card action accept, sequential',
      measure: 'CPU per accept (incl. its effects)',
      value: perUnit(cpu.accept!, cpu.acceptCount!, 1),
    });
    rows.push({
      bench: 'card action accept, 50 concurrent',
      measure: `p50 / p99 (n=${par.latency.n})`,
      value: `${fmt(par.latency.p50, 1)} / ${fmt(par.latency.p99, 1)} ms`,
      target: `p99 ≤ ${TARGET.acceptP99Ms} ms`,
      met: par.latency.p99 <= TARGET.acceptP99Ms && par.failures === 0,
    });
    if (seq.failures || par.failures)
      notes.push(`accept failures: sequential ${seq.failures}, concurrent ${par.failures}`);

    const ch = sqlite.chat as ChatResult;
    rows.push({
      bench: 'chat, glossary questions (8 concurrent)',
      measure: 'messages/s',
      value: fmt(ch.perSecond),
      baseline: `${fmt(echo.perSecond)} (echo bot)`,
      ratio: pct(ch.perSecond / echo.perSecond),
      target: `≥ ${pct(TARGET.chatRatio)} of echo`,
      met: ch.perSecond >= TARGET.chatRatio * echo.perSecond && ch.ok === ch.requests,
    });
    rows.push({
      bench: 'chat, glossary questions (8 concurrent)',
      measure: 'p50 / p99 latency',
      value: `${fmt(ch.latency.p50, 1)} / ${fmt(ch.latency.p99, 1)} ms`,
      baseline: `${fmt(echo.latency.p50, 1)} / ${fmt(echo.latency.p99, 1)} ms`,
    });
    rows.push({
      bench: 'chat, glossary questions (8 concurrent)',
      measure: 'CPU per message',
      value: perUnit(cpu.chat!, ch.ok),
      baseline: perUnit(cpu.echo!, echo.ok),
      ratio: `×${fmt(cpu.chat! / ch.ok / (cpu.echo! / echo.ok), 2)}`,
    });
    if (ch.sample) notes.push(`chat reply sample: ${ch.sample}`);

    rows.push({
      bench: 'bot process (SQLite, all of the above)',
      measure: 'peak RSS (VmHWM)',
      value: `${fmt(peakRss)} MB (at start ${fmt(sqlite.rss[0].peakMb)} MB)`,
      target: `≤ ${TARGET.rssMb} MB`,
      met: peakRss <= TARGET.rssMb,
    });

    // ---- PostgreSQL: one instance, then two on the same database (webhooks alternate between them) ----
    const pg: Record<string, any> = {};
    for (const instances of [1, 2] as const) {
      const pdb = await makeDb('postgres');
      const children: Child[] = [];
      try {
        for (let i = 0; i < instances; i++) {
          children.push(
            await startBot(
              `leadbridge-pg-${instances}x-${i + 1}`,
              world.env(pdb, { ...PACING_OFF, BENCH_INSTANCE_ID: `bench-${instances}x-${i + 1}` }),
            ),
          );
        }
        const urls = children.map((c) => c.url);
        await installOwners(world, urls[0]!);
        log(`LeadBridge/PostgreSQL ×${instances}: ingest`);
        const batch = await ingest(urls, 'batch', PG_LOAD_MS);
        await drain(children[0]!, 60_000);
        const single = await ingest(urls, 'single', PG_LOAD_MS);
        const drained = await drain(children[0]!, 60_000);
        log(`outbox drained in ${drained.ms} ms; event-to-card burst of ${LEADS}`);
        const burst = await eventToCard(world, urls, takeContacts(LEADS), { burst: true }, E2C_TIMEOUT_MS);
        pg[instances] = { batch, single, drained, burst, peakRssMb: children.map((c) => round(c.peakRssMb())) };
      } finally {
        await Promise.all(children.map((c) => c.stop()));
        await pdb.drop();
      }
    }
    raw.postgres = Object.fromEntries(
      Object.entries(pg).map(([k, v]) => [
        `${k}x`,
        {
          batch: loadSummary(v.batch),
          single: loadSummary(v.single),
          drain: v.drained,
          burst: e2cSummary(v.burst),
          peakRssMb: v.peakRssMb,
        },
      ]),
    );
    for (const n of [1, 2]) {
      const p = pg[n];
      const scale = (a: number, b: number) => (n === 2 ? `×${fmt(a / b, 2)} vs 1` : undefined);
      const label = `PostgreSQL, ${n} instance${n > 1 ? 's' : ''}`;
      rows.push({
        bench: `ingest, batches of 100 (${label})`,
        measure: 'events/s, p99',
        value: `${fmt(p.batch.unitsPerSecond)} ev/s, p99 ${fmt(p.batch.p99Ms, 1)} ms`,
        ratio: scale(p.batch.unitsPerSecond, pg[1].batch.unitsPerSecond),
        target: `≥ ${fmt(TARGET.batchEventsPerSec)} events/s`,
        met: p.batch.unitsPerSecond >= TARGET.batchEventsPerSec && p.batch.failed === 0,
      });
      rows.push({
        bench: `ingest, single events (${label})`,
        measure: 'requests/s, p99',
        value: `${fmt(p.single.requestsPerSecond)} req/s, p99 ${fmt(p.single.p99Ms, 1)} ms`,
        baseline: fmt(bare.single.requestsPerSecond),
        ratio:
          n === 2
            ? `${scale(p.single.requestsPerSecond, pg[1].single.requestsPerSecond)}; ${pct(p.single.requestsPerSecond / bare.single.requestsPerSecond)} of bare`
            : pct(p.single.requestsPerSecond / bare.single.requestsPerSecond),
        target: `≥ ${pct(TARGET.singleRatio)} of bare`,
        met: p.single.requestsPerSecond >= TARGET.singleRatio * bare.single.requestsPerSecond && p.single.failed === 0,
      });
      rows.push({
        bench: `event→card, ${LEADS} MQLs burst (${label})`,
        measure: 'total; p50 / p95 / p99',
        value: `${fmt(p.burst.totalMs / 1000, 2)} s (${p.burst.delivered}/${p.burst.leads}, ${fmt(p.burst.leadsPerSecond)} leads/s); ${spreadText(p.burst.latency)}`,
        ratio: scale(p.burst.leadsPerSecond, pg[1].burst.leadsPerSecond),
        target: `p95 ≤ ${TARGET.e2cP95Ms} ms`,
        met: p.burst.delivered === p.burst.leads && p.burst.latency.p95 <= TARGET.e2cP95Ms,
      });
      if (p.burst.duplicateCards) notes.push(`${label}: ${p.burst.duplicateCards} duplicate lead cards`);
      if (p.batch.failed || p.single.failed)
        notes.push(
          `${label} ingest failures: batch ${JSON.stringify(p.batch.statuses)}, single ${JSON.stringify(p.single.statuses)}`,
        );
    }

    // ---- bursts at the platforms' floor: 500 MQLs / 100 owners, cold cache, Teams 40/s, default HubSpot pacing ----
    const floors: FloorResult[] = [];
    for (const [engine, instances] of [
      ['sqlite', 1],
      ['postgres', 2],
    ] as const) {
      log(`burst at the platforms' floor: ${FLOOR.leads} MQLs, ${engine}, ${instances} instance(s)`);
      floors.push(await floorBurst(world, engine, instances, BOT));
    }
    raw.floor = floors;
    for (const f of floors) {
      const label = `burst at the floor, ${f.leads} MQLs / ${FLOOR.owners} owners, cold cache, Teams ${FLOOR.teamsPerSecond}/s (${f.engine === 'sqlite' ? 'SQLite, 1 instance' : `PostgreSQL, ${f.instances} instances`})`;
      const limit = f.instances > 1 ? 1.2 : 1.1;
      rows.push({
        bench: label,
        measure: 'last card; ratio to the floor',
        value: `${fmt(f.totalMs / 1000, 2)} s (${f.delivered}/${f.leads}; first card ${fmt(f.firstCardMs)} ms; ${f.hubspotCalls} HubSpot calls)`,
        baseline: `floor ${fmt(f.floorMs / 1000, 1)} s`,
        ratio: `×${fmt(f.ratio, 2)}`,
        target: `≤ ${limit} × floor`,
        met: f.delivered === f.leads && f.ratio <= limit,
      });
      rows.push({
        bench: label,
        measure: 'Teams sends per second at the stand-in (most in a second / any 1 s)',
        value: `${f.maxPerSecond} / ${f.maxPerSlidingSecond}`,
        target: `≤ ${FLOOR.teamsPerSecond}`,
        met: f.maxPerSecond <= FLOOR.teamsPerSecond,
      });
      if (f.duplicateCards) notes.push(`${label}: ${f.duplicateCards} duplicate lead cards`);
    }
  } finally {
    await world.close();
  }

  const table = renderTable(rows);
  const seconds = (Date.now() - benchStarted) / 1000;
  const after = loadavg().map((x) => round(x, 2));
  raw.loadavgAfter = after;
  console.log(
    `\nLeadBridge benchmarks — ${m.date} — ${m.nproc} cores (${m.cpu}), ${m.memTotal} RAM, node ${m.node}, PostgreSQL ${m.postgres}; load average ${m.loadavg.join(' ')} → ${after.join(' ')}; whole run ${fmt(seconds)} s${QUICK ? ' (QUICK)' : ''}\n`,
  );
  console.log(table);
  if (notes.length) console.log(`\n${notes.map((n) => `- ${n}`).join('\n')}`);
  writeFileSync(
    join(OUT_DIR, 'results.json'),
    `${JSON.stringify({ ...raw, quick: QUICK, seconds: round(seconds), rows, notes }, null, 2)}\n`,
  );
  console.log(`\nresults: bench/out/results.json`);
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
