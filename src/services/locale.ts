import { type Locale, toLocale } from '../cards/i18n.js';
import type { Conversation } from '../store/conversations-repo.js';
import { findPersonLocale } from '../store/person-locales-repo.js';
import type { Deps } from './deps.js';

/** The language of what is posted there: a person's own (from their activities), or the inbox language for a channel. */
export async function localeFor(deps: Deps, to: Conversation): Promise<Locale> {
  if (to.kind === 'channel') return deps.settings.inboxLocale ?? deps.settings.defaultLocale;
  const own = await findPersonLocale(deps.store.db, [to.aadObjectId, to.userId]);
  return toLocale(own ?? to.locale, deps.settings.defaultLocale);
}
