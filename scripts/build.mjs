// Compiles LeadBridge to one ESM file, dist/index.js, which `npm start` runs on plain Node: no TypeScript
// loader in the running process (it cost ~55 MB of memory). Packages stay external (native addons, SDKs).
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

export async function bundle(entry, outfile) {
  await build({
    entryPoints: [join(root, entry)],
    outfile: join(root, outfile),
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    sourcemap: true,
    logLevel: 'warning',
  });
}

/** The Node flags `npm start` runs the bot with, read from package.json so the benchmark runs the same. */
export function startFlags() {
  const start = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).scripts.start;
  return start
    .split('&&')
    .pop()
    .trim()
    .split(/\s+/)
    .filter((w) => w.startsWith('--'));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await bundle('src/index.ts', 'dist/index.js');
