/** Fixed texts of the answers, German and English. */
import type { GlossaryEntry, GlossaryGroup } from '../domain/glossary/index.js';
import { CHAT_COMMANDS } from './commands.js';
import type { Locale } from './text/language.js';

export const SOURCE_GLOSSARY = 'Quelle: Glossar Leadmanagement';

const TEXTS = {
  de: {
    also: 'Auch',
    related: 'Verwandte Begriffe',
    inferred: 'Aus deiner Beschreibung erschlossen. Auch möglich:',
    chosenByModel:
      'Ein Sprachmodell hat diesen Glossareintrag für deine Frage ausgewählt; der Text ist der des Glossars.',
    inClarification: (w: string) =>
      `Noch nicht definiert: Dieser Begriff ist beim Kunden mit ${w} in Klärung. Sobald die Definition vorliegt, steht sie hier.`,
    comparison: (a: string, b: string) => `${a} und ${b} im Vergleich`,
    sameDefinition: 'Das Glossar definiert beide Begriffe gleich.',
    overview: {
      betreuungsmodell: 'Betreuungsmodelle',
      kundensegment: 'Kundensegmente',
      kundenklassifikation: 'Kundenklassifikationen',
    } as Record<GlossaryGroup, string>,
    overviewIntro: 'Im Glossar stehen diese Einträge:',
    notFound: (q: string) => `„${q}“ steht nicht im Glossar Leadmanagement.`,
    didYouMean: 'Meintest du:',
    noSuggestion: 'Frag nach einem Begriff aus dem Glossar, z. B. „Was ist ein MQL?“.',
    segmentTitle: (s: string) => `Kundensegment: ${s}`,
    betreuungTitle: (m: string) => `Betreuungsmodell: ${m}`,
    betreuungNone: (m: string) => `Betreuungsmodell: kein exakter Treffer (am nächsten: ${m})`,
    revenue: 'Jahresumsatz',
    employees: 'Mitarbeiter',
    basis: 'Grundlage',
    basisValue: {
      revenue: 'nur Jahresumsatz',
      employees: 'nur Mitarbeiterzahl',
      both: 'Jahresumsatz und Mitarbeiterzahl',
    },
    unknown: 'unbekannt',
    companyTitle: (n: string, s: string) => `${n}: ${s}`,
    companyNoFigures:
      'In HubSpot sind weder Jahresumsatz noch Mitarbeiterzahl gepflegt; ohne sie lässt sich das Kundensegment nicht bestimmen.',
    openRecord: 'In HubSpot öffnen',
    companySource: 'Quelle: HubSpot (annualrevenue, numberofemployees); Regeln: Glossar Leadmanagement',
    companyFound: (name: string, query: string) => `In HubSpot gefunden: „${name}“ (gefragt: „${query}“).`,
    companyChoice: (q: string, n: number) => `${n} Firmen passen zu „${q}“. Welche meinst du?`,
    moreCompanies: 'Es gibt weitere Treffer; gib den Namen genauer an.',
    companyNotFound: (q: string) => `In HubSpot gibt es keine Firma namens „${q}“.`,
    unavailable: {
      not_configured: 'Die Firmensuche in HubSpot ist hier nicht eingerichtet.',
      failed: 'Die Firmensuche in HubSpot ist gerade nicht erreichbar. Bitte versuch es später noch einmal.',
    },
    classify: (name: string) => `Klassifiziere ${name}`,
    ask: (term: string) => `Was ist ${term}?`,
    helpTitle: 'So kann ich helfen',
    help: [
      'Begriffe erklären: „Was ist ein MQL?“, „Unterschied zwischen MQL und SQL“',
      'Kundensegment bestimmen: „Welches Segment hat eine Firma mit 85 Mio. Umsatz und 400 Mitarbeitern?“',
      'Firma klassifizieren: „Klassifiziere die Musterfirma GmbH“',
      'Betreuungsmodell: „Welches Betreuungsmodell bei 3 Market Units, 500k Umsatzpotenzial und Entscheiderebene?“',
    ],
    commands: 'Leads',
  },
  en: {
    also: 'Also',
    related: 'Related terms',
    inferred: 'Inferred from your description. Also possible:',
    chosenByModel: 'A language model picked this glossary entry for your question; the text is the glossary’s own.',
    inClarification: (w: string) =>
      `Not defined yet: the customer is still clarifying this term with ${w === 'Vertrieb' ? 'Sales' : w}. Once defined, it will be shown here.`,
    comparison: (a: string, b: string) => `${a} compared with ${b}`,
    sameDefinition: 'The glossary defines both terms the same way.',
    overview: {
      betreuungsmodell: 'Service models',
      kundensegment: 'Customer segments',
      kundenklassifikation: 'Customer classifications',
    } as Record<GlossaryGroup, string>,
    overviewIntro: 'The glossary has these entries:',
    notFound: (q: string) => `"${q}" is not in the lead management glossary.`,
    didYouMean: 'Did you mean:',
    noSuggestion: 'Ask about a glossary term, e.g. "What is an MQL?".',
    segmentTitle: (s: string) => `Customer segment: ${s}`,
    betreuungTitle: (m: string) => `Service model: ${m}`,
    betreuungNone: (m: string) => `Service model: no exact fit (closest: ${m})`,
    revenue: 'Annual revenue',
    employees: 'Employees',
    basis: 'Based on',
    basisValue: { revenue: 'annual revenue only', employees: 'headcount only', both: 'annual revenue and headcount' },
    unknown: 'unknown',
    companyTitle: (n: string, s: string) => `${n}: ${s}`,
    companyNoFigures:
      'HubSpot has neither annual revenue nor headcount for this company; without them the segment cannot be determined.',
    openRecord: 'Open in HubSpot',
    companySource: 'Source: HubSpot (annualrevenue, numberofemployees); rules: Glossar Leadmanagement',
    companyFound: (name: string, query: string) => `Found in HubSpot: "${name}" (you asked for "${query}").`,
    companyChoice: (q: string, n: number) => `${n} companies match "${q}". Which one do you mean?`,
    moreCompanies: 'There are more matches; please give a more precise name.',
    companyNotFound: (q: string) => `HubSpot has no company called "${q}".`,
    unavailable: {
      not_configured: 'The HubSpot company search is not set up here.',
      failed: 'The HubSpot company search is not reachable right now. Please try again later.',
    },
    classify: (name: string) => `Classify ${name}`,
    ask: (term: string) => `What is ${term}?`,
    helpTitle: 'How I can help',
    help: [
      'Explain terms: "What is an MQL?", "MQL vs. SQL"',
      'Customer segment: "Which segment is a company with 75 million revenue and 3,200 employees?"',
      'Classify a company: "Classify Musterfirma GmbH"',
      'Service model: "Which service model for 2 market units and 150k revenue potential?"',
    ],
    commands: 'Leads',
  },
};

