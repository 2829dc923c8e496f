import { describe, expect, it } from 'vitest';
import { renderAnswerCard } from '../../src/cards/knowledge-card.js';
import type { CompanyRecord } from '../../src/domain/classification/company-directory.js';
import { detectCompanyLookup, withoutLegalForm } from '../../src/knowledge/company-intent.js';
import { type Answer, createKnowledge } from '../../src/knowledge/index.js';
import { renderAnswerText } from '../../src/knowledge/render-text.js';
import { COMPANIES, inMemoryDirectory } from './companies.js';

const ask = (text: string, directory = inMemoryDirectory()) => createKnowledge({ companies: directory }).ask(text);
function expectKind<K extends Answer['kind']>(a: Answer, kind: K): asserts a is Extract<Answer, { kind: K }> {
  expect(a.kind).toBe(kind);
}

describe('company look-up', () => {
  it('classifies a company from its HubSpot figures and links the record', async () => {
    const directory = inMemoryDirectory();
    const a = await ask('Klassifiziere die Musterfirma GmbH', directory);
    expect(directory.calls).toEqual(['Musterfirma GmbH']);
    expectKind(a, 'company');
    expect(a.result?.segment).toBe('MIDMARKET');
    expect(a.termIds).toEqual(['kundensegment-midmarket']);
    const text = renderAnswerText(a);
    expect(text).toContain('85 Mio. €');
    expect(text).toContain('400');
    expect(text).toContain('https://app.hubspot.com/contacts/1/record/0-2/101');
  });

  it('says which measure it used when only one is known', async () => {
    const a = await ask('Which segment is Contoso Ltd in?');
    expectKind(a, 'company');
    expect(a.result).toMatchObject({ segment: 'LARGE_ENTERPRISE', basis: 'employees' });
    expect(a.reasoning.join(' ')).toMatch(/only the headcount/i);
  });

  it('asks back when several companies match, and the answer button resolves to one', async () => {
    const a = await ask('Welches Segment hat die Beispiel AG?');
    expectKind(a, 'company_choice');
    expect(a.companies.map((c) => c.id)).toEqual(['201', '202']);
    const followUp = await ask('Klassifiziere Beispiel AG (ID 202)');
    expectKind(followUp, 'company');
    expect(followUp.company.domain).toBe('beispiel.at');
    expect(followUp.result?.segment).toBe('SMALL_BUSINESS'); // 30 Mio. €, 80 employees
  });

  it('takes the one exact name among several partial matches', async () => {
    const directory = inMemoryDirectory([
      ...COMPANIES,
      { id: '102', name: 'Musterfirma GmbH & Co. KG', annualRevenue: 600_000_000 },
    ]);
    const a = await ask('Klassifiziere Musterfirma GmbH', directory);
    expectKind(a, 'company');
    expect(a.company.id).toBe('101');
    expectKind(await ask('Klassifiziere Musterfirma', directory), 'company_choice');
  });

  it('explains a company without figures instead of guessing', async () => {
    const a = await ask('Klassifiziere die Leer GmbH');
    expectKind(a, 'company');
    expect(a.result).toBeNull();
    expect(renderAnswerText(a)).toMatch(/weder Jahresumsatz noch Mitarbeiterzahl/);
  });

  it('reports unknown companies, a failing directory and a missing one', async () => {
    expectKind(await ask('Welches Segment hat die Unbekannt GmbH?'), 'company_not_found');
    const failing = {
      searchCompaniesByName: async () => {
        throw new Error('HubSpot 502');
      },
    };
    const failed = await createKnowledge({ companies: failing }).ask('Klassifiziere die Musterfirma GmbH');
    expectKind(failed, 'unavailable');
    expect(failed.reason).toBe('failed');
    const none = await createKnowledge({}).ask('Klassifiziere die Musterfirma GmbH');
    expectKind(none, 'unavailable');
    expect(none.reason).toBe('not_configured');
  });
});

