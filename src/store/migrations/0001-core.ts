import type { Kysely, Migration } from 'kysely';
import type { Engine } from '../schema.js';

/** Leads and their audit trail, contact cycles, webhook events, the outbox, conversations and posted cards. */
export function coreMigration(engine: Engine): Migration {
  const idType = engine === 'postgres' ? 'bigserial' : 'integer';
  const id = (c: any) => (engine === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement());
  return {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('leads')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('portal_id', 'bigint', (c) => c.notNull())
        .addColumn('contact_id', 'text', (c) => c.notNull())
        .addColumn('cycle', 'integer', (c) => c.notNull())
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('owner_id', 'text')
        .addColumn('owner_email', 'text')
        .addColumn('owner_name', 'text')
        .addColumn('contact_json', 'text', (c) => c.notNull())
        .addColumn('company_json', 'text')
        .addColumn('bant_json', 'text')
        .addColumn('reject_reason', 'text')
        .addColumn('reject_note', 'text')
        .addColumn('c4c_lead_id', 'text')
        .addColumn('c4c_owner_mapped', 'integer')
        .addColumn('c4c_opportunity_id', 'text')
        .addColumn('mql_at', 'bigint', (c) => c.notNull())
        .addColumn('accepted_at', 'bigint')
        .addColumn('closed_at', 'bigint')
        .addColumn('reminded_at', 'bigint')
        .addColumn('escalated_at', 'bigint')
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('updated_at', 'bigint', (c) => c.notNull())
        .addUniqueConstraint('leads_contact_cycle', ['portal_id', 'contact_id', 'cycle'])
        .execute();
      await db.schema.createIndex('leads_owner_state').on('leads').columns(['owner_email', 'state']).execute();
      await db.schema.createIndex('leads_mql_at').on('leads').column('mql_at').execute();

      await db.schema
        .createTable('lead_events')
        .addColumn('id', idType, id)
        .addColumn('lead_id', 'text', (c) => c.notNull())
        .addColumn('at', 'bigint', (c) => c.notNull())
        .addColumn('actor_id', 'text', (c) => c.notNull())
        .addColumn('actor_name', 'text')
        .addColumn('action', 'text', (c) => c.notNull())
        .addColumn('from_state', 'text')
        .addColumn('to_state', 'text')
        .addColumn('source', 'text', (c) => c.notNull())
        .addColumn('detail_json', 'text')
        .execute();
      await db.schema.createIndex('lead_events_lead').on('lead_events').columns(['lead_id', 'at']).execute();

      await db.schema
        .createTable('contact_cycles')
        .addColumn('portal_id', 'bigint', (c) => c.notNull())
        .addColumn('contact_id', 'text', (c) => c.notNull())
        .addColumn('cycle', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('contact_cycles_pk', ['portal_id', 'contact_id'])
        .execute();

      await db.schema
        .createTable('webhook_events')
        .addColumn('id', idType, id)
        .addColumn('dedupe_key', 'text', (c) => c.notNull())
        .addColumn('fingerprint', 'text', (c) => c.notNull())
        .addColumn('portal_id', 'bigint', (c) => c.notNull())
        .addColumn('subscription_type', 'text', (c) => c.notNull())
        .addColumn('object_id', 'text', (c) => c.notNull())
        .addColumn('property_name', 'text')
        .addColumn('property_value', 'text')
        .addColumn('occurred_at', 'bigint', (c) => c.notNull())
        .addColumn('attempt_number', 'integer', (c) => c.notNull())
        .addColumn('received_at', 'bigint', (c) => c.notNull())
        .addColumn('payload', 'text', (c) => c.notNull())
        .addUniqueConstraint('webhook_events_dedupe', ['dedupe_key', 'fingerprint'])
        .execute();

      await db.schema
        .createTable('jobs')
        .addColumn('id', idType, id)
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('lead_id', 'text')
        .addColumn('order_key', 'text', (c) => c.notNull())
        .addColumn('payload', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('attempts', 'integer', (c) => c.notNull())
        .addColumn('run_at', 'bigint', (c) => c.notNull())
        .addColumn('lease_owner', 'text')
        .addColumn('lease_until', 'bigint')
        .addColumn('last_error', 'text')
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('updated_at', 'bigint', (c) => c.notNull())
        .addColumn('done_at', 'bigint')
        .execute();
      await db.schema.createIndex('jobs_due').on('jobs').columns(['status', 'run_at']).execute();
      await db.schema.createIndex('jobs_order').on('jobs').columns(['order_key', 'status', 'id']).execute();
      await db.schema.createIndex('jobs_lead').on('jobs').columns(['lead_id']).execute();

      await db.schema
        .createTable('conversations')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('user_id', 'text')
        .addColumn('aad_object_id', 'text')
        .addColumn('email', 'text')
        .addColumn('upn', 'text')
        .addColumn('name', 'text')
        .addColumn('tenant_id', 'text')
        .addColumn('locale', 'text')
        .addColumn('team_id', 'text')
        .addColumn('reference_json', 'text', (c) => c.notNull())
        .addColumn('blocked', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('updated_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('conversations_email').on('conversations').column('email').execute();

      await db.schema
        .createTable('card_posts')
        .addColumn('id', idType, id)
        .addColumn('lead_id', 'text', (c) => c.notNull())
        .addColumn('conversation_id', 'text', (c) => c.notNull())
        .addColumn('activity_id', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('posted_at', 'bigint', (c) => c.notNull())
        .addUniqueConstraint('card_posts_lead_conv', ['lead_id', 'conversation_id'])
        .execute();
    },
  };
}
