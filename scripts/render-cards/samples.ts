/**
 * Sample view models for the card screenshots in docs/cards/. Everything goes through the real card
 * renderers in src/; only the data is made up (fixed instants, so the PNGs only change when a card does).
 */
import { type DigestCardView, renderDigestCard } from '../../src/cards/digest-card.js';
import { renderErasedCard } from '../../src/cards/erased-card.js';
import { renderAnswerCard } from '../../src/cards/knowledge-card.js';
import { type LeadCardView, renderLeadCard } from '../../src/cards/lead-card.js';
import { myLeadsCard } from '../../src/cards/my-leads-card.js';
import type { BantAnswers } from '../../src/domain/bant.js';
import type { ContactContext } from '../../src/domain/contact-context.js';
import { digestFigures } from '../../src/domain/digest.js';
import type { LeadState } from '../../src/domain/lead.js';
import type { Lead, LeadEvent } from '../../src/domain/model.js';
import { REJECT_REASONS, type RejectReason } from '../../src/domain/reject-reasons.js';
import { createKnowledge } from '../../src/knowledge/index.js';
import type { CardLocale, CardToRender } from './renderer.js';

export interface CardSample extends CardToRender {
  /** Caption for the README. */
  title: string;
  locale: CardLocale;
}

export const TIME_ZONE = 'Europe/Berlin';
const MIN = 60_000;
const HOUR = 60 * MIN;
/** Berlin wall-clock time in March 2025 (CET, UTC+1). */
const at = (local: string) => Date.parse(`${local.replace(' ', 'T')}:00+01:00`);

const PORTAL = 4711000;
const hubspotUrl = (contactId: string) => `https://app-eu1.hubspot.com/contacts/${PORTAL}/record/0-1/${contactId}`;

const ALEX = { id: '29:1a2b3c-alex', name: 'Alex Wilber' };
const SYSTEM = { id: 'leadbridge', name: 'LeadBridge' };

const T_MQL = at('2025-03-10 09:12');
const T_ACCEPT = at('2025-03-10 10:03');
const T_BANT = at('2025-03-11 14:40');
const T_QUALIFY = at('2025-03-12 11:05');
const T_CONVERT = at('2025-03-14 16:20');

/** HubSpot's analytics on the sample contact: why she is an MQL. */
const FULL_CONTEXT: ContactContext = {
  source: 'ORGANIC_SEARCH',
  sourceDrillDown1: 'google',
  sourceDrillDown2: 'unknown keywords (SSL)',
  recentConversion: 'Whitepaper Bauprojekte digital steuern – Download',
  recentConversionAt: at('2025-03-08 16:45'),
  firstConversion: 'Newsletter-Anmeldung',
  firstConversionAt: at('2024-11-19 10:02'),
  conversions: 3,
  pageViews: 17,
  lastPageUrl: 'https://www.contoso.example/loesungen/projektsteuerung',
  lastEmailName: 'Newsletter März 2025',
  lastEmailClickAt: at('2025-03-05 08:31'),
  lastEmailOpenAt: at('2025-03-05 08:30'),
  becameMqlAt: at('2025-03-10 09:10'),
};

function sampleLead(over: Partial<Lead> = {}): Lead {
  return {
    id: 'lead-901-1',
    portalId: PORTAL,
    contactId: '901',
    cycle: 1,
    state: 'MQL',
    version: 1,
    owner: { id: '77', email: 'alexw@contoso.example', name: 'Alex Wilber' },
    contact: {
      id: '901',
      firstName: 'Julia',
      lastName: 'Neumann',
      email: 'julia.neumann@musterbau.example',
      jobTitle: 'Leiterin IT-Einkauf',
      score: 72,
      lifecycleStage: 'marketingqualifiedlead',
      leadStatus: 'NEW',
      consent: 'Einwilligung erteilt (Whitepaper-Download, 03.03.2025)',
      ownerId: '77',
      companyId: '5501',
      context: FULL_CONTEXT,
    },
    company: {
      id: '5501',
      name: 'Musterbau GmbH',
      domain: 'musterbau.example',
      industry: 'Bauwesen',
      annualRevenue: 85_000_000,
      employees: 400,
    },
    bant: null,
    rejectReason: null,
    rejectNote: null,
    c4cLeadId: '8000123',
    c4cOwnerMapped: true,
    c4cOpportunityId: null,
    mqlAt: T_MQL,
    acceptedAt: null,
    closedAt: null,
    remindedAt: null,
    escalatedAt: null,
    createdAt: T_MQL,
    updatedAt: T_MQL,
    ...over,
  };
}

const ev = (
  at: number,
  action: string,
  fromState: LeadState | null,
  toState: LeadState | null,
  detail?: Record<string, unknown>,
  actor = ALEX,
): LeadEvent => ({
  at,
  actor,
  action,
  fromState,
  toState,
  source: action === 'mql' ? 'webhook' : 'card',
  detail: detail ?? null,
});

