import { type Kysely, type Migration, sql } from 'kysely';

/**
 * Jobs get a priority (0 = cards in Teams, 1 = everything else) so the claim query can walk an index in
 * claim order and stop after `limit` rows, instead of sorting every due job on each claim.
 */
export const jobPriorityMigration: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .alterTable('jobs')
      .addColumn('priority', 'integer', (c) => c.notNull().defaultTo(1))
      .execute();
    await sql`update jobs set priority = 0 where kind like 'teams.%'`.execute(db);
    await db.schema.createIndex('jobs_claim').on('jobs').columns(['status', 'priority', 'run_at', 'id']).execute();
    // Its prefix serves every query jobs_due served; keeping both lets the planner sort instead of walking jobs_claim.
    await db.schema.dropIndex('jobs_due').execute();
  },
  async down(db: Kysely<any>) {
    await db.schema.createIndex('jobs_due').on('jobs').columns(['status', 'run_at']).execute();
    await db.schema.dropIndex('jobs_claim').execute();
    await db.schema.alterTable('jobs').dropColumn('priority').execute();
  },
};