describe('company names with words around them', () => {
  const crm = (): CompanyRecord[] => [
    ...COMPANIES,
    { id: '701', name: 'Weserblick Logistik GmbH', annualRevenue: 120_000_000, employees: 650 },
    { id: '702', name: 'Hanse Maschinenbau GmbH & Co. KG', annualRevenue: 480_000_000, employees: 2200 },
  ];

  it.each([
    ['Ordne das Unternehmen Weserblick Logistik GmbH ein', 'Weserblick Logistik GmbH'],
    ['Ordne mal den Account Weserblick Logistik zu', 'Weserblick Logistik'],
    ['Welches Segment hat der Kunde Weserblick Logistik?', 'Weserblick Logistik'],
    ['Klassifiziere bitte die Firma Weserblick Logistik', 'Weserblick Logistik'],
    ['Firma Weserblick Logistik GmbH – welches Segment?', 'Weserblick Logistik GmbH'],
    ['Weserblick Logistik GmbH: welches Segment?', 'Weserblick Logistik GmbH'],
    ['In welches Segment fällt unser Kunde Weserblick Logistik?', 'Weserblick Logistik'],
    ['Segment vom Kunden Weserblick Logistik GmbH?', 'Weserblick Logistik GmbH'],
    ['Which segment is the customer Weserblick Logistik in?', 'Weserblick Logistik'],
    ['What segment does the company Weserblick Logistik belong to?', 'Weserblick Logistik'],
  ])('%s → searches "%s"', async (question, searched) => {
    const directory = inMemoryDirectory(crm());
    const a = await ask(question, directory);
    expect(directory.calls[0]).toBe(searched);
    expectKind(a, 'company');
    expect(a.company.id).toBe('701');
  });

  it('leaves sentences that only describe a company to the glossary', () => {
    expect(detectCompanyLookup('Welches Segment hat unser größter Kunde?')).toBeNull();
    expect(detectCompanyLookup('Welches Segment hat ein Unternehmen mit 80 Mitarbeitern?')).toBeNull();
    expect(detectCompanyLookup('Kunde mit vielen Standorten – welches Segment?')).toBeNull();
  });

  it.each([
    ['Hanse Maschinenbau GmbH & Co. KG', 'Hanse Maschinenbau'],
    ['Hanse Maschinenbau GmbH & Co KG', 'Hanse Maschinenbau'],
    ['Weserblick Logistik G.m.b.H', 'Weserblick Logistik'],
    ['Contoso Ltd.', 'Contoso'],
    ['Beispiel AG', 'Beispiel'],
    ['AG', 'AG'],
  ])('legal form of %s', (name, core) => expect(withoutLegalForm(name)).toBe(core));

  it('finds a company under another legal form and says which record it used', async () => {
    const directory = inMemoryDirectory(crm());
    const a = await ask('Welches Kundensegment hat die Weserblick Logistik AG?', directory);
    expect(directory.calls).toEqual(['Weserblick Logistik AG', 'Weserblick Logistik']);
    expectKind(a, 'company');
    expect(a.company.id).toBe('701');
    expect(renderAnswerText(a)).toContain(
      'In HubSpot gefunden: „Weserblick Logistik GmbH“ (gefragt: „Weserblick Logistik AG“)',
    );
    const exact = await ask('Klassifiziere Weserblick Logistik GmbH', inMemoryDirectory(crm()));
    expect(renderAnswerText(exact)).not.toContain('gefunden');
  });

  it('asks back with one button per record when the name fits several', async () => {
    const a = await ask('Klassifiziere den Kunden Beispiel');
    expectKind(a, 'company_choice');
    const card = JSON.stringify(renderAnswerCard(a));
    expect(card).toContain('Klassifiziere Beispiel AG (ID 201)');
    expect(card).toContain('Klassifiziere Beispiel AG (ID 202)');
  });
});
