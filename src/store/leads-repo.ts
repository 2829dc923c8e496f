import type { Selectable } from 'kysely';
import type { LeadState } from '../domain/lead.js';
import type { C4cAccountMatch, Lead, LeadEvent } from '../domain/model.js';
import type { Db } from './db.js';
import type { LeadEventsTable, LeadsTable } from './schema.js';

const json = <T>(s: string | null): T | null => (s ? (JSON.parse(s) as T) : null);

export function toLead(r: Selectable<LeadsTable>): Lead {
  return {
    id: r.id,
    portalId: Number(r.portal_id),
    contactId: r.contact_id,
    cycle: r.cycle,
    state: r.state as LeadState,
    version: r.version,
    owner: {
      id: r.owner_id,
      email: r.owner_email,
      name: r.owner_name,
      ...(r.owner_active === 0 ? { active: false } : {}),
    },
    contact: JSON.parse(r.contact_json),
    company: json(r.company_json),
    bant: json(r.bant_json),
    rejectReason: r.reject_reason as Lead['rejectReason'],
    rejectNote: r.reject_note,
    c4cLeadId: r.c4c_lead_id,
    c4cOwnerMapped: r.c4c_owner_mapped == null ? null : r.c4c_owner_mapped === 1,
    c4cOpportunityId: r.c4c_opportunity_id,
    // Optional in `Lead`: present only once the 36One handover decided the account.
    ...(r.c4c_account_id != null ? { c4cAccountId: r.c4c_account_id } : {}),
    ...(r.c4c_account_match != null ? { c4cAccountMatch: r.c4c_account_match as C4cAccountMatch } : {}),
    mqlAt: Number(r.mql_at),
    acceptedAt: r.accepted_at == null ? null : Number(r.accepted_at),
    closedAt: r.closed_at == null ? null : Number(r.closed_at),
    remindedAt: r.reminded_at == null ? null : Number(r.reminded_at),
    escalatedAt: r.escalated_at == null ? null : Number(r.escalated_at),
    createdAt: Number(r.created_at),
    updatedAt: Number(r.updated_at),
    ...(r.erased_at != null ? { erasedAt: Number(r.erased_at) } : {}),
  };
}

/** The columns a `Lead` holds (the SLA start is written only by `restartSla`, the erasure only by erasure-repo). */
export function toRow(l: Lead): Omit<Selectable<LeadsTable>, 'sla_started_at' | 'erased_at' | 'erased_reason'> {
  return {
    id: l.id,
    portal_id: l.portalId,
    contact_id: l.contactId,
    cycle: l.cycle,
    state: l.state,
    version: l.version,
    owner_id: l.owner.id,
    owner_email: l.owner.email?.toLowerCase() ?? null,
    owner_name: l.owner.name,
    owner_active: l.owner.active === false ? 0 : null,
    contact_json: JSON.stringify(l.contact),
    company_json: l.company ? JSON.stringify(l.company) : null,
    bant_json: l.bant ? JSON.stringify(l.bant) : null,
    reject_reason: l.rejectReason,
    reject_note: l.rejectNote,
    c4c_lead_id: l.c4cLeadId,
    c4c_owner_mapped: l.c4cOwnerMapped == null ? null : l.c4cOwnerMapped ? 1 : 0,
    c4c_opportunity_id: l.c4cOpportunityId,
    c4c_account_id: l.c4cAccountId ?? null,
    c4c_account_match: l.c4cAccountMatch ?? null,
    mql_at: l.mqlAt,
    accepted_at: l.acceptedAt,
    closed_at: l.closedAt,
    reminded_at: l.remindedAt,
    escalated_at: l.escalatedAt,
    created_at: l.createdAt,
    updated_at: l.updatedAt,
  };
}

export async function getLead(db: Db, id: string): Promise<Lead | null> {
  const r = await db.selectFrom('leads').selectAll().where('id', '=', id).executeTakeFirst();
  return r ? toLead(r) : null;
}

export async function findLeadByCycle(
  db: Db,
  portalId: number,
  contactId: string,
  cycle: number,
): Promise<Lead | null> {
  const r = await db
    .selectFrom('leads')
    .selectAll()
    .where('portal_id', '=', portalId)
    .where('contact_id', '=', contactId)
    .where('cycle', '=', cycle)
    .executeTakeFirst();
  return r ? toLead(r) : null;
}

/** Inserts a lead; false when the contact already has one in this cycle. */
export async function insertLead(db: Db, lead: Lead): Promise<boolean> {
  const res = await db
    .insertInto('leads')
    .values(toRow(lead))
    .onConflict((oc) => oc.columns(['portal_id', 'contact_id', 'cycle']).doNothing())
    .executeTakeFirst();
  return Number(res.numInsertedOrUpdatedRows ?? 0) === 1;
}

