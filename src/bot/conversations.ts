import { TurnContext, type ConversationReference } from 'botbuilder';
import type { Deps } from '../services/deps.js';
import { rememberConversation } from '../services/installation.js';
import { getConversation } from '../store/conversations-repo.js';
import { memberOf } from './actor.js';

/** Conversations whose reference and user identity are already stored, with their locale (saves a look-up per message). */
const known = new Map<string, string | null>();

/**
 * Stores the conversation reference of a personal chat with the user's AAD id, email and UPN (from
 * TeamsInfo.getMember), or of a team channel the bot was added to (a lead inbox candidate).
 */
export async function captureConversation(deps: Deps, ctx: TurnContext, force = false): Promise<void> {
  const a = ctx.activity;
  const kind = a.conversation?.conversationType === 'channel' || a.channelData?.team ? 'channel' : a.conversation?.conversationType === 'personal' ? 'personal' : null;
  if (!kind || !a.conversation?.id) return;
  const id = kind === 'channel' ? channelConversationId(ctx) : a.conversation.id;
  // A known conversation is stored again only when the user's Teams locale changed.
  if (!force && known.has(id) && (!a.locale || known.get(id) === a.locale)) return;
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
    id, kind, reference, userId: kind === 'personal' ? a.from.id : null, aadObjectId: kind === 'personal' ? aad : null,
    email: kind === 'personal' ? email : null, upn: kind === 'personal' ? upn : null, name: kind === 'personal' ? name : a.channelData?.channel?.name ?? 'Channel',
    tenantId: a.conversation.tenantId ?? a.channelData?.tenant?.id ?? null, locale: a.locale ?? stored?.locale ?? null,
    teamId: a.channelData?.team?.id ?? null, blocked: false,
  });
  if (kind === 'channel' || email) known.set(id, a.locale ?? stored?.locale ?? null);
}

/** Posts to a channel go to the channel's own conversation id, not to a reply thread. */
function channelConversationId(ctx: TurnContext): string {
  const a = ctx.activity;
  const channelId = a.channelData?.channel?.id ?? a.channelData?.team?.id;
  return channelId ?? a.conversation.id.split(';')[0]!;
}

export function forgetKnownConversations(): void {
  known.clear();
}