const E_MQL = ev(T_MQL, 'mql', null, 'MQL', undefined, SYSTEM);
const E_ACCEPT = ev(T_ACCEPT, 'accept', 'MQL', 'SAL');

/** SAL: two criteria answered, one of them "yes" – not enough for an opportunity yet. */
const BANT_PARTIAL: BantAnswers = {
  budget: { value: 'yes', note: 'Budget für 2025 freigegeben', by: 'Alex Wilber', at: T_BANT },
  authority: { value: 'unknown', note: 'Entscheidet mit dem CFO', by: 'Alex Wilber', at: T_BANT },
};
/** SQL: two "yes" – "Opportunity anlegen" is enabled. */
const BANT_TWO_YES: BantAnswers = {
  ...BANT_PARTIAL,
  need: { value: 'yes', note: 'Ablösung der Altlösung bis Q3', by: 'Alex Wilber', at: T_QUALIFY },
  expectedCloseDate: '2025-06-30',
};
const BANT_FULL: BantAnswers = {
  ...BANT_TWO_YES,
  authority: { value: 'yes', note: 'CFO im Termin am 13.03. dabei', by: 'Alex Wilber', at: T_CONVERT },
  timeframe: { value: 'yes', note: 'Start im Juli', by: 'Alex Wilber', at: T_CONVERT },
};

function leadView(over: Partial<LeadCardView> & { lead: Lead }): LeadCardView {
  return {
    events: [E_MQL],
    locale: 'de',
    timeZone: TIME_ZONE,
    hubspotUrl: hubspotUrl(over.lead.contactId),
    sync: { hubspot: { status: 'ok' }, c4c: { status: 'ok' } },
    rejectReasons: [...REJECT_REASONS],
    refreshUserIds: [ALEX.id],
    now: T_MQL + 5 * MIN,
    ...over,
  };
}

export const LEAD_VIEWS: Record<string, { title: string; view: LeadCardView }> = {
  'lead-mql': {
    title: 'Neues MQL beim Contact Owner',
    view: leadView({ lead: sampleLead() }),
  },
  'lead-sal': {
    title: 'SAL – BANT teilweise beantwortet',
    view: leadView({
      lead: sampleLead({ state: 'SAL', version: 3, bant: BANT_PARTIAL, acceptedAt: T_ACCEPT, updatedAt: T_BANT }),
      events: [E_MQL, E_ACCEPT, ev(T_BANT, 'saveBant', 'SAL', 'SAL')],
      sync: { hubspot: { status: 'ok' }, c4c: { status: 'pending' } },
    }),
  },
  'lead-sql': {
    title: 'SQL – zweimal „ja“, Opportunity kann angelegt werden',
    view: leadView({
      lead: sampleLead({ state: 'SQL', version: 5, bant: BANT_TWO_YES, acceptedAt: T_ACCEPT, updatedAt: T_QUALIFY }),
      events: [E_MQL, E_ACCEPT, ev(T_BANT, 'saveBant', 'SAL', 'SAL'), ev(T_QUALIFY, 'qualify', 'SAL', 'SQL')],
    }),
  },
  'lead-opportunity': {
    title: 'Opportunity angelegt',
    view: leadView({
      lead: sampleLead({
        state: 'OPPORTUNITY',
        version: 7,
        bant: BANT_FULL,
        acceptedAt: T_ACCEPT,
        closedAt: T_CONVERT,
        updatedAt: T_CONVERT,
        c4cOpportunityId: '3400117',
      }),
      events: [
        E_MQL,
        E_ACCEPT,
        ev(T_BANT, 'saveBant', 'SAL', 'SAL'),
        ev(T_QUALIFY, 'qualify', 'SAL', 'SQL'),
        ev(T_CONVERT, 'convert', 'SQL', 'OPPORTUNITY'),
      ],
    }),
  },
  'lead-rejected': {
    title: 'Abgelehnt mit Grund',
    view: leadView({
      lead: sampleLead({
        state: 'REJECTED',
        version: 2,
        rejectReason: 'no_budget',
        rejectNote: 'Budget erst 2026, Wiedervorlage im Herbst.',
        closedAt: T_ACCEPT,
        updatedAt: T_ACCEPT,
      }),
      events: [
        E_MQL,
        ev(T_ACCEPT, 'reject', 'MQL', 'REJECTED', {
          reason: 'no_budget' satisfies RejectReason,
          note: 'Budget erst 2026, Wiedervorlage im Herbst.',
        }),
      ],
    }),
  },
  'lead-inbox': {
    title: 'Kopie im Lead-Eingang (Owner noch nicht per Chat erreichbar)',
    view: leadView({ lead: sampleLead(), inboxFor: 'Alex Wilber', refreshUserIds: [] }),
  },
  'lead-owner-inactive': {
    title: 'Contact Owner nicht mehr aktiv – die Karte geht an die Teamleitung',
    view: leadView({
      lead: sampleLead({ owner: { id: '77', email: 'alexw@contoso.example', name: 'Alex Wilber', active: false } }),
      forwardTargets: [
        { email: 'meganb@contoso.example', name: 'Megan Bowen' },
        { email: 'lynner@contoso.example', name: 'Lynne Robbins' },
      ],
      refreshUserIds: [],
    }),
  },
  'lead-mql-en': {
    title: 'New MQL, English',
    view: leadView({ lead: sampleLead(), locale: 'en' }),
  },
  'lead-mql-explained': {
    title: '„Was heißt das?“ – Gated Asset, im Chat erklärt',
    view: leadView({ lead: sampleLead(), explain: 'gated-asset' }),
  },
  'lead-mql-none': {
    title: 'Neues MQL ohne Analytics-Daten in HubSpot',
    view: leadView({ lead: noContext(sampleLead()) }),
  },
  'lead-mql-none-en': {
    title: 'New MQL without HubSpot analytics, English',
    view: leadView({ lead: noContext(sampleLead()), locale: 'en' }),
  },
};

