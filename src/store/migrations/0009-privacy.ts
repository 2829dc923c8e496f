import type { Kysely, Migration } from 'kysely';
import type { Engine } from '../schema.js';

/**
 * Erasure and retention: when a lead's personal data was erased (`erased_at`) and why (`erased_reason`: a HubSpot
 * (privacy) deletion, a request by hand, or the retention limit); the reminders and escalations posted about a lead
 * (`lead_messages`, so an erasure can replace them too); indexes for closed leads past the limit and a contact's events.
 */
export function privacyMigration(engine: Engine): Migration {
  const idType = engine === 'postgres' ? 'bigserial' : 'integer';
  const id = (c: any) => (engine === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement());
  return {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('lead_messages')
        .addColumn('id', idType, id)
        .addColumn('lead_id', 'text', (c) => c.notNull())
        .addColumn('conversation_id', 'text', (c) => c.notNull())
        .addColumn('activity_id', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('posted_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('lead_messages_lead').on('lead_messages').column('lead_id').execute();
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
      await db.schema.dropTable('lead_messages').execute();
    },
  };
}
