import { type Locale, type Texts, texts } from './i18n.js';

/** The refusals a lead card action and a reassignment share, in the lead card's words. */
const shared = (r: Texts['refused']) => ({
  stale: r.stale,
  conflict: r.conflict,
  closed: r.closed,
  not_found: r.notFound,
  invalid: r.invalid,
});

/** Texts of the follow-up on leads (daily digest, SLA reminder and escalation, reassignment); German first. */
const de = {
  digestTitle: (team: string) => `Tageszusammenfassung ${team}`,
  window: (from: string, to: string) => `Zeitraum: ${from} – ${to}`,
  funnel: 'Funnel MQL → SAL → SQL → Opportunity',
  mql: 'Neue MQLs',
  sal: 'Angenommen (SAL)',
  sql: 'SQL',
  opportunity: 'Opportunities',
  rejected: 'Abgelehnt',
  count: 'Anzahl',
  stage: 'Stufe',
  rejectReasons: 'Ablehnungsgründe',
  noRejections: 'Keine Ablehnungen im Zeitraum.',
  waitingLongest: 'Warten am längsten auf Annahme',
  noneWaiting: 'Keine offenen MQLs.',
  waitingLine: (owner: string, age: string) => `${owner} · wartet seit ${age}`,
  slaBreaches: 'SLA verletzt',
  noBreaches: 'Keine SLA-Verletzungen im Zeitraum.',
  breachLine: (owner: string, due: string) => `${owner} · fällig ${due}`,
  perCsm: 'Je CSM',
  csm: 'CSM',
  received: 'Erhalten',
  medianToAccept: 'Median bis Annahme',
  acceptanceRate: 'Annahmequote',
  none: '–',
  percent: (p: number) => `${Math.round(p * 100)} %`,
  duration: (ms: number) => formatDuration(ms, 'de'),
  digestPaused: 'Die tägliche Zusammenfassung ist pausiert. Mit „digest an“ bekommst du sie wieder.',
  digestResumed: 'Die tägliche Zusammenfassung ist wieder an.',
  notManager: 'Die Zusammenfassung gibt es nur für Teamleitungen (laut Roster).',
  otherTeam: 'Du kannst nur die Zusammenfassung deines eigenen Teams sehen.',
  unknownTeam: 'Dieses Team gibt es im Roster nicht.',
  reminder: (lead: string, age: string) =>
    `Erinnerung: Der Lead ${lead} wartet seit ${age} auf deine Annahme oder Ablehnung.`,
  reminderInactive: (lead: string, owner: string, age: string) =>
    `Erinnerung: Der Lead ${lead} wartet seit ${age} auf Annahme oder Ablehnung. Contact Owner ${owner} ist nicht mehr aktiv – bitte annehmen, ablehnen oder weiterleiten.`,
  nudged: (by: string, lead: string) => `${by} bittet dich, dir den Lead ${lead} anzusehen.`,
  openCard: 'Zur Lead-Karte',
  openHubSpot: 'In HubSpot öffnen',
  myLeadsHint: 'Alle offenen Leads: „meine Leads“.',
  escalationTitle: (age: string) => `Eskalation: MQL seit ${age} unbeantwortet`,
  escalationBody: (owner: string) => `${owner} hat diesen Lead weder angenommen noch abgelehnt.`,
  escalationBodyInactive: (owner: string) =>
    `Contact Owner ${owner} ist nicht mehr aktiv (in HubSpot deaktiviert); niemand hat diesen Lead angenommen oder abgelehnt.`,
  contact: 'Kontakt',
  company: 'Unternehmen',
  owner: 'Contact Owner',
  mqlSince: 'MQL seit',
  score: 'Score',
  reassign: 'Neu zuweisen',
  reassignTo: 'Neuer Contact Owner',
  reassignConfirm: 'Zuweisen',
  chooseOwner: 'Bitte einen CSM wählen.',
  nudge: 'Erinnern',
  forward: 'Weiterleiten',
  forwardTo: 'Weiterleiten an',
  forwardConfirm: 'Weiterleiten',
  forwarded: (to: string, by: string, at: string) => `Weitergeleitet an ${to} von ${by} am ${at}`,
  reassigned: (to: string) => `Neu zugewiesen an ${to}.`,
  nudgeSent: (owner: string) => `${owner} wird erinnert.`,
  refused: {
    not_allowed: 'Das dürfen nur der Contact Owner, seine Teamleitung oder ein Admin.',
    ...shared(texts.de.refused),
    not_in_team: 'Der neue Owner muss im selben Team sein.',
    same_owner: 'Der Lead gehört bereits dieser Person.',
    unknown_owner: 'Diese Person ist in HubSpot kein Owner.',
    owner_lookup_failed: 'HubSpot ist gerade nicht erreichbar – bitte gleich noch einmal versuchen.',
  },
};

