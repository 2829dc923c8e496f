/**
 * Draws the Teams app icons (a bridge: arch, deck, hangers, two piers) with pngjs.
 *
 *   tsx scripts/make-icons.ts [--out <dir>]     (default: appPackage/)
 *
 * color.png   192×192, white bridge on the accent colour, anti-aliased.
 * outline.png  32×32,  white bridge on transparent; every pixel is either fully
 *                      transparent or opaque white (what Teams asks of outline icons).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { PNG } from 'pngjs';

/** Accent colour of the app; manifest.json `accentColor` uses the same value. */
export const ACCENT_COLOR = '#0F5CA8';

/** Bridge geometry in pixels of the target image. */
interface BridgeGeometry {
  size: number;
  deck: { x0: number; x1: number; y0: number; y1: number };
  arch: { cx: number; cy: number; outerR: number; innerR: number };
  hangers: { xs: number[]; halfWidth: number };
  piers: { xs: number[]; halfWidth: number; bottom: number };
}

const COLOR_GEOMETRY: BridgeGeometry = {
  size: 192,
  deck: { x0: 26, x1: 166, y0: 106, y1: 117 },
  arch: { cx: 96, cy: 106, outerR: 58, innerR: 47 },
  hangers: { xs: [64, 80, 96, 112, 128], halfWidth: 2.5 },
  piers: { xs: [43.5, 148.5], halfWidth: 6.5, bottom: 144 },
};

const OUTLINE_GEOMETRY: BridgeGeometry = {
  size: 32,
  deck: { x0: 2, x1: 30, y0: 19, y1: 22 },
  arch: { cx: 16, cy: 19, outerR: 12, innerR: 9.6 },
  hangers: { xs: [11.5, 16, 20.5], halfWidth: 0.5 },
  piers: { xs: [5.5, 26.5], halfWidth: 1.5, bottom: 27 },
};

function insideBridge(g: BridgeGeometry, x: number, y: number): boolean {
  const { deck, arch, hangers, piers } = g;
  if (x >= deck.x0 && x < deck.x1 && y >= deck.y0 && y < deck.y1) return true;
  const d = Math.hypot(x - arch.cx, y - arch.cy);
  if (y < arch.cy && d <= arch.outerR && d >= arch.innerR) return true;
  // Hangers run from the inner edge of the arch down to the deck.
  if (y < deck.y0 && d < arch.innerR && hangers.xs.some((hx) => Math.abs(x - hx) <= hangers.halfWidth)) return true;
  if (y >= deck.y1 && y < piers.bottom && piers.xs.some((px) => Math.abs(x - px) <= piers.halfWidth)) return true;
  return false;
}

/** Fraction of an n×n grid of sample points inside the bridge for pixel (px, py). */
function coverage(g: BridgeGeometry, px: number, py: number, n: number): number {
  let hits = 0;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      if (insideBridge(g, px + (i + 0.5) / n, py + (j + 0.5) / n)) hits++;
    }
  }
  return hits / (n * n);
}

function hexToRgb(hex: string): [number, number, number] {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) throw new Error(`not a #rrggbb colour: ${hex}`);
  return [parseInt(m[1], 16), parseInt(m[2], 16), parseInt(m[3], 16)];
}

/** 192×192 full-colour icon: white bridge on the accent colour. */
export function renderColorIcon(): PNG {
  const g = COLOR_GEOMETRY;
  const png = new PNG({ width: g.size, height: g.size });
  const bg = hexToRgb(ACCENT_COLOR);
  for (let y = 0; y < g.size; y++) {
    for (let x = 0; x < g.size; x++) {
      const c = coverage(g, x, y, 4);
      const i = (y * g.size + x) * 4;
      for (let k = 0; k < 3; k++) png.data[i + k] = Math.round(bg[k] * (1 - c) + 255 * c);
      png.data[i + 3] = 255;
    }
  }
  return png;
}

/** 32×32 outline icon: opaque white bridge, everything else fully transparent. */
export function renderOutlineIcon(): PNG {
  const g = OUTLINE_GEOMETRY;
  const png = new PNG({ width: g.size, height: g.size });
  for (let y = 0; y < g.size; y++) {
    for (let x = 0; x < g.size; x++) {
      const on = coverage(g, x, y, 4) >= 0.5;
      const i = (y * g.size + x) * 4;
      png.data[i] = png.data[i + 1] = png.data[i + 2] = on ? 255 : 0;
      png.data[i + 3] = on ? 255 : 0;
    }
  }
  return png;
}

/** Writes color.png and outline.png into `outDir`; returns their paths. */
export function writeIcons(outDir: string): { color: string; outline: string } {
  mkdirSync(outDir, { recursive: true });
  const color = join(outDir, 'color.png');
  const outline = join(outDir, 'outline.png');
  writeFileSync(color, PNG.sync.write(renderColorIcon()));
  writeFileSync(outline, PNG.sync.write(renderOutlineIcon()));
  return { color, outline };
}

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const i = process.argv.indexOf('--out');
  const outDir = i > 0 && process.argv[i + 1] ? resolve(process.argv[i + 1]) : join(repoRoot, 'appPackage');
  const written = writeIcons(outDir);
  console.log(`wrote ${written.color}\nwrote ${written.outline}`);
}
