/**
 * scripts/render-cards: two real cards and a broken one through the official Adaptive Cards renderer in
 * headless Chromium, into a temp dir.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readPngSize } from '../../scripts/render-cards/png.js';
import { CHROMIUM_PATH, hasErrors, type RenderedCard, renderCards } from '../../scripts/render-cards/renderer.js';
import { buildSamples, TIME_ZONE } from '../../scripts/render-cards/samples.js';

if (!existsSync(CHROMIUM_PATH)) throw new Error(`Chromium not found at ${CHROMIUM_PATH} (set CHROMIUM_PATH)`);

const BROKEN = {
  type: 'AdaptiveCard',
  version: '1.5',
  body: [
    { type: 'TextBlokc', text: 'a typo in the type, and no fallback' },
    { type: 'Input.Text', id: 'note', label: 'Notiz' },
    { type: 'Input.Text', id: 'note', label: 'Noch eine Notiz' },
  ],
};

describe('render-cards', () => {
  let dir: string;
  let results: Map<string, RenderedCard>;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'lb-cards-'));
    const samples = (await buildSamples()).filter((s) => s.name === 'lead-sql' || s.name === 'digest');
    expect(samples.map((s) => s.name).sort()).toEqual(['digest', 'lead-sql']);
    const out = await renderCards([...samples, { name: 'broken', card: BROKEN }], { outDir: dir, timeZone: TIME_ZONE });
    results = new Map(out.map((r) => [r.name, r]));
  }, 120_000);

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('writes a PNG per card with plausible dimensions', () => {
    for (const name of ['lead-sql', 'digest']) {
      const r = results.get(name)!;
      expect(r.file).toBe(join(dir, `${name}.png`));
      const buf = readFileSync(r.file!);
      const size = readPngSize(buf);
      expect(size).toEqual({ width: r.width, height: r.height });
      expect(size.width).toBe(500);
      expect(size.height).toBeGreaterThan(200);
      expect(size.height).toBeLessThan(3000);
      expect(statSync(r.file!).size).toBeLessThan(150 * 1024);
    }
  });

  it('reports no errors for the real cards; the digest charts fall back (warning only)', () => {
    expect(results.get('lead-sql')!.issues.filter((i) => i.severity === 'error')).toEqual([]);
    const digest = results.get('digest')!;
    expect(hasErrors(digest)).toBe(false);
    expect(digest.fallbacks.sort()).toEqual(['Chart.Donut', 'Chart.VerticalBar']);
    expect(digest.issues.every((i) => i.severity === 'warning')).toBe(true);
  });

  it('reports the broken card: unknown type without fallback, duplicate id', () => {
    const broken = results.get('broken')!;
    expect(hasErrors(broken)).toBe(true);
    const errors = broken.issues.filter((i) => i.severity === 'error');
    expect(errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          phase: 'parse',
          event: 'UnknownElementType',
          message: expect.stringContaining('TextBlokc'),
        }),
        expect.objectContaining({ phase: 'validation', event: 'DuplicateId' }),
      ]),
    );
  });

  it('readPngSize rejects what is not a PNG', () => {
    expect(() => readPngSize(Buffer.from('GIF89a........................'))).toThrow(/not a PNG/);
  });
});
