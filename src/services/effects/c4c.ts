import { z } from 'zod';
import type { AccountMatch, CompanyKey, LeadStatusChange, SalesCloud } from '../../c4c/types.js';
import { bantSummaryText } from '../../domain/bant.js';
import { type C4cAccountMatch, contactName, type Lead } from '../../domain/model.js';
import { REJECT_REASONS } from '../../domain/reject-reasons.js';
import { defineJob } from '../../outbox/job.js';
import type { Job } from '../../store/jobs-repo.js';
import { getLead, setC4cRefs } from '../../store/leads-repo.js';
import type { Deps } from '../deps.js';
import { queueCardRefresh } from '../lead/card-refresh.js';
import { CONVERSION_KIND } from '../lead/view.js';

const LeadPayload = z.object({ leadId: z.string() });
const Change = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('accepted') }),
  z.object({ kind: z.literal('rejected'), reason: z.enum(REJECT_REASONS), note: z.string().optional() }),
  z.object({ kind: z.literal('qualified') }),
]);

const externalId = (lead: Lead) => `hubspot:${lead.portalId}:${lead.contactId}`;

/** A 36One step for one lead: nothing to do once the lead is gone or erased, or 36One is not configured. */
function forLead<P extends { leadId: string }>(
  step: (deps: Deps, lead: Lead, salesCloud: SalesCloud, payload: P, job: Job) => Promise<void>,
) {
  return async (deps: Deps, payload: P, job: Job): Promise<void> => {
    const lead = await getLead(deps.store.db, payload.leadId);
    if (lead && lead.erasedAt == null && deps.salesCloud) await step(deps, lead, deps.salesCloud, payload, job);
  };
}

/** The HubSpot company whose 36One account is looked up (the client decides how, per the mapping). */
const companyKeyOf = (lead: Lead): CompanyKey | undefined =>
  lead.company
    ? { portalId: lead.portalId, companyId: lead.company.id, name: lead.company.name ?? undefined }
    : undefined;

/** What the lead row keeps of the account decision (a skipped look-up clears it). */
function accountRef(m: AccountMatch): { id: string | null; match: C4cAccountMatch | null } {
  switch (m.kind) {
    case 'found':
      return { id: m.accountId, match: m.via === 'externalId' || m.via === 'name' ? m.via : 'record' };
    case 'ambiguous':
      return { id: null, match: 'ambiguous' };
    case 'none':
      return { id: null, match: 'none' };
    case 'skipped':
      return { id: null, match: null };
  }
}

const bantOf = (lead: Lead) => ({
  budget: lead.bant?.budget?.value ?? 'unknown',
  authority: lead.bant?.authority?.value ?? 'unknown',
  need: lead.bant?.need?.value ?? 'unknown',
  timeframe: lead.bant?.timeframe?.value ?? 'unknown',
  text: bantSummaryText(lead.bant),
});

/**
 * Routing: the MQL arrives in 36One as a Lead (looked up by ExternalID first, so a retry never makes a second), with
 * the account of its HubSpot company when exactly one is found; the card says when none could be chosen.
 */
export const c4cEnsureLead = defineJob({
  kind: 'c4c.ensureLead',
  payload: LeadPayload,
  run: forLead(async (deps, lead, salesCloud, _payload, job) => {
    const ref = await salesCloud.ensureLead({
      externalId: externalId(lead),
      name: `MQL ${contactName(lead.contact)}${lead.company?.name ? ` (${lead.company.name})` : ''}`,
      firstName: lead.contact.firstName ?? undefined,
      lastName: lead.contact.lastName ?? undefined,
      email: lead.contact.email ?? undefined,
      company: lead.company?.name ?? undefined,
      companyKey: companyKeyOf(lead),
      score: lead.contact.score ?? undefined,
      ownerEmail: lead.owner.email ?? undefined,
      note: `HubSpot-Score ${lead.contact.score ?? '–'}; ${deps.hubspot.recordUrl(lead.portalId, 'contact', lead.contactId)}`,
    });
    await setC4cRefs(deps.store.db, lead.id, {
      c4cLeadId: ref.id,
      ownerMapped: ref.ownerMapped,
      account: accountRef(ref.account),
    });
    await queueCardRefresh(deps, lead.id, job);
  }),
});

/** The 36One lead follows the card: accepted, rejected (with reason) or qualified (with BANT). */
export const c4cStatus = defineJob({
  kind: 'c4c.status',
  payload: z.object({ leadId: z.string(), change: Change }),
  run: forLead(async (deps, lead, salesCloud, { change }, job) => {
    const full: LeadStatusChange = change.kind === 'qualified' ? { kind: 'qualified', bant: bantOf(lead) } : change;
    await salesCloud.updateLeadStatus(externalId(lead), full);
    await queueCardRefresh(deps, lead.id, job);
  }),
});

/**
 * Opportunity in 36One (name, account, owner, close date, BANT); marking the lead converted follows as its own job
 * (`c4cConvertLead`), so a tenant refusing it leaves the opportunity created. The account is the 36One lead's, else
 * looked up again (it may have been created meanwhile); a failed look-up fails the job before anything is written,
 * and the outbox retries it. No contact: see the README (36One section).
 */
export const c4cOpportunity = defineJob({
  kind: 'c4c.opportunity',
  payload: LeadPayload,
  run: forLead(async (deps, lead, salesCloud, _payload, job) => {
    const ref = await salesCloud.ensureOpportunity({
      externalId: externalId(lead),
      name: `${lead.company?.name ?? contactName(lead.contact)} – LeadBridge`,
      ownerEmail: lead.owner.email ?? undefined,
      expectedCloseDate: lead.bant?.expectedCloseDate,
      bant: bantOf(lead),
      companyKey: companyKeyOf(lead),
    });
    await setC4cRefs(deps.store.db, lead.id, { opportunityId: ref.id, account: accountRef(ref.account) });
    await queueCardRefresh(deps, lead.id, job, [c4cConvertLead.job({ leadId: lead.id })]);
  }),
});

/**
 * The 36One lead is marked converted (nothing is sent when the mapping has no converted status). A refusal (4xx)
 * leaves this job dead: the card says "Lead nicht als konvertiert markiert: <Grund>" and an admin's retry runs just
 * this step again.
 */
export const c4cConvertLead = defineJob({
  kind: CONVERSION_KIND,
  payload: LeadPayload,
  run: forLead(async (deps, lead, salesCloud, _payload, job) => {
    await salesCloud.markLeadConverted(externalId(lead), lead.c4cAccountId ?? undefined);
    await queueCardRefresh(deps, lead.id, job);
  }),
});

/** The 36One lead moves to its new owner after a reassignment. */
export const c4cOwner = defineJob({
  kind: 'c4c.owner',
  payload: z.object({ leadId: z.string(), ownerEmail: z.string() }),
  run: forLead(async (deps, lead, salesCloud, { ownerEmail }) => {
    const r = await salesCloud.setLeadOwner(externalId(lead), ownerEmail);
    await setC4cRefs(deps.store.db, lead.id, { ownerMapped: r.ownerMapped });
  }),
});
