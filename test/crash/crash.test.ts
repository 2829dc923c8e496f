import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type C4cStandin, startC4cStandin } from '../standins/c4c.js';
import { type HubSpotStandin, startHubSpotStandin } from '../standins/hubspot.js';
import { sampleOwners } from '../standins/hubspot-sample.js';
import { createTeamsChannel, type TeamsUser } from '../standins/teams-channel.js';
import { startTeamsConnector, type TeamsConnector } from '../standins/teams-connector.js';
import { type BotProcess, startBotProcess } from '../support/bot-process.js';
import { cardText } from '../support/cards.js';
import { postgresDatabase, sqliteDatabase, type TestDatabase } from '../support/databases.js';
import { PORTAL, PUBLIC_BASE_URL, postSignedWebhook, SECRET, scoreEvent } from '../support/world.js';

const N = 500;
const OWNERS = 50;
const contactIds = Array.from({ length: N }, (_, i) => String(50_000 + i));
// Teams allows about 60 messages per 30 s into one conversation: a burst of 500 is spread over 50 owners, as in a sales org.
const owners = Array.from({ length: OWNERS }, (_, i) => ({
  id: String(900 + i),
  email: `csm${i}@example.com`,
  firstName: 'CSM',
  lastName: String(i),
}));
const users = owners.map(
  (o, i): TeamsUser => ({
    id: `29:csm${i}`,
    aadObjectId: `aad-csm-${i}`,
    name: `CSM ${i}`,
    email: o.email,
    upn: o.email,
    tenantId: 'tenant-1',
    locale: 'de-DE',
  }),
);

describe.each([
  { engine: 'sqlite', instances: 1 },
  { engine: 'postgres', instances: 2 },
] as const)('kill -9 during a burst of 500 MQLs ($engine, $instances instance(s))', ({ engine, instances }) => {
  let hubspot: HubSpotStandin;
  let connector: TeamsConnector;
  let c4c: C4cStandin;
  let db: TestDatabase;
  const bots: BotProcess[] = [];
  let env: Record<string, string>;

  beforeAll(async () => {
    hubspot = await startHubSpotStandin({ portalId: PORTAL, accessToken: 'tok', latencyMs: 2 });
    hubspot.seed({ owners: [...sampleOwners, ...owners] });
    contactIds.forEach((id, i) => {
      hubspot.addContact({
        id,
        properties: {
          firstname: `Kontakt${id}`,
          lastname: 'Test',
          email: `k${id}@example.org`,
          hubspotscore: 80,
          lifecyclestage: 'marketingqualifiedlead',
          hubspot_owner_id: owners[i % OWNERS]!.id,
        },
      });
    });
    connector = await startTeamsConnector();
    c4c = await startC4cStandin({ username: 'lb', password: 'pw' });
    db = engine === 'sqlite' ? sqliteDatabase() : await postgresDatabase();
    env = {
      DATABASE_URL: db.url,
      PUBLIC_BASE_URL,
      HUBSPOT_ACCESS_TOKEN: 'tok',
      HUBSPOT_CLIENT_SECRET: SECRET,
      HUBSPOT_BASE_URL: hubspot.url,
      C4C_BASE_URL: c4c.serviceRoot,
      C4C_USERNAME: 'lb',
      C4C_PASSWORD: 'pw',
      WORKER_POLL_MS: '50',
      WORKER_LEASE_MS: '3000',
      TEAMS_MAX_SENDS_PER_SECOND: '0',
      HUBSPOT_MAX_REQUESTS_PER_SECOND: '0',
    };
  }, 60_000);
  afterAll(async () => {
    await Promise.all(bots.map((b) => b.kill()));
    await Promise.all([hubspot?.close(), connector?.close(), c4c?.close()]);
    await db?.drop();
  });

  const send = async (url: string, events: object[]) =>
    (await postSignedWebhook(url, events, { timestamp: Date.now() })).status;

  const cardsByContact = () => {
    const counts = new Map<string, number>();
    for (const c of connector.cards()) {
      const m = /Kontakt(\d+)/.exec(cardText(c.card));
      if (m) counts.set(m[1]!, (counts.get(m[1]!) ?? 0) + 1);
    }
    return counts;
  };

  it('delivers every acknowledged MQL after a restart: one 36One lead each, duplicate cards only from sends on the wire', async () => {
    for (let i = 0; i < instances; i++) bots.push(await startBotProcess(env));
    const teams = createTeamsChannel({ botUrl: bots[0]!.url, connector });
    for (const u of users) expect((await teams.conversationUpdateMembersAdded(u)).status).toBe(200);
    for (let i = 0; i < N; i += 100) {
      const bot = bots[(i / 100) % bots.length]!;
      expect(
        await send(
          bot.url,
          contactIds.slice(i, i + 100).map((id) => scoreEvent(id)),
        ),
      ).toBe(200);
    }
    // Kill one instance while the burst is being worked through.
    await connector.waitFor(() => cardsByContact().size >= 40, 30_000, { since: 0 });
    await bots[0]!.kill('SIGKILL');
    const before = cardsByContact().size;
    expect(before).toBeLessThan(N);

    // Single instance: restart it. Two instances: the survivor takes over once the dead one's leases expire.
    bots[0] = instances === 1 ? await startBotProcess(env) : bots[0]!;
    const deadline = Date.now() + 120_000;
    while ((cardsByContact().size < N || c4c.leads().length < N) && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 200));
    const counts = cardsByContact();
    const duplicates = [...counts.values()].reduce((s, n) => s + (n - 1), 0);
    console.log(
      `crash test (${engine}, ${instances}): ${before}/${N} cards before the kill, ${counts.size}/${N} after restart, ${duplicates} duplicate card(s) from sends on the wire`,
    );
    expect(counts.size).toBe(N);
    // At most the sends in flight at the instant of the kill (worker concurrency 8) can repeat.
    expect(duplicates).toBeLessThanOrEqual(8 * instances);
    const externalIds = c4c.leads().map((l) => l.ExternalID);
    expect(externalIds).toHaveLength(N);
    expect(new Set(externalIds).size).toBe(N);
  }, 240_000);
});
