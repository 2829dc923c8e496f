import type { CompanySnapshot, ContactSnapshot, Owner } from '../domain/model.js';

export interface CompanyHit {
  id: string;
  name: string;
  domain?: string;
  annualRevenue?: number | null;
  employees?: number | null;
  url?: string;
}

/** HubSpot as LeadBridge uses it. Failures throw `IntegrationError` (system 'hubspot'). */
export interface HubSpot {
  /** null when the contact does not exist (deleted or merged away). */
  getContact(id: string): Promise<ContactSnapshot | null>;
  getCompany(id: string): Promise<CompanySnapshot | null>;
  /**
   * Reads many contacts with few calls (HubSpot's batch read, 100 per call). The map is keyed by the requested id;
   * ids HubSpot does not know (deleted, or not a number) are absent. A merged-away id maps to the surviving record,
   * as `getContact` does. A call that fails throws; when only some ids could not be read it throws a `BatchReadError`.
   */
  getContacts(ids: string[]): Promise<Map<string, ContactSnapshot>>;
  /** As `getContacts`, for companies. */
  getCompanies(ids: string[]): Promise<Map<string, CompanySnapshot>>;
  /** From the owner list (read in pages, again after a few minutes and once on an unknown id); archived ones flagged. */
  getOwner(id: string): Promise<Owner | null>;
  findOwnerByEmail(email: string): Promise<Owner | null>;
  /** Reads the owner list now (also for `getOwner`); the active owners. */
  listOwners(): Promise<Owner[]>;
  /** Absolute property values, so a retry writes the same thing. */
  updateContact(id: string, properties: Record<string, string>): Promise<void>;
  addNote(contactId: string, html: string, timestamp: number): Promise<void>;
  /** true when a note containing this reference token exists (notes have no idempotency key). */
  hasNote(ref: string): Promise<boolean>;
  searchCompaniesByName(name: string, portalId?: number): Promise<CompanyHit[]>;
  recordUrl(portalId: number, objectType: 'contact' | 'company', id: string): string;
}
