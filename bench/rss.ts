/**
 * Peak RSS of the bot process by how it is started: as `npm start` runs it (tsx), as one prebuilt JS
 * file, with `@microsoft/teams-ai` imported by subpath, and with a capped V8 old space. Same load for each
 * (ingest, 500-lead burst, chat). Builds into bench/out/rss/ with esbuild (installed with tsx).
 *   npx tsx bench/rss.ts
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { BENCH_DIR, OUT_DIR, startChild } from './lib/child.js';
import { chat, drain, eventToCard, ingest, installOwners } from './lib/scenarios.js';
import { makeDb, MQL_BASE, startBenchWorld } from './lib/world.js';

const dir = join(OUT_DIR, 'rss');
mkdirSync(dir, { recursive: true });
const esbuild = join(BENCH_DIR, '..', 'node_modules', '.bin', 'esbuild');
const build = (out: string, extra: string[] = []) => execFileSync(esbuild, [join(BENCH_DIR, 'bot-process.ts'), '--bundle', '--platform=node', '--format=esm',
  '--packages=external', '--target=node20', `--outfile=${join(dir, out)}`, '--log-level=warning', ...extra]);
build('bot.mjs');
build('bot-slim.mjs', [`--alias:@microsoft/teams-ai=${join(BENCH_DIR, 'lib', 'teams-ai-subpaths.mjs')}`]);

const variants: Array<[string, string, string[]]> = [
  ['tsx (as npm start)', 'bot-process.ts', []],
  ['tsx, --max-old-space-size=128', 'bot-process.ts', ['--max-old-space-size=128']],
  ['prebuilt JS', 'out/rss/bot.mjs', []],
  ['prebuilt JS, teams-ai by subpath', 'out/rss/bot-slim.mjs', []],
  ['… and --max-old-space-size=128', 'out/rss/bot-slim.mjs', ['--max-old-space-size=128']],
];
const world = await startBenchWorld();
let next = MQL_BASE;
try {
  for (const [label, script, flags] of variants) {
    const db = await makeDb('sqlite');
    const c = await startChild('rss', script, world.env(db, { HUBSPOT_MAX_REQUESTS_PER_SECOND: '0', TEAMS_MAX_SENDS_PER_SECOND: '0' }), 60_000, flags);
    try {
      await installOwners(world, c.url);
      const start = c.peakRssMb();
      await ingest([c.url], 'batch', 3000);
      await ingest([c.url], 'single', 3000);
      await drain(c, 60_000);
      await eventToCard(world, [c.url], Array.from({ length: 500 }, () => next++), { burst: true }, 60_000);
      await drain(c, 60_000);
      await chat(world, c.url, 3000, 8);
      console.log(`${label.padEnd(36)} start ${start.toFixed(0)} MB, peak ${c.peakRssMb().toFixed(0)} MB`);
    } finally {
      await c.stop();
      await db.drop();
    }
  }
} finally {
  await world.close();
}
process.exit(0);
