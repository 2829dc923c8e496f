import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/db.js';
import { asBytes, dumpAllTables, person, personValues, rawSqliteFiles } from '../privacy/support.js';
import { type HubSpotStandin, startHubSpotStandin } from '../standins/hubspot.js';
import { sampleOwners } from '../standins/hubspot-sample.js';
import { webhookEvent } from '../standins/hubspot-webhooks.js';
import { createTeamsChannel } from '../standins/teams-channel.js';
import { startTeamsConnector, type TeamsConnector } from '../standins/teams-connector.js';
import { type BotProcess, startBotProcess } from '../support/bot-process.js';
import { cardText } from '../support/cards.js';
import { ENGINES, makeDatabase, type TestDatabase } from '../support/databases.js';
import { PORTAL, PUBLIC_BASE_URL, postSignedWebhook, SECRET, scoreEvent, USERS } from '../support/world.js';

const erased = person('6001');
const kept = person('6002');

describe.each(ENGINES)('kill -9 in the middle of an erasure (%s)', (engine) => {
  let hubspot: HubSpotStandin;
  let connector: TeamsConnector;
  let db: TestDatabase;
  let bot: BotProcess | undefined;
  let env: Record<string, string>;

  beforeAll(async () => {
    hubspot = await startHubSpotStandin({ portalId: PORTAL, accessToken: 'tok' });
    hubspot.seed({ owners: sampleOwners });
    for (const p of [erased, kept])
      hubspot.addContact({
        id: p.id,
        properties: {
          firstname: p.firstname,
          lastname: p.lastname,
          email: p.email,
          jobtitle: p.jobtitle,
          hubspotscore: 90,
          lifecyclestage: 'marketingqualifiedlead',
          hubspot_owner_id: '101',
        },
      });
    connector = await startTeamsConnector();
    db = await makeDatabase(engine);
    env = {
      DATABASE_URL: db.url,
      PUBLIC_BASE_URL,
      HUBSPOT_ACCESS_TOKEN: 'tok',
      HUBSPOT_CLIENT_SECRET: SECRET,
      HUBSPOT_BASE_URL: hubspot.url,
      WORKER_POLL_MS: '50',
      WORKER_LEASE_MS: '3000',
      TEAMS_MAX_SENDS_PER_SECOND: '0',
      HUBSPOT_REQUESTS_PER_10S: '0',
    };
  }, 60_000);
  afterAll(async () => {
    await bot?.kill();
    await Promise.all([hubspot?.close(), connector?.close()]);
    await db?.drop();
  });

  const conv = () => connector.personalConversationId(USERS.alex.id);
  const cardOf = (activityId: string) =>
    cardText((connector.activities(conv()).find((a) => a.id === activityId)!.activity.attachments as any[])[0].content);

  it('finishes the erasure after the restart: data gone, the card replaced, the other lead untouched', async () => {
    bot = await startBotProcess(env);
    const teams = createTeamsChannel({ botUrl: bot.url, connector });
    expect((await teams.conversationUpdateMembersAdded(USERS.alex)).status).toBe(200);
    const send = (events: object[]) => postSignedWebhook(bot!.url, events, { timestamp: Date.now() });
    expect((await send([scoreEvent(erased.id), scoreEvent(kept.id)])).status).toBe(200);
    const sent = async (p: typeof erased) =>
      (
        await connector.waitFor(
          (e) => e.kind === 'sent' && e.conversationId === conv() && JSON.stringify(e.activity).includes(p.lastname),
          20_000,
          { since: 0 },
        )
      ).activityId;
    const [erasedCard, keptCard] = [await sent(erased), await sent(kept)];

    // Teams hangs on the card's replacement: the erasure has begun when the process dies.
    connector.fault({ method: 'PUT', path: erasedCard, status: 503, delayMs: 60_000 });
    const ack = await send([
      webhookEvent('classic', 'privacyDeletion', { type: 'contact', id: Number(erased.id) }, { portalId: PORTAL }),
    ]);
    expect(ack.status).toBe(200);
    const until = Date.now() + 20_000;
    while (!connector.requests.some((r) => r.method === 'PUT' && r.path.includes(erasedCard)) && Date.now() < until)
      await new Promise((r) => setTimeout(r, 25));
    expect(connector.requests.some((r) => r.method === 'PUT' && r.path.includes(erasedCard))).toBe(true);
    await bot.kill('SIGKILL');
    expect(cardOf(erasedCard)).toContain(erased.lastname); // not replaced yet

    connector.clearFaults();
    bot = await startBotProcess(env);
    await connector.waitFor(
      (e) => e.kind === 'updated' && e.activityId === erasedCard && JSON.stringify(e.activity).includes('Datenschutz'),
      30_000,
      { since: 0 },
    );
    expect(cardOf(erasedCard)).toContain('Kontakt aus Datenschutzgründen gelöscht');
    expect(cardOf(keptCard)).toContain(kept.lastname);

    const store = await openStore(db.url, { migrate: false });
    try {
      const dump = await dumpAllTables(store);
      for (const v of personValues(erased)) expect(dump).not.toContain(v);
      expect(dump).toContain(kept.email);
      const leads = await store.db
        .selectFrom('leads')
        .select(['contact_id', 'state', 'erased_reason'])
        .orderBy('contact_id')
        .execute();
      expect(leads).toEqual([
        { contact_id: erased.id, state: 'ERASED', erased_reason: 'privacy_deletion' },
        { contact_id: kept.id, state: 'MQL', erased_reason: null },
      ]);
    } finally {
      await store.close();
    }
    if (engine === 'sqlite') {
      const raw = rawSqliteFiles(db.url);
      for (const v of personValues(erased)) expect(raw).not.toContain(asBytes(v));
    }
  }, 120_000);
});
