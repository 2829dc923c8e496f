import type { Application, TurnState } from '@microsoft/teams-ai';
import { tc } from '../../cards/i18n-chat.js';
import type { Deps } from '../../services/deps.js';
import { resolveActor } from '../actor.js';
import { turnLocale } from '../conversations.js';
import { toActivity } from '../teams-outbound.js';
import { asOutbound, type ChatBrain } from './brain.js';
import { chatCommands } from './commands.js';
import { answerPersonally } from './personal.js';
import type { ChatCommandRegistry } from './registry.js';

const MAX_TEXT = 2000;

/** Chat messages: a chat command runs (personal ones answer in the 1:1 chat); anything else is a question. */
export function registerChat(
  app: Application<TurnState>,
  deps: Deps,
  brain: ChatBrain,
  commands: ChatCommandRegistry = chatCommands(),
): void {
  app.activity('message', async (ctx) => {
    const raw = (ctx.activity.text ?? '').replace(/<[^>]*>/g, ' ');
    const text = raw
      // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters in chat text are replaced on purpose
      .replace(/[\u0000-\u001F\u007F]/g, ' ')
      .trim()
      .slice(0, MAX_TEXT);
    const locale = await turnLocale(deps, ctx);
    if (!text) {
      // An Action.Submit no handler knows (a card LeadBridge no longer has): say so rather than nothing.
      if (ctx.activity.value && typeof ctx.activity.value === 'object')
        await ctx.sendActivity(tc(locale).unknownAction(String((ctx.activity.value as { verb?: unknown }).verb ?? '')));
      return;
    }
    const command = commands.match(text);
    if (!command) {
      await ctx.sendActivity(toActivity(asOutbound(await brain.answer(text))));
    } else if (command.scope === 'personal') {
      await answerPersonally(deps, ctx, command, locale);
    } else {
      await ctx.sendActivity(toActivity(await command.run(deps, { locale, actor: () => resolveActor(deps, ctx) })));
    }
  });
}
