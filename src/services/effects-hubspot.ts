import { z } from 'zod';
import { writeBackProperties } from '../domain/hubspot-writeback.js';
import type { Job } from '../store/jobs-repo.js';
import { getLead } from '../store/leads-repo.js';
import type { Deps } from './deps.js';

const LeadPayload = z.object({ leadId: z.string() });
const NotePayload = z.object({ leadId: z.string(), text: z.string(), at: z.number() });

/** Mirrors the lead's current state onto the contact (absolute values; the lifecycle stage only moves forward). */
export async function hubspotSync(deps: Deps, job: Job): Promise<void> {
  const { leadId } = LeadPayload.parse(job.payload);
  const lead = await getLead(deps.store.db, leadId);
  if (!lead) return;
  const contact = await deps.hubspot.getContact(lead.contactId);
  if (!contact) return;
  const props = writeBackProperties(lead, contact.lifecycleStage, deps.settings.writeBack);
  if (Object.keys(props).length) await deps.hubspot.updateContact(lead.contactId, props);
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** Adds a note to the contact's timeline ("accepted by … at …", "rejected: reason", BANT answers). */
export async function hubspotNote(deps: Deps, job: Job): Promise<void> {
  const { leadId, text, at } = NotePayload.parse(job.payload);
  const lead = await getLead(deps.store.db, leadId);
  if (!lead) return;
  const html = escapeHtml(text).split('\n').join('<br>');
  await deps.hubspot.addNote(lead.contactId, html, at);
}

const OwnerPayload = z.object({ leadId: z.string(), ownerId: z.string() });

/** Moves the contact to its new owner after a reassignment. */
export async function hubspotOwner(deps: Deps, job: Job): Promise<void> {
  const { leadId, ownerId } = OwnerPayload.parse(job.payload);
  const lead = await getLead(deps.store.db, leadId);
  if (!lead) return;
  await deps.hubspot.updateContact(lead.contactId, { hubspot_owner_id: ownerId });
}
