/** Kundensegment (customer segment) from annual revenue and headcount, per the customer's glossary. */

export type Kundensegment = 'SMALL_BUSINESS' | 'MIDMARKET' | 'LARGE_ENTERPRISE';

export interface KundensegmentInput {
  /** Annual revenue in EUR (absolute, e.g. 85_000_000). */
  annualRevenue?: number | null;
  employees?: number | null;
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
}

const MIO = 1_000_000;
const RANK: Record<Kundensegment, number> = { SMALL_BUSINESS: 0, MIDMARKET: 1, LARGE_ENTERPRISE: 2 };

/** Segment by revenue alone: < 50 Mio. small, 50–500 Mio. midmarket (inclusive), > 500 Mio. large. */
export function segmentByRevenue(revenue: number): Kundensegment {
  if (revenue < 50 * MIO) return 'SMALL_BUSINESS';
  if (revenue <= 500 * MIO) return 'MIDMARKET';
  return 'LARGE_ENTERPRISE';
}

/** Segment by employees alone: < 100 small, 100–2000 midmarket (inclusive), > 2000 large. */
export function segmentByEmployees(employees: number): Kundensegment {
  if (employees < 100) return 'SMALL_BUSINESS';
  if (employees <= 2000) return 'MIDMARKET';
  return 'LARGE_ENTERPRISE';
}

const known = (n: number | null | undefined): n is number => typeof n === 'number' && Number.isFinite(n) && n >= 0;

/** Classifies a company; null when neither measure is known. The higher segment wins on conflict. */
export function classifyKundensegment(input: KundensegmentInput): KundensegmentResult | null {
  const hasRevenue = known(input.annualRevenue);
  const hasEmployees = known(input.employees);
  if (!hasRevenue && !hasEmployees) return null;
  const bySegmentRevenue = hasRevenue ? segmentByRevenue(input.annualRevenue as number) : undefined;
  const bySegmentEmployees = hasEmployees ? segmentByEmployees(input.employees as number) : undefined;
  const result: KundensegmentResult = {
    segment: 'SMALL_BUSINESS',
    basis: hasRevenue && hasEmployees ? 'both' : hasRevenue ? 'revenue' : 'employees',
    conflict: false,
    bySegmentRevenue,
    bySegmentEmployees,
    ...(hasRevenue ? { annualRevenue: input.annualRevenue as number } : {}),
    ...(hasEmployees ? { employees: input.employees as number } : {}),
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
