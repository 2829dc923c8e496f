import type { Db } from './db.js';

export interface InboxEvent {
  dedupeKey: string;
  fingerprint: string;
  portalId: number;
  subscriptionType: string;
  objectId: string;
  propertyName: string | null;
  propertyValue: string | null;
  occurredAt: number;
  attemptNumber: number;
  payload: unknown;
}

/** Stores webhook events; returns those that were new (duplicates are dropped by the unique key). */
export async function storeInboxEvents(db: Db, events: InboxEvent[], now: number): Promise<InboxEvent[]> {
  const fresh: InboxEvent[] = [];
  for (const e of events) {
    const res = await db.insertInto('webhook_events').values({
      dedupe_key: e.dedupeKey, fingerprint: e.fingerprint, portal_id: e.portalId, subscription_type: e.subscriptionType,
      object_id: e.objectId, property_name: e.propertyName, property_value: e.propertyValue, occurred_at: e.occurredAt,
      attempt_number: e.attemptNumber, received_at: now, payload: JSON.stringify(e.payload),
    }).onConflict((oc) => oc.columns(['dedupe_key', 'fingerprint']).doNothing()).executeTakeFirst();
    if (Number(res.numInsertedOrUpdatedRows ?? 0) === 1) fresh.push(e);
  }
  return fresh;
}
