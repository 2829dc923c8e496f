/** Plain-text answers for clients without Adaptive Cards (and for the CLI). */

import { segmentLabel } from '../domain/classification/kundensegment.js';
import { type GlossaryEntry, glossaryEntry } from '../domain/glossary/index.js';
import type { Answer } from './answer.js';
import { BETREUUNGSMODELL_LABEL } from './classification-terms.js';
import { CHAT_COMMANDS } from './commands.js';
import { sameName } from './company-lookup.js';
import { formatCount, formatEur } from './format.js';
import { definitionText, displayName, headline, helpLines, SOURCE_GLOSSARY, texts } from './labels.js';
import type { Locale } from './text/language.js';

function entryText(e: GlossaryEntry, locale: Locale): string[] {
  const t = texts(locale);
  const lines = [headline(e, locale)];
  const also = [...e.abbreviations, ...(locale === 'en' ? e.synonymsEn : e.synonyms)].filter(
    (s) => s.toLowerCase() !== displayName(e, locale).toLowerCase(),
  );
  if (also.length) lines.push(`${t.also}: ${also.slice(0, 4).join(', ')}`);
  lines.push(e.inClarification ? t.inClarification(e.inClarification.with) : definitionText(e, locale));
  return lines;
}

const related = (e: GlossaryEntry, locale: Locale) =>
  `${texts(locale).related}: ${e.related.map((id) => displayName(glossaryEntry(id), locale)).join(', ')}`;

/** Renders any answer as plain text; `locale` overrides the answer's language. */
export function renderAnswerText(answer: Answer, locale: Locale = answer.locale): string {
  const t = texts(locale);
  const lines: string[] = [];
  switch (answer.kind) {
    case 'glossary':
      lines.push(...entryText(answer.entry, locale));
      if (answer.alternatives.length)
        lines.push('', `${t.inferred} ${answer.alternatives.map((e) => displayName(e, locale)).join(', ')}`);
      if (answer.entry.related.length) lines.push('', related(answer.entry, locale));
      if (answer.matchedBy === 'model') lines.push('', t.chosenByModel);
      lines.push('', SOURCE_GLOSSARY);
      break;
    case 'comparison':
      lines.push(t.comparison(displayName(answer.entries[0], locale), displayName(answer.entries[1], locale)));
      for (const e of answer.entries) lines.push('', ...entryText(e, locale));
      if (answer.sameDefinition) lines.push('', t.sameDefinition);
      lines.push('', SOURCE_GLOSSARY);
      break;
    case 'overview':
      lines.push(t.overview[answer.group], t.overviewIntro);
      for (const e of answer.entries) lines.push(`- ${headline(e, locale)}`);
      lines.push('', SOURCE_GLOSSARY);
      break;
    case 'not_found':
      lines.push(t.notFound(answer.query));
      lines.push(
        answer.suggestions.length
          ? `${t.didYouMean} ${answer.suggestions.map((e) => displayName(e, locale)).join(', ')}`
          : t.noSuggestion,
      );
      break;
    case 'segment':
      lines.push(t.segmentTitle(segmentLabel(answer.result.segment, locale)), ...answer.reasoning, '', SOURCE_GLOSSARY);
      break;
    case 'betreuungsmodell': {
      const label = BETREUUNGSMODELL_LABEL[answer.result.closest];
      lines.push(
        answer.result.model ? t.betreuungTitle(label) : t.betreuungNone(label),
        ...answer.reasoning,
        '',
        SOURCE_GLOSSARY,
      );
      break;
    }
    case 'company': {
      const c = answer.company;
      lines.push(answer.result ? t.companyTitle(c.name, segmentLabel(answer.result.segment, locale)) : c.name);
      if (!sameName(c.name, answer.query)) lines.push(t.companyFound(c.name, answer.query));
      lines.push(`${t.revenue}: ${c.annualRevenue != null ? formatEur(c.annualRevenue, locale) : t.unknown}`);
      lines.push(`${t.employees}: ${c.employees != null ? formatCount(c.employees, locale) : t.unknown}`);
      lines.push(...(answer.result ? answer.reasoning : [t.companyNoFigures]));
      if (c.url) lines.push(`${t.openRecord}: ${c.url}`);
      lines.push('', t.companySource);
      break;
    }
    case 'company_choice':
      lines.push(t.companyChoice(answer.query, answer.companies.length));
      for (const c of answer.companies)
        lines.push(`- ${c.name}${c.domain ? ` (${c.domain})` : ''}: ${t.classify(`${c.name} (ID ${c.id})`)}`);
      if (answer.truncated) lines.push(t.moreCompanies);
      break;
    case 'company_not_found':
      lines.push(t.companyNotFound(answer.query));
      break;
    case 'unavailable':
      lines.push(t.unavailable[answer.reason]);
      break;
    case 'help':
      lines.push(t.helpTitle, ...helpLines(locale).map((h) => `- ${h}`));
      break;
    case 'command':
      lines.push(CHAT_COMMANDS[answer.command].title[locale]);
      break;
  }
  return lines.join('\n');
}
