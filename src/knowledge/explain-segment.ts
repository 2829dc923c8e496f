/** Explains a Kundensegment classification in the reader's language: which figures, which rule, which measure won. */
import { type Kundensegment, type KundensegmentResult, segmentLabel } from '../domain/classification/kundensegment.js';
import type { Comparison } from '../domain/classification/quantities.js';
import { formatCount, formatEur } from './format.js';
import type { Locale } from './text/language.js';

const REVENUE_RULE: Record<Kundensegment, { de: string; en: string }> = {
  SMALL_BUSINESS: { de: 'unter 50 Mio. €', en: 'below €50 million' },
  MIDMARKET: { de: '50 bis 500 Mio. €', en: '€50 to 500 million' },
  LARGE_ENTERPRISE: { de: 'über 500 Mio. €', en: 'above €500 million' },
};
const EMPLOYEE_RULE: Record<Kundensegment, { de: string; en: string }> = {
  SMALL_BUSINESS: { de: 'unter 100 Mitarbeiter', en: 'fewer than 100 employees' },
  MIDMARKET: { de: '100 bis 2000 Mitarbeiter', en: '100 to 2000 employees' },
  LARGE_ENTERPRISE: { de: 'über 2000 Mitarbeiter', en: 'more than 2000 employees' },
};

const BOUND: Record<Comparison, { de: string; en: string }> = {
  above: { de: 'über ', en: 'more than ' },
  below: { de: 'unter ', en: 'less than ' },
  at_least: { de: 'mindestens ', en: 'at least ' },
  at_most: { de: 'höchstens ', en: 'at most ' },
};

/** "über " / "more than " for a bounded figure, "" for an exact one. */
export const boundWord = (c: Comparison | undefined, locale: Locale): string => (c ? BOUND[c][locale] : '');

const upperFirst = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** One line per measure used, then the conflict rule or the note that only one measure was known. */
export function explainSegment(r: KundensegmentResult, locale: Locale): string[] {
  const de = locale === 'de';
  const lines: string[] = [];
  if (r.bySegmentRevenue && r.annualRevenue !== undefined) {
    const seg = segmentLabel(r.bySegmentRevenue, locale);
    lines.push(
      de
        ? `Jahresumsatz ${boundWord(r.revenueComparison, locale)}${formatEur(r.annualRevenue, locale)} → ${seg} (${REVENUE_RULE[r.bySegmentRevenue].de}).`
        : `Annual revenue ${boundWord(r.revenueComparison, locale)}${formatEur(r.annualRevenue, locale)} → ${seg} (${REVENUE_RULE[r.bySegmentRevenue].en}).`,
    );
  }
  if (r.bySegmentEmployees && r.employees !== undefined) {
    const seg = segmentLabel(r.bySegmentEmployees, locale);
    lines.push(
      de
        ? `${upperFirst(boundWord(r.employeesComparison, locale))}${formatCount(r.employees, locale)} Mitarbeiter → ${seg} (${EMPLOYEE_RULE[r.bySegmentEmployees].de}).`
        : `${upperFirst(boundWord(r.employeesComparison, locale))}${formatCount(r.employees, locale)} employees → ${seg} (${EMPLOYEE_RULE[r.bySegmentEmployees].en}).`,
    );
  }
  const result = segmentLabel(r.segment, locale);
  if (r.conflict) {
    lines.push(
      de
        ? `Umsatz und Mitarbeiterzahl zeigen auf verschiedene Segmente; es gilt das höhere: ${result}.`
        : `Revenue and headcount point to different segments; the higher one applies: ${result}.`,
    );
  } else if (r.basis === 'revenue') {
    lines.push(
      de
        ? 'Nur der Jahresumsatz ist bekannt; er allein bestimmt das Segment.'
        : 'Only the annual revenue is known; it alone decides the segment.',
    );
  } else if (r.basis === 'employees') {
    lines.push(
      de
        ? 'Nur die Mitarbeiterzahl ist bekannt; sie allein bestimmt das Segment.'
        : 'Only the headcount is known; it alone decides the segment.',
    );
  } else {
    lines.push(de ? `Beide Angaben führen zu ${result}.` : `Both measures lead to ${result}.`);
  }
  return lines;
}
