/** Figures as people write them: "85 Mio.", "2,5 Mrd. €", "3.4 billion", "250k", "120.000 €", "1.500 Mitarbeiter", "450 MA". */

export type FigureKind = 'money' | 'employees' | 'market_units';

/** How the words before a figure bound it: "über 500 Mio." is strictly above, "ab 100 MA" at least. */
export type Comparison = 'above' | 'below' | 'at_least' | 'at_most';

export interface Figure {
  kind: FigureKind;
  value: number;
  /** The text the figure was read from. */
  raw: string;
  /** Money only: the words around it speak of a potential ("Umsatzpotenzial", "revenue potential"). */
  potential?: boolean;
  /** Set when a comparative stands before the number ("mehr als 2000 Mitarbeiter", "under €50m"). */
  comparison?: Comparison;
}

// Longest phrases first: "nicht mehr als" bounds from above, "mehr als" from below. Matched against the text before the number.
const COMPARATIVES: Array<[RegExp, Comparison]> = [
  [
    /(?:nicht\s+mehr\s+als|no\s+more\s+than|not\s+more\s+than|h(?:ö|oe|o)chstens|maximal|max\.?|bis\s+zu|bis|up\s+to|at\s+most|<=|≤)$/iu,
    'at_most',
  ],
  [
    /(?:nicht\s+weniger\s+als|no\s+less\s+than|no\s+fewer\s+than|not\s+less\s+than|mindestens|mind\.|min\.?|wenigstens|ab|at\s+least|from|>=|≥)$/iu,
    'at_least',
  ],
  [
    /(?:(?:ü|ue|u)ber|mehr(?:\s+als)?|gr(?:ö|oe|o)(?:ß|ss)er\s+als|oberhalb(?:\s+von)?|jenseits\s+von|more\s+than|greater\s+than|higher\s+than|larger\s+than|above|over|exceeding|>)$/iu,
    'above',
  ],
  [
    /(?:unter|weniger(?:\s+als)?|kleiner\s+als|unterhalb(?:\s+von)?|less\s+than|fewer\s+than|lower\s+than|under|below|<)$/iu,
    'below',
  ],
];

/** The comparative directly before a figure ("knapp unter", "mehr als", "at least", ">"), if any. */
export function comparisonBefore(textBefore: string): Comparison | undefined {
  const tail = textBefore.replace(/\s+$/, '').slice(-30);
  for (const [re, comparison] of COMPARATIVES) {
    const m = re.exec(tail);
    // The phrase must start a word ("Auftrag bis" yes, "Abis" no); symbols stand alone.
    if (m && (m.index === 0 || !/[\p{L}\p{N}]/u.test(tail[m.index - 1]) || !/^\p{L}/u.test(m[0]))) return comparison;
  }
  return undefined;
}

/** Value of a bounded whole count: "more than 99" employees is at least 100, "fewer than 100" at most 99. */
const wholeValue = (value: number, comparison?: Comparison) =>
  comparison === 'above' ? Math.floor(value) + 1 : comparison === 'below' ? Math.ceil(value) - 1 : value;

/**
 * Whether a figure lies strictly above `limit`. Without a comparative the figure is exact; "über 500 Mio." exceeds
 * 500 Mio.; an open bound that may lie on either side ("at least 2000") is read at its bound. Counts are whole numbers.
 */
export function exceeds(value: number, comparison: Comparison | undefined, limit: number, whole = false): boolean {
  if (whole) return wholeValue(value, comparison) > limit;
  return value > limit || (value >= limit && comparison === 'above');
}

/** Whether a figure lies strictly below `limit` (see `exceeds`). */
export function fallsBelow(value: number, comparison: Comparison | undefined, limit: number, whole = false): boolean {
  if (whole) return wholeValue(value, comparison) < limit;
  return value < limit || (value <= limit && comparison === 'below');
}

/** A whole count as bounded by its comparative ("more than 3 Market Units" → 4). */
export function boundedCount(value: number, comparison?: Comparison): number {
  return wholeValue(value, comparison);
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
    const comparison = comparisonBefore(clean.slice(Math.max(0, start - 30), start));
    const bound = comparison ? { comparison } : {};
    let end = start + m[0].length;
    const rest = () => clean.slice(end);
    const employees = EMPLOYEES.exec(rest());
    if (employees) {
      figures.push({ kind: 'employees', value, raw: clean.slice(start, end + employees[0].length).trim(), ...bound });
      continue;
    }
    const units = MARKET_UNITS.exec(rest());
    if (units) {
      figures.push({ kind: 'market_units', value, raw: clean.slice(start, end + units[0].length).trim(), ...bound });
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
      ...bound,
    });
  }
  return figures;
}
