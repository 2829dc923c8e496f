import { type Selectable, sql } from 'kysely';
import { isOpen, type LeadState } from '../domain/lead.js';
import { type ErasureReason, erasedBant, erasedContact, erasedEventDetail } from '../domain/privacy.js';
import type { Db, Store } from './db.js';
import type { LeadsTable } from './schema.js';

type LeadRow = Selectable<LeadsTable>;

/**
 * THE list of the columns of `leads` that can hold personal data of the contact, with what erasure leaves in them.
 * A new column on `leads` must be added here or to KEPT_LEAD_COLUMNS (test/privacy checks that every column is in one).
 */
export const PERSONAL_LEAD_COLUMNS = {
  /** The HubSpot contact as read: only its record id stays (new properties read later are dropped with the rest). */
  contact_json: (r: LeadRow) => JSON.stringify(erasedContact(JSON.parse(r.contact_json))),
  /** The company (a small firm's name can name the person). */
  company_json: () => null,
  /** BANT notes, authors and close date; the yes/no answers stay. */
  bant_json: (r: LeadRow) => {
    const bant = erasedBant(r.bant_json ? JSON.parse(r.bant_json) : null);
    return bant ? JSON.stringify(bant) : null;
  },
  reject_note: () => null,
  /** The person's lead and opportunity in 36One (LeadBridge does not delete there; it forgets the link). */
  c4c_lead_id: () => null,
  c4c_opportunity_id: () => null,
} satisfies Partial<Record<keyof LeadsTable, (r: LeadRow) => string | null>>;

/** What managers' figures need (ids, states, times, the owner, the reject reason) and the erasure marker: kept. */
export const KEPT_LEAD_COLUMNS: ReadonlyArray<keyof LeadsTable> = [
  'id',
  'portal_id',
  'contact_id',
  'cycle',
  'state',
  'version',
  'owner_id',
  'owner_email',
  'owner_name',
  'owner_active',
  'reject_reason',
  'c4c_owner_mapped',
  'c4c_account_id',
  'c4c_account_match',
  'mql_at',
  'accepted_at',
  'closed_at',
  'reminded_at',
  'escalated_at',
  'created_at',
  'updated_at',
  'sla_started_at',
  'erased_at',
  'erased_reason',
];

/** Columns of the other tables that can hold the contact's data: `lead_events.detail_json` (filtered), `jobs.payload`
 * and `jobs.last_error` (replaced), `webhook_events` (rows deleted). */
export const PERSONAL_COLUMNS_ELSEWHERE = {
  lead_events: ['detail_json'],
  jobs: ['payload', 'last_error'],
  webhook_events: ['*'],
} as const;

/** The ids of a contact's leads whose data is still there (any portal when `portalId` is not given). */
export async function unerasedLeadsOfContact(db: Db, contactId: string, portalId?: number): Promise<string[]> {
  let q = db.selectFrom('leads').select('id').where('contact_id', '=', contactId).where('erased_at', 'is', null);
  if (portalId !== undefined) q = q.where('portal_id', '=', portalId);
  return (await q.orderBy('created_at').execute()).map((r) => r.id);
}

/** Closed leads (rejected, opportunity) closed before `before` whose data is still there, oldest first. */
export async function leadsPastRetention(db: Db, before: number, limit: number): Promise<string[]> {
  const rows = await db
    .selectFrom('leads')
    .select('id')
    .where('erased_at', 'is', null)
    .where('state', 'in', ['REJECTED', 'OPPORTUNITY'])
    .where('closed_at', '<', before)
    .orderBy('closed_at')
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows.map((r) => r.id);
}

export interface ErasedLead {
  id: string;
  fromState: LeadState;
  toState: LeadState;
}

/**
 * Erases the personal data of these leads (call inside a transaction): the personal columns, the audit entries'
 * free text, the payloads and errors of their outbox jobs; their pending (and failed) jobs are cancelled, so nothing
 * more about the person goes to HubSpot, 36One or Teams. An open lead is closed as ERASED. Leads already erased are
 * skipped. Returns the leads erased now.
 */
