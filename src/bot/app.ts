import type { TeamsAdapter, TurnState } from '@microsoft/teams-ai';
// By file: the package index also loads tokenizers and an OpenAI client LeadBridge never uses (~20 MB).
import { Application } from '@microsoft/teams-ai/lib/Application.js';
import type { Deps } from '../services/deps.js';
import { onTurnFailed, registerUnknownActions } from './action-failures.js';
import { registerCardActions } from './card-actions/index.js';
import type { ChatBrain } from './chat/brain.js';
import { registerChat } from './chat/index.js';
import { registerInstall } from './install.js';
import { type ForeignReason, registerTenantBoundary } from './tenant.js';

export interface BotAppOptions {
  botAppId?: string;
  /** BOT_TENANT_ID: activities from any other tenant are ignored. */
  tenantId?: string;
  onIgnored?(reason: ForeignReason): void;
}

/** The teams-ai Application with LeadBridge's handlers. */
export function createBotApp(
  adapter: TeamsAdapter,
  deps: Deps,
  brain: ChatBrain,
  o: BotAppOptions = {},
): Application<TurnState> {
  const app = new Application<TurnState>({
    adapter,
    botAppId: o.botAppId,
    startTypingTimer: false,
    removeRecipientMention: true,
    longRunningMessages: false,
  } as any);
  // First: nothing else (storing the conversation included) runs for an activity from another tenant.
  registerTenantBoundary(app, { tenantId: o.tenantId, log: deps.log, onIgnored: o.onIgnored });
  registerInstall(app, deps);
  registerCardActions(app, deps);
  registerChat(app, deps, brain);
  registerUnknownActions(app, deps); // last: only what no other route took
  app.error(onTurnFailed(deps));
  return app;
}
