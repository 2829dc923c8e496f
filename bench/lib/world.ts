import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { signV3 } from '../../src/hubspot/signature.js';
import { type HubSpotStandin, startHubSpotStandin } from '../../test/standins/hubspot.js';
import { sampleCompanies, sampleOwners } from '../../test/standins/hubspot-sample.js';
import { createTeamsChannel, type TeamsChannel, type TeamsUser } from '../../test/standins/teams-channel.js';
import { startTeamsConnector, type TeamsConnector } from '../../test/standins/teams-connector.js';
import { cardActions } from '../../test/support/cards.js';
import { PG_BASE, sqliteDatabase, type TestDatabase } from '../../test/support/databases.js';
import type { LoadRequest } from './load.js';

export const SECRET = 'bench-client-secret';
export const PUBLIC_BASE_URL = 'https://leadbridge.example.com';
export const PORTAL = 62515;
const TOKEN = 'bench-token';
const WEBHOOK_PATH = '/api/hubspot/webhook';

/** MQL contacts (score 85, one of the three sample owners) and contacts below the bar (for ingest traffic). */
export const MQL_BASE = 300_000;
export const MQL_COUNT = 10_000;
export const COLD_BASE = 200_000;
export const COLD_COUNT = 1_000;
const MARK = /BN(\d{6})X/;

/**
 * Contact owners, each with the bot installed in Teams. Teams paces sends per conversation (7/s, 60 per
 * 30 s, …), so leads are spread over many owners as in a real sales team; with three owners the
 * per-conversation limit alone would make 1,000 cards take minutes.
 */
export const OWNER_COUNT = 250;
export const BENCH_OWNERS = Array.from({ length: OWNER_COUNT }, (_, i) => ({
  id: String(5000 + i),
  email: `owner${i}@bench.example`,
  firstName: 'Owner',
  lastName: `No${i}`,
  userId: 95000 + i,
}));
export const OWNER_USERS: TeamsUser[] = BENCH_OWNERS.map((o, i) => ({
  id: `29:1bench${i}`,
  aadObjectId: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
  name: `Owner No${i}`,
  email: o.email,
  upn: o.email,
  tenantId: 'tenant-1',
  locale: i % 2 ? 'en-US' : 'de-DE',
}));

/** The stand-ins (HubSpot with zero latency, Teams connector) in this process, seeded for the benchmarks. */
export interface BenchWorld {
  hubspot: HubSpotStandin;
  connector: TeamsConnector;
  /** HubSpot CRM calls since the last ask, by method and path (record ids as `{id}`); resets the count. */
  hubspotCalls(): Record<string, number>;
  env(db: TestDatabase, extra?: Record<string, string>): Record<string, string>;
  channel(botUrl: string): TeamsChannel;
  close(): Promise<void>;
}

export async function startBenchWorld(): Promise<BenchWorld> {
  const hubspot = await startHubSpotStandin({ portalId: PORTAL, accessToken: TOKEN, latencyMs: 0 });
  hubspot.seed({ owners: [...sampleOwners, ...BENCH_OWNERS], companies: sampleCompanies });
  for (let i = 0; i < MQL_COUNT; i++) {
    const id = MQL_BASE + i;
    hubspot.addContact({
      id: String(id),
      companyId: sampleCompanies[i % sampleCompanies.length]!.id,
      properties: {
        firstname: 'Bench',
        lastname: `BN${id}X`,
        email: `bench${id}@example.org`,
        jobtitle: 'Einkauf',
        hubspotscore: 85,
        lifecyclestage: 'lead',
        hs_lead_status: 'NEW',
        hubspot_owner_id: BENCH_OWNERS[i % OWNER_COUNT]!.id,
        hs_legal_basis: 'Freely given consent from contact',
        // HubSpot's analytics, read for the card's "why this lead" context in the same batch read.
        hs_analytics_source: 'ORGANIC_SEARCH',
        hs_analytics_source_data_1: 'google',
        recent_conversion_event_name: 'Whitepaper Download',
        recent_conversion_date: '2026-11-20T10:00:00.000Z',
        num_conversion_events: 1 + (i % 5),
        hs_analytics_num_page_views: 3 + (i % 40),
        hs_analytics_last_url: 'https://www.example.com/loesungen/crm',
      },
    });
  }
  for (let i = 0; i < COLD_COUNT; i++) {
    const id = COLD_BASE + i;
    hubspot.addContact({
      id: String(id),
      properties: {
        firstname: 'Cold',
        lastname: `C${id}`,
        email: `cold${id}@example.org`,
        hubspotscore: 10,
        lifecyclestage: 'lead',
      },
    });
  }
  // The stand-ins keep a log of every request; the benchmarks only need HubSpot's calls counted, and the log would grow.
  const tally = new Map<string, number>();
  const collect = () => {
    for (const r of hubspot.requests) {
      if (r.path.startsWith('/_standin/')) continue;
      const kind = `${r.method} ${r.path.replace(/\/\d+$/, '/{id}')}`;
      tally.set(kind, (tally.get(kind) ?? 0) + 1);
    }
    hubspot.clearRequests();
  };
  const trim = setInterval(() => {
    collect();
    connector.clearRequests();
  }, 1000);
  trim.unref();
  const connector = await startTeamsConnector();
  return {
    hubspot,
    connector,
    hubspotCalls() {
      collect();
      const out = Object.fromEntries(tally);
      tally.clear();
      return out;
    },
    env(db, extra = {}) {
      return {
        NODE_ENV: 'development',
        DATABASE_URL: db.url,
        PUBLIC_BASE_URL,
        HUBSPOT_ACCESS_TOKEN: TOKEN,
        HUBSPOT_CLIENT_SECRET: SECRET,
        HUBSPOT_BASE_URL: hubspot.url,
        LOG_LEVEL: 'info',
        ADMIN_EMAILS: 'admin@example.com',
        BOT_ID: '',
        ...extra,
      };
    },
    channel: (botUrl) => createTeamsChannel({ botUrl, connector }),
    async close() {
      clearInterval(trim);
      await Promise.all([hubspot.close(), connector.close()]);
    },
  };
}

