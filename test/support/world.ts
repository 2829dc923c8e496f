import { afterAll, beforeAll } from 'vitest';
import { buildLeadBridge, type LeadBridge, type Overrides } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { listen } from '../../src/http/server.js';
import { signV3 } from '../../src/hubspot/signature.js';
import { systemClock } from '../../src/lib/clock.js';
import { createLog } from '../../src/log.js';
import { outboxStats } from '../../src/store/jobs-repo.js';
import { type C4cStandin, startC4cStandin } from '../standins/c4c.js';
import { type HubSpotStandin, startHubSpotStandin } from '../standins/hubspot.js';
import { sampleData } from '../standins/hubspot-sample.js';
import { webhookEvent } from '../standins/hubspot-webhooks.js';
import { createTeamsChannel, type TeamsChannel, type TeamsUser } from '../standins/teams-channel.js';
import { startTeamsConnector, type TeamsConnector } from '../standins/teams-connector.js';
import { makeDatabase, type TestDatabase } from './databases.js';

export const SECRET = 'test-client-secret';
export const PUBLIC_BASE_URL = 'https://leadbridge.example.com';
export const PORTAL = 62515;

/** A Teams user of the test tenant (`USERS` are 1…4; ids 5…9 are free for more). */
export const teamsUser = (n: number, name: string, email: string, locale = 'de-DE'): TeamsUser => ({
  id: `29:1user${n}`,
  aadObjectId: `00000000-0000-0000-0000-00000000000${n}`,
  name,
  email,
  upn: email,
  tenantId: 'tenant-1',
  locale,
});
export const USERS = {
  alex: teamsUser(1, 'Alex Wilber', 'alexw@example.com', 'de-DE'),
  megan: teamsUser(2, 'Megan Bowen', 'meganb@example.com', 'en-US'),
  adele: teamsUser(3, 'Adele Vance', 'adelev@example.com', 'de-DE'),
  admin: teamsUser(4, 'Ada Admin', 'admin@example.com', 'de-DE'),
};

export interface World {
  lb: LeadBridge;
  url: string;
  hubspot: HubSpotStandin;
  connector: TeamsConnector;
  teams: TeamsChannel;
  c4c?: C4cStandin;
  db: TestDatabase;
  /** POSTs a correctly signed (v3) webhook batch. */
  webhook(
    events: object[] | string,
    opts?: { timestamp?: number; secret?: string },
  ): Promise<{ status: number; body: any }>;
  /** Resolves once the outbox has nothing pending (or throws after `timeoutMs`). */
  settle(timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

/** POSTs a webhook body to a bot as HubSpot does: v3-signed with the client secret, over the public URI. */
export async function postSignedWebhook(
  botUrl: string,
  events: object[] | string,
  o: { timestamp: number; secret?: string },
): Promise<{ status: number; body: any }> {
  const body = typeof events === 'string' ? events : JSON.stringify(events);
  const ts = String(o.timestamp);
  const path = '/api/hubspot/webhook';
  const sig = signV3(o.secret ?? SECRET, 'POST', `${PUBLIC_BASE_URL}${path}`, body, ts);
  const r = await fetch(`${botUrl}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-hubspot-signature-v3': sig, 'x-hubspot-request-timestamp': ts },
    body,
  });
  const text = await r.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    /* keep the text */
  }
  return { status: r.status, body: parsed };
}

/** A classic HubSpot property-change event for a contact's score (the trigger; the bot re-reads the contact). */
export function scoreEvent(contactId: string | number, value = '85', extra: object = {}) {
  return webhookEvent(
    'classic',
    'propertyChange',
    { type: 'contact', id: Number(contactId) },
    { portalId: PORTAL, propertyName: 'hubspotscore', propertyValue: value, extra: { ...extra } },
  );
}

export interface WorldOptions {
  engine?: 'sqlite' | 'postgres';
  c4c?: boolean;
  /** Config on top of the world's (LOG_LEVEL defaults to TEST_LOG_LEVEL, else silent). */
  env?: Record<string, string>;
  /** `overrides.clock` also dates the webhooks the world signs. */
  overrides?: Overrides;
  /** Where the product's log lines go (default stdout). */
  logSink?: { write(line: string): void };
  db?: TestDatabase;
  /** A Teams connector that outlives this world (a restart keeps Teams as it is); not closed by `close()`. */
  connector?: TeamsConnector;
}

export async function startWorld(o: WorldOptions = {}): Promise<World> {
  const db = o.db ?? (await makeDatabase(o.engine ?? 'sqlite'));
  const hubspot = await startHubSpotStandin({ portalId: PORTAL, accessToken: 'test-token' });
  hubspot.seed(sampleData);
  const connector = o.connector ?? (await startTeamsConnector());
  const c4c = o.c4c ? await startC4cStandin({ username: 'lb', password: 'c4c-secret' }) : undefined;
  const config = loadConfig({
    DATABASE_URL: db.url,
    PUBLIC_BASE_URL,
    HUBSPOT_ACCESS_TOKEN: 'test-token',
    HUBSPOT_CLIENT_SECRET: SECRET,
    HUBSPOT_BASE_URL: hubspot.url,
    WORKER_POLL_MS: '50',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    ADMIN_EMAILS: 'admin@example.com',
    ...(c4c ? { C4C_BASE_URL: c4c.serviceRoot, C4C_USERNAME: 'lb', C4C_PASSWORD: 'c4c-secret' } : {}),
    ...o.env,
  });
  const clock = o.overrides?.clock ?? systemClock;
  const lb = await buildLeadBridge(config, createLog(config.logLevel, o.logSink), {
    hubspotRequestsPer10s: 0,
    schedules: false,
    goLiveChecks: false,
    ...o.overrides,
  });
  const port = await listen(lb.server, 0, '127.0.0.1');
  const url = `http://127.0.0.1:${port}`;
  const teams = createTeamsChannel({ botUrl: url, connector });
  return {
    lb,
    url,
    hubspot,
    connector,
    teams,
    c4c,
    db,
    // The product checks the timestamp against its own clock.
    webhook: (events, w = {}) =>
      postSignedWebhook(url, events, { timestamp: w.timestamp ?? clock.now(), secret: w.secret }),
    async settle(timeoutMs = 15_000) {
      const until = Date.now() + timeoutMs;
      for (;;) {
        const s = await outboxStats(lb.store.db, clock.now());
        if (s.pending === 0) return;
        if (Date.now() > until) throw new Error(`outbox did not settle: ${JSON.stringify(s)}`);
        await new Promise((r) => setTimeout(r, 25));
      }
    },
    async close() {
      await lb.close();
      await Promise.all([hubspot.close(), o.connector ? undefined : connector.close(), c4c?.close()]);
      if (!o.db) await db.drop();
    },
  };
}

/**
 * A world for the enclosing describe block: started before its tests (then `ready` runs, e.g. installs), closed after.
 * The returned object stands for the world once it has started.
 */
export function useWorld(o: WorldOptions = {}, ready?: (w: World) => Promise<unknown>): World {
  let world: World | undefined;
  beforeAll(async () => {
    world = await startWorld(o);
    await ready?.(world);
  });
  afterAll(async () => {
    await world?.close();
  });
  return new Proxy({} as World, {
    get(_, key) {
      if (!world) throw new Error('the world starts in beforeAll; use it inside a test');
      return Reflect.get(world, key);
    },
  });
}
