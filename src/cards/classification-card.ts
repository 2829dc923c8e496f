/** Cards for classification answers: Kundensegment from figures, Betreuungsmodell from criteria, a CRM company. */

import { segmentLabel } from '../domain/classification/kundensegment.js';
import { glossaryEntry } from '../domain/glossary/index.js';
import type {
  BetreuungsmodellAnswer,
  CompanyAnswer,
  CompanyChoiceAnswer,
  CompanyNotFoundAnswer,
  SegmentAnswer,
  UnavailableAnswer,
} from '../knowledge/answer.js';
import { BETREUUNGSMODELL_LABEL } from '../knowledge/classification-terms.js';
import { sameName } from '../knowledge/company-lookup.js';
import { formatCount, formatEur } from '../knowledge/format.js';
import { SOURCE_GLOSSARY, texts } from '../knowledge/labels.js';
import type { Locale } from '../knowledge/text/language.js';
import { adaptiveCard, askButton, footer, imBack, text, title } from './knowledge-elements.js';
import { facts, literal } from './text.js';

const lines = (reasoning: string[]) => reasoning.map((r, i) => text(r, { spacing: i ? 'None' : 'Medium' }));

export function segmentCard(a: SegmentAnswer, locale: Locale = a.locale): object {
  const t = texts(locale);
  const r = a.result;
  return adaptiveCard(
    [
      title(t.segmentTitle(segmentLabel(r.segment, locale))),
      facts([
        [t.revenue, r.annualRevenue !== undefined ? formatEur(r.annualRevenue, locale) : t.unknown],
        [t.employees, r.employees !== undefined ? formatCount(r.employees, locale) : t.unknown],
        [t.basis, t.basisValue[r.basis]],
      ]),
      ...lines(a.reasoning),
      footer(SOURCE_GLOSSARY),
    ],
    a.termIds.map((id) => askButton(glossaryEntry(id), locale)),
  );
}

export function betreuungsmodellCard(a: BetreuungsmodellAnswer, locale: Locale = a.locale): object {
  const t = texts(locale);
  const label = BETREUUNGSMODELL_LABEL[a.result.closest];
  return adaptiveCard(
    [
      title(a.result.model ? t.betreuungTitle(label) : t.betreuungNone(label)),
      ...lines(a.reasoning),
      footer(SOURCE_GLOSSARY),
    ],
    a.termIds.map((id) => askButton(glossaryEntry(id), locale)),
  );
}

export function companyCard(a: CompanyAnswer, locale: Locale = a.locale): object {
  const t = texts(locale);
  const c = a.company;
  const actions: object[] = [];
  if (c.url && /^https:\/\//.test(c.url)) actions.push({ type: 'Action.OpenUrl', title: t.openRecord, url: c.url });
  for (const id of a.termIds) actions.push(askButton(glossaryEntry(id), locale));
  return adaptiveCard(
    [
      literal(a.result ? t.companyTitle(c.name, segmentLabel(a.result.segment, locale)) : c.name, {
        weight: 'Bolder',
        size: 'Large',
      }),
      ...(sameName(c.name, a.query) ? [] : [literal(t.companyFound(c.name, a.query), { isSubtle: true })]),
      facts([
        [t.revenue, c.annualRevenue != null ? formatEur(c.annualRevenue, locale) : t.unknown],
        [t.employees, c.employees != null ? formatCount(c.employees, locale) : t.unknown],
        ['Domain', c.domain],
      ]),
      ...(a.result ? lines(a.reasoning) : [text(t.companyNoFigures, { color: 'Warning' })]),
      footer(t.companySource),
    ],
    actions,
  );
}

export function companyChoiceCard(a: CompanyChoiceAnswer, locale: Locale = a.locale): object {
  const t = texts(locale);
  return adaptiveCard(
    [
      literal(t.companyChoice(a.query, a.companies.length), { weight: 'Bolder' }),
      ...(a.truncated ? [text(t.moreCompanies, { isSubtle: true })] : []),
    ],
    // The id keeps the follow-up unambiguous when two records share a name.
    a.companies.map((c) => imBack(c.domain ? `${c.name} (${c.domain})` : c.name, t.classify(`${c.name} (ID ${c.id})`))),
  );
}

export function companyNotFoundCard(a: CompanyNotFoundAnswer, locale: Locale = a.locale): object {
  return adaptiveCard([literal(texts(locale).companyNotFound(a.query))]);
}

export function unavailableCard(a: UnavailableAnswer, locale: Locale = a.locale): object {
  return adaptiveCard([text(texts(locale).unavailable[a.reason], { color: 'Warning' })]);
}
