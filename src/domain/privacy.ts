import { BANT_CRITERIA, type BantAnswers } from './bant.js';
import type { ContactSnapshot } from './model.js';

/**
 * Why a lead's personal data was erased: HubSpot erased the contact (GDPR delete) or deleted it, someone asked by hand
 * (`leadbridge erase`), or the lead was closed longer than the retention limit.
 */
export const ERASURE_REASONS = ['privacy_deletion', 'deletion', 'request', 'retention'] as const;
export type ErasureReason = (typeof ERASURE_REASONS)[number];

/** What erasure keeps of the contact: only HubSpot's record id (a pseudonym: it names nobody once HubSpot erased the person). */
export const erasedContact = (c: Pick<ContactSnapshot, 'id'>): ContactSnapshot => ({ id: c.id });

/** The BANT answers as yes/no/unknown only: notes, who answered and the expected close date go. */
export function erasedBant(bant: BantAnswers | null): BantAnswers | null {
  if (!bant) return null;
  const out: BantAnswers = {};
  for (const c of BANT_CRITERIA) if (bant[c]) out[c] = { value: bant[c]!.value };
  return Object.keys(out).length ? out : null;
}

/**
 * Keys of an audit entry's detail that never name the contact (reasons, versions, owners of a reassignment, times);
 * every other key (the contact's name, notes, and whatever is added later) is dropped on erasure.
 */
const KEPT_DETAIL_KEYS = new Set([
  'reason',
  'version',
  'receivedAt',
  'fromName',
  'fromEmail',
  'toName',
  'toEmail',
  'ownerEmail',
  'erasure',
]);

export function erasedEventDetail(detail: Record<string, unknown> | null): Record<string, unknown> | null {
  if (!detail) return null;
  const kept = Object.entries(detail).filter(([k]) => KEPT_DETAIL_KEYS.has(k));
  return kept.length ? Object.fromEntries(kept) : null;
}