/** Writes `next` only if the stored version is still `expectedVersion`: the loser of two clicks gets false. */
export async function updateLeadIfVersion(db: Db, next: Lead, expectedVersion: number): Promise<boolean> {
  // The 36One columns belong to the 36One effects (setC4cRefs): a card action must not overwrite them with what it read.
  const {
    id: _id,
    c4c_lead_id: _l,
    c4c_owner_mapped: _o,
    c4c_opportunity_id: _p,
    c4c_account_id: _a,
    c4c_account_match: _m,
    ...row
  } = toRow(next);
  const res = await db
    .updateTable('leads')
    .set(row)
    .where('id', '=', next.id)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

export async function addLeadEvent(db: Db, leadId: string, e: LeadEvent): Promise<void> {
  await db
    .insertInto('lead_events')
    .values({
      lead_id: leadId,
      at: e.at,
      actor_id: e.actor.id,
      actor_name: e.actor.name,
      action: e.action,
      from_state: e.fromState,
      to_state: e.toState,
      source: e.source,
      detail_json: e.detail ? JSON.stringify(e.detail) : null,
    })
    .execute();
}

export const toLeadEvent = (r: Selectable<LeadEventsTable>): LeadEvent => ({
  at: Number(r.at),
  actor: { id: r.actor_id, name: r.actor_name },
  action: r.action,
  fromState: r.from_state as LeadState | null,
  toState: r.to_state as LeadState | null,
  source: r.source as LeadEvent['source'],
  detail: json(r.detail_json),
});

export async function leadEvents(db: Db, leadId: string): Promise<LeadEvent[]> {
  const rows = await db
    .selectFrom('lead_events')
    .selectAll()
    .where('lead_id', '=', leadId)
    .orderBy('at')
    .orderBy('id')
    .execute();
  return rows.map(toLeadEvent);
}

/** The lead reached a new owner while waiting for an answer: its SLA counts from now. */
/** The lead's owner has been archived in HubSpot since the lead was made: marked, the owner itself kept. */
export async function markOwnerInactive(db: Db, leadId: string): Promise<void> {
  await db.updateTable('leads').set({ owner_active: 0 }).where('id', '=', leadId).execute();
}

export async function restartSla(db: Db, leadId: string, now: number): Promise<void> {
  await db.updateTable('leads').set({ sla_started_at: now }).where('id', '=', leadId).execute();
}

/** How many leads are in each state (for the metrics scrape). */
export async function countLeadsByState(db: Db): Promise<Record<string, number>> {
  const rows = await db
    .selectFrom('leads')
    .select((eb) => ['state', eb.fn.countAll<number>().as('n')])
    .groupBy('state')
    .execute();
  return Object.fromEntries(rows.map((r) => [r.state, Number(r.n)]));
}

export async function openLeadsOfOwner(db: Db, ownerEmail: string): Promise<Lead[]> {
  const rows = await db
    .selectFrom('leads')
    .selectAll()
    .where('owner_email', '=', ownerEmail.toLowerCase())
    .where('state', 'in', ['MQL', 'SAL', 'SQL'])
    .orderBy('mql_at')
    .execute();
  return rows.map(toLead);
}

export async function getContactCycle(db: Db, portalId: number, contactId: string): Promise<number> {
  const r = await db
    .selectFrom('contact_cycles')
    .select('cycle')
    .where('portal_id', '=', portalId)
    .where('contact_id', '=', contactId)
    .executeTakeFirst();
  return r?.cycle ?? 1;
}

export async function setContactCycle(db: Db, portalId: number, contactId: string, cycle: number): Promise<void> {
  await db
    .insertInto('contact_cycles')
    .values({ portal_id: portalId, contact_id: contactId, cycle })
    .onConflict((oc) => oc.columns(['portal_id', 'contact_id']).doUpdateSet({ cycle }))
    .execute();
}

/** Records 36One ids on a lead; not a state change, so the card version stays. */
export async function setC4cRefs(
  db: Db,
  leadId: string,
  refs: {
    c4cLeadId?: string;
    ownerMapped?: boolean;
    opportunityId?: string;
    /** The 36One account (party id, null when there is none) and how it was decided. */
    account?: { id: string | null; match: C4cAccountMatch | null };
  },
): Promise<void> {
  await db
    .updateTable('leads')
    .set({
      ...(refs.account !== undefined ? { c4c_account_id: refs.account.id, c4c_account_match: refs.account.match } : {}),
      ...(refs.c4cLeadId !== undefined ? { c4c_lead_id: refs.c4cLeadId } : {}),
      ...(refs.ownerMapped !== undefined ? { c4c_owner_mapped: refs.ownerMapped ? 1 : 0 } : {}),
      ...(refs.opportunityId !== undefined ? { c4c_opportunity_id: refs.opportunityId } : {}),
    })
    .where('id', '=', leadId)
    .execute();
}
