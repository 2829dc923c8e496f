import type { Application, TurnState } from '@microsoft/teams-ai';
import { ActivityTypes, INVOKE_RESPONSE_KEY, type TurnContext } from 'botbuilder';
import { z } from 'zod';
import { type Locale, toLocale } from '../cards/i18n.js';
import { tc } from '../cards/i18n-chat.js';
import type { Deps } from '../services/deps.js';
import { turnLocale } from './conversations.js';

const ACTION_INVOKE = 'adaptiveCard/action';
/** The part of an `adaptiveCard/action` invoke LeadBridge reads; anything else in it is ignored. */
const InvokeValue = z
  .object({ action: z.object({ type: z.string().optional(), verb: z.string().max(100).optional() }).passthrough() })
  .passthrough();

const isCardAction = (ctx: TurnContext) =>
  ctx.activity.type === ActivityTypes.Invoke && ctx.activity.name === ACTION_INVOKE;

/**
 * Answers a Universal Action with a message (HTTP 200), as teams-ai's actionExecute does for a string
 * (AdaptiveCardInvokeResponseType.MESSAGE). Teams shows its generic error for a failed invoke; this says what happened.
 */
async function answerWithMessage(ctx: TurnContext, text: string): Promise<void> {
  await ctx.sendActivity({
    type: ActivityTypes.InvokeResponse,
    value: { status: 200, body: { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: text } },
  });
}

/**
 * Last route: a card action no handler took (an unknown verb, a payload without `Action.Execute`) gets a message
 * instead of the adapter's 501. Register after every other card action.
 */
export function registerUnknownActions(app: Application<TurnState>, deps: Deps): void {
  app.addRoute(
    async (ctx) => isCardAction(ctx),
    async (ctx) => {
      const parsed = InvokeValue.safeParse(ctx.activity.value);
      const verb = parsed.success ? (parsed.data.action.verb ?? '') : '';
      deps.log.info({ verb, valid: parsed.success }, 'card action nobody handles');
      await answerWithMessage(ctx, tc(await failureLocale(deps, ctx)).unknownAction(verb));
    },
    true,
  );
}

/** The language the card or chat would have answered in; the activity's own when the store cannot say (it may be what failed). */
async function failureLocale(deps: Deps, ctx: TurnContext): Promise<Locale> {
  try {
    return await turnLocale(deps, ctx);
  } catch {
    return toLocale(ctx.activity.locale, deps.settings.defaultLocale);
  }
}

/** The turn error handler: logs, and tells the person — in the chat, or as the card action's answer (never a 5xx). */
export function onTurnFailed(deps: Deps) {
  return async (ctx: TurnContext, err: unknown): Promise<void> => {
    deps.log.error({ err: String(err), type: ctx.activity.type, name: ctx.activity.name ?? null }, 'bot turn failed');
    const text = tc(await failureLocale(deps, ctx)).actionFailed;
    try {
      if (isCardAction(ctx)) {
        if (!ctx.turnState.get(INVOKE_RESPONSE_KEY)) await answerWithMessage(ctx, text);
      } else if (ctx.activity.type === ActivityTypes.Message) {
        await ctx.sendActivity(text);
      }
    } catch (e) {
      deps.log.warn({ err: String(e) }, 'could not tell the user about the failure');
    }
  };
}
