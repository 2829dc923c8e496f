import { type Locale, toLocale } from '../cards/i18n.js';
import type { Conversation } from '../store/conversations-repo.js';
import { findPersonLocale } from '../store/person-locales-repo.js';
import type { Deps } from './deps.js';

/** Channel posts have no reader's language: LEAD_INBOX_LOCALE, else DEFAULT_LOCALE. */
export const inboxLocale = (deps: Deps): Locale => deps.settings.inboxLocale ?? deps.settings.defaultLocale;

/**
 * A person's language: what they just sent (`current`), else the one kept from their own activities, else
 * `stored` (an older conversation row), else DEFAULT_LOCALE. `keys` are their Entra object id and Teams user id.
 */
export async function personLocale(
  deps: Deps,
  keys: Array<string | null | undefined>,
  current?: string | null,
  stored?: string | null,
): Promise<Locale> {
  const own = current || (await findPersonLocale(deps.store.db, keys));
  return toLocale(own ?? stored, deps.settings.defaultLocale);
}

/** The language of what is posted there: a person's own (from their activities), or the inbox language for a channel. */
export function localeFor(deps: Deps, to: Conversation): Promise<Locale> {
  if (to.kind === 'channel') return Promise.resolve(inboxLocale(deps));
  return personLocale(deps, [to.aadObjectId, to.userId], null, to.locale);
}
