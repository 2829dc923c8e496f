import { IntegrationError } from '../lib/integration-error.js';
import type { FindAccount } from './accounts.js';
import type { LeadEntity } from './entities.js';
import type { EntitySet } from './entity-set.js';
import {
  accountPatch,
  convertedPatch,
  type LeadPatch,
  leadCreateBody,
  ownerPatch,
  statusPatch,
} from './lead-fields.js';
import { type C4cMapping, ownerPartyId } from './mapping.js';
import type { AccountMatch, C4cLeadRef, C4cLog, LeadHandover, LeadStatusChange } from './types.js';

export interface LeadOps {
  ensureLead(h: LeadHandover): Promise<C4cLeadRef>;
  updateLeadStatus(externalId: string, change: LeadStatusChange): Promise<void>;
  setLeadOwner(externalId: string, ownerEmail: string): Promise<{ ownerMapped: boolean }>;
  /** Marks the lead converted; `accountId` fills its account when it has none. `skipped`: the mapping has no converted status. */
  markConverted(externalId: string, accountId?: string): Promise<'converted' | 'skipped'>;
  /** The lead by ExternalID, or undefined. */
  find(externalId: string): Promise<LeadEntity | undefined>;
}

/** The lead side of `SalesCloud`: find-or-create, and ETag-guarded updates retried once on 412. */
export function createLeadOps(
  leads: EntitySet<LeadEntity>,
  findAccount: FindAccount,
  mapping: C4cMapping,
  log: C4cLog,
): LeadOps {
  /** Find-or-create. The account is decided before the create: a failed look-up throws and nothing is written. */
  async function ensureLead(h: LeadHandover): Promise<C4cLeadRef> {
    requireExternalId(h.externalId);
    const ownerMapped = ownerPartyId(mapping, h.ownerEmail) !== undefined;
    const existing = await leads.findByExternalId(h.externalId);
    if (existing) {
      const account = await accountOfExisting(existing, h);
      return { objectId: existing.ObjectID, id: existing.ID, ownerMapped, created: false, account };
    }

    const account = await findAccount(h.companyKey);
    if (!ownerMapped)
      log.warn(
        { externalId: h.externalId, ownerEmail: h.ownerEmail },
        '36One owner not in the mapping; creating the lead without owner',
      );
    const lead = await leads.create(leadCreateBody(h, mapping, account));
    log.info(
      { externalId: h.externalId, objectId: lead.ObjectID, id: lead.ID, account: account.kind },
      '36One lead created',
    );
    return { objectId: lead.ObjectID, id: lead.ID, ownerMapped, created: true, account };
  }

  /**
   * A lead that already exists (a retry, or one made before accounts were looked up): its own account stands;
   * without one, a look-up that finds exactly one fills it.
   */
  async function accountOfExisting(lead: LeadEntity, h: LeadHandover): Promise<AccountMatch> {
    if (lead.AccountPartyID) return { kind: 'found', accountId: lead.AccountPartyID, via: 'record' };
    const account = await findAccount(h.companyKey);
    if (account.kind === 'found')
      await change(h.externalId, 'account', (l) => accountPatch(l, account.accountId, mapping));
    return account;
  }

  /** Re-reads the lead, plans the change, PATCHes with If-Match; on 412 once more from the top. */
  async function change(externalId: string, what: string, plan: (lead: LeadEntity) => LeadPatch): Promise<void> {
    requireExternalId(externalId);
    for (let attempt = 1; ; attempt++) {
      const lead = await leads.findByExternalId(externalId);
      if (!lead) {
        // Retryable: the create may still be queued behind this change.
        throw new IntegrationError('c4c', `36One: no lead with ExternalID ${externalId}`, { code: 'LeadNotFound' });
      }
      const patch = plan(lead);
      if (!patch) return;
      try {
        await leads.patch(lead.ObjectID, await leads.etagOf(lead), patch);
        log.info({ externalId, objectId: lead.ObjectID, what, fields: Object.keys(patch) }, '36One lead updated');
        return;
      } catch (err) {
        if (attempt > 1 || !(err instanceof IntegrationError) || err.status !== 412) throw err;
        log.warn({ externalId, objectId: lead.ObjectID, what }, '36One lead changed meanwhile (412); re-reading once');
      }
    }
  }

  async function setLeadOwner(externalId: string, ownerEmail: string): Promise<{ ownerMapped: boolean }> {
    const partyId = ownerPartyId(mapping, ownerEmail);
    if (!partyId) {
      log.warn({ externalId, ownerEmail }, '36One owner not in the mapping; lead owner left unchanged');
      return { ownerMapped: false };
    }
    await change(externalId, 'owner', (lead) => ownerPatch(lead, partyId, mapping));
    return { ownerMapped: true };
  }

  return {
    ensureLead,
    updateLeadStatus: (externalId, c) => change(externalId, c.kind, (lead) => statusPatch(lead, c, mapping)),
    setLeadOwner,
    markConverted: async (externalId, accountId) => {
      if (!mapping.leadStatus.converted) return 'skipped';
      await change(externalId, 'converted', (lead) => convertedPatch(lead, mapping, accountId));
      return 'converted';
    },
    find: (externalId) => leads.findByExternalId(externalId),
  };
}

export function requireExternalId(externalId: string): void {
  if (!externalId.trim()) {
    throw new IntegrationError('c4c', '36One: empty ExternalID', { permanent: true, code: 'InvalidInput' });
  }
}