const en: typeof de = {
  digestTitle: (team) => `Daily digest ${team}`,
  window: (from, to) => `Period: ${from} – ${to}`,
  funnel: 'Funnel MQL → SAL → SQL → Opportunity',
  mql: 'New MQLs',
  sal: 'Accepted (SAL)',
  sql: 'SQL',
  opportunity: 'Opportunities',
  rejected: 'Rejected',
  count: 'Count',
  stage: 'Stage',
  rejectReasons: 'Rejection reasons',
  noRejections: 'No rejections in this period.',
  waitingLongest: 'Waiting longest for acceptance',
  noneWaiting: 'No open MQLs.',
  waitingLine: (owner, age) => `${owner} · waiting for ${age}`,
  slaBreaches: 'SLA breached',
  noBreaches: 'No SLA breaches in this period.',
  breachLine: (owner, due) => `${owner} · due ${due}`,
  perCsm: 'Per CSM',
  csm: 'CSM',
  received: 'Received',
  medianToAccept: 'Median to accept',
  acceptanceRate: 'Acceptance rate',
  none: '–',
  percent: (p) => `${Math.round(p * 100)}%`,
  duration: (ms) => formatDuration(ms, 'en'),
  digestPaused: 'The daily digest is paused. Write "digest on" to get it again.',
  digestResumed: 'The daily digest is on again.',
  notManager: 'The digest is for team managers (as listed in the roster).',
  otherTeam: 'You can only see the digest of your own team.',
  unknownTeam: 'The roster has no such team.',
  reminder: (lead, age) => `Reminder: the lead ${lead} has been waiting ${age} for you to accept or reject it.`,
  reminderInactive: (lead, owner, age) =>
    `Reminder: the lead ${lead} has been waiting ${age} to be accepted or rejected. Contact owner ${owner} is no longer active – please accept, reject or forward it.`,
  nudged: (by, lead) => `${by} asks you to look at the lead ${lead}.`,
  openCard: 'Go to the lead card',
  openHubSpot: 'Open in HubSpot',
  myLeadsHint: 'All open leads: "my leads".',
  escalationTitle: (age) => `Escalation: MQL unanswered for ${age}`,
  escalationBody: (owner) => `${owner} has neither accepted nor rejected this lead.`,
  escalationBodyInactive: (owner) =>
    `Contact owner ${owner} is no longer active (deactivated in HubSpot); nobody has accepted or rejected this lead.`,
  contact: 'Contact',
  company: 'Company',
  owner: 'Contact owner',
  mqlSince: 'MQL since',
  score: 'Score',
  reassign: 'Reassign',
  reassignTo: 'New contact owner',
  reassignConfirm: 'Assign',
  chooseOwner: 'Please choose a CSM.',
  nudge: 'Remind',
  forward: 'Forward',
  forwardTo: 'Forward to',
  forwardConfirm: 'Forward',
  forwarded: (to, by, at) => `Forwarded to ${to} by ${by} on ${at}`,
  reassigned: (to) => `Reassigned to ${to}.`,
  nudgeSent: (owner) => `${owner} will be reminded.`,
  refused: {
    not_allowed: 'Only the contact owner, their manager or an admin can do that.',
    ...shared(texts.en.refused),
    not_in_team: 'The new owner must be in the same team.',
    same_owner: 'The lead already belongs to this person.',
    unknown_owner: 'This person is not an owner in HubSpot.',
    owner_lookup_failed: 'HubSpot cannot be reached right now – please try again shortly.',
  },
};

export type FollowUpTexts = typeof de;
export const followUpTexts = { de, en };
export const tm = (locale: Locale): FollowUpTexts => followUpTexts[locale];

/** 45 Min · 3,5 Std · 2 T 4 Std (German) / 45 min · 3.5 h · 2 d 4 h (English). */
export function formatDuration(ms: number, locale: Locale): string {
  const u = locale === 'de' ? { min: 'Min', h: 'Std', d: 'T' } : { min: 'min', h: 'h', d: 'd' };
  const minutes = Math.max(0, Math.round(ms / 60_000));
  if (minutes < 60) return `${minutes} ${u.min}`;
  const hours = ms / 3_600_000;
  if (hours < 10) return `${(Math.round(hours * 10) / 10).toLocaleString(locale === 'de' ? 'de-DE' : 'en-GB')} ${u.h}`;
  if (hours < 48) return `${Math.round(hours)} ${u.h}`;
  const whole = Math.round(hours);
  const days = Math.floor(whole / 24);
  const rest = whole % 24;
  return rest ? `${days} ${u.d} ${rest} ${u.h}` : `${days} ${u.d}`;
}
