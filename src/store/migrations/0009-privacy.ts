import type { Kysely, Migration } from 'kysely';

/**
 * Erasure and retention: when a lead's personal data was erased (`erased_at`) and why (`erased_reason`: a HubSpot
 * (privacy) deletion, a request by hand, or the retention limit); indexes for finding closed leads past the limit and
 * the stored webhook events of a contact.
 */
export const privacyMigration: Migration = {
  async up(db: Kysely<any>) {
    await db.schema.alterTable('leads').addColumn('erased_at', 'bigint').execute();
    await db.schema.alterTable('leads').addColumn('erased_reason', 'text').execute();
    await db.schema.createIndex('leads_closed_at').on('leads').column('closed_at').execute();
    await db.schema.createIndex('leads_contact').on('leads').column('contact_id').execute();
    await db.schema.createIndex('webhook_events_object').on('webhook_events').column('object_id').execute();
  },
  async down(db: Kysely<any>) {
    await db.schema.dropIndex('webhook_events_object').execute();
    await db.schema.dropIndex('leads_contact').execute();
    await db.schema.dropIndex('leads_closed_at').execute();
    await db.schema.alterTable('leads').dropColumn('erased_reason').execute();
    await db.schema.alterTable('leads').dropColumn('erased_at').execute();
  },
};
