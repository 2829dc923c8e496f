import { IntegrationError } from '../lib/integration-error.js';
import type { LeadEntity } from './entities.js';
import { type C4cMapping, ownerPartyId } from './mapping.js';
import { compact } from './odata-values.js';
import type { AccountMatch, LeadHandover, LeadStatusChange } from './types.js';

/** A lead PATCH body, or null when the lead is already as wanted. */
export type LeadPatch = Record<string, string> | null;

/**
 * The POST body for a new lead (owner only when the mapping knows the owner's email; account only when the
 * look-up found exactly one, else the note says why there is none).
 */
export function leadCreateBody(
  h: LeadHandover,
  m: C4cMapping,
  account: AccountMatch = { kind: 'skipped', reason: 'off' },
): Record<string, unknown> {
  const why = accountNote(account, h.companyKey?.name ?? h.company ?? h.companyKey?.companyId);
  return compact({
    Name: h.name,
    ContactFirstName: h.firstName,
    ContactLastName: h.lastName,
    ContactEMail: h.email,
    Company: h.company,
    OriginTypeCode: m.lead.originTypeCode,
    UserStatusCode: m.leadStatus.open,
    QualificationLevelCode: m.qualificationLevel.initial,
    OwnerPartyID: ownerPartyId(m, h.ownerEmail),
    AccountPartyID: account.kind === 'found' ? account.accountId : undefined,
    Note: why ? `${h.note}\n\n${why}` : h.note,
    Score: h.score === undefined ? undefined : Math.round(h.score),
    ExternalID: h.externalId,
  });
}

/**
 * What to change on the lead for a LeadBridge state change. A converted lead is
 * final: accepting or qualifying it again is a no-op, rejecting it is a permanent error.
 */
export function statusPatch(lead: LeadEntity, change: LeadStatusChange, m: C4cMapping): LeadPatch {
  if (isConverted(lead, m)) {
    if (change.kind !== 'rejected') return null;
    throw new IntegrationError('c4c', `36One: lead ${lead.ID} is already converted and cannot be rejected`, {
      permanent: true,
      code: 'LeadConverted',
    });
  }
  switch (change.kind) {
    case 'accepted':
      return diff(lead, { UserStatusCode: m.leadStatus.accepted });
    case 'rejected':
      return diff(lead, {
        UserStatusCode: m.leadStatus.declined,
        ResultReasonCode: m.resultReasons[change.reason],
        Note: appendNote(lead.Note, change.note && `Rejected in LeadBridge (${change.reason}): ${change.note}`),
      });
    case 'qualified':
      return diff(lead, {
        UserStatusCode: m.leadStatus.qualified,
        QualificationLevelCode: m.qualificationLevel.qualified,
        Note: appendNote(lead.Note, change.bant && `BANT (LeadBridge):\n${change.bant.text}`),
      });
  }
}

/** Owner change; null when already the owner or when the lead is converted (then the opportunity carries the owner). */
export function ownerPatch(lead: LeadEntity, partyId: string, m: C4cMapping): LeadPatch {
  if (isConverted(lead, m)) return null;
  return diff(lead, { OwnerPartyID: partyId });
}

/**
 * Marks the lead converted unless it already is (or the mapping has no converted status); fills an empty account
 * with the opportunity's.
 */
export function convertedPatch(lead: LeadEntity, m: C4cMapping, accountId?: string): LeadPatch {
  if (!m.leadStatus.converted || isConverted(lead, m)) return null;
  return diff(lead, {
    UserStatusCode: m.leadStatus.converted,
    AccountPartyID: lead.AccountPartyID ? undefined : accountId,
  });
}

/** A converted lead is final; without a converted status in the mapping, no lead counts as converted. */
export function isConverted(lead: LeadEntity, m: C4cMapping): boolean {
  return !!m.leadStatus.converted && lead.UserStatusCode === m.leadStatus.converted;
}

/** Fills an empty account; never replaces one (a person may have chosen it) and never touches a converted lead. */
export function accountPatch(lead: LeadEntity, accountId: string, m: C4cMapping): LeadPatch {
  if (lead.AccountPartyID || isConverted(lead, m)) return null;
  return diff(lead, { AccountPartyID: accountId });
}

/** The line a new 36One lead's note gets when no account could be chosen (read by sales in 36One). */
export function accountNote(account: AccountMatch, company: string | undefined): string | undefined {
  if (account.kind !== 'none' && account.kind !== 'ambiguous') return undefined;
  const hits = account.kind === 'ambiguous' ? `${account.count} Treffer` : 'kein Treffer';
  return `LeadBridge: kein eindeutiger Account für ${company ?? 'das Unternehmen'} (${hits}) – bitte in 36One zuordnen.`;
}

/** Appends a paragraph to the note unless it is already there (keeps retries idempotent). */
function appendNote(current: string | null | undefined, addition: string | undefined): string | undefined {
  if (!addition) return undefined;
  if (current?.includes(addition)) return current;
  return current ? `${current}\n\n${addition}` : addition;
}

function diff(lead: LeadEntity, want: Record<string, string | undefined>): LeadPatch {
  const current = lead as Record<string, unknown>;
  const patch = Object.fromEntries(
    Object.entries(want).filter(([k, v]) => v !== undefined && (current[k] ?? '') !== v),
  ) as Record<string, string>;
  return Object.keys(patch).length ? patch : null;
}
