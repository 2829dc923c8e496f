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

/** Stores webhook events in one statement; returns those that were new (duplicates are dropped by the unique key). */
export async function storeInboxEvents<E extends InboxEvent>(db: Db, events: E[], now: number): Promise<E[]> {
  if (events.length === 0) return [];
  const inserted = await db
    .insertInto('webhook_events')
    .values(
      events.map((e) => ({
        dedupe_key: e.dedupeKey,
        fingerprint: e.fingerprint,
        portal_id: e.portalId,
        subscription_type: e.subscriptionType,
        object_id: e.objectId,
        property_name: e.propertyName,
        property_value: e.propertyValue,
        occurred_at: e.occurredAt,
        attempt_number: e.attemptNumber,
        received_at: now,
        payload: JSON.stringify(e.payload),
      })),
    )
    .onConflict((oc) => oc.columns(['dedupe_key', 'fingerprint']).doNothing())
    .returning(['dedupe_key', 'fingerprint'])
    .execute();
  const fresh = new Set(inserted.map((r) => `${r.dedupe_key}|${r.fingerprint}`));
  // The same event twice in one batch is inserted once: keep its first occurrence only.
  return events.filter((e) => fresh.delete(`${e.dedupeKey}|${e.fingerprint}`));
}
