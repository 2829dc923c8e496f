/**
 * The Teams channel helpers against a minimal real bot (restify + CloudAdapter + TeamsActivityHandler,
 * auth disabled) whose outbound calls go to the connector stand-in.
 */
import {
  type AdaptiveCardInvokeResponse,
  type AdaptiveCardInvokeValue,
  CardFactory,
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  type ConversationReference,
  TeamsActivityHandler,
  TeamsInfo,
  TurnContext,
} from 'botbuilder';
import restify from 'restify';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTeamsChannel, type TeamsChannel, type TeamsUser } from './teams-channel.js';
import { startTeamsConnector, type TeamsConnector } from './teams-connector.js';

const alex: TeamsUser = {
  id: '29:1alexWilberTeamsMri',
  aadObjectId: '7a3b2c1d-0000-4000-8000-000000000101',
  name: 'Alex Wilber',
  email: 'alexw@example.com',
  upn: 'alexw@example.com',
  tenantId: 'b28fdbfd-2b78-4f93-b0f8-8881793f0f8f',
  locale: 'de-DE',
};
const team = {
  id: '19:csmNordTeam@thread.tacv2',
  name: 'CSM Nord',
  aadGroupId: 'f3ec8cd2-e704-4344-8c47-9a3a21d683c0',
  channelId: '19:leads@thread.tacv2',
  channelName: 'Leads',
};

class EchoBot extends TeamsActivityHandler {
  refs: ConversationReference[] = [];
  constructor() {
    super();
    this.onInstallationUpdateAdd(async (ctx, next) => {
      this.refs.push(TurnContext.getConversationReference(ctx.activity) as ConversationReference);
      await ctx.sendActivity('installed');
      await next();
    });
    this.onMembersAdded(async (ctx, next) => {
      await ctx.sendActivity(`welcome ${ctx.activity.conversation.conversationType}`);
      await next();
    });
    this.onMessage(async (ctx, next) => {
      const m = await TeamsInfo.getMember(ctx, ctx.activity.from.id);
      await ctx.sendActivity(`echo:${ctx.activity.text}|${m.email}|${ctx.activity.locale}`);
      await next();
    });
  }
  protected async onAdaptiveCardInvoke(
    ctx: TurnContext,
    v: AdaptiveCardInvokeValue,
  ): Promise<AdaptiveCardInvokeResponse> {
    // botbuilder's parsed value drops `trigger`: read it from the raw activity.
    const trigger = (ctx.activity.value as { trigger?: string }).trigger;
    const card = CardFactory.adaptiveCard({
      type: 'AdaptiveCard',
      version: '1.5',
      body: [
        {
          type: 'TextBlock',
          text: `${v.action.verb}:${JSON.stringify(v.action.data)}:${trigger}:${(v as { trigger?: string }).trigger}`,
        },
      ],
    });
    return { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: card.content };
  }
}

let tc: TeamsConnector;
let teams: TeamsChannel;
let server: restify.Server;
const bot = new EchoBot();
const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
const texts = (cid: string) => tc.activities(cid).map((a) => a.activity.text);

beforeAll(async () => {
  tc = await startTeamsConnector();
  server = restify.createServer();
  server.use(restify.plugins.bodyParser());
  server.post('/api/messages', async (req, res) => adapter.process(req, res, (ctx) => bot.run(ctx)));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  teams = createTeamsChannel({
    botUrl: `http://127.0.0.1:${(server.address() as { port: number }).port}`,
    connector: tc,
  });
});
afterAll(async () => {
  server.close();
  await tc.close();
});
beforeEach(() => tc.reset());

