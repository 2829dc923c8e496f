/**
 * "Ask it like a colleague": a held-out set written from the glossary text (not from the retriever's synonyms)
 * the way CSMs write in chat — colloquial, typos, German and English, by description, with numbers and
 * comparatives, abbreviations, company look-ups with words around the name, and questions the glossary cannot answer.
 * Written before the retrieval changes it is reported for; nothing in src/ or the tuning reads it.
 */
import type { CompanyRecord } from '../../src/domain/classification/company-directory.js';
import type { Kundensegment } from '../../src/domain/classification/kundensegment.js';
import type { Tag, TestQuestion } from './questions.js';

const KEY = 'betreuungsmodell-key-account';
const NAMED = 'betreuungsmodell-named-account';
const SMART = 'betreuungsmodell-smart-account';
const SINGLE = 'betreuungsmodell-single-account';
const LARGE = 'kundensegment-large-enterprise';
const MID = 'kundensegment-midmarket';
const SMALL = 'kundensegment-small-business';
const PMM = 'portfolio-marketing-manager';
const DE = 'delivery-executive';

type Lang = 'de' | 'en';
const g =
  (tag: Tag) =>
  (q: string, id: string, lang: Lang = 'de'): TestQuestion => ({
    q,
    lang,
    tag,
    expect: { kind: 'glossary', ids: [id] },
  });
const named = g('direct');
const neighbour = g('neighbour');
const typo = g('typo');
const english = (q: string, id: string) => g('english')(q, id, 'en');
const described = g('description');
const abbr = g('abbreviation');
const cmp = (q: string, a: string, b: string, lang: Lang = 'de'): TestQuestion => ({
  q,
  lang,
  tag: 'comparison',
  expect: { kind: 'comparison', ids: [a, b] },
});
const seg = (q: string, segment: Kundensegment, lang: Lang = 'de', conflict?: boolean): TestQuestion => ({
  q,
  lang,
  tag: 'quantity',
  expect: { kind: 'segment', segment, conflict },
});
const bm = (q: string, model: string, lang: Lang = 'de'): TestQuestion => ({
  q,
  lang,
  tag: 'betreuung',
  expect: { kind: 'betreuungsmodell', model },
});
const company = (q: string, id: string, segment: Kundensegment, lang: Lang = 'de'): TestQuestion => ({
  q,
  lang,
  tag: 'company',
  expect: { kind: 'company', segment, id },
});
const choice = (q: string, lang: Lang = 'de'): TestQuestion => ({
  q,
  lang,
  tag: 'company',
  expect: { kind: 'company_choice' },
});
const noCompany = (q: string, lang: Lang = 'de'): TestQuestion => ({
  q,
  lang,
  tag: 'company',
  expect: { kind: 'company_not_found' },
});
const out = (q: string, lang: Lang = 'de'): TestQuestion => ({
  q,
  lang,
  tag: 'outside',
  expect: { kind: 'not_found' },
});

/** The CRM as this set sees it (searched by name substring, like the other sets' in-memory directory). */
export const COLLEAGUE_COMPANIES: CompanyRecord[] = [
  { id: '9001', name: 'Weserblick Logistik GmbH', annualRevenue: 120_000_000, employees: 650 },
  { id: '9002', name: 'Nordlicht Software AG', annualRevenue: 750_000_000, employees: 3100 },
  { id: '9003', name: 'Alpenglück Bäckerei KG', annualRevenue: 4_000_000, employees: 35 },
  { id: '9004', name: 'Hanse Maschinenbau GmbH & Co. KG', annualRevenue: 480_000_000, employees: 2200 },
  { id: '9005', name: 'Rheinwerk Consulting GmbH', annualRevenue: 20_000_000, employees: 90 },
  { id: '9006', name: 'Rheinwerk Systems AG', annualRevenue: 300_000_000, employees: 1500 },
];

