import { describe, expect, it } from 'vitest';
import {
  classifyKundensegment,
  type Kundensegment,
  segmentLabel,
} from '../../src/domain/classification/kundensegment.js';

const M = 1_000_000;
type Row = [
  revenue: number | null | undefined,
  employees: number | null | undefined,
  segment: Kundensegment,
  basis: 'revenue' | 'employees' | 'both',
  conflict: boolean,
];

describe('classifyKundensegment', () => {
  it.each<Row>([
    [49.99 * M, undefined, 'SMALL_BUSINESS', 'revenue', false],
    [50 * M, undefined, 'MIDMARKET', 'revenue', false], // 50 Mio. belongs to Midmarket
    [500 * M, undefined, 'MIDMARKET', 'revenue', false], // 500 Mio. belongs to Midmarket
    [500 * M + 1, undefined, 'LARGE_ENTERPRISE', 'revenue', false],
    [0, null, 'SMALL_BUSINESS', 'revenue', false],
    [undefined, 99, 'SMALL_BUSINESS', 'employees', false],
    [null, 100, 'MIDMARKET', 'employees', false],
    [undefined, 2000, 'MIDMARKET', 'employees', false],
    [undefined, 2001, 'LARGE_ENTERPRISE', 'employees', false],
    [10 * M, 50, 'SMALL_BUSINESS', 'both', false],
    [85 * M, 400, 'MIDMARKET', 'both', false],
    [30 * M, 450, 'MIDMARKET', 'both', true], // higher wins
    [75 * M, 3200, 'LARGE_ENTERPRISE', 'both', true],
    [600 * M, 800, 'LARGE_ENTERPRISE', 'both', true],
    [2500 * M, 12, 'LARGE_ENTERPRISE', 'both', true],
    [1 * M, 2001, 'LARGE_ENTERPRISE', 'both', true],
  ])('revenue %s, employees %s → %s (%s, conflict %s)', (annualRevenue, employees, segment, basis, conflict) => {
    const r = classifyKundensegment({ annualRevenue, employees });
    expect(r).not.toBeNull();
    expect(r!.segment).toBe(segment);
    expect(r!.basis).toBe(basis);
    expect(r!.conflict).toBe(conflict);
  });

  it('reports each measure separately', () => {
    const r = classifyKundensegment({ annualRevenue: 30 * M, employees: 450 })!;
    expect(r.bySegmentRevenue).toBe('SMALL_BUSINESS');
    expect(r.bySegmentEmployees).toBe('MIDMARKET');
  });

  it('returns null without any measure (missing, null, negative or not a number)', () => {
    expect(classifyKundensegment({})).toBeNull();
    expect(classifyKundensegment({ annualRevenue: null, employees: null })).toBeNull();
    expect(classifyKundensegment({ annualRevenue: Number.NaN, employees: -1 })).toBeNull();
  });

  it('labels segments', () => {
    expect(segmentLabel('LARGE_ENTERPRISE', 'de')).toBe('Large Enterprise');
    expect(segmentLabel('MIDMARKET', 'en')).toBe('Midmarket');
  });
});
