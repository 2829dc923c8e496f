import type { Server } from 'restify';
import { createSalesCloud } from './c4c/client.js';
import { loadC4cMapping } from './c4c/mapping.js';
import type { SalesCloud } from './c4c/types.js';
import type { Config } from './config.js';
import { createHubSpot } from './hubspot/client.js';
import type { HubSpot } from './hubspot/types.js';
import { createAdapter } from './bot/adapter.js';
import { createBotApp } from './bot/app.js';
import type { ChatBrain } from './bot/messages.js';
import { createTeamsOutbound } from './bot/teams-outbound.js';
import { createServer } from './http/server.js';
import { webhookRoute } from './http/webhook-route.js';
import { systemClock, type Clock } from './lib/clock.js';
import type { Log } from './log.js';
import { OutboxWorker } from './outbox/worker.js';
import type { Deps } from './services/deps.js';
import { jobHandlers } from './services/handlers.js';
import { JOB, orderKey } from './services/job-kinds.js';
import { enqueue } from './store/jobs-repo.js';
import { openStore, type Store } from './store/db.js';
import { createChatBrain, hubspotCompanies } from './chat-brain.js';

export interface Overrides {
  clock?: Clock;
  hubspot?: HubSpot;
  salesCloud?: SalesCloud | null;
  /** Start the outbox worker (default true). */
  worker?: boolean;
  instanceId?: string;
  hubspotMaxRequestsPerSecond?: number;
}

export interface LeadBridge {
  deps: Deps;
  server: Server;
  worker: OutboxWorker;
  store: Store;
  close(): Promise<void>;
}

/** The composition root: builds every part from the validated config. */
export async function buildLeadBridge(config: Config, log: Log, o: Overrides = {}): Promise<LeadBridge> {
  const store = await openStore(config.databaseUrl);
  const clock = o.clock ?? systemClock;
  const hubspot = o.hubspot ?? createHubSpot({
    accessToken: config.hubspot.accessToken, baseUrl: config.hubspot.baseUrl, appUrl: config.hubspot.appUrl,
    scoreProperty: config.hubspot.scoreProperty, timeoutMs: config.hubspot.timeoutMs, maxRequestsPerSecond: o.hubspotMaxRequestsPerSecond ?? config.hubspot.maxRequestsPerSecond,
  });
  const salesCloud = o.salesCloud === null ? undefined : o.salesCloud ?? (config.c4c
    ? createSalesCloud({ baseUrl: config.c4c.baseUrl, username: config.c4c.username, password: config.c4c.password, mapping: loadC4cMapping(config.c4c.mappingFile), log })
    : undefined);
  if (!salesCloud) log.info('36One handover not configured (C4C_BASE_URL unset): leads stay in HubSpot and Teams only');
  const adapter = createAdapter(config.bot);
  let worker: OutboxWorker | undefined;
  const deps: Deps = {
    store, clock, log, hubspot, salesCloud,
    teams: createTeamsOutbound(adapter, config.bot?.appId ?? ''),
    settings: {
      mqlRule: { threshold: config.hubspot.mqlThreshold, mqlStage: config.hubspot.stages.mql },
      writeBack: { stages: config.hubspot.stages, leadStatus: config.hubspot.leadStatus, rejectReasonProperty: config.hubspot.rejectReasonProperty },
      permissions: { admins: config.admins },
      rejectReasons: config.rejectReasons,
      defaultLocale: config.defaultLocale,
      leadInboxChannelId: config.leadInboxChannelId,
      timeZone: config.timeZone,
    },
    kick: () => worker?.kick(),
  };
  worker = new OutboxWorker({
    store, log, clock, handlers: jobHandlers(deps), concurrency: config.worker.concurrency, pollMs: config.worker.pollMs, leaseMs: config.worker.leaseMs,
    instanceId: o.instanceId,
    onDead: async (job) => {
      if (!job.leadId || job.kind === JOB.refreshCards) return;
      await enqueue(store.db, [{ kind: JOB.refreshCards, leadId: job.leadId, orderKey: orderKey.teams(job.leadId), payload: { leadId: job.leadId } }], clock.now());
      worker?.kick();
    },
  });
  const brain: ChatBrain = createChatBrain(hubspotCompanies(hubspot, config.hubspot.portalId));
  const app = createBotApp(adapter, deps, brain, config.bot?.appId);
  const server = createServer({
    messages: (req, res) => adapter.process(req as any, res as any, (ctx) => app.run(ctx).then(() => undefined)),
    webhook: webhookRoute(deps, { clientSecret: config.hubspot.clientSecret, publicBaseUrl: config.publicBaseUrl }),
    ready: () => store.ping(),
  }, { log, maxBodyBytes: config.webhookMaxBytes });
  if (o.worker !== false) await worker.start();
  return {
    deps, server, worker, store,
    async close() {
      server.close();
      await worker!.stop();
      await store.close();
    },
  };
}
