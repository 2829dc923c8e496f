import { type Activity, type ConversationReference, TurnContext } from 'botbuilder';
import type { Locale } from '../cards/i18n.js';
import type { Deps } from '../services/deps.js';
import { rememberConversation } from '../services/lead/delivery.js';
import { inboxLocale, personLocale } from '../services/locale.js';
import { getConversation } from '../store/conversations-repo.js';
import { savePersonLocale } from '../store/person-locales-repo.js';
import { memberOf } from './actor.js';

/** Conversations whose reference and user identity are already stored, with their locale (saves a look-up per message). */
const known = new Map<string, string | null>();
/** The last language stored per person (saves a write per activity). */
const personLocales = new Map<string, string>();

/** The sender's own language: the activity's `locale`, else the one in its `clientInfo` entity. */
export function activityLocale(a: Partial<Activity>): string | null {
  const info = (a.entities ?? []).find((e) => e.type === 'clientInfo') as { locale?: unknown } | undefined;
  return a.locale || (typeof info?.locale === 'string' && info.locale ? info.locale : null);
}

/** The language to answer this activity in: in a personal chat the person's own, elsewhere the inbox language. */
export function turnLocale(deps: Deps, ctx: TurnContext): Promise<Locale> {
  const a = ctx.activity;
  if (a.conversation?.conversationType !== 'personal') return Promise.resolve(inboxLocale(deps));
  return senderLocale(deps, a);
}

/** The sender's own language, wherever they wrote: this activity's, else the one kept for them. */
export const senderLocale = (deps: Deps, a: Partial<Activity>): Promise<Locale> =>
  personLocale(deps, [a.from?.aadObjectId, a.from?.id], activityLocale(a));

/** Keeps the language of the person who sent this activity (wherever they wrote or clicked). */
async function rememberPersonLocale(deps: Deps, a: Partial<Activity>): Promise<void> {
  const key = a.from?.aadObjectId ?? a.from?.id;
  const locale = activityLocale(a);
  if (!key || !locale || key.startsWith('28:') || personLocales.get(key) === locale) return;
  await savePersonLocale(deps.store.db, key, locale, deps.clock.now());
  personLocales.set(key, locale);
}

/**
 * Stores the conversation reference of a personal chat with the user's AAD id, email and UPN (from
 * TeamsInfo.getMember), or of a team channel the bot was added to (a lead inbox candidate).
 */
export async function captureConversation(deps: Deps, ctx: TurnContext, force = false): Promise<void> {
  const a = ctx.activity;
  await rememberPersonLocale(deps, a);
  const kind =
    a.conversation?.conversationType === 'channel' || a.channelData?.team
      ? 'channel'
      : a.conversation?.conversationType === 'personal'
        ? 'personal'
        : null;
  if (!kind || !a.conversation?.id) return;
  const id = kind === 'channel' ? channelConversationId(ctx) : a.conversation.id;
  // A known conversation is stored again only when the user's Teams locale changed. A channel has no language:
  // what anyone does there never changes the language of channel posts.
  const locale = kind === 'personal' ? activityLocale(a) : null;
  if (!force && known.has(id) && (!locale || known.get(id) === locale)) return;
  const reference = TurnContext.getConversationReference(a) as ConversationReference;
  if (kind === 'channel') reference.conversation = { ...reference.conversation, id } as any;
  const stored = await getConversation(deps.store.db, id);
  let email = stored?.email ?? null;
  let upn = stored?.upn ?? null;
  let aad = stored?.aadObjectId ?? a.from?.aadObjectId ?? null;
  let name = stored?.name ?? a.from?.name ?? null;
  if (kind === 'personal' && (!email || force)) {
    try {
      const m = await memberOf(deps, ctx, force);
      email = m.email ?? email;
      upn = m.userPrincipalName ?? upn;
      aad = m.aadObjectId ?? (m as { objectId?: string }).objectId ?? aad;
      name = m.name ?? name;
    } catch (err) {
      deps.log.warn({ err: String(err) }, 'could not read the member profile; trying again on the next message');
    }
  }
  await rememberConversation(deps, {
    id,
    kind,
    reference,
    userId: kind === 'personal' ? a.from.id : null,
    aadObjectId: kind === 'personal' ? aad : null,
    email: kind === 'personal' ? email : null,
    upn: kind === 'personal' ? upn : null,
    name: kind === 'personal' ? name : channelName(ctx, id),
    tenantId: a.conversation.tenantId ?? a.channelData?.tenant?.id ?? null,
    locale: kind === 'personal' ? (locale ?? stored?.locale ?? null) : null,
    teamId: a.channelData?.team?.id ?? null,
    blocked: false,
  });
  if (kind === 'channel') await rememberTeam(deps, ctx, reference);
  if (kind === 'channel' || email) known.set(id, kind === 'personal' ? (locale ?? stored?.locale ?? null) : null);
}

/** The team itself (its General channel, id = team id): through it the bot lists channels, reads the roster, posts to the inbox. */
async function rememberTeam(deps: Deps, ctx: TurnContext, reference: ConversationReference): Promise<void> {
  const a = ctx.activity;
  const teamId = a.channelData?.team?.id as string | undefined;
  if (!teamId || teamId === reference.conversation.id || known.has(teamId)) return;
  await rememberConversation(deps, {
    id: teamId,
    kind: 'channel',
    reference: { ...reference, conversation: { ...reference.conversation, id: teamId } },
    userId: null,
    aadObjectId: null,
    email: null,
    upn: null,
    name: channelName(ctx, teamId),
    tenantId: a.conversation.tenantId ?? a.channelData?.tenant?.id ?? null,
    locale: null,
    teamId,
    blocked: false,
  });
  known.set(teamId, null);
}

/** The General channel (id = team id) is named after its team; another channel by its name when the activity has it. */
function channelName(ctx: TurnContext, id: string): string {
  const cd = ctx.activity.channelData;
  if (id === cd?.team?.id) return cd.team.name ?? 'General';
  return cd?.channel?.id === id && cd.channel.name ? cd.channel.name : 'Channel';
}

/** Posts to a channel go to the channel's own conversation id, not to a reply thread. */
function channelConversationId(ctx: TurnContext): string {
  const a = ctx.activity;
  const channelId = a.channelData?.channel?.id ?? a.channelData?.team?.id;
  return channelId ?? a.conversation.id.split(';')[0]!;
}

export function forgetKnownConversations(): void {
  known.clear();
  personLocales.clear();
}
