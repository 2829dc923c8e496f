/** Explains a Betreuungsmodell classification: which criteria hold, which are missing, which model is closest. */
import {
  BETREUUNGSVERHAELTNIS,
  type BetreuungsmodellInput,
  type BetreuungsmodellResult,
  type Criterion,
  type CriterionCheck,
} from '../domain/classification/betreuungsmodell.js';
import { BETREUUNGSMODELL_LABEL } from './classification-terms.js';
import { boundWord } from './explain-segment.js';
import { formatEur } from './format.js';
import type { Locale } from './text/language.js';

const CRITERION: Record<Criterion, { de: string; en: string }> = {
  market_units_more_than_3: {
    de: 'Potenzial für mehr als 3 Market Units',
    en: 'potential for more than 3 market units',
  },
  market_units_at_least_3: {
    de: 'Potenzial für mindestens 3 Market Units',
    en: 'potential for at least 3 market units',
  },
  market_units_at_least_2: {
    de: 'Potenzial für mindestens 2 Market Units',
    en: 'potential for at least 2 market units',
  },
  market_units_exactly_1_or_new_customer: {
    de: 'Potenzial für genau 1 Market Unit oder Neukunde in der Implementierung',
    en: 'potential for exactly 1 market unit, or a new customer in implementation',
  },
  revenue_potential_high: { de: 'hohes Umsatzpotenzial', en: 'high revenue potential' },
  revenue_potential_above_300k: { de: 'Umsatzpotenzial über 300k', en: 'revenue potential above 300k' },
  revenue_potential_below_300k: { de: 'Umsatzpotenzial unter 300k', en: 'revenue potential below 300k' },
  relationship_c_level: { de: 'Beziehung auf C-Level', en: 'relationship at C-level' },
  relationship_decision_maker: { de: 'Beziehung auf Entscheiderebene', en: 'relationship at decision-maker level' },
};

const RELATIONSHIP = {
  c_level: { de: 'C-Level', en: 'C-level' },
  decision_maker: { de: 'Entscheiderebene', en: 'decision-maker level' },
  other: { de: 'keine auf Entscheider- oder C-Level', en: 'none at decision-maker or C-level' },
};

/** What the question said about the input a criterion looks at. */
function given(c: Criterion, input: BetreuungsmodellInput, locale: Locale): string | null {
  if (c.startsWith('market_units')) {
    if (input.newCustomerInImplementation)
      return locale === 'de' ? 'Neukunde in der Implementierung' : 'new customer in implementation';
    if (input.marketUnits == null) return null;
    const bound = boundWord(input.marketUnitsComparison, locale);
    return `${bound}${input.marketUnits} Market Unit${input.marketUnits === 1 && !bound ? '' : 's'}`;
  }
  if (c.startsWith('revenue')) {
    const r = input.revenuePotential;
    if (r == null) return null;
    if (r === 'high') return locale === 'de' ? 'hoch' : 'high';
    if (r === 'low') return locale === 'de' ? 'gering' : 'low';
    return `${boundWord(input.revenuePotentialComparison, locale)}${formatEur(r, locale)}`;
  }
  return input.relationship ? RELATIONSHIP[input.relationship][locale] : null;
}

function describe(check: CriterionCheck, input: BetreuungsmodellInput, locale: Locale): string {
  const value = given(check.criterion, input, locale);
  const label = CRITERION[check.criterion][locale];
  if (value === null) return locale === 'de' ? `${label} (nicht angegeben)` : `${label} (not given)`;
  return `${label} (${locale === 'de' ? 'angegeben' : 'given'}: ${value})`;
}

export function explainBetreuungsmodell(
  r: BetreuungsmodellResult,
  input: BetreuungsmodellInput,
  locale: Locale,
): string[] {
  const de = locale === 'de';
  const lines: string[] = [];
  const closest = BETREUUNGSMODELL_LABEL[r.closest];
  const fit = r.fits.find((f) => f.model === r.closest)!;
  const ratio = BETREUUNGSVERHAELTNIS[r.closest];
  if (r.model) {
    lines.push(de ? `Alle Kriterien für ${closest} sind erfüllt:` : `All criteria for ${closest} are met:`);
    for (const c of fit.checks) lines.push(`✓ ${describe(c, input, locale)}`);
    lines.push(
      ratio
        ? de
          ? `Betreuungsverhältnis: ${ratio}.`
          : `Coverage ratio: ${ratio}.`
        : de
          ? 'Betreuung durch eine Tochtergesellschaft, nicht im CSM.'
          : 'Served by a subsidiary, not by customer success management.',
    );
  } else {
    lines.push(
      de
        ? `Kein Betreuungsmodell passt genau. Am nächsten liegt ${closest}.`
        : `No coverage model fits exactly. The closest is ${closest}.`,
    );
    for (const c of fit.checks) {
      const mark = c.status === 'met' ? '✓' : c.status === 'not_met' ? '✗' : '?';
      lines.push(`${mark} ${describe(c, input, locale)}`);
    }
    const unknown = r.missing.filter((c) => c.status === 'unknown');
    if (unknown.length) {
      lines.push(
        de
          ? 'Mit den fehlenden Angaben lässt sich das Modell bestätigen oder ausschließen.'
          : 'The missing details would confirm or rule out this model.',
      );
    }
  }
  if (r.assumedHighAbove300k) {
    lines.push(
      de
        ? 'Hinweis: Das Glossar beziffert „hohes Umsatzpotenzial“ nicht; angenommen ist mehr als 300k wie beim Named Account.'
        : 'Note: the glossary puts no number on "high revenue potential"; above 300k (the Named Account bar) is assumed.',
    );
  }
  return lines;
}
