import type { Kysely, Migration } from 'kysely';

/** Digests sent (one per manager and day), digest pauses, and the SLA start of a lead's current owner. */
export const digestsAndSlaMigration: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('digests')
      .addColumn('manager_email', 'text', (c) => c.notNull())
      .addColumn('day', 'text', (c) => c.notNull())
      .addColumn('window_start', 'bigint', (c) => c.notNull())
      .addColumn('window_end', 'bigint', (c) => c.notNull())
      .addColumn('claimed_at', 'bigint', (c) => c.notNull())
      .addColumn('claimed_by', 'text', (c) => c.notNull())
      .addColumn('sent_at', 'bigint')
      .addColumn('activity_id', 'text')
      .addPrimaryKeyConstraint('digests_manager_day', ['manager_email', 'day'])
      .execute();
    await db.schema
      .createTable('digest_prefs')
      .addColumn('manager_email', 'text', (c) => c.primaryKey())
      .addColumn('paused', 'integer', (c) => c.notNull())
      .addColumn('updated_at', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema.alterTable('leads').addColumn('sla_started_at', 'bigint').execute();
    await db.schema.createIndex('leads_state_mql_at').on('leads').columns(['state', 'mql_at']).execute();
  },
  async down(db: Kysely<any>) {
    await db.schema.dropIndex('leads_state_mql_at').execute();
    await db.schema.alterTable('leads').dropColumn('sla_started_at').execute();
    await db.schema.dropTable('digest_prefs').execute();
    await db.schema.dropTable('digests').execute();
  },
};
