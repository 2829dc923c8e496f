import type { Server } from 'restify';
import { createAdapter } from './bot/adapter.js';
import { createGlossaryChooser } from './bot/ai/glossary-chooser.js';
import { createBotApp } from './bot/app.js';
import type { ChatBrain } from './bot/chat/brain.js';
import { createChatBrain } from './bot/chat/brain.js';
import { createTeamsDirectory } from './bot/teams-directory.js';
import { createTeamsOutbound } from './bot/teams-outbound.js';
import { createSalesCloud } from './c4c/client.js';
import { loadC4cMapping } from './c4c/mapping.js';
import type { SalesCloud } from './c4c/types.js';
import type { Config } from './config.js';
import { logGoLiveChecks } from './doctor/index.js';
import type { PermissionPolicy } from './domain/permissions.js';
import { createServer } from './http/server.js';
import { webhookRoute } from './http/webhook-route.js';
import { createHubSpot } from './hubspot/client.js';
import { hubspotCompanies } from './hubspot/companies.js';
import type { HubSpot } from './hubspot/types.js';
import { type Clock, systemClock } from './lib/clock.js';
import type { StartLog } from './lib/rate-limit.js';
import type { Log } from './log.js';
import { instrumentClient } from './metrics/instrument-client.js';
import { storeSources } from './metrics/store-sources.js';
import { createMetrics } from './metrics.js';
import { Foreground } from './outbox/foreground.js';
import { OutboxWorker } from './outbox/worker.js';
import { rosterPermissions } from './roster/permissions.js';
import { createRosterSource } from './roster/resolve.js';
import { startSchedules } from './scheduler/schedules.js';
import type { Deps, Settings } from './services/deps.js';
import { jobBatchHandlers, jobHandlers, refreshCardsWhenDead } from './services/jobs.js';
import { checkLeadInbox } from './services/lead/inbox.js';
import { openStore, type Store } from './store/db.js';
import { sharedStartLog } from './store/rate-budget-repo.js';
import { pacedTeams } from './teams/pacer.js';

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
  // Several instances share one database: the platforms' budgets are counted there, so they hold for all of them.
  const shared = (lock: string) =>
    store.engine === 'postgres' ? sharedStartLog(store.db, store.engine, lock) : undefined;
  const hubspot = instrumentClient(metrics, 'hubspot', o.hubspot ?? hubspotClient(config, o, clock, shared('hubspot')));
  const c4c = o.salesCloud === null ? undefined : (o.salesCloud ?? salesCloudClient(config, log));
  const salesCloud = c4c && instrumentClient(metrics, 'c4c', c4c);
  if (!salesCloud) log.info('36One handover not configured (C4C_BASE_URL unset): leads stay in HubSpot and Teams only');
  const adapter = createAdapter(config.bot);
  const botId = config.bot?.appId ?? '';
  let worker: OutboxWorker | undefined;
  let schedules: Awaited<ReturnType<typeof startSchedules>> | undefined;
  const roster = createRosterSource({ file: config.roster.file, hubspot, log, admins: config.admins });
  const deps: Deps = {
    store,
    clock,
    log,
    hubspot,
    salesCloud,
    roster,
    teams: pacedTeams(createTeamsOutbound(adapter, botId), {
      maxPerSecond: config.teams.maxSendsPerSecond,
      log: shared('teams'),
    }),
    directory: createTeamsDirectory(adapter, botId),
    settings: settingsOf(config, rosterPermissions(roster, config.admins)),
    kick: () => worker?.kick(),
    slaChanged: () => schedules?.slaChanged(),
  };
  const foreground = new Foreground();
  worker = new OutboxWorker({
    store,
    log,
    clock,
    foreground,
    instanceId: o.instanceId,
    ...config.worker,
    handlers: jobHandlers(deps, { onDelivered: metrics.cardDelivered }),
    batchHandlers: jobBatchHandlers(deps),
    onOutcome: metrics.jobOutcome,
    onDead: refreshCardsWhenDead(deps),
  });
  // The model fallback exists only when configured; otherwise no question ever leaves LeadBridge.
  const chooser = config.glossaryModel ? createGlossaryChooser(config.glossaryModel) : undefined;
  const brain: ChatBrain = createChatBrain(hubspotCompanies(hubspot, config.hubspot.portalId), chooser);
  const app = createBotApp(adapter, deps, brain, {
    botAppId: config.bot?.appId,
    tenantId: config.tenantId,
    onIgnored: metrics.teamsActivityIgnored,
  });
  const webhook = webhookRoute(deps, {
    clientSecret: config.hubspot.clientSecret,
    publicBaseUrl: config.publicBaseUrl,
    onCounted: metrics.webhookCounted,
  });
  const server = createServer(
    {
      messages: (req, res) =>
        foreground.run(() => adapter.process(req as any, res as any, (ctx) => app.run(ctx).then(() => undefined))),
      webhook,
      ready: () => store.ping(),
      metrics: () => metrics.render(),
    },
    { log, maxBodyBytes: config.webhookMaxBytes, metrics: config.metrics },
  );
  if (o.worker !== false) await worker.start();
  // In the background: Teams being slow or away must not hold up the start.
  void checkLeadInbox(deps).catch((err) =>
    log.warn({ err: String(err) }, 'lead inbox: could not check the channel at start'),
  );
  schedules =
    o.schedules === false
      ? undefined
      : await startSchedules(deps, {
          instanceId: worker.instanceId,
          retentionDays: config.retentionDays,
          leadRetentionDays: config.leadRetentionDays,
        });
  const checks = new AbortController();
  if (o.goLiveChecks !== false) {
    void logGoLiveChecks(config, log, { store, signal: checks.signal }).catch((err) =>
      log.warn({ err: String(err) }, 'go-live checks could not run'),
    );
  }
  return {
    deps,
    server,
    worker,
    store,
    async close() {
      checks.abort();
      schedules?.stop();
      server.close();
      await worker!.stop();
      await store.close();
    },
  };
}

function hubspotClient(config: Config, o: Overrides, clock: Clock, startLog?: StartLog): HubSpot {
  const { accessToken, baseUrl, appUrl, scoreProperty, timeoutMs, accountTimeZone, contextProperties } = config.hubspot;
  const perSecond = o.hubspotMaxRequestsPerSecond;
  const requestsPer10s =
    o.hubspotRequestsPer10s ?? (perSecond === undefined ? config.hubspot.requestsPer10s : perSecond * 10);
  return createHubSpot({
    accessToken,
    baseUrl,
    appUrl,
    scoreProperty,
    timeoutMs,
    accountTimeZone,
    contextProperties,
    clock,
    requestsPer10s,
    startLog,
  });
}

function salesCloudClient(config: Config, log: Log): SalesCloud | undefined {
  if (!config.c4c) return undefined;
  const { baseUrl, username, password, mappingFile } = config.c4c;
  return createSalesCloud({ baseUrl, username, password, mapping: loadC4cMapping(mappingFile), log });
}

/** The services' settings, as the config names them. */
function settingsOf(config: Config, permissions: PermissionPolicy): Settings {
  const { stages, leadStatus, rejectReasonProperty, mqlThreshold } = config.hubspot;
  return {
    mqlRule: { threshold: mqlThreshold, mqlStage: stages.mql },
    writeBack: { stages, leadStatus, rejectReasonProperty },
    permissions,
    rejectReasons: config.rejectReasons,
    defaultLocale: config.defaultLocale,
    leadInboxChannelId: config.leadInboxChannelId,
    inboxLocale: config.leadInboxLocale,
    timeZone: config.timeZone,
    digestCron: config.digest.cron,
    sla: config.sla,
  };
}
