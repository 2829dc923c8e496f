import { describe, expect, it } from 'vitest';
import { extractFigures, type FigureKind, parseNumber } from '../../src/domain/classification/quantities.js';

describe('parseNumber', () => {
  it.each([
    ['1.500', 1500],
    ['3,200', 3200],
    ['120.000', 120000],
    ['2,5', 2.5],
    ['3.4', 3.4],
    ['1.234.567', 1234567],
    ['1.234,5', 1234.5],
    ['1,234.5', 1234.5],
    ['85', 85],
    ['x', null],
  ])('%s → %s', (text, value) => expect(parseNumber(text)).toBe(value));
});

describe('extractFigures', () => {
  it.each<[string, FigureKind, number]>([
    ['85 Mio.', 'money', 85e6],
    ['2,5 Mrd. €', 'money', 2.5e9],
    ['3.4 billion', 'money', 3.4e9],
    ['75 million', 'money', 75e6],
    ['250k', 'money', 250e3],
    ['120.000 €', 'money', 120e3],
    ['€ 85 Mio', 'money', 85e6],
    ['$3.4bn revenue', 'money', 3.4e9],
    ['Umsatz von 120000', 'money', 120e3],
    ['1.500 Mitarbeiter', 'employees', 1500],
    ['3,200 employees', 'employees', 3200],
    ['450 MA', 'employees', 450],
    ['2.001 Beschäftigten', 'employees', 2001],
    ['4 MUs', 'market_units', 4],
    ['Potenzial für 5 Market Units', 'market_units', 5],
  ])('%s', (text, kind, value) => {
    expect(extractFigures(text)).toEqual([expect.objectContaining({ kind, value })]);
  });

  it('flags money that is a potential', () => {
    expect(extractFigures('500k Umsatzpotenzial')[0].potential).toBe(true);
    expect(extractFigures('revenue potential of 150k')[0].potential).toBe(true);
    expect(extractFigures('85 Mio. Umsatz')[0].potential).toBe(false);
  });

  it('ignores ratios, years and bare numbers', () => {
    expect(extractFigures('Betreuungsverhältnis 1:80-200')).toEqual([]);
    expect(extractFigures('Umsatz 2023 war gut')).toEqual([]);
    expect(extractFigures('eine Firma mit 3 Standorten')).toEqual([]);
  });

  it('reads several figures from one sentence', () => {
    const f = extractFigures('Firma mit 120.000 € Umsatz und 12 Mitarbeitern');
    expect(f.map((x) => [x.kind, x.value])).toEqual([
      ['money', 120000],
      ['employees', 12],
    ]);
  });
});