export async function eraseLeadRows(db: Db, ids: string[], now: number, reason: ErasureReason): Promise<ErasedLead[]> {
  if (ids.length === 0) return [];
  const rows = await db.selectFrom('leads').selectAll().where('id', 'in', ids).where('erased_at', 'is', null).execute();
  const erased: ErasedLead[] = [];
  for (const r of rows) {
    const personal = Object.fromEntries(Object.entries(PERSONAL_LEAD_COLUMNS).map(([col, f]) => [col, f(r)]));
    const state = r.state as LeadState;
    const toState: LeadState = isOpen(state) ? 'ERASED' : state;
    const res = await db
      .updateTable('leads')
      .set({
        ...personal,
        state: toState,
        version: r.version + 1,
        closed_at: r.closed_at ?? now,
        updated_at: now,
        erased_at: now,
        erased_reason: reason,
      })
      .where('id', '=', r.id)
      .where('erased_at', 'is', null)
      .executeTakeFirst();
    // Another instance erasing the same lead at once: only one of them counts it.
    if (Number(res.numUpdatedRows) === 1) erased.push({ id: r.id, fromState: state, toState });
  }
  const leadIds = erased.map((e) => e.id);
  if (leadIds.length === 0) return [];
  const events = await db
    .selectFrom('lead_events')
    .select(['id', 'detail_json'])
    .where('lead_id', 'in', leadIds)
    .where('detail_json', 'is not', null)
    .execute();
  for (const e of events) {
    const detail = erasedEventDetail(JSON.parse(e.detail_json!));
    await db
      .updateTable('lead_events')
      .set({ detail_json: detail ? JSON.stringify(detail) : null })
      .where('id', '=', e.id)
      .execute();
  }
  await db
    .updateTable('jobs')
    .set({
      status: 'cancelled',
      lease_owner: null,
      lease_until: null,
      done_at: now,
      updated_at: now,
    })
    .where('lead_id', 'in', leadIds)
    .where('status', 'in', ['pending', 'dead'])
    .execute();
  // A job's payload keeps only its lead; an error text may quote what HubSpot or 36One said about the person.
  for (const id of leadIds) {
    await db
      .updateTable('jobs')
      .set({ payload: JSON.stringify({ leadId: id }), last_error: null })
      .where('lead_id', '=', id)
      .execute();
  }
  return erased;
}

/** Cancels the contact's waiting evaluations (one running now finishes first: the erasure job waits in its queue). */
export async function cancelWaitingEvaluations(db: Db, orderKey: string, now: number): Promise<number> {
  const r = await db
    .updateTable('jobs')
    .set({ status: 'cancelled', done_at: now, updated_at: now })
    .where('order_key', '=', orderKey)
    .where('kind', '=', 'contact.evaluate')
    .where('status', '=', 'pending')
    .where('lease_owner', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

const ID_FIELDS = ['objectId', 'primaryObjectId', 'newObjectId', 'fromObjectId', 'toObjectId'] as const;

/** Whether a stored webhook payload names the contact (as the object, a merge's part or an association's end). */
function names(payload: string, contactId: string): boolean {
  try {
    const e = JSON.parse(payload) as Record<string, unknown>;
    if (ID_FIELDS.some((f) => String(e[f] ?? '') === contactId)) return true;
    return Array.isArray(e.mergedObjectIds) && e.mergedObjectIds.some((id) => String(id) === contactId);
  } catch {
    return false;
  }
}

/** Deletes the stored webhook events that name the contact; returns how many. */
export async function deleteWebhookEventsOfContact(db: Db, contactId: string, portalId?: number): Promise<number> {
  let q = db
    .selectFrom('webhook_events')
    .select(['id', 'object_id', 'payload'])
    .where((eb) => eb.or([eb('object_id', '=', contactId), eb('payload', 'like', `%${contactId}%`)]));
  if (portalId !== undefined) q = q.where('portal_id', '=', portalId);
  const ids = (await q.execute())
    .filter((r) => r.object_id === contactId || names(r.payload, contactId))
    .map((r) => Number(r.id));
  let n = 0;
  for (let i = 0; i < ids.length; i += 500) {
    const part = ids.slice(i, i + 500);
    n += Number((await db.deleteFrom('webhook_events').where('id', 'in', part).executeTakeFirst()).numDeletedRows);
  }
  return n;
}

/**
 * After an erasure: on SQLite the write-ahead log is copied into the database file and truncated, so the old page
 * images with the erased values are gone (`secure_delete` zeroes freed space in the file itself, see db.ts). On
 * PostgreSQL old row versions stay until VACUUM reuses them (PRIVACY.md).
 */
export async function flushErasure(store: Store): Promise<void> {
  if (store.engine === 'sqlite') await sql`pragma wal_checkpoint(TRUNCATE)`.execute(store.db);
}
