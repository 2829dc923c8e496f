import type { Application, TurnState } from '@microsoft/teams-ai';
import type { Deps } from '../services/deps.js';
import { captureConversation } from './conversations.js';

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
    if (botAdded && ctx.activity.conversation.conversationType === 'personal') {
      await ctx.sendActivity(deps.settings.defaultLocale === 'en'
        ? 'Hello! I will post new MQLs for you here. Ask me about the glossary, e.g. "What is an SAL?", or type "help".'
        : 'Hallo! Neue MQLs für dich erscheinen hier. Frag mich nach dem Glossar, z. B. „Was ist ein SAL?“, oder schreib „Hilfe“.');
    }
  });
  app.activity('installationUpdate', async () => {});
}
