/**
 * Renders LeadBridge's Adaptive Cards to PNG for the docs, with the official `adaptivecards` renderer
 * in headless Chromium (see scripts/render-cards/renderer.ts; samples in scripts/render-cards/samples.ts).
 *
 *   tsx scripts/render-cards.ts [--out <dir>] [--only name,name] [--markdown]
 *
 *   --out       where the PNGs go (default docs/cards/)
 *   --only      render only these cards
 *   --markdown  also print a README snippet linking the images
 *
 * Exits 1 when any card has an error (parse/validation event of the renderer, nothing rendered, page
 * error, PNG over 150 KB). Teams-only elements with a fallback (Chart.VerticalBar, Chart.Donut) are
 * only warnings: the official renderer shows the fallback, which is what a non-Teams client does too.
 */
import { relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { hasErrors, type RenderedCard, renderCards } from './render-cards/renderer.js';
import { buildSamples, type CardSample, TIME_ZONE } from './render-cards/samples.js';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));

function args(argv: string[]) {
  const out = { outDir: resolve(ROOT, 'docs/cards'), only: null as string[] | null, markdown: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--out') out.outDir = resolve(argv[++i] ?? '');
    else if (a === '--only')
      out.only = (argv[++i] ?? '')
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);
    else if (a === '--markdown') out.markdown = true;
    else throw new Error(`unknown argument ${a} (use --out <dir>, --only a,b, --markdown)`);
  }
  return out;
}

export function readmeSnippet(samples: CardSample[], dir = 'docs/cards'): string {
  return [
    '## Cards',
    '',
    'Rendered with the official Adaptive Cards JS renderer and a Teams-like light host config (`npm run cards:render`).',
    "Teams draws its cards itself, so details differ; the digest's charts are Teams-only and appear here as their FactSet fallback.",
    '',
    ...samples.map((s) => `**${s.title}**\n\n![${s.title}](${dir}/${s.name}.png)\n`),
  ].join('\n');
}

function report(r: RenderedCard): string {
  const kb = (r.bytes / 1024).toFixed(1);
  const head = r.file
    ? `${r.name.padEnd(22)} ${`${r.width}×${r.height}`.padEnd(9)} ${kb.padStart(6)} KB ${String(r.ms).padStart(5)} ms`
    : `${r.name.padEnd(22)} NOT RENDERED`;
  const fb = r.fallbacks.length ? `  fallback shown for ${r.fallbacks.join(', ')}` : '';
  const lines = r.issues
    .filter((i) => i.severity === 'error' || !i.event.startsWith('Unknown'))
    .map((i) => `    ${i.severity.toUpperCase()} [${i.phase}/${i.event}] ${i.message}`);
  return [head + fb, ...lines].join('\n');
}

async function main() {
  const started = performance.now();
  const opts = args(process.argv.slice(2));
  let samples = await buildSamples();
  if (opts.only) {
    const unknown = opts.only.filter((n) => !samples.some((s) => s.name === n));
    if (unknown.length)
      throw new Error(`no such card: ${unknown.join(', ')} (have ${samples.map((s) => s.name).join(', ')})`);
    samples = samples.filter((s) => opts.only!.includes(s.name));
  }
  const results = await renderCards(samples, { outDir: opts.outDir, timeZone: TIME_ZONE });
  const shown = relative(process.cwd(), opts.outDir);
  console.log(`Rendered into ${!shown ? '.' : shown.startsWith('..') ? opts.outDir : shown}:`);
  for (const r of results) console.log(report(r));
  const failed = results.filter(hasErrors);
  console.log(`${results.length} cards, ${failed.length} with errors, ${Math.round(performance.now() - started)} ms`);
  if (opts.markdown) console.log(`\n${readmeSnippet(samples)}`);
  if (failed.length) {
    console.error(`cards with errors: ${failed.map((r) => r.name).join(', ')}`);
    process.exitCode = 1;
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((e) => {
    console.error(e instanceof Error ? (e.stack ?? e.message) : e);
    process.exit(1);
  });
}
