import type { TeamsAdapter } from '@microsoft/teams-ai';
import type { ConversationReference, TurnContext } from 'botbuilder';
import { CardFactory, MessageFactory } from 'botbuilder';
import { IntegrationError, isRetryableStatus, parseRetryAfter } from '../lib/integration-error.js';
import type { Conversation } from '../store/conversations-repo.js';
import type { OutboundActivity, TeamsOutbound } from '../teams/types.js';

/** A message or card as a Bot Framework activity. */
export function toActivity(a: OutboundActivity) {
  if (!a.card) return MessageFactory.text(a.text ?? '');
  const m = MessageFactory.attachment(CardFactory.adaptiveCard(a.card));
  if (a.summary) m.summary = a.summary;
  if (a.text) m.text = a.text;
  return m;
}

/** Maps a connector failure onto IntegrationError: 403 = the user blocked or removed the bot. */
export function toTeamsError(err: unknown): IntegrationError {
  if (err instanceof IntegrationError) return err;
  const e = err as {
    statusCode?: number;
    response?: { headers?: { get?(n: string): string | undefined } };
    body?: any;
    code?: string;
    message?: string;
  };
  const status = e?.statusCode;
  const code = e?.body?.error?.code ?? e?.code;
  const msg = e?.body?.error?.message ?? e?.message ?? String(err);
  if (!status) return new IntegrationError('teams', `Teams unreachable: ${msg}`);
  if (status === 403)
    return new IntegrationError('teams', `Teams refused the message (${code ?? 'Forbidden'}): ${msg}`, {
      status,
      permanent: true,
      code: 'MessageWritesBlocked',
    });
  const retryAfterMs = parseRetryAfter(e.response?.headers?.get?.('retry-after'));
  return new IntegrationError('teams', `Teams ${status}: ${msg}`, {
    status,
    permanent: !isRetryableStatus(status),
    retryAfterMs,
    code,
  });
}

/** Runs `fn` in a proactive turn of the stored conversation; connector failures come out as IntegrationError. */
export async function inConversation<T>(
  adapter: TeamsAdapter,
  botAppId: string,
  to: Conversation,
  fn: (ctx: TurnContext) => Promise<T>,
): Promise<T> {
  let result: T | undefined;
  let failure: unknown;
  try {
    // Errors are caught inside the callback: the adapter's onTurnError would otherwise swallow them.
    await adapter.continueConversationAsync(botAppId, to.reference as Partial<ConversationReference>, async (ctx) => {
      try {
        result = await fn(ctx);
      } catch (err) {
        failure = err;
      }
    });
  } catch (err) {
    failure = err;
  }
  if (failure) throw toTeamsError(failure);
  return result as T;
}

/** Proactive sends and in-place updates through the Bot Framework connector. */
export function createTeamsOutbound(adapter: TeamsAdapter, botAppId: string): TeamsOutbound {
  const inConv = <T>(to: Conversation, fn: (ctx: TurnContext) => Promise<T>) =>
    inConversation(adapter, botAppId, to, fn);
  return {
    send: (to, activity) =>
      inConv(to, async (ctx) => {
        const r = await ctx.sendActivity(toActivity(activity));
        if (!r?.id) throw new IntegrationError('teams', 'Teams accepted the message but returned no activity id');
        return r.id;
      }),
    update: (to, activityId, activity) =>
      inConv(to, async (ctx) => {
        await ctx.updateActivity({ ...toActivity(activity), id: activityId });
      }),
  };
}
