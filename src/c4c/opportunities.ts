import type { FindAccount } from './accounts.js';
import type { OpportunityEntity } from './entities.js';
import type { EntitySet } from './entity-set.js';
import { type LeadOps, requireExternalId } from './leads.js';
import { type C4cMapping, ownerPartyId } from './mapping.js';
import { compact, odataDate } from './odata-values.js';
import type { AccountMatch, C4cLog, C4cOpportunityRef, OpportunityHandover } from './types.js';

/** The POST body for a new opportunity; the BANT summary goes in as an `OpportunityTextCollection` entry (deep insert). */
export function opportunityCreateBody(
  o: OpportunityHandover,
  m: C4cMapping,
  account: AccountMatch = given(o),
): Record<string, unknown> {
  return compact({
    Name: o.name,
    ExternalID: o.externalId,
    ProspectPartyID: account.kind === 'found' ? account.accountId : undefined,
    PrimaryContactPartyID: o.primaryContactPartyId,
    MainEmployeeResponsiblePartyID: ownerPartyId(m, o.ownerEmail),
    OriginTypeCode: m.opportunity.originTypeCode,
    SalesCyclePhaseCode: m.opportunity.salesCyclePhaseCode,
    ProbabilityPercent: m.opportunity.probabilityPercent,
    ExpectedProcessingEndDate: o.expectedCloseDate ? odataDate(o.expectedCloseDate) : undefined,
    OpportunityTextCollection: o.bant.text
      ? [{ TypeCode: m.opportunity.bantTextTypeCode, Text: o.bant.text }]
      : undefined,
  });
}

const given = (o: OpportunityHandover): AccountMatch =>
  o.accountPartyId ? { kind: 'found', accountId: o.accountPartyId, via: 'given' } : { kind: 'skipped', reason: 'off' };

/**
 * `ensureOpportunity`: find-or-create by ExternalID (idempotent); marking the lead converted is a separate step
 * (`LeadOps.markConverted`), so a tenant that refuses it does not undo the opportunity. The account
 * is decided first (given → the 36One lead's → looked up); a failed look-up throws before anything is written.
 * An existing opportunity keeps its account; one without gets the decided account filled in.
 */
export function createEnsureOpportunity(
  opportunities: EntitySet<OpportunityEntity>,
  leadOps: LeadOps,
  findAccount: FindAccount,
  mapping: C4cMapping,
  log: C4cLog,
): (o: OpportunityHandover) => Promise<C4cOpportunityRef> {
  async function decideAccount(o: OpportunityHandover): Promise<AccountMatch> {
    if (o.accountPartyId) return given(o);
    const lead = await leadOps.find(o.externalId);
    if (lead?.AccountPartyID) return { kind: 'found', accountId: lead.AccountPartyID, via: 'record' };
    return findAccount(o.companyKey);
  }

  return async (o) => {
    requireExternalId(o.externalId);
    let ref: C4cOpportunityRef;
    const existing = await opportunities.findByExternalId(o.externalId);
    if (existing?.ProspectPartyID) {
      ref = {
        objectId: existing.ObjectID,
        id: existing.ID,
        created: false,
        account: { kind: 'found', accountId: existing.ProspectPartyID, via: 'record' },
      };
    } else if (existing) {
      const account = await decideAccount(o);
      if (account.kind === 'found') {
        await opportunities.patch(existing.ObjectID, await opportunities.etagOf(existing), {
          ProspectPartyID: account.accountId,
        });
        log.info(
          { externalId: o.externalId, objectId: existing.ObjectID, accountId: account.accountId },
          '36One opportunity account filled in',
        );
      }
      ref = { objectId: existing.ObjectID, id: existing.ID, created: false, account };
    } else {
      const account = await decideAccount(o);
      const body = opportunityCreateBody(o, mapping, account);
      if (o.ownerEmail && !body.MainEmployeeResponsiblePartyID) {
        log.warn(
          { externalId: o.externalId, ownerEmail: o.ownerEmail },
          '36One owner not in the mapping; creating the opportunity without owner',
        );
      }
      const created = await opportunities.create(body);
      log.info(
        { externalId: o.externalId, objectId: created.ObjectID, id: created.ID, account: account.kind },
        '36One opportunity created',
      );
      ref = { objectId: created.ObjectID, id: created.ID, created: true, account };
    }
    return ref;
  };
}
