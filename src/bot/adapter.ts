// By file: the package index also loads tokenizers and an OpenAI client LeadBridge never uses (~20 MB).
import { TeamsAdapter } from '@microsoft/teams-ai/lib/TeamsAdapter.js';
import type { Config } from '../config.js';

/** The Bot Framework adapter; with no BOT_ID, authentication is off (local playground and tests). */
export function createAdapter(bot: Config['bot']): TeamsAdapter {
  if (!bot) return new TeamsAdapter({});
  return new TeamsAdapter({
    MicrosoftAppId: bot.appId,
    MicrosoftAppPassword: bot.password ?? '',
    MicrosoftAppType: bot.type,
    MicrosoftAppTenantId: bot.tenantId ?? '',
  });
}
