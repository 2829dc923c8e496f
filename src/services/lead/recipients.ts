import { toLocale, type Locale } from '../../cards/i18n.js';
import type { IntegrationError } from '../../lib/integration-error.js';
import { findPersonalByEmail, installedTeams, type Conversation } from '../../store/conversations-repo.js';
import { findPersonLocale } from '../../store/person-locales-repo.js';
import type { Deps } from '../deps.js';
import { rememberConversation } from './installation.js';
import { passOver } from './inbox.js';

/** The language of what is posted there: a person's own (from their activities), or the inbox language for a channel. */
export async function localeFor(deps: Deps, to: Conversation): Promise<Locale> {
  if (to.kind === 'channel') return deps.settings.inboxLocale ?? deps.settings.defaultLocale;
  const own = await findPersonLocale(deps.store.db, [to.aadObjectId, to.userId]);
  return toLocale(own ?? to.locale, deps.settings.defaultLocale);
}

/**
 * Where a person is reached: their personal chat (blocked or not: the caller decides); else, when they are a member
 * of a team the bot is installed in, a 1:1 chat the bot opens with them, stored as their personal chat so later
 * cards reuse it; else null. Refusals (403, 404) are logged and passed over; passing trouble (429, 5xx) is thrown.
 */
export async function reachPerson(deps: Deps, email: string): Promise<Conversation | null> {
  const personal = await findPersonalByEmail(deps.store.db, email);
  if (personal || !deps.directory) return personal;
  for (const team of await installedTeams(deps.store.db)) {
    try {
      const member = await deps.directory.findMember(team, email);
      if (!member) continue;
      const chat = await deps.directory.openPersonalChat(team, member);
      await rememberConversation(deps, { ...chat, email: chat.email ?? email });
      deps.log.info({ email, team: team.name, conversationId: chat.id }, 'opened a 1:1 chat with a team member');
      return (await findPersonalByEmail(deps.store.db, email)) ?? chat;
    } catch (err) {
      if (!passOver(err)) throw err;
      deps.log.warn({ email, team: team.name, teamId: team.id, status: (err as IntegrationError).status, err: String(err) }, 'could not open a 1:1 chat with a team member; trying the next team, else the lead inbox');
    }
  }
  return null;
}
