// By file: the package index also loads tokenizers and an OpenAI client LeadBridge never uses (~20 MB).
import { TeamsAdapter } from '@microsoft/teams-ai/lib/TeamsAdapter.js';
import type { Config } from '../config.js';

/**
 * The Bot Framework adapter; with no BOT_ID, authentication is off (local playground and tests).
 * botbuilder 4.23 (ConfigurationServiceClientCredentialFactory) reads MicrosoftAppType case-insensitively:
 * SingleTenant needs id, password and tenant; UserAssignedMsi needs id (the identity's client id) and tenant, and
 * refuses a password; MultiTenant needs id and password. src/config.ts checks the same before we get here.
 */
export function createAdapter(bot: Config['bot']): TeamsAdapter {
  if (!bot) return new TeamsAdapter({});
  return new TeamsAdapter({
    MicrosoftAppId: bot.appId,
    MicrosoftAppPassword: bot.type === 'UserAssignedMsi' ? '' : (bot.password ?? ''),
    MicrosoftAppType: bot.type,
    MicrosoftAppTenantId: bot.type === 'MultiTenant' ? '' : (bot.tenantId ?? ''),
  });
}
