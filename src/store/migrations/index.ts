import { type Kysely, type Migration, type MigrationProvider, Migrator, sql } from 'kysely';
import type { Engine } from '../schema.js';
import { coreMigration } from './0001-core.js';
import { digestsAndSlaMigration } from './0002-digests-sla.js';
import { jobPriorityMigration } from './0003-job-priority.js';
import { c4cAccountMigration } from './0004-c4c-account.js';
import { inboxLanguageMigration } from './0006-inbox-language.js';
import { peopleMigration } from './0007-people.js';
import { rateBudgetsMigration } from './0008-rate-budgets.js';
import { privacyMigration } from './0009-privacy.js';
import { ownerActiveMigration } from './0010-owner-active.js';

/**
 * Migrations are code, in order (by name; the names are stored in every database, so they never change);
 * Kysely's migrator locks (an advisory lock on PostgreSQL) so instances may start together.
 */
function migrations(engine: Engine): Record<string, Migration> {
  return {
    '0001_core': coreMigration(engine),
    '0002_manager': digestsAndSlaMigration,
    '0003_job_priority': jobPriorityMigration,
    '0004_c4c_account': c4cAccountMigration,
    '0006_inbox_language': inboxLanguageMigration,
    '0007_people': peopleMigration,
    '0008_rate_budgets': rateBudgetsMigration,
    '0009_privacy': privacyMigration(engine),
    '0010_owner_active': ownerActiveMigration,
  };
}

/** Kysely's migrator over LeadBridge's migrations. */
async function migrator(db: Kysely<any>, engine: Engine): Promise<Migrator> {
  const provider: MigrationProvider = { getMigrations: async () => migrations(engine) };
  // On PostgreSQL the migration bookkeeping lives in the connection's own schema, so several LeadBridge schemas can share a database.
  const migrationTableSchema =
    engine === 'postgres' ? (await sql<{ s: string }>`select current_schema() as s`.execute(db)).rows[0]?.s : undefined;
  return new Migrator({ db, provider, ...(migrationTableSchema ? { migrationTableSchema } : {}) });
}

export async function migrate(db: Kysely<any>, engine: Engine): Promise<void> {
  const { error, results } = await (await migrator(db, engine)).migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed)
    throw new Error(
      `Database migration failed${failed ? ` at ${failed.migrationName}` : ''}: ${String((error as Error)?.message ?? error)}`,
    );
}

/** Which migrations this version knows, split into applied and pending (nothing is changed). */
export async function migrationState(
  db: Kysely<any>,
  engine: Engine,
): Promise<{ applied: string[]; pending: string[] }> {
  const all = await (await migrator(db, engine)).getMigrations();
  return {
    applied: all.filter((m) => m.executedAt).map((m) => m.name),
    pending: all.filter((m) => !m.executedAt).map((m) => m.name),
  };
}
