import { z } from 'zod';
import { writeBackProperties } from '../../domain/hubspot-writeback.js';
import { defineJob } from '../../outbox/job.js';
import { type Job, jobsOfLead, systemOf } from '../../store/jobs-repo.js';
import { getLead } from '../../store/leads-repo.js';
import type { Deps } from '../deps.js';
import { queueCardRefresh } from '../lead/card-refresh.js';

/** Once the last HubSpot effect of a lead is through, its cards can say "HubSpot ✓". */
async function refreshWhenSettled(deps: Deps, job: Job, leadId: string): Promise<void> {
  const others = (await jobsOfLead(deps.store.db, leadId)).filter(
    (j) => j.id !== job.id && j.status === 'pending' && systemOf(j.kind) === 'hubspot',
  );
  if (others.length) return;
  await queueCardRefresh(deps, leadId, job);
}

/** Mirrors the lead's current state onto the contact (absolute values; the lifecycle stage only moves forward). */
export const hubspotSync = defineJob({
  kind: 'hubspot.sync',
  payload: z.object({ leadId: z.string() }),
  async run(deps: Deps, { leadId }, job) {
    const lead = await getLead(deps.store.db, leadId);
    if (!lead || lead.erasedAt != null) return; // erased: nothing more about the person leaves LeadBridge
    const contact = await deps.hubspot.getContact(lead.contactId);
    if (!contact) return;
    const props = writeBackProperties(lead, contact.lifecycleStage, deps.settings.writeBack);
    if (Object.keys(props).length) await deps.hubspot.updateContact(lead.contactId, props);
    await refreshWhenSettled(deps, job, leadId);
  },
});

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** Adds a note to the contact's timeline ("accepted by … at …", "rejected: reason", BANT answers). */
export const hubspotNote = defineJob({
  kind: 'hubspot.note',
  payload: z.object({ leadId: z.string(), text: z.string(), at: z.number() }),
  async run(deps: Deps, { leadId, text, at }, job) {
    const lead = await getLead(deps.store.db, leadId);
    if (!lead || lead.erasedAt != null) return; // erased: nothing more about the person leaves LeadBridge
    // Notes have no idempotency key: each carries a reference, and a retry first looks for it.
    const ref = `lb${leadId.replace(/-/g, '').slice(0, 8)}j${job.id}`;
    if (job.attempts > 1 && (await deps.hubspot.hasNote(ref))) return refreshWhenSettled(deps, job, leadId);
    const html = `${escapeHtml(text).split('\n').join('<br>')}<br><small>LeadBridge-Ref ${ref}</small>`;
    await deps.hubspot.addNote(lead.contactId, html, at);
    await refreshWhenSettled(deps, job, leadId);
  },
});

/** Moves the contact to its new owner after a reassignment. */
export const hubspotOwner = defineJob({
  kind: 'hubspot.owner',
  payload: z.object({ leadId: z.string(), ownerId: z.string() }),
  async run(deps: Deps, { leadId, ownerId }) {
    const lead = await getLead(deps.store.db, leadId);
    if (!lead || lead.erasedAt != null) return; // erased: nothing more about the person leaves LeadBridge
    await deps.hubspot.updateContact(lead.contactId, { hubspot_owner_id: ownerId });
  },
});
