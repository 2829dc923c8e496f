/**
 * The "Teams client side": builds incoming activities as Teams sends them and POSTs them to a
 * bot's `/api/messages` over real HTTP. Returns the HTTP status and body (for invokes: the invoke
 * response). Users are registered with the connector stand-in so `TeamsInfo.getMember` finds them.
 * The bot must run with Bot Framework auth disabled (no MicrosoftAppId): these requests carry no
 * Bot Framework JWT unless `authorization` is given.
 */
import {
  type ActivityContext,
  cardActionActivity,
  type IncomingActivity,
  installationUpdateActivity,
  memberOf,
  membersAddedActivity,
  messageActivity,
  type TeamRef,
  type TeamsUser,
} from './teams-activities.js';
import type { TeamsConnector } from './teams-connector.js';
import { personalConversationId } from './teams-store.js';

export type { IncomingActivity, TeamRef, TeamsUser } from './teams-activities.js';

export interface BotResponse {
  status: number;
  /** Parsed JSON, text, or undefined for an empty body. */
  body: unknown;
  /** The activity that was posted. */
  activity: IncomingActivity;
}

/** In-process connector, or just the URLs of one running in another process. */
export type ConnectorHandle = Pick<TeamsConnector, 'serviceUrl'> &
  Partial<Pick<TeamsConnector, 'url' | 'addMember' | 'addTeam'>>;

export interface TeamsChannelOptions {
  /** The bot's base URL or its full `/api/messages` URL. */
  botUrl: string;
  connector: ConnectorHandle;
  /** Microsoft App Id of the bot (recipient `28:<botId>`). */
  botId?: string;
  botName?: string;
  /** Sent as the Authorization header when given. */
  authorization?: string;
}

export interface Where {
  team?: TeamRef;
  threadId?: string;
}

export interface TeamsChannel {
  /** The user's 1:1 conversation id (as in the activities). */
  personalConversationId(user: TeamsUser): string;
  installationUpdate(user: TeamsUser, opts?: Where & { action?: 'add' | 'remove' }): Promise<BotResponse>;
  /** Bot added to the user's personal scope (or, with `team`, to that team: same as `botAddedToTeam`). */
  conversationUpdateMembersAdded(user: TeamsUser, opts?: { team?: TeamRef }): Promise<BotResponse>;
  /** Bot added to a team by `user` (conversation = the selected channel, `channelData.team` set). */
  botAddedToTeam(user: TeamsUser, team: TeamRef): Promise<BotResponse>;
  message(user: TeamsUser, text: string, opts?: Where & { locale?: string }): Promise<BotResponse>;
  cardAction(
    user: TeamsUser,
    action: { verb: string; data?: Record<string, unknown>; title?: string },
    opts?: Where & { replyToId?: string; locale?: string },
  ): Promise<BotResponse>;
  /** What Teams sends when a card's `refresh` fires for a listed user. */
  cardRefresh(
    user: TeamsUser,
    action: { verb: string; data?: Record<string, unknown> },
    opts?: Where & { replyToId?: string },
  ): Promise<BotResponse>;
  /** POSTs any activity as-is. */
  post(activity: IncomingActivity): Promise<BotResponse>;
}

export function createTeamsChannel(o: TeamsChannelOptions): TeamsChannel {
  const endpoint = /\/api\/messages\/?$/.test(o.botUrl) ? o.botUrl : `${o.botUrl.replace(/\/+$/, '')}/api/messages`;
  const botId = o.botId ?? '6c1a5a43-9d67-4c3b-9a9e-2f0e4c7d1b11';
  const botName = o.botName ?? 'LeadBridge';

  async function register(user: TeamsUser, team?: TeamRef): Promise<void> {
    const member = memberOf(user);
    if (o.connector.addMember) o.connector.addMember(member);
    else if (o.connector.url) await controlPost('/members', member);
    if (team) {
      const t = {
        id: team.id,
        name: team.name,
        aadGroupId: team.aadGroupId,
        channels: [
          { id: team.id, name: null },
          ...(team.channelId && team.channelId !== team.id
            ? [{ id: team.channelId, name: team.channelName ?? null }]
            : []),
        ],
      };
      if (o.connector.addTeam) o.connector.addTeam(t);
      else if (o.connector.url) await controlPost('/teams', t);
    }
  }

  async function controlPost(path: string, body: unknown): Promise<void> {
    const r = await fetch(`${o.connector.url}/_standin${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (!r.ok) throw new Error(`connector control ${path} failed: ${r.status}`);
  }

  async function post(activity: IncomingActivity): Promise<BotResponse> {
    const headers: Record<string, string> = {
      'content-type': 'application/json; charset=utf-8',
      'user-agent': 'Microsoft-SkypeBotApi (Microsoft-BotFramework/3.0)',
    };
    if (o.authorization) headers.authorization = o.authorization;
    const r = await fetch(endpoint, { method: 'POST', headers, body: JSON.stringify(activity) });
    const text = await r.text();
    let body: unknown = text || undefined;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      /* keep text */
    }
    return { status: r.status, body, activity };
  }

  const ctx = (w?: Where): ActivityContext => ({
    serviceUrl: o.connector.serviceUrl,
    botId,
    botName,
    ...(w?.team ? { team: w.team } : {}),
    ...(w?.threadId ? { threadId: w.threadId } : {}),
  });
  const withLocale = (u: TeamsUser, locale?: string): TeamsUser => (locale ? { ...u, locale } : u);

  return {
    personalConversationId: (u) => personalConversationId(u.id),
    async installationUpdate(user, opts) {
      await register(user, opts?.team);
      return post(installationUpdateActivity(user, ctx(opts), opts?.action ?? 'add'));
    },
    async conversationUpdateMembersAdded(user, opts) {
      await register(user, opts?.team);
      return post(membersAddedActivity(user, ctx(opts)));
    },
    async botAddedToTeam(user, team) {
      await register(user, team);
      return post(membersAddedActivity(user, ctx({ team })));
    },
    async message(user, text, opts) {
      await register(user, opts?.team);
      return post(messageActivity(withLocale(user, opts?.locale), text, ctx(opts)));
    },
    async cardAction(user, action, opts) {
      await register(user, opts?.team);
      return post(
        cardActionActivity(withLocale(user, opts?.locale), action, {
          ...ctx(opts),
          replyToId: opts?.replyToId,
          trigger: 'manual',
        }),
      );
    },
    async cardRefresh(user, action, opts) {
      await register(user, opts?.team);
      return post(cardActionActivity(user, action, { ...ctx(opts), replyToId: opts?.replyToId, trigger: 'automatic' }));
    },
    post,
  };
}
