/**
 * A second, smaller colleague-style set, written after the retrieval changes and measured once, to see whether the
 * fixes hold for questions nobody had looked at (the first set's misses were looked at while fixing by class).
 */
import type { Kundensegment } from '../../src/domain/classification/kundensegment.js';
import type { Tag, TestQuestion } from './questions.js';

type Lang = 'de' | 'en';
const g =
  (tag: Tag) =>
  (q: string, id: string, lang: Lang = 'de'): TestQuestion => ({
    q,
    lang,
    tag,
    expect: { kind: 'glossary', ids: [id] },
  });
const seg = (q: string, segment: Kundensegment, lang: Lang = 'de'): TestQuestion => ({
  q,
  lang,
  tag: 'quantity',
  expect: { kind: 'segment', segment },
});
const company = (q: string, id: string, segment: Kundensegment, lang: Lang = 'de'): TestQuestion => ({
  q,
  lang,
  tag: 'company',
  expect: { kind: 'company', segment, id },
});
const cmp = (q: string, a: string, b: string, lang: Lang = 'de'): TestQuestion => ({
  q,
  lang,
  tag: 'comparison',
  expect: { kind: 'comparison', ids: [a, b] },
});
const out = (q: string, lang: Lang = 'de'): TestQuestion => ({
  q,
  lang,
  tag: 'outside',
  expect: { kind: 'not_found' },
});

export const COLLEAGUE_PROBE: TestQuestion[] = [
  g('direct')('moin, was ist nochmal der Unterschied... ne, was ist ein Scoring-Filter?', 'scoring-filter'),
  g('direct')('Sorry, dumme Frage: was ist eine Opportunity?', 'opportunity'),
  g('direct')('Was ist bei uns eine Market Unit?', 'market-unit'),
  g('direct')('Erklär mir bitte kurz den Begriff Selektion', 'selektion'),
  g('direct')('Wozu gibt es die Marketingeinwilligung?', 'marketingeinwilligung'),
  g('neighbour')('Welche Grenzen hat das Segment Small Business?', 'kundensegment-small-business'),
  g('neighbour')('Was gilt als Named Account?', 'betreuungsmodell-named-account'),
  g('neighbour')('Wie viele Mitarbeiter hat ein Small Business höchstens?', 'kundensegment-small-business'),
  g('neighbour')('Welches Betreuungsverhältnis hat ein Smart Account?', 'betreuungsmodell-smart-account'),
  g('neighbour')('Was ist die Account ID eines Accounts?', 'account-id'),
  g('typo')('Was ist ein Busines Partner', 'business-partner'),
  g('typo')('Was bedeutet Marketingatribut?', 'marketingattribut'),
  g('typo')('Was ist eine Verkaufschanse?', 'opportunity'),
  g('typo')('Kundensegement Small Busines?', 'kundensegment-small-business'),
  g('typo')('wsa ist eine Pull-Kampange', 'pull-kampagne'),
  g('english')('what exactly is a gated asset for us', 'gated-asset', 'en'),
  g('english')('what does contact ID mean', 'contact-id', 'en'),
  g('english')('quick question: what is a portfolio marketing manager?', 'portfolio-marketing-manager', 'en'),
  g('english')('What is the Key Account model?', 'betreuungsmodell-key-account', 'en'),
  g('english')('what is a marketing group again', 'marketinggruppe', 'en'),
  g('description')('Wie heißt der Vertriebsverantwortliche, der einem Unternehmen zugewiesen ist?', 'account-manager'),
  g('description')('Wie nennt man Bestandteile einer Marketing-Kampagne wie Whitepaper oder Blogartikel?', 'asset'),
  g('description')('What do we call the approach of budget, authority, need and timeframe?', 'bant', 'en'),
  g('description')('Wie heißt das Objekt für jede Person, die im CRM gespeichert ist?', 'contact'),
  g('description')('Wie nennt man Marketing, bei dem die Kunden von selbst zum Unternehmen kommen?', 'inbound'),
  g('description')('Wer platziert das Portfolio seiner Market Unit beim CSM?', 'delivery-executive'),
  g('abbreviation')('Wer ist eigentlich der PMM?', 'portfolio-marketing-manager'),
  g('abbreviation')('Was ist ein SAL?', 'sal'),
  g('abbreviation')('what does BP mean?', 'business-partner', 'en'),
  cmp('SQL vs. MQL?', 'sql', 'mql'),
  cmp('Was ist der Unterschied zwischen Liste und Verteiler?', 'liste', 'verteiler'),
  cmp('Difference between push and pull campaign?', 'push-kampagne', 'pull-kampagne', 'en'),
  seg('Kunde mit mehr als 500 Mio. € Umsatz – Segment?', 'LARGE_ENTERPRISE'),
  seg('unter 100 Beschäftigte – welches Segment?', 'SMALL_BUSINESS'),
  seg('Segment bei höchstens 2000 MA?', 'MIDMARKET'),
  seg('over 500 million revenue, which segment?', 'LARGE_ENTERPRISE', 'en'),
  seg('Welches Segment bei 50 Mio. Umsatz und 99 Mitarbeitenden?', 'MIDMARKET'),
  company('Welches Segment hat die Firma Weserblick Logistik?', '9001', 'MIDMARKET'),
  company('Klassifiziere mal den Kunden Nordlicht Software', '9002', 'LARGE_ENTERPRISE'),
  company('Ordne die Alpenglück Bäckerei GmbH ein', '9003', 'SMALL_BUSINESS'),
  out('Was ist ein Cold Call?'),
  out('Was ist ein Lead Score Threshold in Salesforce?'),
  out('What is a CDP?', 'en'),
  out('Wo finde ich die Reisekostenabrechnung?'),
  out('Was ist ein Kontaktformular-Spam?'),
  out('What is an MQA?', 'en'),
];
