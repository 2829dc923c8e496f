import type { CompanySnapshot, ContactSnapshot, Owner } from '../domain/model.js';

export interface CompanyHit { id: string; name: string; domain?: string; annualRevenue?: number | null; employees?: number | null; url?: string }

/** HubSpot as LeadBridge uses it. Failures throw `IntegrationError` (system 'hubspot'). */
export interface HubSpot {
  /** null when the contact does not exist (deleted or merged away). */
  getContact(id: string): Promise<ContactSnapshot | null>;
  getCompany(id: string): Promise<CompanySnapshot | null>;
  getOwner(id: string): Promise<Owner | null>;
  findOwnerByEmail(email: string): Promise<Owner | null>;
  listOwners(): Promise<Owner[]>;
  /** Absolute property values, so a retry writes the same thing. */
  updateContact(id: string, properties: Record<string, string>): Promise<void>;
  addNote(contactId: string, html: string, timestamp: number): Promise<void>;
  /** true when a note containing this reference token exists (notes have no idempotency key). */
  hasNote(ref: string): Promise<boolean>;
  searchCompaniesByName(name: string, portalId?: number): Promise<CompanyHit[]>;
  recordUrl(portalId: number, objectType: 'contact' | 'company', id: string): string;
}