function noContext(lead: Lead): Lead {
  return { ...lead, contact: { ...lead.contact, context: null } };
}

// ---------------------------------------------------------------------------------------------
// digest

const TEAM = [
  { email: 'meganb@contoso.example', name: 'Megan Bowen' },
  { email: 'alexw@contoso.example', name: 'Alex Wilber' },
  { email: 'lynner@contoso.example', name: 'Lynne Robbins' },
];

/** [contact, company, owner index, MQL time, path through the funnel with times, reject reason]. */
type Spec = [string, string, number, string, Array<[LeadState, string]>, RejectReason?];
const DIGEST_LEADS: Spec[] = [
  ['Jonas Schmidt', 'Schmidt Logistik AG', 0, '2025-03-10 08:40', []],
  ['Lena Vogel', 'Vogel & Partner KG', 1, '2025-03-10 13:05', []],
  ['Tim Berger', 'Nordlicht Energie GmbH', 2, '2025-03-10 15:30', [['SAL', '2025-03-10 16:10']]],
  [
    'Sara Klein',
    'Klein Medizintechnik GmbH',
    0,
    '2025-03-10 09:15',
    [
      ['SAL', '2025-03-10 10:00'],
      ['SQL', '2025-03-10 17:20'],
    ],
  ],
  ['Paul Wagner', 'Wagner Maschinenbau GmbH', 1, '2025-03-10 10:30', [['SAL', '2025-03-10 11:45']]],
  ['Mia Hoffmann', 'Hoffmann Retail GmbH', 2, '2025-03-10 11:00', [['REJECTED', '2025-03-10 12:30']], 'no_budget'],
  ['Ben Schäfer', 'Schäfer IT Services', 0, '2025-03-10 12:20', [['REJECTED', '2025-03-10 16:45']], 'competitor'],
  ['Emma Koch', 'Koch Lebensmittel AG', 1, '2025-03-10 14:10', [['REJECTED', '2025-03-10 15:00']], 'no_budget'],
  // Earlier MQLs that moved on in the window.
  [
    'Noah Richter',
    'Richter Bau GmbH',
    1,
    '2025-03-06 10:00',
    [
      ['SAL', '2025-03-06 11:00'],
      ['SQL', '2025-03-07 09:00'],
      ['OPPORTUNITY', '2025-03-10 14:30'],
    ],
  ],
];

/** Why the leads still waiting are MQLs (index into DIGEST_LEADS). */
const DIGEST_CONTEXT: Record<number, ContactContext> = {
  0: {
    source: 'PAID_SOCIAL',
    sourceDrillDown1: 'LinkedIn',
    recentConversion: 'Webinar-Anmeldung Lagerlogistik 2025',
    recentConversionAt: at('2025-03-09 18:20'),
    conversions: 2,
    pageViews: 9,
  },
  1: {
    source: 'EMAIL_MARKETING',
    sourceDrillDown2: 'Newsletter März 2025',
    recentConversion: 'Kontaktformular',
    recentConversionAt: at('2025-03-10 12:58'),
    pageViews: 4,
  },
};

