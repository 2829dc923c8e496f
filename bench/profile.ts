/**
 * Profiles LeadBridge (own process, V8 sampling profiler over the scenario's window only) under one benchmark scenario and prints where the
 * time goes: `npx tsx bench/profile.ts <ingest-single|ingest-batch|e2c|accept|accept-worker-off|chat> [seconds] [filter-regex]`.
 * Profiles land in bench/out/profiles/.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { OUT_DIR, startChild } from './lib/child.js';
import { inclusiveTime, summariseProfile } from './lib/profile-summary.js';
import { accepts, chat, drain, eventToCard, ingest, installOwners } from './lib/scenarios.js';
import { MQL_BASE, makeDb, startBenchWorld } from './lib/world.js';

const scenario = process.argv[2] ?? 'ingest-single';
const seconds = Number(process.argv[3] ?? 8);
const filter = process.argv[4] ? new RegExp(process.argv[4]) : /src\//;
const engine = (process.env.BENCH_DB ?? 'sqlite') as 'sqlite' | 'postgres';

const dir = join(OUT_DIR, 'profiles');
mkdirSync(dir, { recursive: true });
const world = await startBenchWorld();
const db = await makeDb(engine);
const c = await startChild(
  `profile-${scenario}`,
  'bot-process.ts',
  world.env(db, {
    HUBSPOT_MAX_REQUESTS_PER_SECOND: '0',
    BENCH_WORKER: process.env.BENCH_WORKER ?? '1',
    BENCH_SQL_STATS: process.env.BENCH_SQL_STATS ?? '0',
  }),
);
let file = '';
try {
  await installOwners(world, c.url);
  // Warm up (JIT, first-use caches) outside the profile window.
  await ingest([c.url], 'single', 1500);
  await drain(c, 30_000);
  const profileStart = () => c.ask('profile-start');
  if (scenario === 'ingest-single' || scenario === 'ingest-batch') {
    await profileStart();
    const r = await ingest([c.url], scenario === 'ingest-batch' ? 'batch' : 'single', seconds * 1000);
    console.log(
      `${scenario}: ${Math.round(r.requestsPerSecond)} req/s, ${Math.round(r.unitsPerSecond)} events/s, p50 ${r.p50Ms.toFixed(1)} ms, p99 ${r.p99Ms.toFixed(1)} ms`,
    );
  } else if (scenario === 'e2c') {
    const ids = Array.from({ length: 1000 }, (_, i) => MQL_BASE + i);
    await profileStart();
    const r = await eventToCard(world, [c.url], ids, { burst: true }, 60_000);
    console.log(
      `e2c burst: ${r.delivered}/${r.leads} in ${r.totalMs} ms, p50 ${r.latency.p50} p95 ${r.latency.p95} p99 ${r.latency.p99}`,
    );
  } else if (scenario === 'accept' || scenario === 'accept-worker-off') {
    const ids = Array.from({ length: 400 }, (_, i) => MQL_BASE + i);
    const r = await eventToCard(world, [c.url], ids, { burst: true }, 60_000);
    await drain(c, 30_000);
    const cards = [...r.cards.values()];
    // accept-worker-off: only the invoke path (the effects each accept schedules are not run).
    if (scenario === 'accept-worker-off') await c.ask('worker-stop');
    await profileStart();
    const seq = await accepts(world, c.url, cards.slice(0, 200), 1);
    const par = await accepts(world, c.url, cards.slice(200, 400), 50);
    console.log(
      `accept sequential p50 ${seq.latency.p50.toFixed(1)} p99 ${seq.latency.p99.toFixed(1)}; 50 concurrent p50 ${par.latency.p50.toFixed(1)} p99 ${par.latency.p99.toFixed(1)}`,
    );
  } else if (scenario === 'chat') {
    await profileStart();
    const r = await chat(world, c.url, seconds * 1000, 8);
    console.log(
      `chat: ${r.perSecond.toFixed(0)} msg/s, p50 ${r.latency.p50.toFixed(1)} p99 ${r.latency.p99.toFixed(1)}`,
    );
  } else {
    throw new Error(`unknown scenario ${scenario}`);
  }
  file = await c.ask<string>('profile-stop', join(dir, `${scenario}-${engine}`));
  const sql = await c.ask<Array<{ sql: string; calls: number; prepareMs: number; execMs: number }> | null>('sql-stats');
  if (sql) {
    console.log('\nSQLite statements (whole run incl. warm-up), by prepare + execute time:');
    for (const q of sql.slice(0, 15))
      console.log(
        `${q.calls.toString().padStart(7)} calls  prepare ${q.prepareMs.toFixed(0).padStart(5)} ms  exec ${q.execMs.toFixed(0).padStart(5)} ms  ${q.sql.slice(0, 160)}`,
      );
  }
} finally {
  await c.stop();
  await db.drop();
  await world.close();
}
const s = summariseProfile(file, 30);
console.log(`\nprofile ${file}: ${s.totalMs} ms sampled\n\nself time by file/package:`);
for (const h of s.byFile)
  console.log(`${String(h.selfMs).padStart(7)} ms ${(h.share * 100).toFixed(1).padStart(5)} %  ${h.name}`);
console.log('\nself time by function:');
for (const h of s.byFunction)
  console.log(`${String(h.selfMs).padStart(7)} ms ${(h.share * 100).toFixed(1).padStart(5)} %  ${h.name}`);
console.log(`\ninclusive time, functions matching ${filter}:`);
for (const h of inclusiveTime(file, filter).slice(0, 30)) console.log(`${String(h.ms).padStart(7)} ms  ${h.name}`);
process.exit(0);
