/** Helpers to read Adaptive Cards the way a person would: texts and buttons. */
export function cardTexts(card: unknown): string[] {
  const out: string[] = [];
  const walk = (n: any) => {
    if (!n || typeof n !== 'object') return;
    if (Array.isArray(n)) return n.forEach(walk);
    if (typeof n.text === 'string' && (n.type === 'TextBlock' || n.type === 'TextRun')) out.push(n.text);
    for (const v of Object.values(n)) walk(v);
  };
  walk(card);
  return out;
}

export const cardText = (card: unknown) => cardTexts(card).join('\n');

/** The card's "Abgleich: …" / "Sync: …" line (HubSpot and 36One state), or '' when it has none. */
export const syncLine = (card: unknown) =>
  cardText(card)
    .split('\n')
    .find((l) => /^(Abgleich|Sync):/.test(l)) ?? '';

/** Every action in a card (including inside ShowCards), by title. */
export function cardActions(
  card: unknown,
): Array<{ type: string; title: string; verb?: string; data?: any; isEnabled?: boolean }> {
  const out: any[] = [];
  const walk = (n: any) => {
    if (!n || typeof n !== 'object') return;
    if (Array.isArray(n)) return n.forEach(walk);
    if (typeof n.type === 'string' && n.type.startsWith('Action.') && n.title) out.push(n);
    for (const [k, v] of Object.entries(n)) if (k !== 'fallback') walk(v);
  };
  walk(card);
  return out;
}

export function action(card: unknown, title: string) {
  const a = cardActions(card).find((x) => x.title === title);
  if (!a)
    throw new Error(
      `no action "${title}" in card; actions: ${cardActions(card)
        .map((x) => x.title)
        .join(', ')}`,
    );
  return a;
}
