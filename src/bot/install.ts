import type { Application, TurnState } from '@microsoft/teams-ai';
import type { Deps } from '../services/deps.js';
import { checkLeadInbox } from '../services/lead/inbox.js';
import { captureConversation, turnLocale } from './conversations.js';

/** Installation and every incoming activity: remember where the user (or channel) can be reached. */
export function registerInstall(app: Application<TurnState>, deps: Deps): void {
  app.turn('beforeTurn', async (ctx) => {
    const type = ctx.activity.type;
    const force = type === 'installationUpdate' || type === 'conversationUpdate';
    try {
      await captureConversation(deps, ctx, force);
    } catch (err) {
      deps.log.warn({ err: String(err) }, 'could not store the conversation reference');
    }
    return true;
  });
  app.conversationUpdate('membersAdded', async (ctx) => {
    const botAdded = ctx.activity.membersAdded?.some((m) => m.id === ctx.activity.recipient.id);
    if (botAdded && ctx.activity.channelData?.team) await checkInboxAfterInstall(deps);
    if (botAdded && ctx.activity.conversation.conversationType === 'personal') {
      await ctx.sendActivity(
        (await turnLocale(deps, ctx)) === 'en'
          ? 'Hello! I will post new MQLs for you here. Ask me about the glossary, e.g. "What is an SAL?", or type "help".'
          : 'Hallo! Neue MQLs für dich erscheinen hier. Frag mich nach dem Glossar, z. B. „Was ist ein SAL?“, oder schreib „Hilfe“.',
      );
    }
  });
  app.activity('installationUpdate', async () => {});
}

/** A new team may hold the configured inbox channel (or, unset, become the inbox): check and say so in the log. */
async function checkInboxAfterInstall(deps: Deps): Promise<void> {
  try {
    await checkLeadInbox(deps);
  } catch (err) {
    deps.log.warn({ err: String(err) }, 'lead inbox: could not check the channels of the new team');
  }
}
