/** One line of the results table. */
export interface Row {
  bench: string;
  measure: string;
  value: string;
  baseline?: string;
  ratio?: string;
  target?: string;
  /** true ✓, false ✗, undefined: no target. */
  met?: boolean;
}

/** Renders the rows as one aligned text table. */
export function renderTable(rows: Row[]): string {
  const head = ['Benchmark', 'Measure', 'LeadBridge', 'Baseline', 'Ratio', 'Target', ''];
  const cells = rows.map((r) => [
    r.bench,
    r.measure,
    r.value,
    r.baseline ?? '',
    r.ratio ?? '',
    r.target ?? '',
    r.met === undefined ? '' : r.met ? '✓' : '✗',
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: string[]) => `| ${c.map((x, i) => x.padEnd(widths[i]!)).join(' | ')} |`;
  return [line(head), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...cells.map(line)].join('\n');
}

export const fmt = (x: number, digits = 0) =>
  Number.isFinite(x)
    ? x.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits })
    : 'n/a';
export const pct = (x: number) => (Number.isFinite(x) ? `${Math.round(x * 100)} %` : 'n/a');
