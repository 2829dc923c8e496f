import type { Kysely, Migration } from 'kysely';

/**
 * The starts counted against budgets that every instance shares (Teams per app and per conversation, HubSpot per
 * app): one row per start, by bucket; rows older than the longest window are deleted as new ones come.
 */
export const rateBudgetsMigration: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('rate_starts')
      .addColumn('bucket', 'text', (c) => c.notNull())
      .addColumn('at', 'bigint', (c) => c.notNull())
      // A Teams send in flight (1) counts as happening now until it is finished: then `at` becomes its end.
      .addColumn('open', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('ref', 'text')
      .execute();
    await db.schema.createIndex('rate_starts_ref').on('rate_starts').column('ref').execute();
    await db.schema.createIndex('rate_starts_bucket_at').on('rate_starts').columns(['bucket', 'at']).execute();
    await db.schema.createIndex('rate_starts_at').on('rate_starts').column('at').execute();
  },
  async down(db: Kysely<any>) {
    await db.schema.dropTable('rate_starts').execute();
  },
};
