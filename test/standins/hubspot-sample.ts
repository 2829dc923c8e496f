/**
 * Sample HubSpot portal: 3 owners, 7 companies across all customer segments (incl. boundary,
 * conflicting and unknown figures), 8 contacts with a spread of stages, scores, owners and consent.
 */
import type { SeedData } from './hubspot.js';

const CSM_NORD = { id: '1', name: 'CSM Nord', primary: true };
const CONSENT = 'Freely given consent from contact';
const LEGIT = 'Legitimate interest – prospect/lead';

export const sampleOwners = [
  { id: '101', email: 'alexw@example.com', firstName: 'Alex', lastName: 'Wilber', userId: 9101, teams: [CSM_NORD] },
  { id: '102', email: 'meganb@example.com', firstName: 'Megan', lastName: 'Bowen', userId: 9102, teams: [CSM_NORD] },
  /** The team's manager. */
  { id: '103', email: 'adelev@example.com', firstName: 'Adele', lastName: 'Vance', userId: 9103, teams: [CSM_NORD] },
];

/** Segments: Small Business < 50 Mio € and < 100 staff; Large Enterprise > 500 Mio € or > 2000; otherwise Midmarket. */
export const sampleCompanies = [
  {
    id: '201',
    properties: {
      name: 'Musterfirma GmbH',
      domain: 'musterfirma.de',
      city: 'Hamburg',
      industry: 'MACHINERY',
      annualrevenue: 12000000,
      numberofemployees: 45,
    },
  }, // Small Business
  {
    id: '202',
    properties: {
      name: 'Beispiel AG',
      domain: 'beispiel-ag.de',
      city: 'München',
      industry: 'INFORMATION_TECHNOLOGY_AND_SERVICES',
      annualrevenue: 180000000,
      numberofemployees: 850,
    },
  }, // Midmarket
  {
    id: '203',
    properties: {
      name: 'Nordlicht Logistik GmbH & Co. KG',
      domain: 'nordlicht-logistik.de',
      city: 'Bremen',
      industry: 'LOGISTICS_AND_SUPPLY_CHAIN',
      annualrevenue: 620000000,
      numberofemployees: 1500,
    },
  }, // Large (revenue)
  {
    id: '204',
    properties: {
      name: 'Alpenblick Software GmbH',
      domain: 'alpenblick-software.de',
      city: 'Rosenheim',
      industry: 'COMPUTER_SOFTWARE',
      annualrevenue: 35000000,
      numberofemployees: 2400,
    },
  }, // Large (staff; revenue says small)
  {
    id: '205',
    properties: {
      name: 'Rheintal Maschinenbau AG',
      domain: 'rheintal-maschinenbau.de',
      city: 'Koblenz',
      industry: 'MECHANICAL_OR_INDUSTRIAL_ENGINEERING',
      annualrevenue: 75000000,
      numberofemployees: 60,
    },
  }, // Midmarket (revenue; staff says small)
  {
    id: '206',
    properties: { name: 'Hansekontor Handels GmbH', domain: 'hansekontor.de', city: 'Lübeck', industry: 'WHOLESALE' },
  }, // figures unknown
  {
    id: '207',
    properties: {
      name: 'Grenzwert GmbH',
      domain: 'grenzwert.de',
      city: 'Kassel',
      industry: 'CONSULTING',
      annualrevenue: 50000000,
      numberofemployees: 100,
    },
  }, // Midmarket (exact boundaries)
];

const contact = (id: string, companyId: string | undefined, p: Record<string, string | number>) => ({
  id,
  ...(companyId ? { companyId } : {}),
  properties: p,
});

/** `n` days before now, as HubSpot writes datetime properties (ISO 8601). */
const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString();

