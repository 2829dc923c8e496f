import { createRequire } from 'node:module';

/** Time spent per SQL text (prepare + execution), for diagnostics. */
export interface SqlStat {
  sql: string;
  calls: number;
  prepareMs: number;
  execMs: number;
}

/**
 * Diagnostics only: patches better-sqlite3 so every prepare/run/all/get is timed by SQL text (the
 * values differ, the text is what Kysely compiled). Call before the store is opened.
 */
export function recordSqliteStatements(): () => SqlStat[] {
  const Database = createRequire(import.meta.url)('better-sqlite3');
  const stats = new Map<string, SqlStat>();
  const stat = (sql: string) => {
    let s = stats.get(sql);
    if (!s) stats.set(sql, (s = { sql, calls: 0, prepareMs: 0, execMs: 0 }));
    return s;
  };
  const prepare = Database.prototype.prepare;
  Database.prototype.prepare = function (sql: string) {
    const t0 = performance.now();
    const stmt = prepare.call(this, sql);
    const s = stat(sql.replace(/\s+/g, ' ').trim());
    s.prepareMs += performance.now() - t0;
    for (const m of ['run', 'all', 'get']) {
      const f = stmt[m];
      stmt[m] = (...args: unknown[]) => {
        const t = performance.now();
        try {
          return f.apply(stmt, args);
        } finally {
          s.execMs += performance.now() - t;
          s.calls++;
        }
      };
    }
    return stmt;
  };
  return () => [...stats.values()].sort((a, b) => b.prepareMs + b.execMs - (a.prepareMs + a.execMs));
}
