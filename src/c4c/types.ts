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
}

export type BantValue = 'yes' | 'no' | 'unknown';
export interface BantSummary {
  budget: BantValue; authority: BantValue; need: BantValue; timeframe: BantValue;
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
  /** 36One account (prospect) party id, when known. */
  accountPartyId?: string;
  /** 36One contact party id, when known. */
  primaryContactPartyId?: string;
  ownerEmail?: string;
  /** yyyy-mm-dd */
  expectedCloseDate?: string;
  bant: BantSummary;
}

export interface C4cLeadRef { objectId: string; id: string; ownerMapped: boolean; created: boolean }
export interface C4cOpportunityRef { objectId: string; id: string; created: boolean }

/**
 * 36One as LeadBridge uses it. Every method is idempotent: safe to call again
 * after a crash or a retry. Failures throw `IntegrationError` (system 'c4c').
 */
export interface SalesCloud {
  ensureLead(h: LeadHandover): Promise<C4cLeadRef>;
  updateLeadStatus(externalId: string, change: LeadStatusChange): Promise<void>;
  setLeadOwner(externalId: string, ownerEmail: string): Promise<{ ownerMapped: boolean }>;
  /** Creates the opportunity unless one with the ExternalID exists, then marks the lead converted. */
  ensureOpportunity(o: OpportunityHandover): Promise<C4cOpportunityRef>;
}

/** The logger the 36One client writes to (pino-compatible). Never receives credentials. */
export interface C4cLog {
  info(o: object, msg?: string): void;
  warn(o: object, msg?: string): void;
}
