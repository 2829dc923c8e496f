import type { OpportunityEntity } from './entities.js';
import type { EntitySet } from './entity-set.js';
import { requireExternalId, type LeadOps } from './leads.js';
import { ownerPartyId, type C4cMapping } from './mapping.js';
import { compact, odataDate } from './odata-values.js';
import type { C4cLog, C4cOpportunityRef, OpportunityHandover } from './types.js';

/** The POST body for a new opportunity; the BANT summary goes in as an `OpportunityText` entry (deep insert). */
export function opportunityCreateBody(o: OpportunityHandover, m: C4cMapping): Record<string, unknown> {
  return compact({
    Name: o.name,
    ExternalID: o.externalId,
    ProspectPartyID: o.accountPartyId,
    PrimaryContactPartyID: o.primaryContactPartyId,
    MainEmployeeResponsiblePartyID: ownerPartyId(m, o.ownerEmail),
    OriginTypeCode: m.opportunity.originTypeCode,
    SalesCyclePhaseCode: m.opportunity.salesCyclePhaseCode,
    ProbabilityPercent: m.opportunity.probabilityPercent,
    ExpectedProcessingEndDate: o.expectedCloseDate ? odataDate(o.expectedCloseDate) : undefined,
    OpportunityText: o.bant.text ? [{ TypeCode: m.opportunity.bantTextTypeCode, Text: o.bant.text }] : undefined,
  });
}

/** `ensureOpportunity`: find-or-create by ExternalID, then mark the lead converted (both idempotent). */
export function createEnsureOpportunity(
  opportunities: EntitySet<OpportunityEntity>, leadOps: LeadOps, mapping: C4cMapping, log: C4cLog,
): (o: OpportunityHandover) => Promise<C4cOpportunityRef> {
  return async (o) => {
    requireExternalId(o.externalId);
    let ref: C4cOpportunityRef;
    const existing = await opportunities.findByExternalId(o.externalId);
    if (existing) {
      ref = { objectId: existing.ObjectID, id: existing.ID, created: false };
    } else {
      const body = opportunityCreateBody(o, mapping);
      if (o.ownerEmail && !body.MainEmployeeResponsiblePartyID) {
        log.warn({ externalId: o.externalId, ownerEmail: o.ownerEmail }, '36One owner not in the mapping; creating the opportunity without owner');
      }
      const created = await opportunities.create(body);
      log.info({ externalId: o.externalId, objectId: created.ObjectID, id: created.ID }, '36One opportunity created');
      ref = { objectId: created.ObjectID, id: created.ID, created: true };
    }
    await leadOps.markConverted(o.externalId);
    return ref;
  };
}
