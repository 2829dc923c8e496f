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
import { createTeamsDirectory } from './bot/teams-directory.js';
import { createTeamsOutbound } from './bot/teams-outbound.js';
import { createServer } from './http/server.js';
import { webhookRoute } from './http/webhook-route.js';
import { systemClock, type Clock } from './lib/clock.js';
import type { Log } from './log.js';
import { Foreground } from './outbox/foreground.js';
import { OutboxWorker } from './outbox/worker.js';
import { jobBatchHandlers, jobHandlers, refreshCardsWhenDead } from './services/jobs.js';
import { openStore, type Store } from './store/db.js';
import { pacedTeams } from './teams/pacer.js';
import { createRosterSource } from './roster/resolve.js';
import { startSchedules } from './scheduler/schedules.js';
import type { Deps } from './services/deps.js';
import { hubspotCompanies } from './hubspot/companies.js';
import { createChatBrain } from './knowledge/chat-brain.js';
import { createMetrics } from './metrics.js';
import { instrumentClient } from './metrics/instrument-client.js';
import { storeSources } from './metrics/store-sources.js';
import { logGoLiveChecks } from './doctor/index.js';
import { checkLeadInbox } from './services/lead/inbox.js';

export interface Overrides {
  clock?: Clock;
  hubspot?: HubSpot;
  salesCloud?: SalesCloud | null;
  /** Start the outbox worker (default true). */
  worker?: boolean;
  instanceId?: string;
  /** HubSpot requests per rolling 10 s (0 = no pacing); overrides HUBSPOT_REQUESTS_PER_10S. */
  hubspotRequestsPer10s?: number;
  /** @deprecated per second, as before: use `hubspotRequestsPer10s`. */
  hubspotMaxRequestsPerSecond?: number;
  /** Start the roster refresh, digest, SLA and retention schedules (default true). */
  schedules?: boolean;
  /** Run the go-live checks once in the background and log failures as warnings (default true; tests turn it off). */
  goLiveChecks?: boolean;
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
  const metrics = createMetrics({ now: () => clock.now(), collect: storeSources(store, clock) });
  const hubspot = instrumentClient(metrics, 'hubspot', o.hubspot ?? createHubSpot({
    accessToken: config.hubspot.accessToken, baseUrl: config.hubspot.baseUrl, appUrl: config.hubspot.appUrl,
    scoreProperty: config.hubspot.scoreProperty, timeoutMs: config.hubspot.timeoutMs, accountTimeZone: config.hubspot.accountTimeZone, clock,
    requestsPer10s: o.hubspotRequestsPer10s ?? (o.hubspotMaxRequestsPerSecond === undefined ? config.hubspot.requestsPer10s : o.hubspotMaxRequestsPerSecond * 10),
  }));
  const c4c = o.salesCloud === null ? undefined : o.salesCloud ?? (config.c4c
    ? createSalesCloud({ baseUrl: config.c4c.baseUrl, username: config.c4c.username, password: config.c4c.password, mapping: loadC4cMapping(config.c4c.mappingFile), log })
    : undefined);
  const salesCloud = c4c && instrumentClient(metrics, 'c4c', c4c);
  if (!salesCloud) log.info('36One handover not configured (C4C_BASE_URL unset): leads stay in HubSpot and Teams only');
  const adapter = createAdapter(config.bot);
  let worker: OutboxWorker | undefined;
  const roster = createRosterSource({ file: config.roster.file, hubspot, log, admins: config.admins });
  const deps: Deps = {
    store, clock, log, hubspot, salesCloud,
    teams: pacedTeams(createTeamsOutbound(adapter, config.bot?.appId ?? ''), { maxPerSecond: config.teams.maxSendsPerSecond }),
    directory: createTeamsDirectory(adapter, config.bot?.appId ?? ''),
    settings: {
      mqlRule: { threshold: config.hubspot.mqlThreshold, mqlStage: config.hubspot.stages.mql },
      writeBack: { stages: config.hubspot.stages, leadStatus: config.hubspot.leadStatus, rejectReasonProperty: config.hubspot.rejectReasonProperty },
      permissions: {
        get admins() { return [...new Set([...config.admins, ...roster.current().adminEmails()])]; },
        isManagerOf: (manager, owner) => roster.current().isManagerOf(manager, owner),
      },
      rejectReasons: config.rejectReasons,
      defaultLocale: config.defaultLocale,
      leadInboxChannelId: config.leadInboxChannelId,
      inboxLocale: config.leadInboxLocale,
      timeZone: config.timeZone,
      digestCron: config.digest.cron,
      sla: config.sla,
    },
    kick: () => worker?.kick(),
    roster,
  };
  const foreground = new Foreground();
  worker = new OutboxWorker({
    foreground,
    store, log, clock, instanceId: o.instanceId, ...config.worker,
    handlers: jobHandlers(deps, { onDelivered: metrics.cardDelivered }),
    batchHandlers: jobBatchHandlers(deps),
    onOutcome: metrics.jobOutcome,
    onDead: refreshCardsWhenDead(deps),
  });
  const brain: ChatBrain = createChatBrain(hubspotCompanies(hubspot, config.hubspot.portalId));
  const app = createBotApp(adapter, deps, brain, { botAppId: config.bot?.appId, tenantId: config.tenantId, onIgnored: metrics.teamsActivityIgnored });
  const server = createServer({
    messages: (req, res) => foreground.run(() => adapter.process(req as any, res as any, (ctx) => app.run(ctx).then(() => undefined))),
    webhook: webhookRoute(deps, { clientSecret: config.hubspot.clientSecret, publicBaseUrl: config.publicBaseUrl, onCounted: metrics.webhookCounted }),
    ready: () => store.ping(),
    metrics: () => metrics.render(),
  }, { log, maxBodyBytes: config.webhookMaxBytes, metrics: config.metrics });
  if (o.worker !== false) await worker.start();
  // In the background: Teams being slow or away must not hold up the start.
  void checkLeadInbox(deps).catch((err) => log.warn({ err: String(err) }, 'lead inbox: could not check the channel at start'));
  const schedules = o.schedules === false ? undefined : await startSchedules(deps, { instanceId: worker.instanceId, retentionDays: config.retentionDays });
  const checks = new AbortController();
  if (o.goLiveChecks !== false) {
    void logGoLiveChecks(config, log, { store, signal: checks.signal }).catch((err) => log.warn({ err: String(err) }, 'go-live checks could not run'));
  }
  return {
    deps, server, worker, store,
    async close() {
      checks.abort();
      schedules?.stop();
      server.close();
      await worker!.stop();
      await store.close();
    },
  };
}
