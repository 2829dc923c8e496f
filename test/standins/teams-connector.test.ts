/** The Teams connector stand-in, exercised through botbuilder's real CloudAdapter / ConnectorClient. */
import {
  CardFactory,
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  type ConversationReference,
  MessageFactory,
  TeamsInfo,
  type TurnContext,
} from 'botbuilder';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTeamsConnector, type TeamsConnector, type TeamsMember } from './teams-connector.js';

const alex: TeamsMember = {
  id: '29:1alexWilberTeamsMri',
  aadObjectId: '7a3b2c1d-0000-4000-8000-000000000101',
  name: 'Alex Wilber',
  email: 'alexw@example.com',
  userPrincipalName: 'alexw@example.com',
  tenantId: 'b28fdbfd-2b78-4f93-b0f8-8881793f0f8f',
};
const BOT = { id: '28:6c1a5a43-9d67-4c3b-9a9e-2f0e4c7d1b11', name: 'LeadBridge' };
const TEAM = '19:vertrieb@thread.tacv2';

let tc: TeamsConnector;
const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
const card = (title: string) =>
  CardFactory.adaptiveCard({ type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text: title }] });

function reference(): ConversationReference {
  return {
    channelId: 'msteams',
    serviceUrl: tc.serviceUrl,
    bot: BOT,
    user: { id: alex.id, name: alex.name, aadObjectId: alex.aadObjectId },
    conversation: {
      id: tc.personalConversationId(alex.id),
      conversationType: 'personal',
      tenantId: alex.tenantId,
      isGroup: false,
      name: '',
    },
  };
}
const proactive = <T>(logic: (ctx: TurnContext) => Promise<T>): Promise<T> => {
  let out!: T;
  return adapter
    .continueConversationAsync('', reference(), async (ctx) => void (out = await logic(ctx)))
    .then(() => out);
};

beforeAll(async () => {
  tc = await startTeamsConnector();
});
afterAll(() => tc.close());
beforeEach(() => {
  tc.reset();
  tc.addMember(alex);
});