export const COLLEAGUE_QUESTIONS: TestQuestion[] = [
  // Named, the way people type in chat
  named('kurze frage: was genau ist nochmal ein SAL?', 'sal'),
  named('Hey, was ist eigentlich Nurturing bei uns?', 'nurturing'),
  named('was war nochmal ein gated asset', 'gated-asset'),
  named('Kannst du mir sagen, was eine Selektion ist?', 'selektion'),
  named('Wofür brauchen wir die Nomenklatur?', 'nomenklatur'),
  named('Was macht eigentlich der Portfolio Marketing Manager?', PMM),
  named('Erklär mal kurz Double Opt-In', 'double-opt-in'),
  named('Was ist mit Routing gemeint?', 'routing'),
  named('Was genau ist eine Verkaufschance?', 'opportunity'),
  named('Was ist ein Business Partner bei uns?', 'business-partner'),
  named('Sag mal, was ist eine Marketinggruppe', 'marketinggruppe'),
  named('was versteht man unter outbound?', 'outbound'),
  named('Was bedeutet Pull-Kampagne genau?', 'pull-kampagne'),
  named('Was heißt Contact Owner in HubSpot?', 'contact-owner'),
  named('Was ist eine Zielgruppe im Marketing?', 'zielgruppe'),
  named('MQL?', 'mql'),
  named('Was ist eine HubSpot-Liste?', 'liste'),
  named('Was ist ein Verteiler genau?', 'verteiler'),
  named('Was ist für uns ein Ansprechpartner?', 'contact'),
  named('Was ist die Kundenklassifikation CSM?', 'kundenklassifikation-csm'),
  named('Was ist das Scoring?', 'scoring'),
  named('Was ist eine Marketingeinwilligung genau?', 'marketingeinwilligung'),
  named('Workflows in HubSpot – was ist das?', 'workflow'),
  named('Was meint ihr mit Asset?', 'asset'),
  named('cx?', 'cx'),
  named('Was ist C4C eigentlich?', 'c4c'),
  named('Und was ist ein Lead bei uns?', 'lead'),

  // A named term must win over its neighbours
  neighbour('Welche Grenzen gelten für Large Enterprise?', LARGE),
  neighbour('Ab wann ist ein Kunde Midmarket?', MID),
  neighbour('Wie ist Small Business definiert?', SMALL),
  neighbour('Welche Kriterien hat das Kundensegment Large Enterprise?', LARGE),
  neighbour('Was sind die Schwellenwerte für Midmarket?', MID),
  neighbour('Welche Voraussetzungen braucht ein Named Account?', NAMED),
  neighbour('Welche Kriterien gelten beim Smart Account?', SMART),
  neighbour('Was ist das Betreuungsverhältnis beim Key Account?', KEY),
  neighbour('Wie viele Market Units braucht ein Key Account?', KEY),
  neighbour('Was ist ein Wert bei einem Marketingmerkmal?', 'wert'),
  neighbour('Was ist die Contact ID eines Kontakts?', 'contact-id'),
  neighbour('Wer ist der Contact Owner eines Kontakts?', 'contact-owner'),
  neighbour('What are the limits for Large Enterprise?', LARGE, 'en'),
  neighbour('What are the criteria for a Named Account?', NAMED, 'en'),
  neighbour('Welche Umsatzgrenze hat Small Business?', SMALL),
  neighbour('Was ist eine Push-Kampagne im CRM?', 'push-kampagne'),
  neighbour('Wann ist ein Lead ein MQL?', 'mql'),
  neighbour('Was ist ein Scoring-Filter beim Scoring?', 'scoring-filter'),
  neighbour('Wie viele Mitarbeiter hat ein Large Enterprise mindestens?', LARGE),
  neighbour('Wie viel Umsatz hat ein Midmarket-Kunde?', MID),

  // Typos, also inside long compounds
  typo('Betreungsmodel Smart Acount', SMART),
  typo('was ist ein Marketingeinwiligung', 'marketingeinwilligung'),
  typo('Was bedeutet Kundensegmnet Midmarket', MID),
  typo('was is ein Opprtunity', 'opportunity'),
  typo('Was ist Nuturing?', 'nurturing'),
  typo('Was ist ein Verteilre?', 'verteiler'),
  typo('Was ist die Nomenklatuhr', 'nomenklatur'),
  typo('Was ist ein Dashbord', 'dashboard'),
  typo('Betreuungsmodel Named Acount?', NAMED),
  typo('was war eine Zielgrupe nochmal', 'zielgruppe'),
  typo('Was ist eine Marketinggrupe?', 'marketinggruppe'),
  typo('Was ist verhaltensbezognes Scoring', 'scoring-verhaltensbezogen'),
  typo('Was macht der Delivery Excecutive?', DE),
  typo('Was ist der Contact Ownr', 'contact-owner'),
  typo('Was ist das Kundenssegment Large Enterprsie?', LARGE),
  typo('Was bedeutet Socring-Filter?', 'scoring-filter'),
  typo('Was ist eine Pushkampange?', 'push-kampagne'),
  typo('Portfolio Marekting Manager?', PMM),
  typo('Was ist die Marketingeinwilligunng', 'marketingeinwilligung'),
  typo('Was heißt Kundenklasifikation Partner?', 'kundenklassifikation-partner'),
  typo('Betreuungsmodelll Key Acount', KEY),

  // English
  english("hey what's a gated asset again?", 'gated-asset'),
  english('What does SAL stand for?', 'sal'),
  english('what is lead nurturing', 'nurturing'),
  english('Can you explain the scoring filter?', 'scoring-filter'),
  english('what does the contact owner field mean in hubspot?', 'contact-owner'),
  english('What is a push campaign?', 'push-kampagne'),
  english("What's a distribution list?", 'verteiler'),
  english('explain double opt-in pls', 'double-opt-in'),
  english("what's a market unit at All for One?", 'market-unit'),
  english('how does behavioural scoring work', 'scoring-verhaltensbezogen'),
  english('What is the Smart Account model?', SMART),
  english("What's a sales qualified lead?", 'sql'),
  english('What do we mean by target group?', 'zielgruppe'),
  english('What is a HubSpot property?', 'eigenschaft'),
  english('What does Midmarket mean for us?', MID),
  english('What is an opportunity in our process?', 'opportunity'),
  english('What is nomenclature?', 'nomenklatur'),
  english('marketing consent – what counts as that?', 'marketingeinwilligung'),
  english("What's an account manager?", 'account-manager'),
  english('what is a campaign for us', 'kampagne'),

  // Asked by description, not by name
  described('Wie nennt man das Feld, in dem HubSpot z. B. die Stadt eines Kontakts speichert?', 'eigenschaft'),
  described('What do we call a time-limited marketing action with a defined goal?', 'kampagne', 'en'),
  described('Wie heißt die eindeutige Nummer eines Ansprechpartners im CRM?', 'contact-id'),
  described(
    'Wie heißt das Anmeldeverfahren, bei dem man die E-Mail-Adresse ein zweites Mal bestätigt?',
    'double-opt-in',
  ),
  described('Wie heißen Kampagneninhalte, die nicht frei abrufbar sind?', 'gated-asset'),
  described('Wie heißt es, wenn der Vertrieb einen Lead akzeptiert, den das Marketing für kaufbereit hält?', 'sal'),
  described('Wie nennt man eine Liste von E-Mail-Empfängern unter einem gemeinsamen Titel?', 'verteiler'),
  described(
    'Wie nennt man Werbung, bei der das Unternehmen die Kunden direkt anspricht, z.B. mit Newsletter oder Telesales?',
    'outbound',
  ),
  described('Wer ist im Marketing für ein Themenfeld aus dem Portfolio verantwortlich?', PMM),
  described("What's the name of the sales rep assigned to a company?", 'account-manager', 'en'),
  described('Wie heißen die Bereiche der All for One mit unterschiedlichen Expertisen?', 'market-unit'),
  described('Wie heißt die Ausprägung eines Marketingmerkmals, z.B. Berlin bei Stadt?', 'wert'),
  described('Wie nennt man die grafische Oberfläche zur Visualisierung von Daten?', 'dashboard'),
  described('What do you call content that visitors can only get after submitting a form?', 'gated-asset', 'en'),
  described('Wie heißt die Sammlung zusammengehöriger Marketingmerkmale?', 'marketinggruppe'),
  described('Wie nennt man die festgelegte Schreibweise aller Dateiformate im Unternehmen?', 'nomenklatur'),
  described('What is it called when an MQL is passed automatically from HubSpot to C4C?', 'routing', 'en'),
  described('Wie nennt man die Aufforderung zum Handeln, z.B. ein Button "Jetzt downloaden"?', 'cta'),
  described(
    'Wie heißt die ausdrückliche Zustimmung zur Kontaktaufnahme per Telefon oder Post?',
    'marketingeinwilligung',
  ),
  described('What is the term for the part of the market whose members could buy a product?', 'zielgruppe', 'en'),
  described('Wie heißt die Plattform für Inbound-Marketing, Sales, CRM und Kundenservice?', 'hubspot'),
  described('Wie heißt der Ansatz mit Budget, Autorität, Bedarf und Zeitrahmen?', 'bant'),
  described(
    'Wie nennt man es, wenn Kontakte automatisch mit Kampagnen-Content versorgt werden, bis sie vertriebsreif sind?',
    'nurturing',
  ),
  described('Wer schließt Zusatzgeschäft beim Stammkunden eigenständig ab?', DE),
  described('What is the unique number of an account in HubSpot called?', 'hubspot-id', 'en'),
  described('Wie nennt man eine Sammlung von Kontakten nach festgelegten Kriterien in HubSpot?', 'liste'),
  described(
    'Wie heißt die Kampagne, die aus einer bestehenden Datenbasis per Zielgruppenselektion entsteht?',
    'push-kampagne',
  ),
  described(
    'What do you call the automation in HubSpot that runs actions for many contacts at once?',
    'workflow',
    'en',
  ),
  described('Wie nennt man die Gesamtsumme aller Interaktionen eines Kunden mit unserer Marke?', 'cx'),

  // Abbreviations, also ones the glossary never spells out
  abbr('Was macht ein DE?', DE),
  abbr('Was ist ein DE eigentlich?', DE),
  abbr('Was ist ein PMM?', PMM),
  abbr('PMM – was macht der?', PMM),
  abbr('What does a DE do?', DE, 'en'),
  abbr("What's a PMM?", PMM, 'en'),
  abbr('Was genau macht ein CSM?', 'account-manager'),
  abbr('OPP heißt was?', 'opportunity'),
  abbr('Was ist eine MU?', 'market-unit'),
  abbr('Was bedeutet DOI?', 'double-opt-in'),
  abbr('Was ist ein BP?', 'business-partner'),

  // Two terms side by side
  cmp('Was ist der Unterschied zwischen MQL und SAL?', 'mql', 'sal'),
  cmp('Push- vs. Pull-Kampagne?', 'push-kampagne', 'pull-kampagne'),
  cmp('Marketingattribut vs Marketingmerkmal – gibt es da einen Unterschied?', 'marketingattribut', 'marketingmerkmal'),
  cmp('Unterschied zwischen Account und Kontakt?', 'account', 'contact'),
  cmp('Key Account oder Named Account – was ist der Unterschied?', KEY, NAMED),
  cmp("What's the difference between an SQL and an opportunity?", 'sql', 'opportunity', 'en'),
  cmp('Contact ID vs HubSpot ID', 'contact-id', 'hubspot-id'),
  cmp('Worin unterscheiden sich Scoring und Scoring-Filter?', 'scoring', 'scoring-filter'),
  cmp('Unterschied Inbound Outbound?', 'inbound', 'outbound'),
  cmp('Compare Smart Account and Single Account', SMART, SINGLE, 'en'),
  cmp('Was unterscheidet Midmarket von Large Enterprise?', MID, LARGE),

  // Figures with their words: the comparative decides at the segment table's boundaries
  seg('Kunde mit über 500 Mio. Umsatz – welches Segment?', 'LARGE_ENTERPRISE'),
  seg('Welches Segment bei genau 500 Mio. Jahresumsatz?', 'MIDMARKET'),
  seg('Firma hat weniger als 100 Beschäftigte, welches Segment?', 'SMALL_BUSINESS'),
  seg('mehr als 2000 Mitarbeiter → Segment?', 'LARGE_ENTERPRISE'),
  seg('Segment für 2000 Mitarbeitende?', 'MIDMARKET'),
  seg('Welches Segment hat ein Kunde mit unter 50 Mio. Umsatz?', 'SMALL_BUSINESS'),
  seg('Jahresumsatz 50 Mio. – welches Kundensegment?', 'MIDMARKET'),
  seg('mindestens 50 Mio Umsatz, welches Segment', 'MIDMARKET'),
  seg('Umsatz knapp unter 50 Mio., welches Segment?', 'SMALL_BUSINESS'),
  seg('mehr als 99 Mitarbeitende – Segment?', 'MIDMARKET'),
  seg('100 MA, welches Segment?', 'MIDMARKET'),
  seg('Which segment for more than 500 million revenue?', 'LARGE_ENTERPRISE', 'en'),
  seg('Which segment is a company with under 100 employees?', 'SMALL_BUSINESS', 'en'),
  seg('at least 2000 employees - which segment?', 'MIDMARKET', 'en'),
  seg('customer with more than 2,000 employees, segment?', 'LARGE_ENTERPRISE', 'en'),
  seg('Segment bei über 0,5 Mrd. € Umsatz?', 'LARGE_ENTERPRISE'),
  seg('Welches Segment: Umsatz > 500 Mio.', 'LARGE_ENTERPRISE'),
  seg('Segment bei Umsatz < 50 Mio.?', 'SMALL_BUSINESS'),
  seg('Welches Segment bei 500.000 Tsd. € Umsatz?', 'MIDMARKET'),
  seg('Welches Segment bei mehr als 500.000 Tsd. € Umsatz?', 'LARGE_ENTERPRISE'),
  seg('45 Mio. Umsatz, aber über 2000 MA – welches Segment?', 'LARGE_ENTERPRISE', 'de', true),
  seg('less than €50m revenue and fewer than 100 employees – which segment?', 'SMALL_BUSINESS', 'en', false),
  seg('bis zu 500 Mio. Umsatz und bis 2000 Mitarbeiter – Segment?', 'MIDMARKET'),
  seg('ab 100 Mitarbeitern, welches Segment?', 'MIDMARKET'),
  seg('Welches Segment bei 49,9 Mio. Umsatz?', 'SMALL_BUSINESS'),
  seg('revenue of 2.5bn, 1,999 employees – which segment?', 'LARGE_ENTERPRISE', 'en', true),
  seg('Kunde hat über 500 Mio Umsatz aber nur 80 MA', 'LARGE_ENTERPRISE', 'de', true),
  seg('unter 100 Mitarbeitende, Umsatz unter 50 Mio – Segment?', 'SMALL_BUSINESS'),
  seg('more than 500m turnover – segment?', 'LARGE_ENTERPRISE', 'en'),
  seg('Welches Segment bei über 500 Mitarbeitern?', 'MIDMARKET'),
  seg('Segment bei mehr als 50 Mio. Umsatz?', 'MIDMARKET'),
  seg('Umsatz über 49 Mio., welches Segment?', 'SMALL_BUSINESS'),

  // Betreuungsmodell from criteria in the question
  bm(
    'Kunde hat Potenzial für mehr als 3 Market Units, hohes Umsatzpotenzial und Kontakt auf C-Level – welches Betreuungsmodell?',
    KEY,
  ),
  bm('Welches Betreuungsmodell bei genau 3 Market Units, 400k Umsatzpotenzial und Beziehung zum Entscheider?', NAMED),
  bm('Betreuungsmodell für mindestens 2 Market Units und Umsatzpotenzial unter 300k?', SMART),
  bm('Welches Betreuungsmodell hat ein Kunde mit nur 1 Market Unit?', SINGLE),
  bm('Neukunde in der Implementierungsphase – welches Betreuungsmodell?', SINGLE),
  bm(
    'Which service model for 5 market units, revenue potential above 300k and a relationship with decision makers?',
    NAMED,
    'en',
  ),
  bm('Betreuungsmodell bei 2 MUs und 150k Potenzial', SMART),
  bm('Betreuungsmodell: 4 Market Units, Umsatzpotenzial über 300k, Beziehung zum Vorstand', KEY),
  bm('Welches Betreuungsmodell bei mehr als 2 Market Units und weniger als 300k Umsatzpotenzial?', SMART),

  // Company look-ups with words around the name
  company('Ordne das Unternehmen Weserblick Logistik GmbH ein', '9001', 'MIDMARKET'),
  company('Welches Segment hat der Kunde Weserblick Logistik?', '9001', 'MIDMARKET'),
  company('Firma Nordlicht Software AG – welches Segment?', '9002', 'LARGE_ENTERPRISE'),
  company('Klassifiziere bitte die Firma Alpenglück Bäckerei', '9003', 'SMALL_BUSINESS'),
  company('Welches Kundensegment hat die Nordlicht Software GmbH?', '9002', 'LARGE_ENTERPRISE'),
  company('In welches Segment fällt Hanse Maschinenbau GmbH & Co KG?', '9004', 'LARGE_ENTERPRISE'),
  company('Which segment is the customer Nordlicht Software in?', '9002', 'LARGE_ENTERPRISE', 'en'),
  company('Classify the company Weserblick Logistik Ltd', '9001', 'MIDMARKET', 'en'),
  choice('Welches Segment hat Rheinwerk?'),
  choice('Klassifiziere den Kunden Rheinwerk'),
  noCompany('Welches Segment hat die Firma Sonnenhof Gärtnerei GmbH?'),
  company('Segment vom Kunden Weserblick Logistik GmbH?', '9001', 'MIDMARKET'),
  company('Ordne mal den Account Alpenglück Bäckerei KG ein', '9003', 'SMALL_BUSINESS'),
  company('What segment does the company Hanse Maschinenbau belong to?', '9004', 'LARGE_ENTERPRISE', 'en'),
  company('Kundensegment der Weserblick Logistik G.m.b.H.?', '9001', 'MIDMARKET'),

  // Not in the glossary: must be refused
  out('Was ist ein KPI eigentlich?'),
  out('Was bedeutet Churn Rate?'),
  out('Wie hoch ist unser Marketingbudget dieses Jahr?'),
  out('What is a lookalike audience?', 'en'),
  out('Was ist ein Webinar?'),
  out('Wie funktioniert Google Analytics?'),
  out('Was ist ein Lead Magnet?'),
  out('Was kostet eine HubSpot-Lizenz?'),
  out('Wann ist das nächste Teammeeting?'),
  out('What is ABM exactly?', 'en'),
  out('Was ist eine Buyer Persona?'),
  out('What is an NPS score?', 'en'),
  out('Was ist ein Pitch Deck?'),
  out('Wie schreibe ich eine gute Betreffzeile?'),
  out('Was ist eine Landingpage?'),
  out('What is a sales funnel?', 'en'),
  out('Wie ist das Wetter in Hamburg?'),
  out('Was ist SEO genau?'),
  out('Wer organisiert die Weihnachtsfeier?'),
  out('Does GDPR apply to our newsletter?', 'en'),
  out('Was ist ein Tracking-Pixel?'),
  out('Wie viele Urlaubstage habe ich noch?'),
];
