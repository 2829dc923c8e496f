/** Incoming activities exactly as Teams sends them to a bot (personal chat and team channel). */
import { randomUUID } from 'node:crypto';
import type { TeamsMember } from './teams-store.js';
import { personalConversationId } from './teams-store.js';

export interface TeamsUser {
  /** Teams MRI, `29:…`. */
  id: string;
  aadObjectId: string;
  name: string;
  email: string;
  upn: string;
  tenantId: string;
  locale?: string;
  timezone?: string;
}

export interface TeamRef {
  id: string;
  name: string;
  aadGroupId: string;
  channelId?: string;
  channelName?: string;
}

export interface ActivityContext {
  serviceUrl: string;
  botId: string;
  botName: string;
  /** Target conversation; the user's 1:1 chat when omitted. */
  team?: TeamRef;
  /** For channel messages: the thread's root message id (`19:…;messageid=…`). */
  threadId?: string;
}

export type IncomingActivity = Record<string, unknown> & { type: string; id: string };

export function memberOf(u: TeamsUser): TeamsMember {
  const [givenName, ...rest] = u.name.split(' ');
  return {
    id: u.id,
    aadObjectId: u.aadObjectId,
    name: u.name,
    email: u.email,
    userPrincipalName: u.upn,
    tenantId: u.tenantId,
    givenName,
    surname: rest.join(' '),
  };
}

function localTimestamp(d: Date, timeZone: string): string {
  const off =
    new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' })
      .formatToParts(d)
      .find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  const offset = off === 'GMT' ? '+00:00' : off.replace('GMT', '');
  const sign = offset.startsWith('-') ? -1 : 1;
  const [h, m] = offset.slice(1).split(':').map(Number);
  const local = new Date(d.getTime() + sign * (h * 60 + (m || 0)) * 60_000);
  return local.toISOString().replace('Z', offset);
}

let lastMessageId = Date.now();
/** Message ids are epoch milliseconds in Teams. */
export function messageId(): string {
  lastMessageId = Math.max(lastMessageId + 1, Date.now());
  return String(lastMessageId);
}
export const eventId = () => `f:${randomUUID()}`;

/** Fields every Teams activity carries. */
export function base(
  type: string,
  id: string,
  user: TeamsUser,
  ctx: ActivityContext,
  withName = true,
): IncomingActivity {
  const now = new Date();
  const locale = user.locale ?? 'de-DE';
  const timezone = user.timezone ?? 'Europe/Berlin';
  const team = ctx.team;
  const channelId = team ? (team.channelId ?? team.id) : undefined;
  return {
    type,
    id,
    timestamp: now.toISOString(),
    localTimestamp: localTimestamp(now, timezone),
    serviceUrl: ctx.serviceUrl,
    channelId: 'msteams',
    from: { id: user.id, ...(withName ? { name: user.name } : {}), aadObjectId: user.aadObjectId },
    conversation: team
      ? {
          isGroup: true,
          conversationType: 'channel',
          tenantId: user.tenantId,
          id: ctx.threadId ?? channelId,
          ...(team.channelName ? { name: team.channelName } : {}),
        }
      : { conversationType: 'personal', tenantId: user.tenantId, id: personalConversationId(user.id) },
    recipient: { id: `28:${ctx.botId}`, name: ctx.botName },
    entities: [{ locale, country: locale.split('-')[1] ?? 'DE', platform: 'Web', timezone, type: 'clientInfo' }],
    channelData: team
      ? {
          teamsChannelId: channelId,
          teamsTeamId: team.id,
          channel: { id: channelId },
          team: { id: team.id, name: team.name, aadGroupId: team.aadGroupId },
          tenant: { id: user.tenantId },
        }
      : { tenant: { id: user.tenantId } },
    locale,
    localTimezone: timezone,
  };
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function messageActivity(user: TeamsUser, text: string, ctx: ActivityContext): IncomingActivity {
  const id = messageId();
  const a = base(
    'message',
    id,
    user,
    ctx.team && !ctx.threadId ? { ...ctx, threadId: `${ctx.team.channelId ?? ctx.team.id};messageid=${id}` } : ctx,
  );
  const mention = ctx.team ? `<at>${ctx.botName}</at> ` : '';
  return {
    ...a,
    text: `${mention}${text}`,
    textFormat: 'plain',
    attachments: [
      {
        contentType: 'text/html',
        content: `<p>${ctx.team ? `<span itemscope="" itemtype="http://schema.skype.com/Mention" itemid="0">${escapeHtml(ctx.botName)}</span>&nbsp;` : ''}${escapeHtml(text)}</p>`,
      },
    ],
    ...(ctx.team
      ? {
          entities: [
            ...(a.entities as object[]),
            {
              type: 'mention',
              text: `<at>${ctx.botName}</at>`,
              mentioned: { id: `28:${ctx.botId}`, name: ctx.botName },
            },
          ],
        }
      : {}),
  };
}

export function installationUpdateActivity(
  user: TeamsUser,
  ctx: ActivityContext,
  action: 'add' | 'remove' = 'add',
): IncomingActivity {
  const a = base('installationUpdate', eventId(), user, ctx, false);
  const cd = a.channelData as Record<string, unknown>;
  return {
    ...a,
    action,
    channelData: ctx.team
      ? { ...cd, settings: { selectedChannel: { id: ctx.team.channelId ?? ctx.team.id } }, source: { name: 'message' } }
      : { ...cd, source: { name: 'message' } },
  };
}

/** Bot added to the user's personal scope, or (with `ctx.team`) to a team. */
export function membersAddedActivity(user: TeamsUser, ctx: ActivityContext): IncomingActivity {
  const a = base('conversationUpdate', eventId(), user, ctx, false);
  const bot = { id: `28:${ctx.botId}` };
  if (ctx.team) {
    const cd = a.channelData as Record<string, unknown>;
    return {
      ...a,
      membersAdded: [bot],
      channelData: {
        settings: { selectedChannel: { id: ctx.team.channelId ?? ctx.team.id } },
        team: cd.team,
        eventType: 'teamMemberAdded',
        tenant: cd.tenant,
      },
    };
  }
  return { ...a, membersAdded: [bot, { id: user.id, aadObjectId: user.aadObjectId }] };
}

/** Universal Action: `invoke` `adaptiveCard/action` (trigger `manual` for a click, `automatic` for a refresh). */
export function cardActionActivity(
  user: TeamsUser,
  action: { verb: string; data?: Record<string, unknown>; title?: string },
  ctx: ActivityContext & { replyToId?: string; trigger?: 'manual' | 'automatic' },
): IncomingActivity {
  const thread =
    ctx.team && !ctx.threadId && ctx.replyToId
      ? `${ctx.team.channelId ?? ctx.team.id};messageid=${ctx.replyToId}`
      : ctx.threadId;
  const a = base('invoke', eventId(), user, { ...ctx, threadId: thread });
  return {
    ...a,
    name: 'adaptiveCard/action',
    ...(ctx.replyToId ? { replyToId: ctx.replyToId } : {}),
    channelData: { ...(a.channelData as object), source: { name: 'message' } },
    value: {
      action: {
        type: 'Action.Execute',
        ...(action.title ? { title: action.title } : {}),
        verb: action.verb,
        data: action.data ?? {},
      },
      trigger: ctx.trigger ?? 'manual',
    },
  };
}