describe('sending and updating', () => {
  it('continueConversationAsync + sendActivity posts a card into the 1:1 chat', async () => {
    const res = await proactive((ctx) => ctx.sendActivity(MessageFactory.attachment(card('Neuer Lead'))));
    const cid = tc.personalConversationId(alex.id);
    expect(res?.id).toMatch(/^\d{13,}$/);
    const [stored] = tc.activities(cid);
    expect(stored.id).toBe(res!.id);
    expect(stored.activity).toMatchObject({ type: 'message', from: BOT, recipient: { id: alex.id } });
    expect(tc.cards(cid)[0].card).toMatchObject({ type: 'AdaptiveCard', body: [{ text: 'Neuer Lead' }] });
    // botbuilder sends proactive messages as a *reply* to the continuation event's random uuid
    expect(tc.requests.at(-1)).toMatchObject({ method: 'POST', status: 201 });
    expect(tc.requests.at(-1)!.path).toMatch(new RegExp(`^/v3/conversations/${cid}/activities/[0-9a-f-]{36}$`));
  });

  it('a stored reference.activityId is ignored by continueConversationAsync (replyToId = random uuid)', async () => {
    const ref = { ...reference(), activityId: '1700000000000' };
    await adapter.continueConversationAsync('', ref, async (ctx) => void (await ctx.sendActivity('Hallo')));
    expect(tc.requests.at(-1)!.path).not.toContain('1700000000000');
    expect(tc.activities(ref.conversation.id)[0].replyToId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('updateActivity replaces the card in place and keeps the history; waitFor sees the update', async () => {
    const sent = await proactive((ctx) => ctx.sendActivity(MessageFactory.attachment(card('v1'))));
    const mark = tc.mark();
    const updated = tc.waitFor((e) => e.kind === 'updated' && e.activityId === sent!.id, 2000);
    await proactive((ctx) => ctx.updateActivity({ ...MessageFactory.attachment(card('v2')), id: sent!.id }));
    const e = await updated;
    expect(e.activity.attachments?.[0].content).toMatchObject({ body: [{ text: 'v2' }] });
    const [stored] = tc.allActivities();
    expect(stored.versions).toHaveLength(2);
    expect(tc.cards()[0]).toMatchObject({ activityId: sent!.id, version: 2 });
    expect(tc.requests.at(-1)).toMatchObject({
      method: 'PUT',
      path: `/v3/conversations/${stored.conversationId}/activities/${sent!.id}`,
      status: 200,
    });
    // `since` also finds events that already happened
    expect((await tc.waitFor((x) => x.kind === 'updated', 100, { since: mark })).activityId).toBe(sent!.id);
  });

  it('updating an unknown activity → 404; deleteActivity marks it deleted', async () => {
    const err = await proactive((ctx) => ctx.updateActivity({ type: 'message', text: 'x', id: '123' })).catch((x) => x);
    expect(err.statusCode).toBe(404);
    const sent = await proactive((ctx) => ctx.sendActivity('weg damit'));
    await proactive((ctx) => ctx.deleteActivity(sent!.id));
    expect(tc.allActivities()[0].deleted).toBe(true);
  });

  it('createConversationAsync opens the (stable) 1:1 chat with a member of a team the bot is in', async () => {
    tc.addTeam({ id: TEAM, name: 'Vertrieb', memberIds: [alex.id] });
    let cid = '';
    await adapter.createConversationAsync(
      '',
      'msteams',
      tc.serviceUrl,
      '',
      {
        isGroup: false,
        bot: BOT,
        members: [{ id: alex.id, name: alex.name }],
        tenantId: alex.tenantId,
        channelData: { tenant: { id: alex.tenantId } },
      } as never,
      async (ctx) => {
        cid = ctx.activity.conversation.id;
        await ctx.sendActivity('Willkommen');
      },
    );
    expect(cid).toBe(tc.personalConversationId(alex.id));
    expect(tc.activities(cid).map((a) => a.activity.text)).toEqual(['Willkommen']);
  });
});

describe('teams: channels, roster, 1:1 chats', () => {
  const meg: TeamsMember = {
    ...alex,
    id: '29:1meganBowenTeamsMri',
    aadObjectId: '7a3b2c1d-0000-4000-8000-000000000102',
    name: 'Megan Bowen',
    email: 'meganb@example.com',
    userPrincipalName: 'meganb@example.com',
  };
  const inTeam = <T>(logic: (ctx: TurnContext) => Promise<T>): Promise<T> => {
    let out!: T;
    const ref = {
      ...reference(),
      conversation: { id: TEAM, conversationType: 'channel', tenantId: alex.tenantId, isGroup: true, name: '' },
    };
    return adapter.continueConversationAsync('', ref, async (ctx) => void (out = await logic(ctx))).then(() => out);
  };
  const open = (id: string) =>
    adapter.createConversationAsync(
      '',
      'msteams',
      tc.serviceUrl,
      '',
      {
        isGroup: false,
        bot: BOT,
        members: [{ id }],
        tenantId: alex.tenantId,
        channelData: { tenant: { id: alex.tenantId } },
      } as never,
      async () => {},
    );

  it('getTeamChannels lists the channels, General (id = team id) without a name; registering again adds channels and keeps the roster', async () => {
    tc.addTeam({
      id: TEAM,
      name: 'Vertrieb',
      channels: [
        { id: TEAM, name: null },
        { id: '19:inbox@thread.tacv2', name: 'Lead-Eingang' },
      ],
      memberIds: [alex.id],
    });
    tc.addTeam({ id: TEAM, name: 'Vertrieb', channels: [{ id: '19:other@thread.tacv2', name: 'Sonstiges' }] });
    const channels = await inTeam((ctx) => TeamsInfo.getTeamChannels(ctx, TEAM));
    expect(channels).toEqual([
      { id: TEAM, name: null },
      { id: '19:inbox@thread.tacv2', name: 'Lead-Eingang' },
      { id: '19:other@thread.tacv2', name: 'Sonstiges' },
    ]);
    expect(tc.requests.at(-1)).toMatchObject({ method: 'GET', path: `/v3/teams/${TEAM}/conversations`, status: 200 });
    const err = await inTeam((ctx) => TeamsInfo.getTeamChannels(ctx, '19:unknown@thread.tacv2')).catch((x) => x);
    expect(err.statusCode).toBe(404);
    tc.addMember(meg);
    expect((await inTeam((ctx) => TeamsInfo.getPagedTeamMembers(ctx, TEAM, 100))).members.map((m) => m.id)).toEqual([
      alex.id,
    ]);
  });

  it('getPagedTeamMembers pages with a continuation token (page size at least 50)', async () => {
    const many = Array.from({ length: 120 }, (_, i) => ({
      ...alex,
      id: `29:1member${i}`,
      aadObjectId: `aad-${i}`,
      email: `m${i}@example.com`,
      userPrincipalName: `m${i}@example.com`,
    }));
    many.forEach((m) => tc.addMember(m));
    tc.addTeam({ id: TEAM, name: 'Vertrieb', memberIds: many.map((m) => m.id) });
    const first = await inTeam((ctx) => TeamsInfo.getPagedTeamMembers(ctx, TEAM, 10));
    expect(first.members).toHaveLength(50);
    expect(first.continuationToken).toBeTruthy();
    const rest: string[] = [];
    for (let token = first.continuationToken; token; ) {
      const page = await inTeam((ctx) => TeamsInfo.getPagedTeamMembers(ctx, TEAM, 50, token));
      rest.push(...page.members.map((m) => m.id));
      token = page.continuationToken;
    }
    expect(new Set([...first.members.map((m) => m.id), ...rest]).size).toBe(120);
  });

  it('a 1:1 chat with someone the bot shares no team with → 403 BotNotInConversationRoster', async () => {
    tc.addMember(meg);
    tc.addTeam({ id: TEAM, name: 'Vertrieb', memberIds: [alex.id] });
    const err = await open(meg.id).catch((x) => x);
    expect(err.statusCode).toBe(403);
    expect(err.code).toBe('BotNotInConversationRoster');
    await open(alex.aadObjectId); // the AAD object id works as the member id too
    expect(tc.requests.at(-1)).toMatchObject({ method: 'POST', path: '/v3/conversations', status: 201 });
  });
});

describe('members', () => {
  it('TeamsInfo.getMember returns email/UPN; the AAD id comes as objectId (as Teams documents it)', async () => {
    const m = await proactive((ctx) => TeamsInfo.getMember(ctx, alex.id));
    expect(m).toMatchObject({
      id: alex.id,
      email: alex.email,
      userPrincipalName: alex.userPrincipalName,
      tenantId: alex.tenantId,
      name: 'Alex Wilber',
    });
    expect(m.aadObjectId).toBeUndefined();
    expect((m as unknown as { objectId: string }).objectId).toBe(alex.aadObjectId);
    tc.behaviour.memberIdField = 'both';
    expect((await proactive((ctx) => TeamsInfo.getMember(ctx, alex.userPrincipalName))).aadObjectId).toBe(
      alex.aadObjectId,
    );
  });

  it('TeamsInfo.getMembers maps objectId → aadObjectId; getPagedMembers pages', async () => {
    const all = await proactive((ctx) => TeamsInfo.getMembers(ctx));
    expect(all.map((x) => x.aadObjectId)).toEqual([alex.aadObjectId]);
    const page = await proactive((ctx) => TeamsInfo.getPagedMembers(ctx, 100));
    expect(page.members[0].email).toBe(alex.email);
  });

  it('unknown member → 404 MemberNotFoundInConversation', async () => {
    const err = await proactive((ctx) => TeamsInfo.getMember(ctx, '29:nobody')).catch((x) => x);
    expect(err.statusCode).toBe(404);
    expect(err.code).toBe('MemberNotFoundInConversation');
  });
});
