/**
 * The knowledge test set, written before the retrieval was built or tuned.
 * Questions paraphrase; they never quote a definition.
 */
import type { Kundensegment } from '../../src/domain/classification/kundensegment.js';

export type Expect =
  | { kind: 'glossary'; ids: string[] } // any of ids is right
  | { kind: 'comparison'; ids: [string, string] }
  | { kind: 'not_found' }
  | { kind: 'segment'; segment: Kundensegment; conflict?: boolean }
  | { kind: 'betreuungsmodell'; model: string | null; closest?: string }
  | { kind: 'company'; segment: Kundensegment | null; id?: string } // id: the record that must be found
  | { kind: 'company_choice' }
  | { kind: 'company_not_found' }
  | { kind: 'command'; command: string }
  | { kind: 'help' };

export type Tag =
  | 'direct'
  | 'variant'
  | 'typo'
  | 'english'
  | 'paraphrase'
  | 'comparison'
  | 'outside'
  | 'segment'
  | 'betreuung'
  | 'company'
  | 'routing'
  | 'neighbour'
  | 'description'
  | 'abbreviation'
  | 'quantity';

export interface TestQuestion {
  q: string;
  lang: 'de' | 'en';
  tag: Tag;
  expect: Expect;
}

const g = (q: string, id: string | string[], tag: Tag, lang: 'de' | 'en' = 'de'): TestQuestion => ({
  q,
  lang,
  tag,
  expect: { kind: 'glossary', ids: Array.isArray(id) ? id : [id] },
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
const seg = (q: string, segment: Kundensegment, lang: 'de' | 'en' = 'de', conflict?: boolean): TestQuestion => ({
  q,
  lang,
  tag: 'segment',
  expect: { kind: 'segment', segment, conflict },
});
const bm = (q: string, model: string | null, lang: 'de' | 'en' = 'de', closest?: string): TestQuestion => ({
  q,
  lang,
  tag: 'betreuung',
  expect: { kind: 'betreuungsmodell', model, closest },
});
const cmd = (q: string, command: string, lang: 'de' | 'en' = 'de'): TestQuestion => ({
  q,
  lang,
  tag: 'routing',
  expect: { kind: 'command', command },
});

const KEY = 'betreuungsmodell-key-account';
const NAMED = 'betreuungsmodell-named-account';
const SMART = 'betreuungsmodell-smart-account';
const SINGLE = 'betreuungsmodell-single-account';

export const QUESTIONS: TestQuestion[] = [
  // German, term named directly
  g('Was ist ein MQL?', 'mql', 'direct'),
  g('Was bedeutet SQL?', 'sql', 'direct'),
  g('Wofür steht SAL?', 'sal', 'direct'),
  g('Was ist BANT?', 'bant', 'direct'),
  g('Erklär mir Nurturing', 'nurturing', 'direct'),
  g('Was ist ein Account?', 'account', 'direct'),
  g('Was ist eine Account ID?', 'account-id', 'direct'),
  g('Was macht ein Account Manager?', 'account-manager', 'direct'),
  g('Was ist ein Asset?', 'asset', 'direct'),
  g('Was heißt C4C?', 'c4c', 'direct'),
  g('Was ist ein Kontakt?', 'contact', 'direct'),
  g('Was ist die Kontakt-ID?', 'contact-id', 'direct'),
  g('Was ist der Contact Owner?', 'contact-owner', 'direct'),
  g('Was ist CRM?', 'crm', 'direct'),
  g('Was ist ein CTA?', 'cta', 'direct'),
  g('Was bedeutet CX?', 'cx', 'direct'),
  g('Was ist ein Dashboard?', 'dashboard', 'direct'),
  g('Was macht der Delivery Executive?', 'delivery-executive', 'direct'),
  g('Was ist DOI?', 'double-opt-in', 'direct'),
  g('Was ist eine Eigenschaft in HubSpot?', 'eigenschaft', 'direct'),
  g('Was ist ein HubSpot-Formular?', 'formular', 'direct'),
  g('Was ist ein Gated Asset?', 'gated-asset', 'direct'),
  g('Was ist HubSpot?', 'hubspot', 'direct'),
  g('Was ist die HubSpot ID?', 'hubspot-id', 'direct'),
  g('Was bedeutet Inbound?', 'inbound', 'direct'),
  g('Was ist eine Kampagne?', 'kampagne', 'direct'),
  g('Was ist Kundenklassifikation CSM?', 'kundenklassifikation-csm', 'direct'),
  g('Was bedeutet Kundenklassifikation Partner?', 'kundenklassifikation-partner', 'direct'),
  g('Wie funktioniert die Kundenklassifikation Partner?', 'kundenklassifikation-partner', 'direct'),
  g('Was ist Large Enterprise?', 'kundensegment-large-enterprise', 'direct'),
  g('Was ist das Kundensegment Midmarket?', 'kundensegment-midmarket', 'direct'),
  g('Was ist Small Business?', 'kundensegment-small-business', 'direct'),
  g('Was ist ein Lead?', 'lead', 'direct'),
  g('Was ist eine Liste in HubSpot?', 'liste', 'direct'),
  g('Was ist ein Marketingattribut?', 'marketingattribut', 'direct'),
  g('Was ist eine Marketingeinwilligung?', 'marketingeinwilligung', 'direct'),
  g('Was ist eine Marketinggruppe?', 'marketinggruppe', 'direct'),
  g('Was ist ein Marketingmerkmal?', 'marketingmerkmal', 'direct'),
  g('Was ist eine Market Unit?', 'market-unit', 'direct'),
  g('Was ist die Nomenklatur?', 'nomenklatur', 'direct'),
  g('Was ist eine Opportunity?', 'opportunity', 'direct'),
  g('Was ist Outbound?', 'outbound', 'direct'),
  g('Was macht ein Portfolio Marketing Manager?', 'portfolio-marketing-manager', 'direct'),
  g('Was ist eine Pull-Kampagne?', 'pull-kampagne', 'direct'),
  g('Was ist eine Push Kampagne?', 'push-kampagne', 'direct'),
  g('Was bedeutet Routing?', 'routing', 'direct'),
  g('Was ist die Sales Cloud?', 'sales-cloud', 'direct'),
  g('Was ist Scoring?', 'scoring', 'direct'),
  g('Was ist der Scoring-Filter?', 'scoring-filter', 'direct'),
  g('Was ist verhaltensbezogenes Scoring?', 'scoring-verhaltensbezogen', 'direct'),
  g('Was ist eine Selektion?', 'selektion', 'direct'),
  g('Was ist ein Verteiler?', 'verteiler', 'direct'),
  g('Was ist ein Wert?', 'wert', 'direct'),
  g('Was ist ein Workflow?', 'workflow', 'direct'),
  g('Was ist eine Zielgruppe?', 'zielgruppe', 'direct'),
  g('Was ist ein Key Account?', KEY, 'direct'),
  g('Was ist ein Named Account?', NAMED, 'direct'),
  g('Was bedeutet Smart Account?', SMART, 'direct'),
  g('Was ist ein Single Account?', SINGLE, 'direct'),
  g('Was ist ein Business Partner?', 'business-partner', 'direct'),
  g('MQL', 'mql', 'direct'),
  g('Nurturing?', 'nurturing', 'direct'),

  // German: inflection, plurals, compounds, hyphens, case, umlauts, HubSpot prefix/suffix, long forms
  g('was sind mqls', 'mql', 'variant'),
  g('Was sind Marketing-Attribute?', 'marketingattribut', 'variant'),
  g('Was sind Marketing Merkmale', 'marketingmerkmal', 'variant'),
  g('Was sind Kampagnen?', 'kampagne', 'variant'),
  g('Was sind Gated Assets', 'gated-asset', 'variant'),
  g('Was versteht man unter Marketing-Einwilligungen?', 'marketingeinwilligung', 'variant'),
  g('Was ist eine Pullkampagne', 'pull-kampagne', 'variant'),
  g('Was bedeutet Scoringfilter?', 'scoring-filter', 'variant'),
  g('Was sind Verteilerlisten?', 'verteiler', 'variant'),
  g('Was sind Zielgruppen?', 'zielgruppe', 'variant'),
  g('Was ist ein Double-Opt-in?', 'double-opt-in', 'variant'),
  g('Was ist das Formular in Hubspot', 'formular', 'variant'),
  g('HubSpot Workflows?', 'workflow', 'variant'),
  g('Was ist eine HUBSPOT LISTE', 'liste', 'variant'),
  g('Was sind Eigenschaften?', 'eigenschaft', 'variant'),
  g('Was ist ein Ansprechpartner?', 'contact', 'variant'),
  g('Was ist eine Ansprechpartner-ID?', 'contact-id', 'variant'),
  g('Was bedeutet Kontaktinhaber?', 'contact-owner', 'variant'),
  g('Was ist eine Verkaufschance?', 'opportunity', 'variant'),
  g('Was ist ein marketingqualifizierter Lead?', 'mql', 'variant'),
  g('Was heisst Kundenklassifikation Partner', 'kundenklassifikation-partner', 'variant'),
  g('Was bedeutet Ausprägung?', 'wert', 'variant'),
  g('Was bedeutet Auspraegung?', 'wert', 'variant'),
  g('Was ist ein Marketing Qualified Lead?', 'mql', 'variant'),
  g('Was ist ein Sales Qualified Lead?', 'sql', 'variant'),
  g('Was ist ein Sales Accepted Lead?', 'sal', 'variant'),
  g('Was ist Customer Experience?', 'cx', 'variant'),
  g('Was ist ein Call-to-Action?', 'cta', 'variant'),
  g('Was ist Customer Relationship Management?', 'crm', 'variant'),
  g('Was heißt OPP?', 'opportunity', 'variant'),
  g('Was ist explizites Scoring?', 'scoring-filter', 'variant'),
  g('Was ist implizites Scoring?', 'scoring-verhaltensbezogen', 'variant'),
  g('Was ist Lead Nurturing?', 'nurturing', 'variant'),
  g('Was ist Lead Scoring?', 'scoring', 'variant'),
  g('Was ist die SAP Sales Cloud?', ['sales-cloud', 'c4c'], 'variant'),
  g('Was ist ein vertriebsqualifizierter Lead', 'sql', 'variant'),
  g('Was ist Gated Content?', 'gated-asset', 'variant'),
  g('Was ist eine Handlungsaufforderung im Marketing?', 'cta', 'variant'),
  g('Was ist ein CSM?', 'account-manager', 'variant'),
  g('Was sind Market Units?', 'market-unit', 'variant'),
  g('Was bedeutet Scoring verhaltensbezogen?', 'scoring-verhaltensbezogen', 'variant'),
  g('Was ist ein Midmarket-Kunde?', 'kundensegment-midmarket', 'variant'),

  // typos
  g('Was ist ein Opportunitiy?', 'opportunity', 'typo'),
  g('Was bedeutet Nurtring?', 'nurturing', 'typo'),
  g('Was ist eine Kampange?', 'kampagne', 'typo'),
  g('Was ist Nomenklatuhr', 'nomenklatur', 'typo'),
  g('Was ist ein Dashbord?', 'dashboard', 'typo'),
  g('Was ist Marketingeinwiligung', 'marketingeinwilligung', 'typo'),
  g('Was ist ein Delivery Excecutive', 'delivery-executive', 'typo'),
  g('Was ist Scorring', 'scoring', 'typo'),
  g('Was bedeutet Selecktion', 'selektion', 'typo'),
  g('Was ist ein Portfolio Marketing Manger', 'portfolio-marketing-manager', 'typo'),
  g('Was ist eine Zielgrupe', 'zielgruppe', 'typo'),
  g('Was ist ein Gatet Asset?', 'gated-asset', 'typo'),
  g('what is a markting qualified lead', 'mql', 'typo', 'en'),
  g('what does oportunity mean', 'opportunity', 'typo', 'en'),
  g('What is a Workfow in HubSpot?', 'workflow', 'typo', 'en'),
  g('What is a distrubution list?', 'verteiler', 'typo', 'en'),

  // English
  g('What is an MQL?', 'mql', 'english', 'en'),
  g('What does SQL stand for?', 'sql', 'english', 'en'),
  g('What does SAL mean?', 'sal', 'english', 'en'),
  g('What is BANT?', 'bant', 'english', 'en'),
  g('What is a contact owner?', 'contact-owner', 'english', 'en'),
  g('What is a property in HubSpot?', 'eigenschaft', 'english', 'en'),
  g('What is a HubSpot form?', 'formular', 'english', 'en'),
  g('What is a campaign?', 'kampagne', 'english', 'en'),
  g('What is a target group?', 'zielgruppe', 'english', 'en'),
  g('What is a distribution list?', 'verteiler', 'english', 'en'),
  g('What is a pull campaign?', 'pull-kampagne', 'english', 'en'),
  g("What's a push campaign?", 'push-kampagne', 'english', 'en'),
  g('What is lead nurturing?', 'nurturing', 'english', 'en'),
  g('What is lead routing?', 'routing', 'english', 'en'),
  g('What is marketing consent?', 'marketingeinwilligung', 'english', 'en'),
  g('What is a market unit?', 'market-unit', 'english', 'en'),
  g('What is double opt-in?', 'double-opt-in', 'english', 'en'),
  g('What is explicit scoring?', 'scoring-filter', 'english', 'en'),
  g('What is behavioural scoring?', 'scoring-verhaltensbezogen', 'english', 'en'),
  g('What is a key account?', KEY, 'english', 'en'),
  g('What is the Small Business segment?', 'kundensegment-small-business', 'english', 'en'),
  g('Explain the nomenclature', 'nomenklatur', 'english', 'en'),
  g('What is a gated asset?', 'gated-asset', 'english', 'en'),
  g('What does CX stand for?', 'cx', 'english', 'en'),
  g('What is a delivery executive?', 'delivery-executive', 'english', 'en'),
  g('What is customer classification CSM?', 'kundenklassifikation-csm', 'english', 'en'),
  g('What is a selection?', 'selektion', 'english', 'en'),
  g('What is a marketing attribute?', 'marketingattribut', 'english', 'en'),
  g('What is an account ID?', 'account-id', 'english', 'en'),
  g('What is a HubSpot list?', 'liste', 'english', 'en'),
  g('Tell me what an opportunity is', 'opportunity', 'english', 'en'),
  g('What is a midmarket customer?', 'kundensegment-midmarket', 'english', 'en'),
  g('What is a call to action?', 'cta', 'english', 'en'),
  g('What is a record ID?', 'hubspot-id', 'english', 'en'),

  // described, not named (German)
  g('Wie nennt man Werbung, bei der wir den Kunden von uns aus ansprechen?', 'outbound', 'paraphrase'),
  g(
    'Wer ist im Marketing für ein Themenfeld des Portfolios verantwortlich?',
    'portfolio-marketing-manager',
    'paraphrase',
  ),
  g(
    'Wie heißt das Verfahren, bei dem man die Anmeldung per Bestätigungsmail noch einmal bestätigt?',
    'double-opt-in',
    'paraphrase',
  ),
  g(
    'Wie nennt man Inhalte, die man erst nach Ausfüllen eines Formulars herunterladen kann?',
    'gated-asset',
    'paraphrase',
  ),
  g('Wie heißt der Lead, den der Vertrieb angenommen hat?', 'sal', 'paraphrase'),
  g('Wer kümmert sich um Up-Selling bei Bestandskunden?', 'delivery-executive', 'paraphrase'),
  g(
    'Wie nennt man es, wenn Kontakte automatisch Inhalte bekommen, bis sie reif für den Vertrieb sind?',
    'nurturing',
    'paraphrase',
  ),
  g('Wie heißt die Übergabe eines Leads von HubSpot in die C4C?', 'routing', 'paraphrase'),
  g('Welcher Begriff beschreibt, dass Kunden von sich aus über Suchmaschinen zu uns finden?', 'inbound', 'paraphrase'),
  g('Wie nennt man die Gesamtheit aller Erlebnisse eines Kunden mit unserer Marke?', 'cx', 'paraphrase'),
  g('Wie heißt die Liste von Mailadressen, an die man eine Nachricht gleichzeitig schickt?', 'verteiler', 'paraphrase'),
  g('Wie nennt man den Teil des Marktes, der als Käufer für ein Produkt in Frage kommt?', 'zielgruppe', 'paraphrase'),
  g(
    'Wie nennt man die Punktevergabe für das Verhalten eines Kontakts?',
    ['scoring', 'scoring-verhaltensbezogen'],
    'paraphrase',
  ),
  g('Welcher Lead ist vom Vertrieb als kaufbereit eingestuft und erfüllt BANT-Kriterien?', 'opportunity', 'paraphrase'),
  g('Wie heißt die Einteilung der All for One in Bereiche mit verschiedenen Expertisen?', 'market-unit', 'paraphrase'),
  g('Wie nennt man eine zeitlich begrenzte Marketingaktion mit einem Ziel?', 'kampagne', 'paraphrase'),
  g(
    'Wie heißt die Kampagne, die aus unserer Datenbasis per Zielgruppenauswahl entsteht?',
    'push-kampagne',
    'paraphrase',
  ),
  g('Wer ist der zuständige Vertriebsmitarbeiter eines Unternehmens?', 'account-manager', 'paraphrase'),
  g('Wie heißt das Betreuungsmodell für Kunden mit nur einer Market Unit?', SINGLE, 'paraphrase'),
  g('Welches Betreuungsmodell hat die Betreuungsquote 1:80-200?', SMART, 'paraphrase'),
  g('Wie nennt man die Erlaubnis eines Kunden, Werbung zu bekommen?', 'marketingeinwilligung', 'paraphrase'),
  g('Wie heißt das Feld, in dem HubSpot Daten zu einem Objekt speichert?', 'eigenschaft', 'paraphrase'),
  g('Wie heißt die Auswahl von Kunden nach bestimmten Merkmalen für eine Kampagne?', 'selektion', 'paraphrase'),
  g('Welche Methode nutzt Budget, Autorität, Bedarf und Zeitrahmen zur Qualifizierung?', 'bant', 'paraphrase'),

  // described, not named (English)
  g('What do you call advertising where we approach the customer first?', 'outbound', 'paraphrase', 'en'),
  g(
    'Who is responsible in marketing for a topic area of the portfolio?',
    'portfolio-marketing-manager',
    'paraphrase',
    'en',
  ),
  g('What is the term for content that requires filling in a form before download?', 'gated-asset', 'paraphrase', 'en'),
  g('What do we call the handover of an MQL from HubSpot to C4C?', 'routing', 'paraphrase', 'en'),
  g('Which lead has been accepted by sales?', 'sal', 'paraphrase', 'en'),
  g(
    'What is the name for automatically sending content to contacts until they are sales-ready?',
    'nurturing',
    'paraphrase',
    'en',
  ),
  g('What do you call the graphical interface that visualises data?', 'dashboard', 'paraphrase', 'en'),
  g('Who handles up-selling to existing customers for a market unit?', 'delivery-executive', 'paraphrase', 'en'),
  g("What's SAP's CRM system called internally?", ['c4c', 'sales-cloud'], 'paraphrase', 'en'),

  // comparisons
  cmp('Was ist der Unterschied zwischen MQL und SQL?', 'mql', 'sql'),
  cmp('MQL vs. SAL', 'mql', 'sal'),
  cmp('Unterschied zwischen Inbound und Outbound', 'inbound', 'outbound'),
  cmp('Push-Kampagne vs Pull-Kampagne', 'push-kampagne', 'pull-kampagne'),
  cmp('What is the difference between a lead and a contact?', 'lead', 'contact', 'en'),
  cmp('Marketingattribut oder Marketingmerkmal – was ist der Unterschied?', 'marketingattribut', 'marketingmerkmal'),
  cmp('Difference between explicit and implicit scoring?', 'scoring-filter', 'scoring-verhaltensbezogen', 'en'),
  cmp('Key Account vs Named Account', KEY, NAMED),
  cmp('Worin unterscheiden sich C4C und Sales Cloud?', 'c4c', 'sales-cloud'),
  cmp('Account ID vs. HubSpot ID', 'account-id', 'hubspot-id'),
  cmp('SQL versus Opportunity', 'sql', 'opportunity'), // no language signal: German default

  // outside the glossary: never a definition
  out('Was ist ein Deal?'),
  out('Was bedeutet SEO?'),
  out('Was ist ein Webinar?'),
  out('What is a KPI?', 'en'),
  out('Was ist Churn?'),
  out('Wie wird das Wetter morgen?'),
  out('Was ist ein Blogartikel?'),
  out('What is a landing page?', 'en'),
  out('Was ist ein Newsletter?'),
  out('Wer ist der Geschäftsführer der All for One?'),
  out('What is GDPR?', 'en'),
  out('Was ist eine Pipeline?'),
  out('Was ist der Customer Lifetime Value?'),
  out('Was ist ein Upsell?'),
  out('What is ABM?', 'en'),
  out('Was ist ein Buying Center?'),
  out('Was ist ein Ticket?'),
  out('Wie viel Urlaub habe ich noch?'),
  out('What is a sales sequence?', 'en'),
  out('Was ist Telesales?'),

  // Kundensegment from figures (German and English number formats)
  seg('Welches Segment hat ein Unternehmen mit 85 Mio. Umsatz?', 'MIDMARKET'),
  seg('Kundensegment bei 2,5 Mrd. € Jahresumsatz?', 'LARGE_ENTERPRISE'),
  seg('Which segment is a company with 3.4 billion revenue?', 'LARGE_ENTERPRISE', 'en'),
  seg('Segment for 75 million revenue and 3,200 employees?', 'LARGE_ENTERPRISE', 'en', true),
  seg('Firma mit 120.000 € Umsatz und 12 Mitarbeitern – welches Segment?', 'SMALL_BUSINESS', 'de', false),
  seg('Welches Kundensegment hat eine Firma mit 1.500 Mitarbeitern?', 'MIDMARKET'),
  seg('450 MA und 30 Mio Umsatz, welches Segment?', 'MIDMARKET', 'de', true),
  seg('Ist ein Unternehmen mit 50 Mio. Umsatz Small Business?', 'MIDMARKET'),
  seg('Welches Segment bei 500 Mio Umsatz?', 'MIDMARKET'),
  seg('Welches Segment bei 501 Mio. Umsatz?', 'LARGE_ENTERPRISE'),
  seg('Which segment has a company with 99 employees?', 'SMALL_BUSINESS', 'en'),
  seg('What segment is a company with 2000 employees and 40 million revenue?', 'MIDMARKET', 'en', true),
  seg('Klassifiziere: 600 Mio. Umsatz, 800 Mitarbeiter', 'LARGE_ENTERPRISE', 'de', true),
  seg('Kundensegment für 10 Mio Umsatz', 'SMALL_BUSINESS'),
  seg('Company with 250k revenue and 5 employees, which segment?', 'SMALL_BUSINESS', 'en', false),
  seg('Welches Segment hat ein Kunde mit 2.001 Beschäftigten?', 'LARGE_ENTERPRISE'),

  // Betreuungsmodell from criteria
  bm(
    'Welches Betreuungsmodell bei Potenzial für 5 Market Units, 1,2 Mio. Umsatzpotenzial und Beziehung auf C-Level?',
    KEY,
  ),
  bm('Betreuungsmodell für 3 Market Units, 500k Umsatzpotenzial, Beziehung auf Entscheiderebene', NAMED),
  bm('Betreuungsmodell: 3 Market Units und 500k, aber keine Beziehung zu Entscheidern', null, 'de', NAMED),
  bm('Which service model for 2 market units and 150k revenue potential?', SMART, 'en'),
  bm('Kunde mit Potenzial für nur 1 Market Unit – welches Betreuungsmodell?', SINGLE),
  bm('Welches Betreuungsmodell hat ein Neukunde in der Implementierung?', SINGLE),
  bm('Betreuungsmodell bei 4 MUs, 2 Mio Umsatzpotenzial, Entscheiderebene', NAMED),
  bm('Which coverage model fits 5 market units and 250k revenue potential?', SMART, 'en'),
  bm('Betreuungsmodell für 2 Market Units und 400k Umsatzpotenzial', null),

  // company look-up (in-memory directory, see companies fixture)
  {
    q: 'Klassifiziere die Musterfirma GmbH',
    lang: 'de',
    tag: 'company',
    expect: { kind: 'company', segment: 'MIDMARKET' },
  },
  { q: 'Welches Segment hat die Beispiel AG?', lang: 'de', tag: 'company', expect: { kind: 'company_choice' } },
  {
    q: 'Which segment is Contoso Ltd in?',
    lang: 'en',
    tag: 'company',
    expect: { kind: 'company', segment: 'LARGE_ENTERPRISE' },
  },
  {
    q: 'Klassifiziere Kleinkram KG',
    lang: 'de',
    tag: 'company',
    expect: { kind: 'company', segment: 'SMALL_BUSINESS' },
  },
  { q: 'Welches Segment hat die Unbekannt GmbH?', lang: 'de', tag: 'company', expect: { kind: 'company_not_found' } },
  { q: 'Klassifiziere die Leer GmbH', lang: 'de', tag: 'company', expect: { kind: 'company', segment: null } },
  { q: 'Classify Musterfirma', lang: 'en', tag: 'company', expect: { kind: 'company', segment: 'MIDMARKET' } },

  // routing of lead/manager commands and help
  cmd('meine Leads', 'my_leads'),
  cmd('my leads', 'my_leads', 'en'),
  cmd('Zeig mir meine Leads', 'my_leads'),
  cmd('digest', 'digest', 'en'),
  cmd('Zusammenfassung', 'digest'),
  cmd('digest aus', 'digest_off'),
  cmd('Digest an', 'digest_on'),
  cmd('digest off', 'digest_off', 'en'),
  { q: 'hilfe', lang: 'de', tag: 'routing', expect: { kind: 'help' } },
  { q: 'help', lang: 'en', tag: 'routing', expect: { kind: 'help' } },
  { q: 'Was kannst du?', lang: 'de', tag: 'routing', expect: { kind: 'help' } },
];
