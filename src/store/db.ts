import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, sql } from 'kysely';
import pg from 'pg';
import { migrate } from './migrations/index.js';
import type { Database, Engine } from './schema.js';

export type Db = Kysely<Database>;

export interface Store {
  db: Db;
  engine: Engine;
  /** true when the database answers a trivial query. */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

// bigint columns hold millisecond timestamps, well inside Number's safe range.
pg.types.setTypeParser(20, (v) => Number(v));

/** Opens the store named by DATABASE_URL (`sqlite:<file>` or `postgres://…`) and runs the migrations. */
export async function openStore(url: string, opts: { migrate?: boolean } = {}): Promise<Store> {
  const { db, engine } = url.startsWith('sqlite:') ? openSqlite(sqlitePath(url)) : openPostgres(url);
  if (opts.migrate !== false) await migrate(db, engine);
  return {
    db,
    engine,
    async ping() {
      try {
        await selectOne(db);
        return true;
      } catch {
        return false;
      }
    },
    close: () => db.destroy(),
  };
}

/** A trivial query: throws the driver's error when the database does not answer. */
export async function selectOne(db: Db): Promise<void> {
  await sql`select 1`.execute(db);
}

/** The file a `sqlite:` DATABASE_URL names (`:memory:` when none). */
export const sqlitePath = (url: string) => url.slice('sqlite:'.length).replace(/^\/\//, '') || ':memory:';

function openSqlite(path: string) {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const database = new SQLite(path);
  database.pragma('journal_mode = WAL');
  database.pragma('synchronous = NORMAL');
  database.pragma('busy_timeout = 5000');
  database.pragma('foreign_keys = ON');
  // Deleted and overwritten content is zeroed in the file, so an erased person cannot be read from free space (PRIVACY.md).
  database.pragma('secure_delete = ON');
  return {
    db: new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(database) }) }),
    engine: 'sqlite' as const,
  };
}

/**
 * Kysely prepares every query anew and better-sqlite3 does not cache: preparing was ~8 % of the process's
 * CPU under load. Statements are reused by SQL text (safe: Kysely's single connection, LeadBridge never streams).
 */
function withStatementCache(database: SQLite.Database, max = 500) {
  const cache = new Map<string, SQLite.Statement>();
  return {
    close: () => database.close(),
    prepare(text: string) {
      let stmt = cache.get(text);
      if (!stmt) {
        stmt = database.prepare(text);
        if (cache.size >= max) cache.delete(cache.keys().next().value!);
        cache.set(text, stmt);
      }
      return stmt;
    },
  };
}

function openPostgres(url: string) {
  const pool = new pg.Pool({ connectionString: url, max: 10, connectionTimeoutMillis: 5_000 });
  // A restarted server drops its connections: the pool replaces idle ones, and a query on a dropped one
  // fails on its own (the caller retries). Without these listeners the dropped socket's 'error' would end the process.
  pool.on('error', () => {});
  pool.on('connect', (client) => client.on('error', () => {}));
  return { db: new Kysely<Database>({ dialect: new PostgresDialect({ pool }) }), engine: 'postgres' as const };
}