export const makeDb = (engine: 'sqlite' | 'postgres') =>
  engine === 'sqlite' ? Promise.resolve(sqliteDatabase()) : postgresScratchDatabase();

/**
 * A fresh PostgreSQL database (not a schema as test/support/databases.ts makes): Kysely's migrator,
 * as src/store/migrations/index.ts calls it, finds its lock table in *any* schema of the database, so a
 * new schema next to another LeadBridge schema fails with `relation "kysely_migration_lock" does not exist`.
 */
async function postgresScratchDatabase(): Promise<TestDatabase> {
  const name = `lb_bench_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  const admin = async (q: string) => {
    const c = new pg.Client({ connectionString: PG_BASE });
    await c.connect();
    try {
      await c.query(q);
    } finally {
      await c.end();
    }
  };
  await admin(`create database ${name}`);
  const u = new URL(PG_BASE);
  u.pathname = `/${name}`;
  return { engine: 'postgres', url: u.toString(), drop: () => admin(`drop database if exists ${name} with (force)`) };
}

let eventSeq = 1;
/** A contact property-change event, the trigger HubSpot sends. */
export function scoreEvent(contactId: number, value = '85', propertyName = 'hubspotscore') {
  return {
    eventId: eventSeq++,
    subscriptionId: 7001,
    portalId: PORTAL,
    appId: 4242424,
    occurredAt: Date.now(),
    subscriptionType: 'contact.propertyChange',
    attemptNumber: 0,
    objectId: contactId,
    propertyName,
    propertyValue: value,
    changeSource: 'CRM',
  };
}

const PROPERTIES = ['hubspotscore', 'lifecyclestage', 'hs_lead_status', 'jobtitle', 'email'];

/** A correctly v3-signed webhook request carrying `events`. */
export function signedWebhook(events: object[]): LoadRequest {
  const body = JSON.stringify(events);
  const ts = String(Date.now());
  return {
    path: WEBHOOK_PATH,
    body,
    units: events.length,
    headers: {
      'content-type': 'application/json',
      'x-hubspot-signature-v3': signV3(SECRET, 'POST', `${PUBLIC_BASE_URL}${WEBHOOK_PATH}`, body, ts),
      'x-hubspot-request-timestamp': ts,
    },
  };
}

/**
 * Ingest traffic for contacts below the MQL bar (each still re-read by the worker). A batch is shaped as
 * HubSpot sends them: five property changes each for 20 contacts; a single request is one change.
 */
export function coldEvents(i: number, n: number): object[] {
  const perContact = n >= PROPERTIES.length ? PROPERTIES.length : 1;
  return Array.from({ length: n }, (_, k) =>
    scoreEvent(
      COLD_BASE + ((i * (n / perContact) + Math.floor(k / perContact)) % COLD_COUNT),
      '10',
      PROPERTIES[k % perContact],
    ),
  );
}

/** A lead card seen at the connector, with what is needed to click it. */
export interface SeenCard {
  contactId: number;
  sentAt: number;
  conversationId: string;
  activityId: string;
  user: TeamsUser;
  accept?: { verb: string; data: any };
}

const conversationUser = new Map<string, TeamsUser>();
export function userOfConversation(connector: TeamsConnector, conversationId: string): TeamsUser | undefined {
  if (conversationUser.size === 0)
    for (const u of OWNER_USERS) conversationUser.set(connector.personalConversationId(u.id), u);
  return conversationUser.get(conversationId);
}

/** Follows the connector's event log and remembers the first lead card posted per bench contact. */
export class CardWatcher {
  readonly cards = new Map<number, SeenCard>();
  /** Lead cards posted again for a contact that already had one (should stay 0). */
  readonly duplicates = new Map<number, number>();
  private index = 0;
  constructor(private readonly connector: TeamsConnector) {}

  /** Reads the events that arrived since the last call; cheap enough to call every few milliseconds. */
  poll(): void {
    const events = this.connector.store.events;
    for (; this.index < events.length; this.index++) {
      const e = events[this.index]!;
      if (e.kind !== 'sent' || !Array.isArray(e.activity.attachments) || e.activity.attachments.length === 0) continue;
      const m = MARK.exec(JSON.stringify(e.activity.attachments));
      if (!m) continue;
      if (this.cards.has(Number(m[1]))) {
        this.duplicates.set(Number(m[1]), (this.duplicates.get(Number(m[1])) ?? 0) + 1);
        continue;
      }
      const card = (e.activity.attachments as any[])[0].content;
      const accept = cardActions(card).find((x) => x.verb === 'lead.accept');
      this.cards.set(Number(m[1]), {
        contactId: Number(m[1]),
        sentAt: e.at,
        conversationId: e.conversationId,
        activityId: e.activityId,
        user: userOfConversation(this.connector, e.conversationId)!,
        accept: accept ? { verb: accept.verb!, data: accept.data } : undefined,
      });
    }
  }
}
