/** Figures as people write them: "85 Mio.", "2,5 Mrd. €", "3.4 billion", "250k", "120.000 €", "1.500 Mitarbeiter", "450 MA". */

export type FigureKind = 'money' | 'employees' | 'market_units';

export interface Figure {
  kind: FigureKind;
  value: number;
  /** The text the figure was read from. */
  raw: string;
  /** Money only: the words around it speak of a potential ("Umsatzpotenzial", "revenue potential"). */
  potential?: boolean;
}

const END = '(?![\\p{L}\\p{N}])';
const EMPLOYEES = new RegExp(
  `^\\s?(mitarbeiter\\p{L}*|mitarbeitende\\p{L}*|ma|beschäftigte\\p{L}*|angestellte\\p{L}*|employees?|staff|people|fte|personen|persons)${END}`,
  'iu',
);
const MARKET_UNITS = new RegExp(`^\\s?(market[\\s-]?units?|mus?)${END}`, 'iu');
const MULTIPLIER = new RegExp(
  `^\\s?(mrd\\.?|milliarden?|billions?|bn|bln\\.?|mio\\.?|millionen|millions?|mn|m|k|tsd\\.?|tausend|thousand)${END}`,
  'iu',
);
const CURRENCY_AFTER = new RegExp(`^\\s?(€|eur|euro|usd|\\$|chf)${END}`, 'iu');
const FACTORS: Array<[RegExp, number]> = [
  [/^(mrd|milliarde|billion|bn|bln)/i, 1e9],
  [/^(mio|million|mn|m)/i, 1e6],
  [/^(k|tsd|tausend|thousand)/i, 1e3],
];
const NUMBER = /([€$]\s?)?(?<![\p{L}\p{N}.,])(\d+(?:[.,'’]\d+)*)/gu;
const RATIO = /\d+\s*:\s*\d+(?:\s*[-–]\s*\d+)?/g; // "1:80-200" is a coverage ratio, not a figure
const REVENUE_WORD = /umsatz|revenue|turnover|sales/i;
const POTENTIAL_WORD = /potenzial|potential/i;

/** Reads "1.500", "3,200", "2,5", "3.4", "120.000": a single separator followed by exactly three digits separates thousands. */
export function parseNumber(text: string): number | null {
  const s = text.replace(/['’\s]/g, '');
  if (!/^\d[\d.,]*$/.test(s)) return null;
  const lastDot = s.lastIndexOf('.');
  const lastComma = s.lastIndexOf(',');
  let normalised = s;
  if (lastDot >= 0 && lastComma >= 0) {
    const decimal = lastDot > lastComma ? '.' : ',';
    normalised = s
      .split(decimal === '.' ? ',' : '.')
      .join('')
      .replace(decimal, '.');
  } else if (lastDot >= 0 || lastComma >= 0) {
    const parts = s.split(lastDot >= 0 ? '.' : ',');
    const thousands = parts.length > 2 || parts[parts.length - 1].length === 3;
    normalised = thousands ? parts.join('') : parts.join('.');
  }
  const n = Number(normalised);
  return Number.isFinite(n) ? n : null;
}

/** Finds money amounts, headcounts and market-unit counts in a sentence; numbers without a unit or money context are ignored. */
export function extractFigures(text: string): Figure[] {
  const clean = text.replace(RATIO, (r) => ' '.repeat(r.length));
  const figures: Figure[] = [];
  for (const m of clean.matchAll(NUMBER)) {
    const value = parseNumber(m[2]);
    if (value === null) continue;
    const start = m.index;
    let end = start + m[0].length;
    const rest = () => clean.slice(end);
    const employees = EMPLOYEES.exec(rest());
    if (employees) {
      figures.push({ kind: 'employees', value, raw: clean.slice(start, end + employees[0].length).trim() });
      continue;
    }
    const units = MARKET_UNITS.exec(rest());
    if (units) {
      figures.push({ kind: 'market_units', value, raw: clean.slice(start, end + units[0].length).trim() });
      continue;
    }
    const multiplier = MULTIPLIER.exec(rest());
    if (multiplier) end += multiplier[0].length;
    const currency = CURRENCY_AFTER.exec(rest());
    if (currency) end += currency[0].length;
    const window = clean.slice(Math.max(0, start - 30), end + 30);
    const bare = !m[1] && !multiplier && !currency;
    if (bare && (!REVENUE_WORD.test(window) || /^(19|20)\d\d$/.test(m[2]))) continue; // a year is not a revenue
    const factor = multiplier ? FACTORS.find(([re]) => re.test(multiplier[1]))![1] : 1;
    figures.push({
      kind: 'money',
      value: value * factor,
      raw: clean.slice(start, end).trim(),
      potential: POTENTIAL_WORD.test(window),
    });
  }
  return figures;
}