export const sampleContacts = [
  contact('1001', '201', {
    firstname: 'Jonas',
    lastname: 'Schmidt',
    email: 'jonas.schmidt@musterfirma.de',
    jobtitle: 'Geschäftsführer',
    phone: '+49 40 1234567',
    hubspotscore: 85,
    lifecyclestage: 'marketingqualifiedlead',
    hs_lead_status: 'NEW',
    hubspot_owner_id: '101',
    hs_legal_basis: CONSENT,
    // HubSpot's analytics: why Jonas is an MQL (the card's "Warum dieser Lead?").
    hs_analytics_source: 'ORGANIC_SEARCH',
    hs_analytics_source_data_1: 'google',
    recent_conversion_event_name: 'Whitepaper Digitalisierung im Mittelstand',
    recent_conversion_date: daysAgo(2),
    first_conversion_event_name: 'Newsletter-Anmeldung',
    first_conversion_date: daysAgo(45),
    num_conversion_events: 3,
    hs_analytics_num_page_views: 17,
    hs_analytics_last_url: 'https://www.example.com/loesungen/digitalisierung',
    hs_email_last_email_name: 'Newsletter Oktober',
    hs_email_last_click_date: daysAgo(5),
    hs_lifecyclestage_marketingqualifiedlead_date: daysAgo(0),
  }),
  contact('1002', '202', {
    firstname: 'Laura',
    lastname: 'Becker',
    email: 'laura.becker@beispiel-ag.de',
    jobtitle: 'Leiterin IT',
    hubspotscore: 72,
    lifecyclestage: 'marketingqualifiedlead',
    hs_lead_status: 'NEW',
    hubspot_owner_id: '102',
    hs_legal_basis: LEGIT,
    hs_analytics_source: 'PAID_SOCIAL',
    hs_analytics_source_data_1: 'LinkedIn',
    recent_conversion_event_name: 'Webinar-Anmeldung Cloud-Sicherheit',
    recent_conversion_date: daysAgo(1),
    num_conversion_events: 1,
    hs_analytics_num_page_views: 6,
  }),
  contact('1003', '203', {
    firstname: 'Felix',
    lastname: 'Wagner',
    email: 'f.wagner@nordlicht-logistik.de',
    jobtitle: 'Head of Operations',
    hubspotscore: 91,
    lifecyclestage: 'marketingqualifiedlead',
    hs_lead_status: 'OPEN',
    hubspot_owner_id: '101',
    hs_legal_basis: CONSENT,
  }),
  contact('1004', '204', {
    firstname: 'Sophie',
    lastname: 'Hoffmann',
    email: 'sophie.hoffmann@alpenblick-software.de',
    jobtitle: 'CTO',
    hubspotscore: 64,
    lifecyclestage: 'marketingqualifiedlead',
    hs_lead_status: 'NEW',
    hubspot_owner_id: '102',
    hs_legal_basis: CONSENT,
  }),
  contact('1005', '205', {
    firstname: 'Maximilian',
    lastname: 'Braun',
    email: 'm.braun@rheintal-maschinenbau.de',
    jobtitle: 'Einkaufsleiter',
    hubspotscore: 58,
    lifecyclestage: 'lead',
    hs_lead_status: 'NEW',
    hubspot_owner_id: '101',
    hs_legal_basis: CONSENT,
  }),
  // No owner.
  contact('1006', '206', {
    firstname: 'Anna',
    lastname: 'Keller',
    email: 'anna.keller@hansekontor.de',
    jobtitle: 'Prokuristin',
    hubspotscore: 77,
    lifecyclestage: 'marketingqualifiedlead',
    hs_lead_status: 'NEW',
    hs_legal_basis: LEGIT,
  }),
  // No company, no consent.
  contact('1007', undefined, {
    firstname: 'Lukas',
    lastname: 'Neumann',
    email: 'lukas.neumann@gmail.com',
    jobtitle: 'Freelancer',
    hubspotscore: 40,
    lifecyclestage: 'marketingqualifiedlead',
    hs_lead_status: 'NEW',
    hubspot_owner_id: '103',
    hs_legal_basis: 'Not applicable',
  }),
  // Already accepted.
  contact('1008', '207', {
    firstname: 'Marie',
    lastname: 'Schulz',
    email: 'marie.schulz@grenzwert.de',
    jobtitle: 'Vertriebsleiterin',
    hubspotscore: 88,
    lifecyclestage: 'salesqualifiedlead',
    hs_lead_status: 'IN_PROGRESS',
    hubspot_owner_id: '101',
    hs_legal_basis: CONSENT,
  }),
];

export const sampleData: SeedData = { owners: sampleOwners, companies: sampleCompanies, contacts: sampleContacts };
