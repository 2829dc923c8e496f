/** Betreuungsmodell (account coverage model) from market-unit potential, revenue potential and relationship level. */
import { boundedCount, type Comparison, exceeds, fallsBelow } from './quantities.js';

export type Betreuungsmodell = 'KEY_ACCOUNT' | 'NAMED_ACCOUNT' | 'SMART_ACCOUNT' | 'SINGLE_ACCOUNT';

/** Highest level at which we have a relationship with the customer. */
export type Beziehungsebene = 'c_level' | 'decision_maker' | 'other';

export interface BetreuungsmodellInput {
  /** Number of the group's market units the customer has potential for. */
  marketUnits?: number | null;
  /** Revenue potential in EUR, or only a qualitative "high"/"low". */
  revenuePotential?: number | 'high' | 'low' | null;
  relationship?: Beziehungsebene | null;
  /** A new customer still in the implementation phase. */
  newCustomerInImplementation?: boolean | null;
  /** "mehr als 3 Market Units", "Umsatzpotenzial unter 300k": the figure is a bound. */
  marketUnitsComparison?: Comparison;
  revenuePotentialComparison?: Comparison;
}

export type Criterion =
  | 'market_units_more_than_3'
  | 'market_units_at_least_3'
  | 'market_units_at_least_2'
  | 'market_units_exactly_1_or_new_customer'
  | 'revenue_potential_high'
  | 'revenue_potential_above_300k'
  | 'revenue_potential_below_300k'
  | 'relationship_c_level'
  | 'relationship_decision_maker';

export type CriterionStatus = 'met' | 'not_met' | 'unknown';

export interface CriterionCheck {
  criterion: Criterion;
  status: CriterionStatus;
}

export interface ModelFit {
  model: Betreuungsmodell;
  checks: CriterionCheck[];
  met: number;
  notMet: number;
  unknown: number;
}

export interface BetreuungsmodellResult {
  /** The model whose criteria are all met; null when none fits exactly. */
  model: Betreuungsmodell | null;
  /** The exact model, or else the one meeting most criteria. */
  closest: Betreuungsmodell;
  /** Criteria of the closest model that are not met or not known. */
  missing: CriterionCheck[];
  /** All models, best fit first. */
  fits: ModelFit[];
  /** The glossary does not put a number on "hohes Umsatzpotenzial"; we read it as above 300k (the Named Account bar). */
  assumedHighAbove300k: boolean;
}

/** Betreuungsverhältnis (accounts per manager) per model, from the glossary; Single Accounts are served by a subsidiary. */
export const BETREUUNGSVERHAELTNIS: Record<Betreuungsmodell, string | null> = {
  KEY_ACCOUNT: '1:5-20',
  NAMED_ACCOUNT: '1:40-60',
  SMART_ACCOUNT: '1:80-200',
  SINGLE_ACCOUNT: null,
};

const THRESHOLD = 300_000;
const LEVEL: Record<Beziehungsebene, number> = { other: 0, decision_maker: 1, c_level: 2 };
// Order of precedence when several models fit: the new-customer rule first, then the most intensive coverage.
const PRECEDENCE: Betreuungsmodell[] = ['KEY_ACCOUNT', 'NAMED_ACCOUNT', 'SMART_ACCOUNT', 'SINGLE_ACCOUNT'];

const status = (known: boolean, ok: boolean): CriterionStatus => (!known ? 'unknown' : ok ? 'met' : 'not_met');

function check(criterion: Criterion, input: BetreuungsmodellInput): CriterionStatus {
  const mu =
    typeof input.marketUnits === 'number' ? boundedCount(input.marketUnits, input.marketUnitsComparison) : null;
  const rev = input.revenuePotential;
  const revCmp = input.revenuePotentialComparison;
  const rel = input.relationship;
  const hasMu = mu !== null;
  switch (criterion) {
    case 'market_units_more_than_3':
      return status(hasMu, hasMu && mu > 3);
    case 'market_units_at_least_3':
      return status(hasMu, hasMu && mu >= 3);
    case 'market_units_at_least_2':
      return status(hasMu, hasMu && mu >= 2);
    case 'market_units_exactly_1_or_new_customer':
      if (input.newCustomerInImplementation) return 'met';
      return status(hasMu, hasMu && mu === 1);
    case 'revenue_potential_high':
    case 'revenue_potential_above_300k':
      return status(rev != null, rev === 'high' || (typeof rev === 'number' && exceeds(rev, revCmp, THRESHOLD)));
    case 'revenue_potential_below_300k':
      return status(rev != null, rev === 'low' || (typeof rev === 'number' && fallsBelow(rev, revCmp, THRESHOLD)));
    case 'relationship_c_level':
      return status(rel != null, rel === 'c_level');
    case 'relationship_decision_maker':
      return status(rel != null, rel != null && LEVEL[rel] >= LEVEL.decision_maker);
  }
}

const CRITERIA: Record<Betreuungsmodell, Criterion[]> = {
  KEY_ACCOUNT: ['market_units_more_than_3', 'revenue_potential_high', 'relationship_c_level'],
  NAMED_ACCOUNT: ['market_units_at_least_3', 'revenue_potential_above_300k', 'relationship_decision_maker'],
  SMART_ACCOUNT: ['market_units_at_least_2', 'revenue_potential_below_300k'],
  SINGLE_ACCOUNT: ['market_units_exactly_1_or_new_customer'],
};

function fit(model: Betreuungsmodell, input: BetreuungsmodellInput): ModelFit {
  const checks = CRITERIA[model].map((criterion) => ({ criterion, status: check(criterion, input) }));
  const count = (s: CriterionStatus) => checks.filter((c) => c.status === s).length;
  return { model, checks, met: count('met'), notMet: count('not_met'), unknown: count('unknown') };
}

/** Share of criteria met, then fewest failed, then fewest unknown, then precedence. */
function compareFits(a: ModelFit, b: ModelFit): number {
  const share = (f: ModelFit) => f.met / f.checks.length;
  return (
    share(b) - share(a) ||
    a.notMet - b.notMet ||
    a.unknown - b.unknown ||
    PRECEDENCE.indexOf(a.model) - PRECEDENCE.indexOf(b.model)
  );
}

/** Classifies an account; when no model fits exactly it names the closest one and what is missing for it. */
export function classifyBetreuungsmodell(input: BetreuungsmodellInput): BetreuungsmodellResult {
  const fits = PRECEDENCE.map((m) => fit(m, input));
  const exact = input.newCustomerInImplementation
    ? fits.find((f) => f.model === 'SINGLE_ACCOUNT')!
    : fits.find((f) => f.met === f.checks.length);
  const ranked = [...fits].sort(compareFits);
  const closest = exact ?? ranked[0];
  return {
    model: exact?.model ?? null,
    closest: closest.model,
    missing: closest.checks.filter((c) => c.status !== 'met'),
    fits: exact ? [exact, ...ranked.filter((f) => f !== exact)] : ranked,
    assumedHighAbove300k:
      typeof input.revenuePotential === 'number' &&
      closest.checks.some((c) => c.criterion === 'revenue_potential_high'),
  };
}
