import { TeamsAdapter } from '@microsoft/teams-ai';
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
