import type { TurnContext } from 'botbuilder';
import type { Locale } from '../../cards/i18n.js';
import { tc } from '../../cards/i18n-chat.js';
import type { Deps } from '../../services/deps.js';
import { sendPersonally } from '../../services/lead/personal-chat.js';
import { resolveActor } from '../actor.js';
import { senderLocale } from '../conversations.js';
import { toActivity } from '../teams-outbound.js';
import type { ChatCommand } from './registry.js';

type PersonalCommand = Extract<ChatCommand, { scope: 'personal' }>;

/** In the personal chat: the answer. Anywhere else (channel, group chat): the answer goes to the 1:1 chat, the channel gets one line. */
export async function answerPersonally(
  deps: Deps,
  ctx: TurnContext,
  command: PersonalCommand,
  locale: Locale,
): Promise<void> {
  const actor = await resolveActor(deps, ctx);
  const turn = (l: Locale) => ({ locale: l, actor: async () => actor });
  if (ctx.activity.conversation.conversationType === 'personal') {
    await ctx.sendActivity(toActivity(await command.run(deps, turn(locale))));
    return;
  }
  // The content goes to the person's chat in their own language; the channel's line in the channel's.
  const own = await senderLocale(deps, ctx.activity);
  const sent = await sendPersonally(deps, { aadObjectId: actor.id, email: actor.email }, () =>
    command.run(deps, turn(own)),
  );
  await ctx.sendActivity(sent ? command.sentToChat[locale] : tc(locale).openChat);
}
