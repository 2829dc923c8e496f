import type { ContactContext } from './contact-context.js';
import type { LeadState } from './lead.js';
import { contactName, type Lead, type LeadEvent } from './model.js';

/** What a manager's digest is computed from: the team's leads with their audit trails, for the window [since, now). */
export interface DigestInput {
  leads: readonly Lead[];
  events: Readonly<Record<string, readonly LeadEvent[]>>;
  /** The team's CSMs (lower-case emails); leads of anyone else are ignored. */
  members: readonly string[];
  since: number;
  now: number;
  /** When the lead's answer was due under the SLA; without it no breaches are counted. */
  slaDueAt?: (lead: Lead) => number;
  /** Time between two instants as the SLA counts it (business time); wall-clock by default. */
  elapsed?: (from: number, to: number) => number;
  nameOf?: (email: string) => string;
  waitingLimit?: number;
  topReasons?: number;
}

export interface WaitingLead {
  leadId: string;
  contact: string;
  company: string | null;
  ownerEmail: string | null;
  ownerName: string;
  mqlAt: number;
  ageMs: number;
  /** HubSpot's analytics on the contact (why it is an MQL), when known. */
  context?: ContactContext | null;
}
export interface SlaBreach {
  leadId: string;
  contact: string;
  ownerEmail: string | null;
  ownerName: string;
  dueAt: number;
  answeredAt: number | null;
}
export interface CsmFigures {
  email: string;
  name: string;
  received: number;
  accepted: number;
  medianTimeToAcceptMs: number | null;
  acceptanceRate: number | null;
}

export interface DigestFigures {
  since: number;
  until: number;
  /** Movements in the window: new MQLs, and leads that reached SAL, SQL, Opportunity. */
  funnel: { mql: number; sal: number; sql: number; opportunity: number };
  rejected: { count: number; topReasons: Array<{ reason: string; count: number }> };
  /** Leads still waiting for acceptance, oldest first. */
  waitingLongest: WaitingLead[];
  /** Leads whose SLA fell due in the window without an answer by then. */
  slaBreaches: SlaBreach[];
  /** Per CSM, for the leads they received in the window: how many, how many accepted (by now), how fast. */
  perCsm: CsmFigures[];
}

const inWindow = (at: number | null | undefined, since: number, now: number) => at != null && at >= since && at < now;

/** The first time the lead left MQL (accepted or rejected), or null while unanswered. */
export function firstAnswerAt(lead: Lead, events: readonly LeadEvent[]): number | null {
  const e = events.find((x) => x.fromState === 'MQL' && x.toState != null && x.toState !== 'MQL');
  if (e) return e.at;
  if (lead.acceptedAt != null) return lead.acceptedAt;
  return lead.state === 'MQL' ? null : (lead.closedAt ?? lead.updatedAt);
}

function median(values: number[]): number | null {
  if (!values.length) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** Counts of leads that entered `state` in the window (each lead once). */
function reached(
  leads: readonly Lead[],
  events: DigestInput['events'],
  state: LeadState,
  since: number,
  now: number,
): Lead[] {
  return leads.filter((l) =>
    (events[l.id] ?? []).some((e) => e.toState === state && e.fromState !== state && inWindow(e.at, since, now)),
  );
}

/** The digest figures for one manager's team (pure: the same input gives the same numbers). */
export function digestFigures(input: DigestInput): DigestFigures {
  const { since, now } = input;
  const members = new Set(input.members.map((m) => m.toLowerCase()));
  const leads = input.leads.filter((l) => l.owner.email && members.has(l.owner.email.toLowerCase()));
  const events = input.events;
  const elapsed = input.elapsed ?? ((a: number, b: number) => b - a);
  const nameOf = (email: string | null, fallback: string | null) =>
    email ? (input.nameOf?.(email) ?? fallback ?? email) : (fallback ?? '–');

  const rejectedLeads = reached(leads, events, 'REJECTED', since, now);
  const reasons = new Map<string, number>();
  for (const l of rejectedLeads) {
    const e = (events[l.id] ?? []).find((x) => x.toState === 'REJECTED' && inWindow(x.at, since, now));
    const reason = typeof e?.detail?.reason === 'string' ? e.detail.reason : (l.rejectReason ?? 'other');
    reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
  }

  const waitingLongest = leads
    .filter((l) => l.state === 'MQL' && l.mqlAt < now)
    .sort((a, b) => a.mqlAt - b.mqlAt)
    .slice(0, input.waitingLimit ?? 5)
    .map((l) => ({
      leadId: l.id,
      contact: contactName(l.contact),
      company: l.company?.name ?? null,
      ownerEmail: l.owner.email,
      ownerName: nameOf(l.owner.email, l.owner.name),
      mqlAt: l.mqlAt,
      ageMs: now - l.mqlAt,
      context: l.contact.context ?? null,
    }));

  const slaBreaches: SlaBreach[] = [];
  if (input.slaDueAt) {
    for (const l of leads) {
      const dueAt = input.slaDueAt(l);
      if (!inWindow(dueAt, since, now)) continue;
      const answeredAt = firstAnswerAt(l, events[l.id] ?? []);
      if (answeredAt != null && answeredAt <= dueAt) continue;
      slaBreaches.push({
        leadId: l.id,
        contact: contactName(l.contact),
        ownerEmail: l.owner.email,
        ownerName: nameOf(l.owner.email, l.owner.name),
        dueAt,
        answeredAt,
      });
    }
    slaBreaches.sort((a, b) => a.dueAt - b.dueAt);
  }

  const received = leads.filter((l) => inWindow(l.mqlAt, since, now));
  const perCsm = [...members].map((email): CsmFigures => {
    const mine = received.filter((l) => l.owner.email!.toLowerCase() === email);
    const accepted = mine.filter((l) => l.acceptedAt != null && l.acceptedAt < now);
    return {
      email,
      name: nameOf(email, mine[0]?.owner.name ?? null),
      received: mine.length,
      accepted: accepted.length,
      medianTimeToAcceptMs: median(accepted.map((l) => elapsed(l.mqlAt, l.acceptedAt!))),
      acceptanceRate: mine.length ? accepted.length / mine.length : null,
    };
  });

  return {
    since,
    until: now,
    funnel: {
      mql: received.length,
      sal: reached(leads, events, 'SAL', since, now).length,
      sql: reached(leads, events, 'SQL', since, now).length,
      opportunity: reached(leads, events, 'OPPORTUNITY', since, now).length,
    },
    rejected: {
      count: rejectedLeads.length,
      topReasons: [...reasons]
        .map(([reason, count]) => ({ reason, count }))
        .sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason))
        .slice(0, input.topReasons ?? 3),
    },
    waitingLongest,
    slaBreaches,
    perCsm,
  };
}
