/**
 * Peak RSS of the bot process by how it is started: through tsx, bundled on plain Node (as `npm start`, built by
 * scripts/build.mjs), each with and without a capped V8 old space. Same load for each (ingest, 500-lead burst, chat).
 *   npx tsx bench/rss.ts
 */
import { bundle, startFlags } from '../scripts/build.mjs';
import { forEachBotVariant } from './lib/child.js';
import { chat, drain, eventToCard, ingest, installOwners } from './lib/scenarios.js';
import { MQL_BASE } from './lib/world.js';

await bundle('bench/bot-process.ts', 'bench/out/bot-process.mjs');
const variants = [
  { label: 'tsx', script: 'bot-process.ts' },
  { label: 'tsx, --max-old-space-size=128', script: 'bot-process.ts', nodeFlags: ['--max-old-space-size=128'] },
  { label: 'bundled, no heap cap', script: 'out/bot-process.mjs' },
  { label: `bundled, ${startFlags().join(' ')} (npm start)`, script: 'out/bot-process.mjs', nodeFlags: startFlags() },
].map((v) => ({ name: 'rss', ...v }));
let next = MQL_BASE;
await forEachBotVariant(variants, async (c, world, v) => {
  await installOwners(world, c.url);
  const start = c.peakRssMb();
  await ingest([c.url], 'batch', 3000);
  await ingest([c.url], 'single', 3000);
  await drain(c, 60_000);
  await eventToCard(
    world,
    [c.url],
    Array.from({ length: 500 }, () => next++),
    { burst: true },
    60_000,
  );
  await drain(c, 60_000);
  await chat(world, c.url, 3000, 8);
  console.log(`${v.label.padEnd(36)} start ${start.toFixed(0)} MB, peak ${c.peakRssMb().toFixed(0)} MB`);
});
process.exit(0);
