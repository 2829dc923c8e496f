import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { isOpen } from '../domain/lead.js';
import { isMql, nextCycle } from '../domain/mql.js';
import { contactName, ownerName, type Lead } from '../domain/model.js';
import { addLeadEvent, findLeadByCycle, getContactCycle, insertLead, setContactCycle } from '../store/leads-repo.js';
import { enqueue, type Job } from '../store/jobs-repo.js';
import type { Deps } from './deps.js';
import { JOB, orderKey } from './job-kinds.js';

const Payload = z.object({ portalId: z.number(), contactId: z.string(), receivedAt: z.number().optional() });

/**
 * Re-reads a contact and, if it is an MQL without a lead in the current cycle, creates the lead
 * (enriched with company and owner) and schedules its card and its 36One handover.
 */
export async function evaluateContact(deps: Deps, job: Job): Promise<void> {
  const { portalId, contactId, receivedAt } = Payload.parse(job.payload);
  const { store, hubspot, settings, clock } = deps;
  const contact = await hubspot.getContact(contactId);
  if (!contact) return;
  const mql = isMql(contact, settings.mqlRule);
  const cycle = await getContactCycle(store.db, portalId, contactId);
  const existing = await findLeadByCycle(store.db, portalId, contactId, cycle);
  const next = nextCycle({ cycle, lastLeadClosed: existing ? !isOpen(existing.state) : null }, mql);
  if (next !== cycle) await setContactCycle(store.db, portalId, contactId, next);
  if (!mql || existing) return;

  const [company, owner] = await Promise.all([
    contact.companyId ? hubspot.getCompany(contact.companyId) : null,
    contact.ownerId ? hubspot.getOwner(contact.ownerId) : null,
  ]);
  const now = clock.now();
  const lead: Lead = {
    id: randomUUID(), portalId, contactId, cycle, state: 'MQL', version: 1,
    owner: { id: owner?.id ?? contact.ownerId ?? null, email: owner?.email?.toLowerCase() ?? null, name: owner ? ownerName(owner) : null },
    contact, company, bant: null, rejectReason: null, rejectNote: null,
    c4cLeadId: null, c4cOwnerMapped: null, c4cOpportunityId: null,
    mqlAt: now, acceptedAt: null, closedAt: null, remindedAt: null, escalatedAt: null, createdAt: now, updatedAt: now,
  };
  const created = await store.db.transaction().execute(async (trx) => {
    if (!(await insertLead(trx, lead))) return false;
    await addLeadEvent(trx, lead.id, {
      at: now, actor: { id: 'system', name: 'LeadBridge' }, action: 'mql', fromState: null, toState: 'MQL', source: 'webhook',
      detail: { score: contact.score ?? null, lifecycleStage: contact.lifecycleStage ?? null, contact: contactName(contact), receivedAt: receivedAt ?? null },
    });
    await enqueue(trx, [
      { kind: JOB.deliverCard, leadId: lead.id, orderKey: orderKey.teams(lead.id), payload: { leadId: lead.id, receivedAt } },
      ...(deps.salesCloud ? [{ kind: JOB.c4cEnsureLead, leadId: lead.id, orderKey: orderKey.c4c(lead.id), payload: { leadId: lead.id } }] : []),
    ], now);
    return true;
  });
  if (created) {
    deps.log.info({ leadId: lead.id, contactId, owner: lead.owner.email }, 'new MQL lead');
    deps.kick();
  }
}
