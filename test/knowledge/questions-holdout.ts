/**
 * Held-out questions: written after the retrieval was built, then run once and not tuned on.
 * Their accuracy is reported separately from the main set (which was written before any tuning).
 */
import type { TestQuestion } from './questions.js';

const KEY = 'betreuungsmodell-key-account';
const NAMED = 'betreuungsmodell-named-account';
const SMART = 'betreuungsmodell-smart-account';
const SINGLE = 'betreuungsmodell-single-account';

const g = (q: string, id: string | string[], lang: 'de' | 'en' = 'de'): TestQuestion => ({
  q,
  lang,
  tag: 'direct',
  expect: { kind: 'glossary', ids: Array.isArray(id) ? id : [id] },
});
const p = (q: string, id: string, lang: 'de' | 'en' = 'de'): TestQuestion => ({
  q,
  lang,
  tag: 'paraphrase',
  expect: { kind: 'glossary', ids: [id] },
});
const cmp = (q: string, a: string, b: string, lang: 'de' | 'en' = 'de'): TestQuestion => ({
  q,
  lang,
  tag: 'comparison',
  expect: { kind: 'comparison', ids: [a, b] },
});
const out = (q: string, lang: 'de' | 'en' = 'de'): TestQuestion => ({
  q,
  lang,
  tag: 'outside',
  expect: { kind: 'not_found' },
});

export const HOLDOUT_QUESTIONS: TestQuestion[] = [
  g('Was genau ist ein Account?', 'account'),
  g('Was versteht man unter einer Opportunity?', 'opportunity'),
  g('Erkläre mir bitte BANT', 'bant'),
  g('Wofür steht die Abkürzung CTA?', 'cta'),
  g('Was ist mit Nurturing gemeint?', 'nurturing'),
  g('Kannst du mir erklären, was ein Verteiler ist?', 'verteiler'),
  g('Was heißt Inbound-Marketing?', 'inbound'),
  g('Was sind Push-Kampagnen?', 'push-kampagne'),
  g('Was ist ein HubSpot Workflow?', 'workflow'),
  g('Was ist eine Marketing-Gruppe?', 'marketinggruppe'),
  g('Was sind Werte bei Marketingmerkmalen?', 'wert'),
  g('Was ist die Sales-Cloud von SAP?', ['sales-cloud', 'c4c']),
  g('SAL?', 'sal'),
  g('Definition Lead', 'lead'),
  g('Was ist ein Single-Account?', SINGLE),
  g('Was bedeutet Large-Enterprise?', 'kundensegment-large-enterprise'),
  g('Was ist Nurturin?', 'nurturing'),
  g('was ist ein dashbaord', 'dashboard'),
  g('Was bedeutet Marketingmerkmahl?', 'marketingmerkmal'),
  g('Was ist ein Businesspartner', 'business-partner'),
  g('Was ist eine Oportunity', 'opportunity'),
  g('What does MQL mean?', 'mql', 'en'),
  g('Explain scoring filters', 'scoring-filter', 'en'),
  g('What is a contact ID?', 'contact-id', 'en'),
  g("What's the Named Account model?", NAMED, 'en'),
  g('What are marketing characteristics?', 'marketingmerkmal', 'en'),
  g('Define customer experience', 'cx', 'en'),
  cmp('Was ist der Unterschied zwischen Scoring und Scoring-Filter?', 'scoring', 'scoring-filter'),
  cmp('Lead vs. Kontakt', 'lead', 'contact'),
  cmp('Unterschied Named Account und Smart Account', NAMED, SMART),
  cmp('What is the difference between inbound and outbound marketing?', 'inbound', 'outbound', 'en'),
  p('Wie nennt man die Zustimmung eines Kunden zu Werbemails?', 'marketingeinwilligung'),
  p('Wie heißt das Programm, mit dem HubSpot Aktionen für viele Kontakte automatisch ausführt?', 'workflow'),
  p('Wer verantwortet das Wachstum beim Bestandskunden durch Zusatzgeschäft?', 'delivery-executive'),
  p('Wie nennt man eine grafische Übersicht von Daten?', 'dashboard'),
  p('Wie heißt die Einstufung des Leads durch das Marketing als qualifiziert?', 'mql'),
  p('What do you call a lead that marketing considers qualified?', 'mql', 'en'),
  p('What is the word for an online form where people enter data?', 'formular', 'en'),
  p("What's the name for the list of email recipients for a message?", 'verteiler', 'en'),
  out('Was ist ein CPC?'),
  out('Was bedeutet Conversion Rate?'),
  out('What is a funnel?', 'en'),
  out('Was ist ein Angebot?'),
  out('Wie spät ist es?'),
  out('Was ist SAP?'),
  {
    q: 'Welches Segment: 1,2 Mrd. Umsatz',
    lang: 'de',
    tag: 'segment',
    expect: { kind: 'segment', segment: 'LARGE_ENTERPRISE' },
  },
  {
    q: 'Which segment for 150 employees?',
    lang: 'en',
    tag: 'segment',
    expect: { kind: 'segment', segment: 'MIDMARKET' },
  },
  {
    q: 'Kundensegment bei 40 Mio. € und 90 Mitarbeitern',
    lang: 'de',
    tag: 'segment',
    expect: { kind: 'segment', segment: 'SMALL_BUSINESS', conflict: false },
  },
  {
    q: 'Ein Kunde hat Potenzial für 2 Market Units und 100k Umsatzpotenzial – welches Betreuungsmodell?',
    lang: 'de',
    tag: 'betreuung',
    expect: { kind: 'betreuungsmodell', model: SMART },
  },
  {
    q: 'Betreuungsmodell für 6 Market Units mit hohem Umsatzpotenzial und Kontakt zum Vorstand',
    lang: 'de',
    tag: 'betreuung',
    expect: { kind: 'betreuungsmodell', model: KEY },
  },
  { q: 'Meine Leads bitte', lang: 'de', tag: 'routing', expect: { kind: 'command', command: 'my_leads' } },
  { q: 'digest ausschalten', lang: 'de', tag: 'routing', expect: { kind: 'command', command: 'digest_off' } },
  { q: 'Hilfe!', lang: 'de', tag: 'routing', expect: { kind: 'help' } },
];
