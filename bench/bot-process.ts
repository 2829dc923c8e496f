/** LeadBridge as its own process for the benchmarks: the real composition root, configured by the environment. */

import { sql } from 'kysely';
import { buildLeadBridge } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { listen } from '../src/http/server.js';
import { createLog } from '../src/log.js';
import { outboxStats } from '../src/store/jobs-repo.js';
import { serveIpc } from './lib/serve-ipc.js';
import { recordSqliteStatements } from './lib/sql-stats.js';

// BENCH_SQL_STATS=1 times every SQLite statement (diagnostics; slows the process a little).
const sqlStats = process.env.BENCH_SQL_STATS === '1' ? recordSqliteStatements() : undefined;

const config = loadConfig(process.env);
const log = createLog(config.logLevel);
// BENCH_WORKER=0 leaves the outbox worker off (diagnostics only: how much of a figure is background work).
const lb = await buildLeadBridge(config, log, {
  instanceId: process.env.BENCH_INSTANCE_ID || undefined,
  worker: process.env.BENCH_WORKER !== '0',
});
const port = await listen(lb.server, 0, '127.0.0.1');
log.info({ port, database: lb.store.engine }, 'LeadBridge (bench) is listening');
// "Drained" means no job is due: a job waiting for a later time (e.g. a digest for a manager who has not installed the bot) does not count.
const outbox = async () => {
  const now = Date.now();
  const due = await sql<{
    n: number;
  }>`select count(*) as n from jobs where status = 'pending' and run_at <= ${now}`.execute(lb.store.db);
  return { ...(await outboxStats(lb.store.db, now)), pending: Number(due.rows[0]?.n ?? 0) };
};
serveIpc(port, { outbox, sqlStats, ops: { 'worker-stop': () => lb.worker.stop() }, stop: () => lb.close() });
