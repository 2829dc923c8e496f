import { describe, expect, it } from 'vitest';
import {
  BETREUUNGSVERHAELTNIS,
  type Betreuungsmodell,
  type BetreuungsmodellInput,
  type Criterion,
  classifyBetreuungsmodell,
} from '../../src/domain/classification/betreuungsmodell.js';

type Row = [
  name: string,
  input: BetreuungsmodellInput,
  model: Betreuungsmodell | null,
  closest: Betreuungsmodell,
  missing: Criterion[],
];

describe('classifyBetreuungsmodell', () => {
  it.each<Row>([
    [
      'Key Account',
      { marketUnits: 5, revenuePotential: 'high', relationship: 'c_level' },
      'KEY_ACCOUNT',
      'KEY_ACCOUNT',
      [],
    ],
    [
      'Key needs more than 3 MUs: 3 MUs at C-level is Named',
      { marketUnits: 3, revenuePotential: 1_000_000, relationship: 'c_level' },
      'NAMED_ACCOUNT',
      'NAMED_ACCOUNT',
      [],
    ],
    [
      'Named Account',
      { marketUnits: 3, revenuePotential: 500_000, relationship: 'decision_maker' },
      'NAMED_ACCOUNT',
      'NAMED_ACCOUNT',
      [],
    ],
    [
      'Named with 4 MUs at decision-maker level',
      { marketUnits: 4, revenuePotential: 2_000_000, relationship: 'decision_maker' },
      'NAMED_ACCOUNT',
      'NAMED_ACCOUNT',
      [],
    ],
    ['Smart Account', { marketUnits: 2, revenuePotential: 150_000 }, 'SMART_ACCOUNT', 'SMART_ACCOUNT', []],
    [
      'Smart with many MUs but small potential',
      { marketUnits: 5, revenuePotential: 250_000 },
      'SMART_ACCOUNT',
      'SMART_ACCOUNT',
      [],
    ],
    ['Single: exactly one MU', { marketUnits: 1 }, 'SINGLE_ACCOUNT', 'SINGLE_ACCOUNT', []],
    [
      'Single: new customer in implementation, whatever else',
      { marketUnits: 4, revenuePotential: 900_000, relationship: 'c_level', newCustomerInImplementation: true },
      'SINGLE_ACCOUNT',
      'SINGLE_ACCOUNT',
      [],
    ],
    [
      '3 MUs and 500k without decision-maker relationship: closest Named, relationship missing',
      { marketUnits: 3, revenuePotential: 500_000, relationship: 'other' },
      null,
      'NAMED_ACCOUNT',
      ['relationship_decision_maker'],
    ],
    [
      '3 MUs and 500k, relationship not given',
      { marketUnits: 3, revenuePotential: 500_000 },
      null,
      'NAMED_ACCOUNT',
      ['relationship_decision_maker'],
    ],
    [
      'exactly 300k fits neither Named (>300k) nor Smart (<300k)',
      { marketUnits: 3, revenuePotential: 300_000, relationship: 'decision_maker' },
      null,
      'NAMED_ACCOUNT',
      ['revenue_potential_above_300k'],
    ],
    [
      '2 MUs and 400k: closest Smart, potential too high',
      { marketUnits: 2, revenuePotential: 400_000 },
      null,
      'SMART_ACCOUNT',
      ['revenue_potential_below_300k'],
    ],
  ])('%s', (_name, input, model, closest, missing) => {
    const r = classifyBetreuungsmodell(input);
    expect(r.model).toBe(model);
    expect(r.closest).toBe(closest);
    expect(r.missing.map((c) => c.criterion)).toEqual(missing);
  });

  it('says when it read a number as "hohes Umsatzpotenzial"', () => {
    expect(
      classifyBetreuungsmodell({ marketUnits: 5, revenuePotential: 1_200_000, relationship: 'c_level' })
        .assumedHighAbove300k,
    ).toBe(true);
    expect(
      classifyBetreuungsmodell({ marketUnits: 5, revenuePotential: 'high', relationship: 'c_level' })
        .assumedHighAbove300k,
    ).toBe(false);
  });

  it('names no model exactly without inputs', () => {
    const r = classifyBetreuungsmodell({});
    expect(r.model).toBeNull();
    expect(r.missing.every((c) => c.status === 'unknown')).toBe(true);
  });

  it('has the coverage ratios of the glossary', () => {
    expect(BETREUUNGSVERHAELTNIS).toEqual({
      KEY_ACCOUNT: '1:5-20',
      NAMED_ACCOUNT: '1:40-60',
      SMART_ACCOUNT: '1:80-200',
      SINGLE_ACCOUNT: null,
    });
  });
});
