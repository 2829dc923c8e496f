import type { Application, TurnState } from '@microsoft/teams-ai';
import type { TurnContext } from 'botbuilder';
import type { Verb } from '../../cards/verbs.js';
import type { Deps } from '../../services/deps.js';
import { resolveActor } from '../actor.js';
import { turnLocale } from '../conversations.js';
import { type CardAction, type CardReply, runAction } from './action.js';
import { ACTIONS } from './table.js';

async function reply(deps: Deps, ctx: TurnContext, verb: Verb, action: CardAction, data: unknown): Promise<CardReply> {
  const locale = await turnLocale(deps, ctx);
  let actor: ReturnType<typeof resolveActor> | undefined;
  return runAction(action, deps, { verb, locale, actor: () => (actor ??= resolveActor(deps, ctx)) }, data);
}

/** Registers each verb of the action table once, as Action.Execute and as its Action.Submit fallback. */
export function registerCardActions(
  app: Application<TurnState>,
  deps: Deps,
  actions: ReadonlyMap<Verb, CardAction> = ACTIONS,
): void {
  for (const [verb, action] of actions) {
    app.adaptiveCards.actionExecute(verb, async (ctx, _state, data) => {
      const result = await reply(deps, ctx, verb, action, data);
      // The outbox updates every posted copy (with its refresh); the invoke answer only replaces the clicker's
      // view. Without `refresh` here, teams-ai does not also update the message synchronously inside the invoke.
      if (typeof result === 'string') return result;
      const { refresh: _refresh, ...card } = result as Record<string, unknown>;
      return card as any;
    });
    // Clients without Universal Actions send Action.Submit: same handling, the card is replaced by an update.
    app.adaptiveCards.actionSubmit(verb, async (ctx, _state, data) => {
      const result = await reply(deps, ctx, verb, action, data);
      if (typeof result === 'string') await ctx.sendActivity(result);
      else if (ctx.activity.replyToId)
        await ctx.updateActivity({
          id: ctx.activity.replyToId,
          type: 'message',
          attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: result }],
        });
    });
  }
}
