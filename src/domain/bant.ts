/** BANT: Budget, Authority, Need, Timeframe — the customer's qualification approach. */
export const BANT_CRITERIA = ['budget', 'authority', 'need', 'timeframe'] as const;
export type BantCriterion = (typeof BANT_CRITERIA)[number];
export type BantValue = 'yes' | 'no' | 'unknown';

export interface BantAnswer {
  value: BantValue;
  note?: string;
  /** Who answered and when (ms since epoch). */
  by?: string;
  at?: number;
}

export type BantAnswers = Partial<Record<BantCriterion, BantAnswer>> & {
  /** Expected close date (yyyy-mm-dd), part of Timeframe. */
  expectedCloseDate?: string;
};

export function bantYesCount(bant: BantAnswers | null | undefined): number {
  if (!bant) return 0;
  return BANT_CRITERIA.filter((c) => bant[c]?.value === 'yes').length;
}

/** Merges newly submitted answers into the saved ones; only changed criteria get a new author/time. */
export function mergeBant(saved: BantAnswers | null, submitted: BantAnswers, by: string, at: number): BantAnswers {
  const next: BantAnswers = { ...(saved ?? {}) };
  for (const c of BANT_CRITERIA) {
    const s = submitted[c];
    if (!s) continue;
    const prev = saved?.[c];
    const changed = !prev || prev.value !== s.value || (prev.note ?? '') !== (s.note ?? '');
    next[c] = changed ? { value: s.value, note: s.note || undefined, by, at } : prev;
  }
  if (submitted.expectedCloseDate !== undefined) next.expectedCloseDate = submitted.expectedCloseDate || undefined;
  return next;
}

/** One line per criterion, for notes in HubSpot and 36One. */
export function bantSummaryText(bant: BantAnswers | null | undefined): string {
  const label: Record<BantCriterion, string> = {
    budget: 'Budget',
    authority: 'Authority',
    need: 'Need',
    timeframe: 'Timeframe',
  };
  const lines = BANT_CRITERIA.map((c) => {
    const a = bant?.[c];
    return `${label[c]}: ${a?.value ?? 'unknown'}${a?.note ? ` – ${a.note}` : ''}`;
  });
  if (bant?.expectedCloseDate) lines.push(`Expected close: ${bant.expectedCloseDate}`);
  return lines.join('\n');
}
