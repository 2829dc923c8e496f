import type { Db } from './db.js';

export interface Pruned {
  jobs: number;
  webhookEvents: number;
}

/**
 * Deletes finished outbox jobs and stored webhook events older than `before`, in chunks so no statement holds
 * the database for long (cancelled ones too). Pending and dead jobs stay (dead ones are shown on cards with a retry button).
 * Webhook events only serve deduplication, and HubSpot stops retrying an event after a day.
 */
export async function pruneBefore(db: Db, before: number, chunk = 5_000): Promise<Pruned> {
  const pruned: Pruned = { jobs: 0, webhookEvents: 0 };
  for (;;) {
    const ids = db
      .selectFrom('jobs')
      .select('id')
      .where('status', 'in', ['done', 'cancelled'])
      .where('done_at', '<', before)
      .orderBy('id')
      .limit(chunk);
    const n = Number((await db.deleteFrom('jobs').where('id', 'in', ids).executeTakeFirst()).numDeletedRows);
    pruned.jobs += n;
    if (n < chunk) break;
  }
  for (;;) {
    const keys = db
      .selectFrom('webhook_events')
      .select('id')
      .where('received_at', '<', before)
      .orderBy('id')
      .limit(chunk);
    const n = Number((await db.deleteFrom('webhook_events').where('id', 'in', keys).executeTakeFirst()).numDeletedRows);
    pruned.webhookEvents += n;
    if (n < chunk) break;
  }
  return pruned;
}
