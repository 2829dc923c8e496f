import { buildLeadBridge } from './app.js';
import { ConfigError, loadConfig } from './config.js';
import { listen } from './http/server.js';
import { createLog } from './log.js';

/** Starts LeadBridge from the environment. */
async function main() {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(1);
    }
    throw err;
  }
  const log = createLog(config.logLevel);
  const lb = await buildLeadBridge(config, log);
  const port = await listen(lb.server, config.port);
  log.info(
    {
      port,
      database: lb.store.engine,
      auth: config.bot ? `on (${config.bot.type})` : 'off (no BOT_ID)',
      tenant: config.tenantId ?? 'any (BOT_TENANT_ID unset)',
      c4c: Boolean(config.c4c),
    },
    'LeadBridge is listening',
  );
  const stop = async (signal: string) => {
    log.info({ signal }, 'shutting down');
    await lb.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((err) => {
  console.error(`LeadBridge could not start: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
