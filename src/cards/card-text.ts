/** The texts of a card in reading order (for a terminal preview), chart data as "label: value". */
export function cardTextLines(card: unknown): string[] {
  const out: string[] = [];
  const walk = (n: any): void => {
    if (!n || typeof n !== 'object') return;
    if (Array.isArray(n)) {
      n.forEach(walk);
      return;
    }
    if (typeof n.type === 'string' && n.type.startsWith('Chart.')) {
      if (n.title) out.push(n.title);
      for (const d of n.data ?? []) out.push(`  ${d.x ?? d.legend}: ${d.y ?? d.value}`);
      return;
    }
    if (n.type === 'TableRow') {
      out.push((n.cells ?? []).map((c: any) => cardTextLines(c).join(' ')).join(' | '));
      return;
    }
    if ((n.type === 'TextBlock' || n.type === 'TextRun') && typeof n.text === 'string') out.push(n.text);
    if (n.type === 'RichTextBlock') {
      out.push((n.inlines ?? []).map((i: any) => i.text ?? '').join(''));
      return;
    }
    for (const [k, v] of Object.entries(n)) if (k !== 'fallback') walk(v);
  };
  walk(card);
  return out;
}