export type Texts = (typeof TEXTS)['de'];

export function texts(locale: Locale): Texts {
  return TEXTS[locale];
}

/** The help answer: what can be asked, then every chat command that has a help line. */
export function helpLines(locale: Locale): string[] {
  const named = Object.values(CHAT_COMMANDS).flatMap((c) => (c.help ? [c.help[locale]] : []));
  return [...TEXTS[locale].help, `${TEXTS[locale].commands}: ${named.join(', ')}`];
}

/** The entry's name in the answer language without qualifiers like "(in HubSpot)". */
export function displayName(entry: GlossaryEntry, locale: Locale): string {
  return (locale === 'en' ? entry.termEn : entry.term).replace(/\s*\(.*?\)\s*/g, ' ').trim();
}

/** First line of a glossary answer: the name; English answers add the German term in brackets. */
export function headline(entry: GlossaryEntry, locale: Locale): string {
  const en = displayName(entry, 'en');
  return locale === 'en' && en.toLowerCase() !== entry.term.toLowerCase()
    ? `${en} (${entry.term})`
    : displayName(entry, locale);
}

/** The definition in the answer language. */
export function definitionText(entry: GlossaryEntry, locale: Locale): string {
  return locale === 'en' ? entry.definitionEn : entry.definition;
}

/** The question a "related term" button sends. */
export function askAbout(entry: GlossaryEntry, locale: Locale): string {
  return texts(locale).ask(displayName(entry, locale));
}
