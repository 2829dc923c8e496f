import { existsSync } from 'node:fs';
import { openStore, type Store, selectOne, sqlitePath } from '../../store/db.js';
import { migrationState } from '../../store/migrations/index.js';
import { type Check, fail, ok } from '../types.js';

/** Where the database is, without credentials. */
function where(url: string): string {
  if (url.startsWith('sqlite:')) return `SQLite ${sqlitePath(url)}`;
  try {
    return `PostgreSQL ${new URL(url).host}`;
  } catch {
    return 'PostgreSQL';
  }
}

/** pg reports a refused connection to several addresses as an AggregateError without a message. */
function reasonOf(err: unknown): string {
  const e = err as Error & { code?: string; errors?: Array<{ message?: string }> };
  return e.message || e.code || e.errors?.[0]?.message || String(err);
}

/**
 * Reachable and migrated to this version. Never migrates: with `store` (the bot's own) it is used as is,
 * otherwise the database is opened without migrating, and a missing SQLite file is not created.
 */
export function databaseCheck(url: string, store?: Store): Check {
  return {
    id: 'database',
    name: 'Database',
    async run() {
      const at = where(url);
      if (!store && url.startsWith('sqlite:') && sqlitePath(url) !== ':memory:' && !existsSync(sqlitePath(url))) {
        return fail(
          `${at} does not exist yet`,
          'start LeadBridge once: it creates the database and applies the migrations; or correct DATABASE_URL',
        );
      }
      const s = store ?? (await openStore(url, { migrate: false }));
      try {
        try {
          await selectOne(s.db);
        } catch (err) {
          return fail(
            `${at} unreachable: ${reasonOf(err)}`,
            'check DATABASE_URL (host, port, user, password) and that the database server runs',
          );
        }
        const { applied, pending } = await migrationState(s.db, s.engine);
        if (pending.length) {
          return fail(
            `${at} reachable; ${pending.length} migration(s) pending: ${pending.join(', ')}`,
            'start LeadBridge once (it applies pending migrations at start), then run the doctor again',
          );
        }
        return ok(`${at} reachable, migrations current (${applied.length} applied)`);
      } finally {
        if (!store) await s.close();
      }
    },
  };
}