function digestView(): DigestCardView {
  const since = at('2025-03-10 08:00');
  const now = at('2025-03-11 08:00');
  const leads: Lead[] = [];
  const events: Record<string, LeadEvent[]> = {};
  DIGEST_LEADS.forEach(([name, company, ownerIx, mql, path, reason], i) => {
    const [firstName, lastName] = name.split(' ');
    const owner = TEAM[ownerIx]!;
    const mqlAt = at(mql);
    const id = `lead-d${i + 1}`;
    const actor = { id: `29:${owner.email}`, name: owner.name };
    let from: LeadState = 'MQL';
    const trail: LeadEvent[] = [
      { at: mqlAt, actor: SYSTEM, action: 'mql', fromState: null, toState: 'MQL', source: 'webhook', detail: null },
    ];
    for (const [to, when] of path) {
      const action = to === 'SAL' ? 'accept' : to === 'SQL' ? 'qualify' : to === 'OPPORTUNITY' ? 'convert' : 'reject';
      trail.push({
        at: at(when),
        actor,
        action,
        fromState: from,
        toState: to,
        source: 'card',
        detail: to === 'REJECTED' ? { reason } : null,
      });
      from = to;
    }
    const accepted = path.find(([s]) => s === 'SAL');
    const last = trail[trail.length - 1]!;
    leads.push(
      sampleLead({
        id,
        contactId: String(2000 + i),
        state: from,
        version: trail.length,
        owner: { id: String(100 + ownerIx), email: owner.email, name: owner.name },
        contact: {
          id: String(2000 + i),
          firstName,
          lastName,
          email: `${firstName!.toLowerCase()}@example.com`,
          context: DIGEST_CONTEXT[i] ?? null,
        },
        company: { id: String(6000 + i), name: company },
        rejectReason: reason ?? null,
        mqlAt,
        acceptedAt: accepted ? at(accepted[1]) : null,
        closedAt: from === 'REJECTED' || from === 'OPPORTUNITY' ? last.at : null,
        createdAt: mqlAt,
        updatedAt: last.at,
      }),
    );
    events[id] = trail;
  });
  DIGEST_SAMPLE_LEADS = leads;
  const figures = digestFigures({
    leads,
    events,
    members: TEAM.map((m) => m.email),
    since,
    now,
    slaDueAt: (l) => l.mqlAt + 4 * HOUR,
    nameOf: (email) => TEAM.find((m) => m.email === email)?.name ?? email,
  });
  return {
    teamName: 'CSM Nord',
    figures,
    locale: 'de',
    timeZone: TIME_ZONE,
    links: Object.fromEntries(leads.map((l) => [l.id, hubspotUrl(l.contactId)])),
  };
}

// ---------------------------------------------------------------------------------------------

export const GLOSSARY_QUESTION = 'Was ist ein MQL?';
export const SEGMENT_QUESTION = 'Welches Segment hat eine Firma mit 85 Mio. Umsatz und 400 Mitarbeitern?';

/** The digest's leads, for the "meine Leads" sample (set by digestView). */
let DIGEST_SAMPLE_LEADS: Lead[] = [];

/** Every card of docs/cards/, in README order. */
export async function buildSamples(): Promise<CardSample[]> {
  const out: CardSample[] = Object.entries(LEAD_VIEWS).map(([name, { title, view }]) => ({
    name,
    title,
    locale: view.locale,
    card: renderLeadCard(view),
  }));
  const knowledge = createKnowledge();
  const glossary = await knowledge.ask(GLOSSARY_QUESTION);
  const segment = await knowledge.ask(SEGMENT_QUESTION);
  if (glossary.kind !== 'glossary')
    throw new Error(`"${GLOSSARY_QUESTION}" gave a ${glossary.kind} answer, expected glossary`);
  if (segment.kind !== 'segment')
    throw new Error(`"${SEGMENT_QUESTION}" gave a ${segment.kind} answer, expected segment`);
  out.push({
    name: 'answer-glossary-mql',
    title: `Glossar: „${GLOSSARY_QUESTION}“`,
    locale: 'de',
    card: renderAnswerCard(glossary),
  });
  out.push({
    name: 'answer-segment',
    title: `Klassifizierung: „${SEGMENT_QUESTION}“`,
    locale: 'de',
    card: renderAnswerCard(segment),
  });
  out.push({
    name: 'lead-erased',
    title: 'Kontakt aus Datenschutzgründen gelöscht (ersetzt jede Karte des Leads)',
    locale: 'de',
    card: renderErasedCard('de'),
  });
  out.push({
    name: 'digest',
    title: 'Tageszusammenfassung für die Teamleitung (Charts als FactSet-Fallback)',
    locale: 'de',
    card: renderDigestCard(digestView()),
  });
  const mine = DIGEST_SAMPLE_LEADS.filter((l) => l.state === 'MQL' || l.state === 'SAL');
  out.push({
    name: 'my-leads',
    title: '„Meine Leads“ – eine Zeile Kontext pro Lead',
    locale: 'de',
    card: myLeadsCard(mine, 'de', at('2025-03-11 08:00'), TIME_ZONE),
  });
  return out;
}
