import type { Conversation } from '../../store/conversations-repo.js';
import { findPersonalByAad, findPersonalByEmail } from '../../store/conversations-repo.js';
import type { OutboundActivity } from '../../teams/types.js';
import type { Deps } from '../deps.js';
import { reachPerson } from './delivery.js';

/** A person as Teams' member API identified them. */
export interface PersonRef {
  aadObjectId: string;
  email: string | null;
}

/**
 * The 1:1 chat where personal content for `person` goes: the personal conversation they have with the bot,
 * else one the bot opens with them as a member of a team it is installed in, else null.
 */
export async function personalChatOf(deps: Deps, person: PersonRef): Promise<Conversation | null> {
  const conv =
    (await findPersonalByAad(deps.store.db, person.aadObjectId)) ??
    (person.email ? await findPersonalByEmail(deps.store.db, person.email) : null);
  if (conv) return conv.blocked ? null : conv;
  if (!person.email) return null;
  try {
    return await reachPerson(deps, person.email);
  } catch (err) {
    deps.log.warn({ err: String(err) }, 'could not open a 1:1 chat for personal content');
    return null;
  }
}

/**
 * Sends personal content to the person's 1:1 chat. `content` is only built when there is a chat to send it to.
 * false: no chat known, or Teams refused the message (logged).
 */
export async function sendPersonally(
  deps: Deps,
  person: PersonRef,
  content: () => Promise<OutboundActivity>,
): Promise<boolean> {
  const chat = await personalChatOf(deps, person);
  if (!chat) return false;
  const activity = await content();
  try {
    await deps.teams.send(chat, activity);
    return true;
  } catch (err) {
    deps.log.warn({ err: String(err), conversation: chat.id }, 'could not send personal content to the 1:1 chat');
    return false;
  }
}
