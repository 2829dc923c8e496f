/**
 * Peak RSS of the bot process by how it is started: as `npm start` runs it (tsx), as one prebuilt JS
 * file, with `@microsoft/teams-ai` imported by subpath, and with a capped V8 old space. Same load for each
 * (ingest, 500-lead burst, chat). Builds into bench/out/rss/ with esbuild (installed with tsx).
 *   npx tsx bench/rss.ts
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { BENCH_DIR, forEachBotVariant, OUT_DIR } from './lib/child.js';
import { chat, drain, eventToCard, ingest, installOwners } from './lib/scenarios.js';
import { MQL_BASE } from './lib/world.js';

const dir = join(OUT_DIR, 'rss');
mkdirSync(dir, { recursive: true });
const esbuild = join(BENCH_DIR, '..', 'node_modules', '.bin', 'esbuild');
const build = (out: string, extra: string[] = []) => execFileSync(esbuild, [join(BENCH_DIR, 'bot-process.ts'), '--bundle', '--platform=node', '--format=esm',
  '--packages=external', '--target=node20', `--outfile=${join(dir, out)}`, '--log-level=warning', ...extra]);
build('bot.mjs');
build('bot-slim.mjs', [`--alias:@microsoft/teams-ai=${join(BENCH_DIR, 'lib', 'teams-ai-subpaths.mjs')}`]);

const variants = [
  { label: 'tsx (as npm start)', script: 'bot-process.ts' },
  { label: 'tsx, --max-old-space-size=128', script: 'bot-process.ts', nodeFlags: ['--max-old-space-size=128'] },
  { label: 'prebuilt JS', script: 'out/rss/bot.mjs' },
  { label: 'prebuilt JS, teams-ai by subpath', script: 'out/rss/bot-slim.mjs' },
  { label: '… and --max-old-space-size=128', script: 'out/rss/bot-slim.mjs', nodeFlags: ['--max-old-space-size=128'] },
].map((v) => ({ name: 'rss', ...v }));
let next = MQL_BASE;
await forEachBotVariant(variants, async (c, world, v) => {
  await installOwners(world, c.url);
  const start = c.peakRssMb();
  await ingest([c.url], 'batch', 3000);
  await ingest([c.url], 'single', 3000);
  await drain(c, 60_000);
  await eventToCard(world, [c.url], Array.from({ length: 500 }, () => next++), { burst: true }, 60_000);
  await drain(c, 60_000);
  await chat(world, c.url, 3000, 8);
  console.log(`${v.label.padEnd(36)} start ${start.toFixed(0)} MB, peak ${c.peakRssMb().toFixed(0)} MB`);
});
process.exit(0);
