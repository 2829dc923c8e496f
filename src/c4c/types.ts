import type { RejectReason } from '../domain/reject-reasons.js';

/** What LeadBridge hands to 36One (SAP Sales Cloud) when a contact becomes an MQL ("Routing"). */
export interface LeadHandover {
  /** `hubspot:<portalId>:<contactId>`: the look-up key that makes creation idempotent. */
  externalId: string;
  name: string;
  firstName?: string;
  lastName?: string;
  email?: string;
  company?: string;
  score?: number;
  /** e.g. score and HubSpot link. */
  note: string;
  /** HubSpot owner's email; mapped to a C4C employee (owner party id) by the mapping file. */
  ownerEmail?: string;
  /** The lead's HubSpot company: its 36One account is looked up (never created) and set as `AccountPartyID`. */
  companyKey?: CompanyKey;
}

/** Identifies a HubSpot company for the 36One account look-up. */
export interface CompanyKey {
  portalId: number;
  companyId: string;
  /** HubSpot company name, for the exact-name fallback (when the mapping allows it). */
  name?: string;
}

/**
 * How the 36One account was decided. `found.via`: `externalId` (the mapping's external reference),
 * `name` (the only account with exactly this normalised name), `record` (already on the 36One lead or
 * opportunity, set earlier by LeadBridge or by a person), `given` (passed in by the caller).
 */
export type AccountMatch =
  | { kind: 'found'; accountId: string; via: 'externalId' | 'name' | 'record' | 'given' }
  | { kind: 'ambiguous'; count: number }
  | { kind: 'none' }
  /** Not looked up: the mapping turns the look-up off, or the lead has no HubSpot company. */
  | { kind: 'skipped'; reason: 'off' | 'noCompany' };

export type BantValue = 'yes' | 'no' | 'unknown';
export interface BantSummary {
  budget: BantValue;
  authority: BantValue;
  need: BantValue;
  timeframe: BantValue;
  /** Free text, one line per criterion, already formatted for a note. */
  text: string;
}

/** A LeadBridge state change mirrored onto the 36One lead. */
export type LeadStatusChange =
  | { kind: 'accepted' }
  | { kind: 'rejected'; reason: RejectReason; note?: string }
  | { kind: 'qualified'; bant?: BantSummary };

export interface OpportunityHandover {
  /** Same external id as the lead it comes from. */
  externalId: string;
  name: string;
  /**
   * 36One account (prospect) party id, when the caller knows it. Otherwise the account on the 36One lead is
   * used, else it is looked up for `companyKey` (see `AccountMatch`).
   */
  accountPartyId?: string;
  companyKey?: CompanyKey;
  /** 36One contact party id, when known. */
  primaryContactPartyId?: string;
  ownerEmail?: string;
  /** yyyy-mm-dd */
  expectedCloseDate?: string;
  bant: BantSummary;
}

export interface C4cLeadRef {
  objectId: string;
  id: string;
  ownerMapped: boolean;
  created: boolean;
  account: AccountMatch;
}
export interface C4cOpportunityRef {
  objectId: string;
  id: string;
  created: boolean;
  account: AccountMatch;
}

/**
 * 36One as LeadBridge uses it. Every method is idempotent: safe to call again
 * after a crash or a retry. Failures throw `IntegrationError` (system 'c4c').
 */
export interface SalesCloud {
  /**
   * Creates the lead unless one with the ExternalID exists, with the account of `h.companyKey` when exactly one is
   * found (decided before the create; a failed look-up throws). An existing lead keeps its account; one without
   * gets a found account filled in.
   */
  ensureLead(h: LeadHandover): Promise<C4cLeadRef>;
  updateLeadStatus(externalId: string, change: LeadStatusChange): Promise<void>;
  setLeadOwner(externalId: string, ownerEmail: string): Promise<{ ownerMapped: boolean }>;
  /**
   * Creates the opportunity unless one with the ExternalID exists. The account is decided before anything is
   * written: a failed look-up throws and nothing is created.
   */
  ensureOpportunity(o: OpportunityHandover): Promise<C4cOpportunityRef>;
  /**
   * Marks the lead converted (after its opportunity), filling an empty account with `accountId`. `skipped` when the
   * mapping has no converted status: then nothing is sent. A tenant that refuses the status throws (a 4xx is permanent).
   */
  markLeadConverted(externalId: string, accountId?: string): Promise<'converted' | 'skipped'>;
}

/** The logger the 36One client writes to (pino-compatible). Never receives credentials. */
export interface C4cLog {
  info(o: object, msg?: string): void;
  warn(o: object, msg?: string): void;
}
