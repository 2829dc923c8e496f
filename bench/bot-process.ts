/** LeadBridge as its own process for the benchmarks: the real composition root, configured by the environment. */
import { buildLeadBridge } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { listen } from '../src/http/server.js';
import { createLog } from '../src/log.js';
import { outboxStats } from '../src/store/jobs-repo.js';
import { serveIpc } from './lib/serve-ipc.js';

const config = loadConfig(process.env);
const log = createLog(config.logLevel);
const lb = await buildLeadBridge(config, log, { instanceId: process.env.BENCH_INSTANCE_ID || undefined });
const port = await listen(lb.server, 0, '127.0.0.1');
log.info({ port, database: lb.store.engine }, 'LeadBridge (bench) is listening');
serveIpc(port, { outbox: () => outboxStats(lb.store.db, Date.now()), stop: () => lb.close() });
