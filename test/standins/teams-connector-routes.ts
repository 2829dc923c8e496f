/** Bot Framework Connector REST API v3 (Teams flavour) as botbuilder's `ConnectorClient` calls it. */
import { type Query, queryOne } from './standin-http.js';
import {
  ADAPTIVE_CARD,
  type ConversationRecord,
  type PostedActivity,
  personalConversationId,
  type StoredActivity,
  type TeamsMember,
  type TeamsStore,
} from './teams-store.js';

export interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface ConnectorBehaviour {
  /** Which AAD id field member responses carry. Teams documents `objectId`; some scenarios return `aadObjectId`. */
  memberIdField: 'objectId' | 'aadObjectId' | 'both';
  /** Teams rejects messages above ~28 KB with 413 — Microsoft Learn "Format your bot messages" / Bot Framework "Teams message size limit". */
  maxMessageBytes: number;
}

export const bfError = (code: string, message: string) => ({ error: { code, message } });

/** Body used when a fault gives a status but no body. */
export function defaultConnectorFaultBody(status: number): unknown {
  if (status === 429) return bfError('TooManyRequests', 'Too many requests. Retry after some time.');
  if (status === 403) return bfError('ConversationBlockedByUser', 'User blocked the conversation with the bot.');
  if (status === 404) return bfError('NotFound', 'Resource not found.');
  if (status === 412) return bfError('PreconditionFailed', 'Precondition failed, please try again.');
  if (status >= 500) return bfError('ServiceError', 'An error occurred in the service.');
  return bfError('BadArgument', `stand-in fault ${status}`);
}

export function memberJson(m: TeamsMember, field: ConnectorBehaviour['memberIdField']) {
  return {
    id: m.id,
    name: m.name,
    ...(field !== 'aadObjectId' ? { objectId: m.aadObjectId } : {}),
    ...(field !== 'objectId' ? { aadObjectId: m.aadObjectId } : {}),
    givenName: m.givenName ?? m.name.split(' ')[0],
    surname: m.surname ?? m.name.split(' ').slice(1).join(' '),
    email: m.email,
    userPrincipalName: m.userPrincipalName,
    tenantId: m.tenantId,
    userRole: m.userRole ?? 'user',
  };
}

const notFoundConv = (id: string): Reply => ({
  status: 404,
  body: bfError('ConversationNotFound', `Conversation ${id} not found.`),
});

export function handleV3(
  store: TeamsStore,
  beh: ConnectorBehaviour,
  method: string,
  segs: string[],
  query: Query,
  body: unknown,
  rawBytes: number,
): Reply {
  const [root, cid, sub, aid, tail] = segs;
  const act = (body ?? {}) as PostedActivity;

  const membersOf = (conv: ConversationRecord | undefined): TeamsMember[] =>
    conv?.memberIds
      ? conv.memberIds.map((id) => store.members.get(id)).filter((m): m is TeamsMember => !!m)
      : [...store.members.values()];

  function checkWrite(conv: ConversationRecord): Reply | undefined {
    if (conv.blocked) return { status: 403, body: bfError(conv.blocked.code, conv.blocked.message) };
    if (rawBytes > beh.maxMessageBytes)
      return { status: 413, body: bfError('MessageSizeTooBig', `Message size ${rawBytes} exceeds the limit.`) };
    // Bot Framework REST API reference, Activity object: `type` is required; the error text is unverified
    if (typeof act.type !== 'string')
      return { status: 400, body: bfError('BadArgument', 'Activity type is required.') };
    const badCard = (act.attachments ?? []).find(
      (a) => a.contentType === ADAPTIVE_CARD && (a.content as { type?: string })?.type !== 'AdaptiveCard',
    );
    // Unverified: the connector refusing a malformed Adaptive Card attachment (Teams renders nothing for it in practice)
    if (badCard)
      return {
        status: 400,
        body: bfError('BadArgument', 'Adaptive card attachment content must be an object of type AdaptiveCard.'),
      };
    return undefined;
  }

  const find = (conv: ConversationRecord, id: string): StoredActivity | undefined =>
    conv.activities.find((a) => a.id === id && !a.deleted);

  if (root === 'conversations' && !cid && method === 'POST')
    return createConversation(store, act as Record<string, unknown>);
  if (root === 'conversations' && !cid && method === 'GET') {
    return {
      status: 200,
      body: {
        conversations: [...store.conversations.values()].map((c) => ({
          id: c.id,
          members: membersOf(c).map((m) => ({ id: m.id })),
        })),
      },
    };
  }
  if (root === 'teams' && cid && method === 'GET') {
    const team = store.teams.get(cid);
    if (!team) return { status: 404, body: bfError('NotFound', `Team ${cid} not found.`) };
    // Teams: {conversations:[{id,name}]}, General's id = the team id and its name null — source: MicrosoftDocs/msteams-docs
    // msteams-platform/bots/how-to/get-teams-context.md ("Get the list of channels in a team").
    if (sub === 'conversations') return { status: 200, body: { conversations: team.channels } };
    return { status: 200, body: { id: team.id, name: team.name, aadGroupId: team.aadGroupId } };
  }
  if (root !== 'conversations' || !cid)
    return { status: 404, body: bfError('NotFound', `Unknown route ${method} /v3/${segs.join('/')}`) };

  const conv = store.conversation(cid);
  if (!conv) return notFoundConv(cid);

  if (sub === 'activities' && !aid && method === 'POST')
    return checkWrite(conv) ?? { status: 201, body: { id: store.addActivity(conv, act).id } };
  if (sub === 'activities' && aid && !tail && method === 'POST') {
    return (
      checkWrite(conv) ?? {
        status: 201,
        body: { id: store.addActivity(conv, { ...act, replyToId: act.replyToId ?? aid }, aid).id },
      }
    );
  }
  if (sub === 'activities' && aid && method === 'PUT') {
    const blocked = checkWrite(conv);
    if (blocked) return blocked;
    const stored = find(conv, aid);
    if (!stored) return { status: 404, body: bfError('NotFound', `Activity ${aid} not found in conversation.`) };
    store.updateActivity(stored, act);
    return { status: 200, body: { id: aid } };
  }
  if (sub === 'activities' && aid && method === 'DELETE') {
    const stored = find(conv, aid);
    if (!stored) return { status: 404, body: bfError('NotFound', `Activity ${aid} not found in conversation.`) };
    store.deleteActivity(stored);
    return { status: 200 };
  }
  if (sub === 'activities' && aid && tail === 'members' && method === 'GET') {
    return { status: 200, body: membersOf(conv).map((m) => memberJson(m, beh.memberIdField)) };
  }
  if (sub === 'members' && !aid && method === 'GET')
    return { status: 200, body: membersOf(conv).map((m) => memberJson(m, beh.memberIdField)) };
  if (sub === 'members' && aid && method === 'GET') {
    const m = store.findMember(aid);
    if (!m || (conv.memberIds && !conv.memberIds.includes(m.id))) {
      return {
        status: 404,
        body: bfError('MemberNotFoundInConversation', 'The member could not be found in the conversation.'),
      };
    }
    return { status: 200, body: memberJson(m, beh.memberIdField) };
  }
  // Teams: {continuationToken?, members:[TeamsChannelAccount]}; pageSize below 50 counts as 50, above 500 as 500 — source:
  // MicrosoftDocs/msteams-docs get-teams-context.md ("Fetch the roster or user profile"). The token format is unverified (opaque).
  if (sub === 'pagedmembers' && method === 'GET') {
    const size = Math.min(Math.max(Number(queryOne(query, 'pageSize') ?? 200) || 200, 50), 500);
    const token = queryOne(query, 'continuationToken');
    const offset = token ? Number(Buffer.from(token, 'base64url').toString()) || 0 : 0;
    const all = membersOf(conv);
    const next = offset + size < all.length ? Buffer.from(String(offset + size)).toString('base64url') : undefined;
    return {
      status: 200,
      body: {
        members: all.slice(offset, offset + size).map((m) => memberJson(m, beh.memberIdField)),
        ...(next ? { continuationToken: next } : {}),
      },
    };
  }
  return { status: 404, body: bfError('NotFound', `Unknown route ${method} /v3/${segs.join('/')}`) };
}

