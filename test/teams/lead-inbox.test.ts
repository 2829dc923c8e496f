/**
 * The lead inbox in a tenant: LEAD_INBOX_CHANNEL_ID names a channel of a team the bot is installed in and receives
 * cards although nobody ever wrote there; a channel that does not exist is logged at install and at start, naming the
 * teams' channels. Unset, the inbox is the General channel of the first team the bot was installed in, across restarts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTeamsConnector, type TeamsConnector } from '../standins/teams-connector.js';
import { cardText } from '../support/cards.js';
import { makeDatabase, type TestDatabase } from '../support/databases.js';
import { scoreEvent, USERS } from '../support/world.js';
import { cardsWith, type LoggedWorld, startLoggedWorld } from './support.js';

const INBOX = '19:lead-eingang@thread.tacv2';
const NORD = { id: '19:nord@thread.tacv2', name: 'Vertrieb Nord', aadGroupId: 'group-nord' };
const SUED = { id: '19:sued@thread.tacv2', name: 'Vertrieb Süd', aadGroupId: 'group-sued' };
const SUED_TALK = { ...SUED, channelId: '19:sued-plaudern@thread.tacv2', channelName: 'Plaudern' };

describe('a configured inbox channel', () => {
  let w: LoggedWorld;
  beforeAll(async () => {
    w = await startLoggedWorld({ env: { LEAD_INBOX_CHANNEL_ID: INBOX } });
    w.connector.addTeam({
      ...NORD,
      channels: [
        { id: NORD.id, name: null },
        { id: INBOX, name: 'Lead-Eingang' },
        { id: '19:nord-news@thread.tacv2', name: 'News' },
      ],
      memberIds: [USERS.admin.id],
    });
  });
  afterAll(async () => {
    await w?.close();
  });

  it('is found at install and receives cards although nobody wrote there', async () => {
    await w.teams.botAddedToTeam(USERS.admin, NORD);
    expect(await w.logged('lead inbox ready')).toMatchObject({
      channelId: INBOX,
      name: 'Lead-Eingang',
      teamId: NORD.id,
    });
    await w.webhook([scoreEvent('1001')]);
    await w.settle();
    const cards = cardsWith(w, INBOX, 'Jonas');
    expect(cards).toHaveLength(1);
    expect(cardText(cards[0]!.card)).toContain('Für Alex Wilber');
    expect(w.connector.cards(NORD.id)).toEqual([]);
    // Posted into the channel itself (a new thread), through the team's stored reference.
    expect(
      w.connector.requests.some(
        (r) => r.method === 'POST' && r.path.startsWith(`/v3/conversations/${INBOX}/activities`) && r.status === 201,
      ),
    ).toBe(true);
  });
});

describe('the inbox across restarts', () => {
  let connector: TeamsConnector;
  let db: TestDatabase;
  let w: LoggedWorld | undefined;
  beforeAll(async () => {
    connector = await startTeamsConnector();
    db = await makeDatabase('postgres');
    connector.addTeam({ ...NORD, memberIds: [USERS.admin.id] });
    connector.addTeam({
      ...SUED,
      channels: [
        { id: SUED.id, name: null },
        { id: SUED_TALK.channelId, name: 'Plaudern' },
      ],
      memberIds: [USERS.admin.id],
    });
  });
  afterAll(async () => {
    await w?.close();
    await connector?.close();
    await db?.drop();
  });

  it('unset: the General channel of the first team the bot was installed in, not the channel touched last', async () => {
    w = await startLoggedWorld({ db, connector });
    await w.teams.botAddedToTeam(USERS.admin, NORD);
    await w.teams.botAddedToTeam(USERS.admin, SUED);
    await w.teams.message(USERS.admin, 'Was ist ein SAL?', { team: SUED_TALK });
    await w.webhook([scoreEvent('1001')]);
    await w.settle();
    expect(cardsWith(w, NORD.id, 'Jonas')).toHaveLength(1);
    expect(cardsWith(w, SUED_TALK.channelId, 'Jonas')).toEqual([]);
    await w.close();

    w = await startLoggedWorld({ db, connector });
    await w.teams.message(USERS.admin, 'Was ist ein MQL?', { team: SUED_TALK });
    await w.webhook([scoreEvent('1003')]);
    await w.settle();
    expect(cardsWith(w, NORD.id, 'Felix')).toHaveLength(1);
    expect(
      connector.cards().filter((c) => c.conversationId !== NORD.id && JSON.stringify(c.card).includes('Felix')),
    ).toEqual([]);
    await w.close();
    w = undefined;
  });

  it("a configured channel no team has is logged at start, naming the id and the teams' channels; cards wait", async () => {
    w = await startLoggedWorld({ db, connector, env: { LEAD_INBOX_CHANNEL_ID: '19:geloescht@thread.tacv2' } });
    const warn = await w.logged(
      'lead inbox: LEAD_INBOX_CHANNEL_ID names no channel of a team the bot is installed in; cards for unreachable owners wait',
    );
    expect(warn.level).toBe(40);
    expect(warn.channelId).toBe('19:geloescht@thread.tacv2');
    expect(warn.teams).toEqual([
      { team: 'Vertrieb Nord', channels: [{ id: NORD.id, name: 'General' }] },
      {
        team: 'Vertrieb Süd',
        channels: [
          { id: SUED.id, name: 'General' },
          { id: SUED_TALK.channelId, name: 'Plaudern' },
        ],
      },
    ]);
    const before = connector.cards().length;
    await w.webhook([scoreEvent('1008')]);
    await w.webhook([scoreEvent('1001', '86')]);
    await w.settle();
    expect(connector.cards().length).toBe(before);
  });
});

/** A team of the admin whose channels are its General channel and the configured inbox. */
const withInbox = (team: typeof NORD) => ({
  ...team,
  channels: [
    { id: team.id, name: null },
    { id: INBOX, name: 'Lead-Eingang' },
  ],
  memberIds: [USERS.admin.id],
});

