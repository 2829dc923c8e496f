import type { BantCriterion, BantValue } from '../domain/bant.js';
import type { LeadState } from '../domain/lead.js';
import type { RejectReason } from '../domain/reject-reasons.js';

export type Locale = 'de' | 'en';

/** Teams sends e.g. `en-US`; anything English gets English, everything else the default. */
export function toLocale(teamsLocale: string | null | undefined, fallback: Locale): Locale {
  if (!teamsLocale) return fallback;
  return teamsLocale.toLowerCase().startsWith('en')
    ? 'en'
    : teamsLocale.toLowerCase().startsWith('de')
      ? 'de'
      : fallback;
}

const de = {
  newMql: 'Neues MQL',
  lead: 'Lead',
  state: 'Status',
  contact: 'Kontakt',
  jobTitle: 'Position',
  company: 'Unternehmen',
  segment: 'Kundensegment',
  score: 'Score',
  mqlSince: 'MQL seit',
  consent: 'Marketingeinwilligung',
  owner: 'Contact Owner',
  consentUnknown: 'nicht hinterlegt',
  openInHubSpot: 'In HubSpot öffnen',
  accept: 'Annehmen',
  reject: 'Ablehnen',
  rejectConfirm: 'Ablehnung senden',
  reason: 'Grund',
  note: 'Notiz (optional)',
  history: 'Verlauf',
  noOwner: 'Kein Contact Owner hinterlegt',
  forOwner: (n: string) => `Für ${n} – noch nicht per Chat erreichbar, daher im Lead-Eingang.`,
  ownerInactive: (n: string, forward: boolean) =>
    `Contact Owner ${n} ist nicht mehr aktiv (in HubSpot deaktiviert).${forward ? ' Bitte über „Weiterleiten“ einem aktiven CSM zuweisen.' : ''}`,
  sync: 'Abgleich',
  pending: 'ausstehend',
  failed: 'fehlgeschlagen',
  c4cOff: '36One-Übertrag nicht konfiguriert',
  c4cNoOwner: '36One: Lead ohne Owner angelegt (Owner nicht im Mapping)',
  retry: 'Übertrag erneut versuchen',
  c4cAccount: (id: string, byName: boolean) => `Account ${id}${byName ? ' (per Firmenname)' : ''}`,
  c4cNoAccount: (company: string, several: boolean) =>
    `36One: kein eindeutiger Account für ${company} (${several ? 'mehrere Treffer' : 'kein Treffer'})`,
  c4cOpportunity: (id: string) => `Opportunity ${id} angelegt`,
  c4cNotConverted: (why: string) => `Lead nicht als konvertiert markiert: ${why}`,
  bant: 'Qualifizierung (BANT)',
  yes: 'ja',
  no: 'nein',
  unknown: 'unbekannt',
  closeDate: 'Erwarteter Abschluss',
  saveBant: 'BANT speichern',
  qualify: 'Als SQL qualifizieren',
  convert: 'Opportunity anlegen',
  convertNeeds: (yes: number, need: number) =>
    `Opportunity braucht mindestens ${need} BANT-Kriterien mit „ja“ (bisher ${yes}).`,
  answeredBy: (by: string, at: string) => `${by}, ${at}`,
  states: {
    MQL: 'MQL – wartet auf Annahme',
    SAL: 'SAL – angenommen',
    SQL: 'SQL – vertriebsqualifiziert',
    OPPORTUNITY: 'Opportunity',
    REJECTED: 'Abgelehnt',
    ERASED: 'Gelöscht (Datenschutz)',
  } as Record<LeadState, string>,
  criteria: {
    budget: 'Budget',
    authority: 'Authority (Entscheider)',
    need: 'Need (Bedarf)',
    timeframe: 'Timeframe (Zeitrahmen)',
  } as Record<BantCriterion, string>,
  reasons: {
    no_budget: 'Kein Budget',
    wrong_contact: 'Falscher Ansprechpartner',
    existing_opportunity: 'Bestehende Opportunity',
    competitor: 'Wettbewerber',
    no_interest: 'Kein Interesse',
    other: 'Sonstiges',
  } as Record<RejectReason, string>,
  actions: {
    mql: 'MQL erkannt',
    accept: 'Angenommen',
    reject: 'Abgelehnt',
    saveBant: 'BANT gespeichert',
    qualify: 'Als SQL qualifiziert',
    convert: 'Opportunity angelegt',
    reassign: 'Weitergeleitet',
    nudge: 'Erinnert',
    erased: 'Kontaktdaten gelöscht',
  } as Record<string, string>,
  erasedTitle: 'Kontakt aus Datenschutzgründen gelöscht',
  erasedBody:
    'Die Daten dieses Kontakts wurden in LeadBridge gelöscht. Für diesen Lead gibt es hier nichts mehr zu tun.',
  by: 'von',
  at: 'am',
  refused: {
    notOwner: 'Nur der Contact Owner dieses Leads (oder ein Admin) kann das tun.',
    stale: 'Die Karte war nicht mehr aktuell – hier ist der aktuelle Stand.',
    conflict: 'Jemand anderes war schneller – hier ist der aktuelle Stand.',
    closed: 'Dieser Lead ist bereits abgeschlossen.',
    wrongState: 'Diese Aktion passt nicht zum aktuellen Status des Leads.',
    reasonRequired: 'Bitte einen Ablehnungsgrund wählen.',
    notFound: 'Diesen Lead gibt es nicht (mehr).',
    invalid: 'Die Eingabe war ungültig',
  },
};

