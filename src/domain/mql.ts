/** The contact facts that decide whether a contact is an MQL. */
export interface MqlFacts {
  lifecycleStage?: string | null;
  score?: number | null;
}

export interface MqlRule {
  threshold: number;
  mqlStage: string;
}

/** Glossary, "Routing": a contact becomes an MQL at 75 points (or when marketing sets the stage). */
export function isMql(facts: MqlFacts, rule: MqlRule): boolean {
  if (facts.lifecycleStage === rule.mqlStage) return true;
  return typeof facts.score === 'number' && Number.isFinite(facts.score) && facts.score >= rule.threshold;
}

/**
 * One lead per contact per MQL cycle. A new cycle starts only once the last lead is closed and the
 * contact has since been seen below the MQL bar, so repeated events never make a second lead.
 */
export function nextCycle(current: { cycle: number; lastLeadClosed: boolean | null }, mqlNow: boolean): number {
  if (!mqlNow && current.lastLeadClosed) return current.cycle + 1;
  return current.cycle;
}
