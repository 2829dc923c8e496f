/** An in-memory stand-in for the HubSpot company search (case-insensitive substring match on the name). */
import type { CompanyDirectory, CompanyRecord } from '../../src/domain/classification/company-directory.js';

export const COMPANIES: CompanyRecord[] = [
  {
    id: '101',
    name: 'Musterfirma GmbH',
    domain: 'musterfirma.de',
    annualRevenue: 85_000_000,
    employees: 400,
    url: 'https://app.hubspot.com/contacts/1/record/0-2/101',
  },
  {
    id: '201',
    name: 'Beispiel AG',
    domain: 'beispiel.de',
    annualRevenue: 2_500_000_000,
    employees: 12_000,
    url: 'https://app.hubspot.com/contacts/1/record/0-2/201',
  },
  {
    id: '202',
    name: 'Beispiel AG',
    domain: 'beispiel.at',
    annualRevenue: 30_000_000,
    employees: 80,
    url: 'https://app.hubspot.com/contacts/1/record/0-2/202',
  },
  { id: '301', name: 'Contoso Ltd', domain: 'contoso.com', annualRevenue: null, employees: 3200 },
  { id: '401', name: 'Kleinkram KG', annualRevenue: 1_000_000, employees: null },
  { id: '501', name: 'Leer GmbH', annualRevenue: null, employees: null },
];

export function inMemoryDirectory(companies: CompanyRecord[] = COMPANIES): CompanyDirectory & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    async searchCompaniesByName(name: string) {
      calls.push(name);
      const q = name.toLowerCase();
      return companies.filter((c) => c.name.toLowerCase().includes(q));
    },
  };
}
