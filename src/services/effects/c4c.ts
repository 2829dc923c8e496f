import { z } from 'zod';
import type { AccountMatch, CompanyKey, LeadStatusChange } from '../../c4c/types.js';
import { bantSummaryText } from '../../domain/bant.js';
import { contactName, type C4cAccountMatch, type Lead } from '../../domain/model.js';
import { REJECT_REASONS } from '../../domain/reject-reasons.js';
import { enqueue, type Job, type NewJob } from '../../store/jobs-repo.js';
import { getLead, setC4cRefs } from '../../store/leads-repo.js';
import type { Deps } from '../deps.js';
import { JOB, orderKey, refreshCardsJob } from '../job-kinds.js';

const LeadPayload = z.object({ leadId: z.string() });
const Change = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('accepted') }),
  z.object({ kind: z.literal('rejected'), reason: z.enum(REJECT_REASONS), note: z.string().optional() }),
  z.object({ kind: z.literal('qualified') }),
]);
const StatusPayload = z.object({ leadId: z.string(), change: Change });
const OwnerPayload = z.object({ leadId: z.string(), ownerEmail: z.string() });

export const externalId = (lead: Lead) => `hubspot:${lead.portalId}:${lead.contactId}`;

async function load(deps: Deps, job: Job) {
  const { leadId } = LeadPayload.parse(job.payload);
  return getLead(deps.store.db, leadId);
}

async function refreshCard(deps: Deps, leadId: string, job: Job, more: NewJob[] = []) {
  await enqueue(deps.store.db, [...more, refreshCardsJob(leadId, job.id)], deps.clock.now());
  deps.kick();
}

/** The HubSpot company whose 36One account is looked up (the client decides how, per the mapping). */
const companyKeyOf = (lead: Lead): CompanyKey | undefined =>
  (lead.company ? { portalId: lead.portalId, companyId: lead.company.id, name: lead.company.name ?? undefined } : undefined);

/** What the lead row keeps of the account decision (a skipped look-up clears it). */
function accountRef(m: AccountMatch): { id: string | null; match: C4cAccountMatch | null } {
  switch (m.kind) {
    case 'found': return { id: m.accountId, match: m.via === 'externalId' || m.via === 'name' ? m.via : 'record' };
    case 'ambiguous': return { id: null, match: 'ambiguous' };
    case 'none': return { id: null, match: 'none' };
    case 'skipped': return { id: null, match: null };
  }
}

const bantOf = (lead: Lead) => ({
  budget: lead.bant?.budget?.value ?? 'unknown', authority: lead.bant?.authority?.value ?? 'unknown',
  need: lead.bant?.need?.value ?? 'unknown', timeframe: lead.bant?.timeframe?.value ?? 'unknown', text: bantSummaryText(lead.bant),
});

/**
 * Routing: the MQL arrives in 36One as a Lead (looked up by ExternalID first, so a retry never makes a second), with
 * the account of its HubSpot company when exactly one is found; the card says when none could be chosen.
 */
export async function c4cEnsureLead(deps: Deps, job: Job): Promise<void> {
  const lead = await load(deps, job);
  if (!lead || !deps.salesCloud) return;
  const ref = await deps.salesCloud.ensureLead({
    externalId: externalId(lead), name: `MQL ${contactName(lead.contact)}${lead.company?.name ? ` (${lead.company.name})` : ''}`,
    firstName: lead.contact.firstName ?? undefined, lastName: lead.contact.lastName ?? undefined, email: lead.contact.email ?? undefined,
    company: lead.company?.name ?? undefined, companyKey: companyKeyOf(lead), score: lead.contact.score ?? undefined, ownerEmail: lead.owner.email ?? undefined,
    note: `HubSpot-Score ${lead.contact.score ?? '–'}; ${deps.hubspot.recordUrl(lead.portalId, 'contact', lead.contactId)}`,
  });
  await setC4cRefs(deps.store.db, lead.id, { c4cLeadId: ref.id, ownerMapped: ref.ownerMapped, account: accountRef(ref.account) });
  await refreshCard(deps, lead.id, job);
}

export async function c4cStatus(deps: Deps, job: Job): Promise<void> {
  const { leadId, change } = StatusPayload.parse(job.payload);
  const lead = await getLead(deps.store.db, leadId);
  if (!lead || !deps.salesCloud) return;
  const full: LeadStatusChange = change.kind === 'qualified' ? { kind: 'qualified', bant: bantOf(lead) } : change;
  await deps.salesCloud.updateLeadStatus(externalId(lead), full);
  await refreshCard(deps, lead.id, job);
}

/**
 * Opportunity in 36One (name, account, owner, close date, BANT); marking the lead converted follows as its own job
 * (`c4cConvertLead`), so a tenant refusing it leaves the opportunity created. The account is the 36One lead's, else
 * looked up again (it may have been created meanwhile); a failed look-up fails the job before anything is written,
 * and the outbox retries it. No contact: see the README (36One section).
 */
export async function c4cOpportunity(deps: Deps, job: Job): Promise<void> {
  const lead = await load(deps, job);
  if (!lead || !deps.salesCloud) return;
  const ref = await deps.salesCloud.ensureOpportunity({
    externalId: externalId(lead), name: `${lead.company?.name ?? contactName(lead.contact)} – LeadBridge`,
    ownerEmail: lead.owner.email ?? undefined, expectedCloseDate: lead.bant?.expectedCloseDate, bant: bantOf(lead),
    companyKey: companyKeyOf(lead),
  });
  await setC4cRefs(deps.store.db, lead.id, { opportunityId: ref.id, account: accountRef(ref.account) });
  await refreshCard(deps, lead.id, job, [{ kind: JOB.c4cConvertLead, leadId: lead.id, orderKey: orderKey.c4c(lead.id), payload: { leadId: lead.id } }]);
}

/**
 * The 36One lead is marked converted (nothing is sent when the mapping has no converted status). A refusal (4xx)
 * leaves this job dead: the card says "Lead nicht als konvertiert markiert: <Grund>" and an admin's retry runs just
 * this step again.
 */
export async function c4cConvertLead(deps: Deps, job: Job): Promise<void> {
  const lead = await load(deps, job);
  if (!lead || !deps.salesCloud) return;
  await deps.salesCloud.markLeadConverted(externalId(lead), lead.c4cAccountId ?? undefined);
  await refreshCard(deps, lead.id, job);
}

export async function c4cOwner(deps: Deps, job: Job): Promise<void> {
  const { leadId, ownerEmail } = OwnerPayload.parse(job.payload);
  const lead = await getLead(deps.store.db, leadId);
  if (!lead || !deps.salesCloud) return;
  const r = await deps.salesCloud.setLeadOwner(externalId(lead), ownerEmail);
  await setC4cRefs(deps.store.db, lead.id, { ownerMapped: r.ownerMapped });
}
