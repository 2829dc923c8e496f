/** Reads classification questions: figures for the Kundensegment, criteria for the Betreuungsmodell. */
import type { BetreuungsmodellInput, Beziehungsebene } from '../domain/classification/betreuungsmodell.js';
import type { KundensegmentInput } from '../domain/classification/kundensegment.js';
import { extractFigures, type Figure } from '../domain/classification/quantities.js';
import { foldBasic } from './text/normalize.js';

export type ClassificationIntent =
  | { kind: 'betreuungsmodell'; input: BetreuungsmodellInput; figures: Figure[] }
  | { kind: 'segment'; input: KundensegmentInput; figures: Figure[] };

const MODEL_WORDS =
  /betreuungsmodell|betreuung|service model|coverage model|account model|named account|key account|smart account|single account/;
const C_LEVEL = /\b(c[- ]?level|c-ebene|vorstand\w*|geschaftsfuhr\w*|ceo|cfo|cio|cto|coo|top[- ]?management|board)\b/g;
const DECISION_MAKER = /\b(entscheider\w*|entscheidungstrager\w*|decision[- ]?makers?|decision[- ]?maker level)\b/g;
const NEGATION = /\b(kein\w*|ohne|nicht|no|not|without|lacks?|fehlt)\b[^.,;]{0,30}$/;
const HIGH = /\b(hohe[smn]?|grosse[smn]?|high|large|big)\s+(umsatz-?)?(potenzial|potential|revenue potential)/;
const LOW =
  /\b(geringe[smn]?|niedrige[smn]?|kleine[smn]?|low|small)\s+(umsatz-?)?(potenzial|potential|revenue potential)/;
const NEW_CUSTOMER = /neukunde|new customer|new client/;
const IMPLEMENTATION = /implementier|implementation|einfuhrung|onboarding|rollout/;

/** Highest relationship level mentioned and not negated; 'other' when only negated mentions exist. */
function relationship(text: string): Beziehungsebene | null {
  let negatedOnly = false;
  for (const [re, level] of [
    [C_LEVEL, 'c_level'],
    [DECISION_MAKER, 'decision_maker'],
  ] as const) {
    for (const m of text.matchAll(re)) {
      if (NEGATION.test(text.slice(0, m.index))) negatedOnly = true;
      else return level;
    }
  }
  return negatedOnly ? 'other' : null;
}

/** The classification a question asks for, or null when it has no figures or criteria. */
export function detectClassification(text: string): ClassificationIntent | null {
  const folded = foldBasic(text);
  const figures = extractFigures(text);
  const money = figures.filter((f) => f.kind === 'money');
  const units = figures.find((f) => f.kind === 'market_units');
  const marketUnits = units?.value;
  const rel = relationship(folded);
  const newCustomer = NEW_CUSTOMER.test(folded) && IMPLEMENTATION.test(folded);
  const qualitative = HIGH.test(folded) ? 'high' : LOW.test(folded) ? 'low' : undefined;
  const aboutModel = MODEL_WORDS.test(folded) || marketUnits !== undefined;
  const potential = money.find((f) => f.potential) ?? (aboutModel ? money[0] : undefined);
  if (aboutModel && (marketUnits !== undefined || potential || rel || newCustomer || qualitative)) {
    return {
      kind: 'betreuungsmodell',
      figures,
      input: {
        marketUnits,
        revenuePotential: potential?.value ?? qualitative ?? null,
        relationship: rel,
        newCustomerInImplementation: newCustomer,
        ...(units?.comparison ? { marketUnitsComparison: units.comparison } : {}),
        ...(potential?.comparison ? { revenuePotentialComparison: potential.comparison } : {}),
      },
    };
  }
  const revenue = money.find((f) => !f.potential);
  const employees = figures.find((f) => f.kind === 'employees');
  if (revenue || employees) {
    return {
      kind: 'segment',
      figures,
      input: {
        annualRevenue: revenue?.value ?? null,
        employees: employees?.value ?? null,
        ...(revenue?.comparison ? { revenueComparison: revenue.comparison } : {}),
        ...(employees?.comparison ? { employeesComparison: employees.comparison } : {}),
      },
    };
  }
  return null;
}
