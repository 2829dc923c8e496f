/** Teams: the Bot Framework credentials production needs (offline: no call to Microsoft). */
import type { Config } from '../../config.js';
import { type Check, fail, type Outcome, ok } from '../types.js';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const FIX =
  'copy them from the Azure Bot registration (Configuration: Microsoft App ID, App Tenant ID; a client secret of its app registration)';

function credentials(bot: Config['bot']): Outcome {
  if (!bot)
    return fail(
      'BOT_ID is not set: Bot Framework authentication is off (only for local tests)',
      `set BOT_ID, BOT_PASSWORD and BOT_TENANT_ID; ${FIX}`,
    );
  const type = String(bot.type);
  const msi = type.toLowerCase() === 'userassignedmsi';
  const problems: string[] = [];
  if (!GUID.test(bot.appId)) problems.push('BOT_ID is not an app id (a GUID)');
  if (!msi && !bot.password) problems.push('BOT_PASSWORD is not set');
  if (type !== 'MultiTenant' && !bot.tenantId) problems.push(`BOT_TENANT_ID is not set (needed for ${type})`);
  if (bot.tenantId && !GUID.test(bot.tenantId)) problems.push('BOT_TENANT_ID is not a tenant id (a GUID)');
  if (problems.length) return fail(problems.join('; '), FIX);
  return ok(
    `${type} app ${bot.appId}${bot.tenantId ? ` in tenant ${bot.tenantId}` : ''}${msi ? '' : ', password set'}`,
  );
}

export function teamsCheck(bot: Config['bot']): Check {
  return { id: 'teams', name: 'Teams bot credentials', run: async () => credentials(bot) };
}