/**
 * POST /v3/conversations (Bot Framework REST API "Create Conversation"): a 1:1 chat (stable id per user) or a new channel
 * thread. Answer: ConversationResourceResponse {id, activityId?, serviceUrl?} — source: learn.microsoft.com botframework-schema
 * ConversationResourceResponse (serviceUrl is optional and left out here). Parameters as Microsoft's proactive sample sends them
 * ({members:[{id}], tenantId, channelData.tenant.id}) — source: OfficeDev/Microsoft-Teams-Samples
 * samples/bot-conversation/nodejs/bots/teamsConversationBot.js (messageAllMembersAsync).
 */
function createConversation(store: TeamsStore, p: Record<string, unknown>): Reply {
  const members = (p.members as Array<{ id: string }> | undefined) ?? [];
  const channelData = (p.channelData ?? {}) as { channel?: { id?: string }; tenant?: { id?: string } };
  const tenantId = (p.tenantId as string | undefined) ?? channelData.tenant?.id;
  const activity = p.activity as PostedActivity | undefined;
  if (channelData.channel?.id) {
    const channelId = channelData.channel.id;
    const first = store.nextActivityId();
    const conv = store.ensureConversation(`${channelId};messageid=${first}`, { conversationType: 'channel', tenantId });
    const stored = activity ? store.addActivity(conv, activity) : undefined;
    return { status: 201, body: { id: conv.id, ...(stored ? { activityId: stored.id } : {}) } };
  }
  // Unverified stand-in guard: Teams has no group chats created by bots, so LeadBridge only ever asks for one member
  if (members.length !== 1)
    return { status: 400, body: bfError('BadArgument', 'Exactly one member is needed for a 1:1 conversation.') };
  const member = store.findMember(members[0].id);
  // A user the bot shares no team with and who has no personal install: 403 BotNotInConversationRoster — source:
  // OfficeDev/microsoft-teams-apps-company-communicator issue #744 ("403 The bot is not part of the conversation roster").
  if (!member || !store.botCanReach(member))
    return {
      status: 403,
      body: bfError('BotNotInConversationRoster', 'The bot is not part of the conversation roster.'),
    };
  const conv = store.ensureConversation(personalConversationId(member.id), {
    conversationType: 'personal',
    tenantId: tenantId ?? member.tenantId,
    memberIds: [member.id],
  });
  if (activity) {
    // unverified: whether Teams refuses the creation itself for a user who blocked the bot; here only the send is refused.
    if (conv.blocked) return { status: 403, body: bfError(conv.blocked.code, conv.blocked.message) };
    const stored = store.addActivity(conv, activity);
    return { status: 201, body: { id: conv.id, activityId: stored.id } };
  }
  return { status: 201, body: { id: conv.id } };
}
