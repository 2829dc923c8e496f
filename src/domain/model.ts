import type { BantAnswers } from './bant.js';
import type { ContactContext } from './contact-context.js';
import type { LeadState } from './lead.js';
import type { RejectReason } from './reject-reasons.js';

/** The HubSpot contact as LeadBridge read it when the lead was made. */
export interface ContactSnapshot {
  id: string;
  firstName?: string | null;
  lastName?: string | null;
  email?: string | null;
  jobTitle?: string | null;
  score?: number | null;
  lifecycleStage?: string | null;
  leadStatus?: string | null;
  /** Marketingeinwilligung: HubSpot's legal basis / consent text, when the portal has it. */
  consent?: string | null;
  ownerId?: string | null;
  companyId?: string | null;
  /** HubSpot's analytics on why this contact is an MQL (`HUBSPOT_CONTEXT_PROPERTIES`); absent on older leads. */
  context?: ContactContext | null;
}

export interface CompanySnapshot {
  id: string;
  name?: string | null;
  domain?: string | null;
  industry?: string | null;
  annualRevenue?: number | null;
  employees?: number | null;
}

/** The Contact Owner (the CSM). */
export interface Owner {
  id: string;
  email?: string | null;
  firstName?: string | null;
  lastName?: string | null;
  teams?: Array<{ id: string; name?: string | null }>;
  /** Deactivated in HubSpot (a former user): kept on old records, no longer reachable as owner. */
  archived?: boolean;
}

export interface LeadOwner {
  id: string | null;
  email: string | null;
  name: string | null;
  /** false: HubSpot has this owner archived (left the company); the card goes to their manager or the lead inbox. */
  active?: boolean;
}

/**
 * How the 36One account of a lead was decided: by the external reference, by the only account with the company's
 * name, or taken from the 36One record itself; `none` / `ambiguous`: no account (no or several candidates).
 */
export type C4cAccountMatch = 'externalId' | 'name' | 'record' | 'none' | 'ambiguous';

export interface Lead {
  id: string;
  portalId: number;
  contactId: string;
  cycle: number;
  state: LeadState;
  /** Bumped on every change; cards carry it so a stale click is recognised. */
  version: number;
  owner: LeadOwner;
  contact: ContactSnapshot;
  company: CompanySnapshot | null;
  bant: BantAnswers | null;
  rejectReason: RejectReason | null;
  rejectNote: string | null;
  c4cLeadId: string | null;
  c4cOwnerMapped: boolean | null;
  c4cOpportunityId: string | null;
  /** The 36One account (party id) on the lead/opportunity; unset until the 36One handover decided it. */
  c4cAccountId?: string | null;
  c4cAccountMatch?: C4cAccountMatch | null;
  mqlAt: number;
  acceptedAt: number | null;
  closedAt: number | null;
  remindedAt: number | null;
  escalatedAt: number | null;
  createdAt: number;
  updatedAt: number;
  /** When the contact's personal data was erased or pseudonymised (privacy.ts); unset while it is kept. */
  erasedAt?: number | null;
}

/** A lead as it starts: an MQL at `at`, nothing answered, decided or handed over to 36One yet. */
export function newMqlLead(
  start: Pick<Lead, 'id' | 'portalId' | 'contactId' | 'cycle' | 'owner' | 'contact' | 'company'>,
  at: number,
): Lead {
  return {
    ...start,
    state: 'MQL',
    version: 1,
    bant: null,
    rejectReason: null,
    rejectNote: null,
    c4cLeadId: null,
    c4cOwnerMapped: null,
    c4cOpportunityId: null,
    mqlAt: at,
    acceptedAt: null,
    closedAt: null,
    remindedAt: null,
    escalatedAt: null,
    createdAt: at,
    updatedAt: at,
  };
}

/** Who did something: a person from Teams, or LeadBridge itself. */
export interface Actor {
  id: string;
  name: string;
  email: string | null;
}

export interface LeadEvent {
  at: number;
  actor: { id: string; name: string | null };
  action: string;
  fromState: LeadState | null;
  toState: LeadState | null;
  source: 'card' | 'webhook' | 'system' | 'chat';
  detail?: Record<string, unknown> | null;
}

export const contactName = (c: ContactSnapshot) =>
  [c.firstName, c.lastName].filter(Boolean).join(' ') || c.email || `Kontakt ${c.id}`;

export const ownerName = (o: Owner) =>
  [o.firstName, o.lastName].filter(Boolean).join(' ') || o.email || `Owner ${o.id}`;
