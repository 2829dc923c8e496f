/**
 * `npx tsx bench/floor.ts`: only the bursts at the platforms' limits (the part of `npm run bench` in
 * bench/lib/floor.ts): 500 MQLs over 100 owners, cold cache, Teams 40 sends/s, on SQLite (one instance) and on
 * PostgreSQL (two instances sharing the budget). Prints one line per run as JSON.
 */
import { mkdirSync } from 'node:fs';
import { bundle } from '../scripts/build.mjs';
import { OUT_DIR } from './lib/child.js';
import { floorBurst, seedFloorContacts } from './lib/floor.js';
import { startBenchWorld } from './lib/world.js';

mkdirSync(OUT_DIR, { recursive: true });
await bundle('bench/bot-process.ts', 'bench/out/bot-process.mjs');
const world = await startBenchWorld();
seedFloorContacts(world);
const which = process.argv[2] ?? 'both';
try {
  if (which !== 'postgres') console.log(JSON.stringify(await floorBurst(world, 'sqlite', 1)));
  if (which !== 'sqlite') console.log(JSON.stringify(await floorBurst(world, 'postgres', 2)));
} finally {
  await world.close();
}