describe('personal scope', () => {
  it('installationUpdate reaches the bot; its reply lands in the 1:1 chat; the reference works proactively', async () => {
    const r = await teams.installationUpdate(alex);
    expect(r.status).toBe(200);
    expect(r.activity).toMatchObject({
      type: 'installationUpdate',
      action: 'add',
      channelId: 'msteams',
      recipient: { id: expect.stringMatching(/^28:/), name: 'LeadBridge' },
    });
    const cid = teams.personalConversationId(alex);
    expect(texts(cid)).toEqual(['installed']);
    const ref = bot.refs.at(-1)!;
    expect(ref).toMatchObject({
      serviceUrl: tc.serviceUrl,
      conversation: { id: cid, conversationType: 'personal', tenantId: alex.tenantId },
    });
    await adapter.continueConversationAsync('', ref, async (ctx) => void (await ctx.sendActivity('proaktiv')));
    expect(texts(cid)).toEqual(['installed', 'proaktiv']);
  });

  it('conversationUpdate membersAdded (personal)', async () => {
    const r = await teams.conversationUpdateMembersAdded(alex);
    expect(r.status).toBe(200);
    expect((r.activity.membersAdded as Array<{ id: string }>).map((m) => m.id)).toEqual([
      expect.stringMatching(/^28:/),
      alex.id,
    ]);
    expect(texts(teams.personalConversationId(alex))).toEqual(['welcome personal']);
  });

  it('message: the activity has no email (the bot must ask getMember), locale is passed on', async () => {
    const r = await teams.message(alex, 'hallo', { locale: 'en-US' });
    expect(r.status).toBe(200);
    expect(r.activity.from).toEqual({ id: alex.id, name: alex.name, aadObjectId: alex.aadObjectId });
    expect(texts(teams.personalConversationId(alex))).toEqual(['echo:hallo|alexw@example.com|en-US']);
  });

  it('cardAction: invoke adaptiveCard/action; the HTTP body is the invoke response', async () => {
    const r = await teams.cardAction(alex, { verb: 'accept', data: { leadId: 'L-1' } }, { replyToId: '1700000000000' });
    expect(r.status).toBe(200);
    expect(r.activity).toMatchObject({
      type: 'invoke',
      name: 'adaptiveCard/action',
      replyToId: '1700000000000',
      value: { action: { type: 'Action.Execute', verb: 'accept', data: { leadId: 'L-1' } }, trigger: 'manual' },
    });
    expect(r.body).toMatchObject({
      statusCode: 200,
      type: 'application/vnd.microsoft.card.adaptive',
      value: { body: [{ text: 'accept:{"leadId":"L-1"}:manual:undefined' }] },
    });
    const refresh = await teams.cardRefresh(alex, { verb: 'view', data: {} });
    expect((refresh.body as { value: { body: Array<{ text: string }> } }).value.body[0].text).toBe(
      'view:{}:automatic:undefined',
    );
  });
});

describe('connector in another process', () => {
  it('registers users through the control API when only URLs are known', async () => {
    const remote = createTeamsChannel({
      botUrl: `http://127.0.0.1:${(server.address() as { port: number }).port}/api/messages`,
      connector: { serviceUrl: tc.serviceUrl, url: tc.url },
    });
    const megan = {
      ...alex,
      id: '29:1meganBowenTeamsMri',
      name: 'Megan Bowen',
      email: 'meganb@example.com',
      upn: 'meganb@example.com',
    };
    expect((await remote.message(megan, 'hi')).status).toBe(200);
    expect(texts(remote.personalConversationId(megan))).toEqual(['echo:hi|meganb@example.com|de-DE']);
  });
});

describe('team scope', () => {
  it('bot added to a team: conversation is the channel, channelData.team is set', async () => {
    const r = await teams.botAddedToTeam(alex, team);
    expect(r.status).toBe(200);
    expect(r.activity).toMatchObject({
      type: 'conversationUpdate',
      conversation: { isGroup: true, conversationType: 'channel', id: team.channelId },
      channelData: {
        team: { id: team.id, name: team.name, aadGroupId: team.aadGroupId },
        eventType: 'teamMemberAdded',
        settings: { selectedChannel: { id: team.channelId } },
      },
    });
    expect(texts(team.channelId)).toEqual(['welcome channel']);
  });

  it('a channel message is a thread (`;messageid=`) with a mention; replies go into that thread', async () => {
    const r = await teams.message(alex, 'status?', { team });
    const cid = (r.activity.conversation as { id: string }).id;
    expect(cid).toBe(`${team.channelId};messageid=${r.activity.id}`);
    expect(r.activity.text).toBe('<at>LeadBridge</at> status?');
    expect(texts(cid)).toEqual(['echo:<at>LeadBridge</at> status?|alexw@example.com|de-DE']);
  });
});