/** A logged world with LEAD_INBOX_CHANNEL_ID set and these teams at the connector (the bot not yet installed). */
async function inboxWorld(...teams: Parameters<TeamsConnector['addTeam']>[0][]): Promise<LoggedWorld> {
  const w = await startLoggedWorld({ env: { LEAD_INBOX_CHANNEL_ID: INBOX } });
  for (const t of teams) w.connector.addTeam(t);
  return w;
}

describe("a team's channel list that cannot be read", () => {
  let w: LoggedWorld;
  beforeAll(async () => {
    w = await inboxWorld({ ...NORD, memberIds: [USERS.admin.id] }, withInbox(SUED));
  });
  afterAll(async () => {
    await w?.close();
  });
  const listing = (team: { aadGroupId: string; id: string }) =>
    new RegExp(`^/v3/teams/(${team.id}|${team.aadGroupId})/conversations$`);

  it('refused (403): that team is passed over with a warning naming it; the inbox is found in the next team', async () => {
    w.connector.fault({ method: 'GET', path: listing(NORD), status: 403 });
    await w.teams.botAddedToTeam(USERS.admin, NORD);
    await w.teams.botAddedToTeam(USERS.admin, SUED);
    const warn = await w.logged('lead inbox: could not list the channels of a team');
    expect(warn).toMatchObject({ level: 40, team: 'Vertrieb Nord' });
    expect(await w.logged('lead inbox ready')).toMatchObject({ channelId: INBOX, teamId: SUED.id });
    await w.webhook([scoreEvent('1001')]);
    await w.settle();
    expect(cardsWith(w, INBOX, 'Jonas')).toHaveLength(1);
    w.connector.clearFaults();
  });
});

describe('a channel list that fails for a while (5xx)', () => {
  let w: LoggedWorld;
  beforeAll(async () => {
    w = await inboxWorld(withInbox(NORD));
  });
  afterAll(async () => {
    await w?.close();
  });

  it('is retried with the card: the card reaches the inbox once Teams answers again, once', async () => {
    // Every listing fails until cleared: the install's check only warns, the card's delivery is retried.
    w.connector.fault({ method: 'GET', path: /^\/v3\/teams\/[^/]+\/conversations$/, status: 503 });
    await w.teams.botAddedToTeam(USERS.admin, NORD);
    expect(await w.logged('lead inbox: could not check the channels of the new team')).toMatchObject({ level: 40 });
    await w.webhook([scoreEvent('1001')]);
    const failed = await w.logged('outbox: effect failed; will retry', (l) => l.kind === 'teams.deliver', 15_000);
    expect(failed.reason).toMatch(/503/);
    expect(cardsWith(w, INBOX, 'Jonas')).toHaveLength(0);
    w.connector.clearFaults();
    await w.settle(30_000);
    expect(cardsWith(w, INBOX, 'Jonas')).toHaveLength(1);
  });
});
