/** Cards for glossary answers: one entry, two side by side, a family overview, or "not in the glossary". */
import { type GlossaryEntry, glossaryEntry } from '../domain/glossary/index.js';
import type { ComparisonAnswer, GlossaryAnswer, NotFoundAnswer, OverviewAnswer } from '../knowledge/answer.js';
import { definitionText, displayName, headline, SOURCE_GLOSSARY, texts } from '../knowledge/labels.js';
import type { Locale } from '../knowledge/text/language.js';
import { adaptiveCard, askButton, footer, text, title } from './knowledge-elements.js';
import { literal } from './text.js';

/** Name (first line), other names, definition or the "in clarification" note. */
function entryBlocks(e: GlossaryEntry, locale: Locale, heading: (s: string) => object = title): object[] {
  const t = texts(locale);
  const also = [...e.abbreviations, ...(locale === 'en' ? e.synonymsEn : e.synonyms)]
    .filter((s) => s.toLowerCase() !== displayName(e, locale).toLowerCase())
    .slice(0, 4);
  return [
    heading(headline(e, locale)),
    ...(also.length ? [text(`${t.also}: ${also.join(', ')}`, { isSubtle: true, spacing: 'None' })] : []),
    e.inClarification
      ? text(t.inClarification(e.inClarification.with), { color: 'Warning' })
      : text(definitionText(e, locale)),
  ];
}

/** Alternatives of an inferred entry come first among the buttons, then related terms. */
export function glossaryCard(a: GlossaryAnswer, locale: Locale = a.locale): object {
  const t = texts(locale);
  const related = a.entry.related.map(glossaryEntry).filter((e) => !a.alternatives.includes(e));
  const note = a.alternatives.length ? t.inferred : related.length ? t.related : null;
  return adaptiveCard(
    [
      ...entryBlocks(a.entry, locale),
      ...(note ? [text(note, { isSubtle: true, size: 'Small' })] : []),
      ...(a.matchedBy === 'model' ? [text(t.chosenByModel, { isSubtle: true, size: 'Small' })] : []),
      footer(SOURCE_GLOSSARY),
    ],
    [...a.alternatives, ...related].map((e) => askButton(e, locale)),
  );
}

export function comparisonCard(a: ComparisonAnswer, locale: Locale = a.locale): object {
  const t = texts(locale);
  const [x, y] = a.entries;
  const column = (e: GlossaryEntry) => ({
    type: 'Column',
    width: 'stretch',
    items: entryBlocks(e, locale, (s) => text(s, { weight: 'Bolder', size: 'Medium' })),
  });
  return adaptiveCard(
    [
      title(t.comparison(displayName(x, locale), displayName(y, locale))),
      { type: 'ColumnSet', columns: [column(x), column(y)] },
      ...(a.sameDefinition ? [text(t.sameDefinition, { weight: 'Bolder' })] : []),
      footer(SOURCE_GLOSSARY),
    ],
    [askButton(x, locale), askButton(y, locale)],
  );
}

export function overviewCard(a: OverviewAnswer, locale: Locale = a.locale): object {
  const t = texts(locale);
  return adaptiveCard(
    [
      title(t.overview[a.group]),
      text(t.overviewIntro),
      ...a.entries.map((e) => text(`- ${headline(e, locale)}`, { spacing: 'None' })),
      footer(SOURCE_GLOSSARY),
    ],
    a.entries.map((e) => askButton(e, locale)),
  );
}

export function notFoundCard(a: NotFoundAnswer, locale: Locale = a.locale): object {
  const t = texts(locale);
  return adaptiveCard(
    [
      literal(t.notFound(a.query), { weight: 'Bolder' }), // the query is the user's text: never read as markdown
      text(a.suggestions.length ? t.didYouMean : t.noSuggestion),
    ],
    a.suggestions.map((e) => askButton(e, locale)),
  );
}