const en: typeof de = {
  newMql: 'New MQL',
  lead: 'Lead',
  state: 'Status',
  contact: 'Contact',
  jobTitle: 'Job title',
  company: 'Company',
  segment: 'Customer segment',
  score: 'Score',
  mqlSince: 'MQL since',
  consent: 'Marketing consent',
  owner: 'Contact owner',
  consentUnknown: 'not recorded',
  openInHubSpot: 'Open in HubSpot',
  accept: 'Accept',
  reject: 'Reject',
  rejectConfirm: 'Send rejection',
  reason: 'Reason',
  note: 'Note (optional)',
  history: 'History',
  noOwner: 'No contact owner set',
  forOwner: (n: string) => `For ${n} – not reachable in chat yet, so posted to the lead inbox.`,
  ownerInactive: (n: string, forward: boolean) =>
    `Contact owner ${n} is no longer active (deactivated in HubSpot).${forward ? ' Please pass it to an active CSM with “Forward”.' : ''}`,
  sync: 'Sync',
  pending: 'pending',
  failed: 'failed',
  c4cOff: '36One handover not configured',
  c4cNoOwner: '36One: lead created without owner (owner not in the mapping)',
  retry: 'Retry handover',
  c4cAccount: (id: string, byName: boolean) => `account ${id}${byName ? ' (by company name)' : ''}`,
  c4cNoAccount: (company: string, several: boolean) =>
    `36One: no unique account for ${company} (${several ? 'several matches' : 'no match'})`,
  c4cOpportunity: (id: string) => `Opportunity ${id} created`,
  c4cNotConverted: (why: string) => `lead not marked converted: ${why}`,
  bant: 'Qualification (BANT)',
  yes: 'yes',
  no: 'no',
  unknown: 'unknown',
  closeDate: 'Expected close',
  saveBant: 'Save BANT',
  qualify: 'Qualify as SQL',
  convert: 'Create opportunity',
  convertNeeds: (yes: number, need: number) =>
    `An opportunity needs at least ${need} BANT criteria answered "yes" (so far ${yes}).`,
  answeredBy: (by: string, at: string) => `${by}, ${at}`,
  states: {
    MQL: 'MQL – waiting for acceptance',
    SAL: 'SAL – accepted',
    SQL: 'SQL – sales qualified',
    OPPORTUNITY: 'Opportunity',
    REJECTED: 'Rejected',
    ERASED: 'Erased (data protection)',
  },
  criteria: { budget: 'Budget', authority: 'Authority', need: 'Need', timeframe: 'Timeframe' },
  reasons: {
    no_budget: 'No budget',
    wrong_contact: 'Wrong contact',
    existing_opportunity: 'Existing opportunity',
    competitor: 'Competitor',
    no_interest: 'No interest',
    other: 'Other',
  },
  actions: {
    mql: 'MQL detected',
    accept: 'Accepted',
    reject: 'Rejected',
    saveBant: 'BANT saved',
    qualify: 'Qualified as SQL',
    convert: 'Opportunity created',
    reassign: 'Forwarded',
    nudge: 'Reminded',
    erased: 'Contact data erased',
  },
  erasedTitle: 'Contact erased for data protection',
  erasedBody: "This contact's data was erased in LeadBridge. There is nothing left to do for this lead here.",
  by: 'by',
  at: 'on',
  refused: {
    notOwner: 'Only the contact owner of this lead (or an admin) can do that.',
    stale: 'The card was out of date – here is the current state.',
    conflict: 'Someone else was quicker – here is the current state.',
    closed: 'This lead is already closed.',
    wrongState: 'This action does not fit the lead’s current status.',
    reasonRequired: 'Please choose a reason for the rejection.',
    notFound: 'This lead does not exist (any more).',
    invalid: 'The input was invalid',
  },
};

export const texts = { de, en };
export type Texts = typeof de;
export const t = (locale: Locale): Texts => texts[locale];

const formatters = new Map<string, Intl.DateTimeFormat>();

/** A cached formatter (building one costs far more than using it): the date, with the time of day unless `dayOnly`. */
function dateFormat(locale: Locale, timeZone: string, dayOnly: boolean): Intl.DateTimeFormat {
  const key = `${locale}|${timeZone}|${dayOnly}`;
  let f = formatters.get(key);
  if (!f) {
    const time = dayOnly ? {} : ({ hour: '2-digit', minute: '2-digit' } as const);
    f = new Intl.DateTimeFormat(locale === 'de' ? 'de-DE' : 'en-GB', {
      timeZone,
      day: '2-digit',
      month: '2-digit',
      year: 'numeric',
      ...time,
    });
    formatters.set(key, f);
  }
  return f;
}

/** Date and time as people read them: 10.03.2025, 09:12 / 10/03/2025, 09:12. */
export const formatTime = (ms: number, locale: Locale, timeZone: string) =>
  dateFormat(locale, timeZone, false).format(ms);

/** The calendar date in `timeZone`: 04.12.2026 / 04/12/2026. */
export const formatDay = (ms: number, locale: Locale, timeZone: string) =>
  dateFormat(locale, timeZone, true).format(ms);

export const bantValueLabel = (v: BantValue, tx: Texts) => ({ yes: tx.yes, no: tx.no, unknown: tx.unknown })[v];
