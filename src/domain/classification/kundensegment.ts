/** Kundensegment (customer segment) from annual revenue and headcount, per the customer's glossary. */
import { type Comparison, exceeds, fallsBelow } from './quantities.js';

export type Kundensegment = 'SMALL_BUSINESS' | 'MIDMARKET' | 'LARGE_ENTERPRISE';

export interface KundensegmentInput {
  /** Annual revenue in EUR (absolute, e.g. 85_000_000). */
  annualRevenue?: number | null;
  employees?: number | null;
  /** "über 500 Mio." / "weniger als 100 Mitarbeiter": the figure is a bound, not an exact value. */
  revenueComparison?: Comparison;
  employeesComparison?: Comparison;
}

export interface KundensegmentResult {
  segment: Kundensegment;
  /** Which measure(s) the segment was derived from. */
  basis: 'revenue' | 'employees' | 'both';
  /** True when revenue and employees point to different segments (the higher one wins). */
  conflict: boolean;
  bySegmentRevenue?: Kundensegment;
  bySegmentEmployees?: Kundensegment;
  annualRevenue?: number;
  employees?: number;
  revenueComparison?: Comparison;
  employeesComparison?: Comparison;
}

const MIO = 1_000_000;
const RANK: Record<Kundensegment, number> = { SMALL_BUSINESS: 0, MIDMARKET: 1, LARGE_ENTERPRISE: 2 };

/** Segment by revenue alone: < 50 Mio. small, 50–500 Mio. midmarket (inclusive), > 500 Mio. large ("über 500 Mio." is large). */
export function segmentByRevenue(revenue: number, comparison?: Comparison): Kundensegment {
  if (exceeds(revenue, comparison, 500 * MIO)) return 'LARGE_ENTERPRISE';
  if (fallsBelow(revenue, comparison, 50 * MIO)) return 'SMALL_BUSINESS';
  return 'MIDMARKET';
}

/** Segment by employees alone: < 100 small, 100–2000 midmarket (inclusive), > 2000 large ("mehr als 99" is 100). */
export function segmentByEmployees(employees: number, comparison?: Comparison): Kundensegment {
  if (exceeds(employees, comparison, 2000, true)) return 'LARGE_ENTERPRISE';
  if (fallsBelow(employees, comparison, 100, true)) return 'SMALL_BUSINESS';
  return 'MIDMARKET';
}

const known = (n: number | null | undefined): n is number => typeof n === 'number' && Number.isFinite(n) && n >= 0;

/** Classifies a company; null when neither measure is known. The higher segment wins on conflict. */
export function classifyKundensegment(input: KundensegmentInput): KundensegmentResult | null {
  const hasRevenue = known(input.annualRevenue);
  const hasEmployees = known(input.employees);
  if (!hasRevenue && !hasEmployees) return null;
  const bySegmentRevenue = hasRevenue
    ? segmentByRevenue(input.annualRevenue as number, input.revenueComparison)
    : undefined;
  const bySegmentEmployees = hasEmployees
    ? segmentByEmployees(input.employees as number, input.employeesComparison)
    : undefined;
  const result: KundensegmentResult = {
    segment: 'SMALL_BUSINESS',
    basis: hasRevenue && hasEmployees ? 'both' : hasRevenue ? 'revenue' : 'employees',
    conflict: false,
    bySegmentRevenue,
    bySegmentEmployees,
    ...(hasRevenue ? { annualRevenue: input.annualRevenue as number } : {}),
    ...(hasEmployees ? { employees: input.employees as number } : {}),
    ...(hasRevenue && input.revenueComparison ? { revenueComparison: input.revenueComparison } : {}),
    ...(hasEmployees && input.employeesComparison ? { employeesComparison: input.employeesComparison } : {}),
  };
  if (bySegmentRevenue && bySegmentEmployees) {
    result.conflict = bySegmentRevenue !== bySegmentEmployees;
    result.segment = RANK[bySegmentRevenue] >= RANK[bySegmentEmployees] ? bySegmentRevenue : bySegmentEmployees;
  } else {
    result.segment = (bySegmentRevenue ?? bySegmentEmployees) as Kundensegment;
  }
  return result;
}

const LABELS: Record<Kundensegment, { de: string; en: string }> = {
  SMALL_BUSINESS: { de: 'Small Business', en: 'Small Business' },
  MIDMARKET: { de: 'Midmarket', en: 'Midmarket' },
  LARGE_ENTERPRISE: { de: 'Large Enterprise', en: 'Large Enterprise' },
};

/** Display name of a segment (the customer uses the English names in both languages). */
export function segmentLabel(segment: Kundensegment, locale: 'de' | 'en'): string {
  return LABELS[segment][locale];
}
