/** Adaptive Card (1.5) for any knowledge answer. */
import type { Answer } from '../knowledge/answer.js';
import { CHAT_COMMANDS } from '../knowledge/commands.js';
import { helpLines, texts } from '../knowledge/labels.js';
import type { Locale } from '../knowledge/text/language.js';
import {
  betreuungsmodellCard,
  companyCard,
  companyChoiceCard,
  companyNotFoundCard,
  segmentCard,
  unavailableCard,
} from './classification-card.js';
import { comparisonCard, glossaryCard, notFoundCard, overviewCard } from './glossary-card.js';
import { adaptiveCard, imBack, text, title } from './knowledge-elements.js';

function helpCard(locale: Locale): object {
  const t = texts(locale);
  const examples =
    locale === 'de'
      ? ['Was ist ein MQL?', 'MQL vs. SQL', 'meine Leads']
      : ['What is an MQL?', 'MQL vs. SQL', 'my leads'];
  return adaptiveCard(
    [title(t.helpTitle), ...helpLines(locale).map((h) => text(`- ${h}`, { spacing: 'None' }))],
    examples.map((e) => imBack(e, e)),
  );
}

/** Renders an answer; `locale` overrides the answer's language. Commands get a one-line card (the lead flow normally handles them). */
export function renderAnswerCard(answer: Answer, locale: Locale = answer.locale): object {
  switch (answer.kind) {
    case 'glossary':
      return glossaryCard(answer, locale);
    case 'comparison':
      return comparisonCard(answer, locale);
    case 'overview':
      return overviewCard(answer, locale);
    case 'not_found':
      return notFoundCard(answer, locale);
    case 'segment':
      return segmentCard(answer, locale);
    case 'betreuungsmodell':
      return betreuungsmodellCard(answer, locale);
    case 'company':
      return companyCard(answer, locale);
    case 'company_choice':
      return companyChoiceCard(answer, locale);
    case 'company_not_found':
      return companyNotFoundCard(answer, locale);
    case 'unavailable':
      return unavailableCard(answer, locale);
    case 'help':
      return helpCard(locale);
    case 'command':
      return adaptiveCard([text(CHAT_COMMANDS[answer.command].title[locale])]);
  }
}
