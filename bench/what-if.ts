/**
 * Measures proposed fixes before anyone changes src/: the same scenarios against LeadBridge with and
 * without a fix applied from outside (bench/lib/what-if.ts), compared by the child's CPU time per unit,
 * which other load on the machine disturbs far less than rates do.
 *   npx tsx bench/what-if.ts [variants, default: none,stmt,intl,stmt+intl]
 */
import { forEachBotVariant } from './lib/child.js';
import { accepts, drain, eventToCard, ingest, installOwners } from './lib/scenarios.js';
import { MQL_BASE } from './lib/world.js';

const variants = (process.argv[2] ?? 'none,stmt,intl,stmt+intl').split(',')
  .map((v) => ({ name: `what-if-${v}`, label: v, env: { BENCH_WHAT_IF: v === 'none' ? '' : v.replace('+', ',') } }));
let next = MQL_BASE;
const take = (n: number) => Array.from({ length: n }, () => next++);
console.log('variant          | CPU/event single ingest | CPU/lead e2c (300 burst) | CPU/accept incl. effects | CPU/accept invoke only | accept p50 invoke only');
await forEachBotVariant(variants, async (c, world, v) => {
  const cpu = async () => { const u = await c.ask<{ cpu: { user: number; system: number } }>('usage'); return (u.cpu.user + u.cpu.system) / 1000; };
  await installOwners(world, c.url);
  await ingest([c.url], 'single', 1000);
  await drain(c, 60_000);
  let t = await cpu();
  const s = await ingest([c.url], 'single', 3000, false);
  await drain(c, 60_000);
  const perEvent = ((await cpu()) - t) / s.units;
  t = await cpu();
  const e = await eventToCard(world, [c.url], take(300), { burst: true }, 60_000);
  await drain(c, 60_000);
  const perLead = ((await cpu()) - t) / e.delivered;
  const cards = [...e.cards.values()];
  t = await cpu();
  const a = await accepts(world, c.url, cards.slice(0, 100), 1);
  await drain(c, 60_000);
  const perAccept = ((await cpu()) - t) / a.latency.n;
  await c.ask('worker-stop');
  t = await cpu();
  const ai = await accepts(world, c.url, cards.slice(100, 200), 1);
  const perInvoke = ((await cpu()) - t) / ai.latency.n;
  console.log(`${v.label.padEnd(16)} | ${perEvent.toFixed(2).padStart(20)} ms | ${perLead.toFixed(2).padStart(21)} ms | ${perAccept.toFixed(2).padStart(21)} ms | ${perInvoke.toFixed(2).padStart(19)} ms | ${ai.latency.p50.toFixed(1).padStart(19)} ms`);
});
process.exit(0);
