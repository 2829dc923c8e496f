import { myLeadsCard } from '../../cards/my-leads-card.js';
import { CHAT_COMMANDS, type ChatCommandName, type ChatCommandSpec } from '../../knowledge/commands.js';
import { helpAnswer } from '../../knowledge/index.js';
import { type DigestCommand, digestChatReply } from '../../services/digest/digest.js';
import { openLeadsOfOwner } from '../../store/leads-repo.js';
import { asOutbound, replyOf } from './brain.js';
import { ChatCommandRegistry, type ChatRun } from './registry.js';

const digest =
  (command: DigestCommand): ChatRun =>
  async (deps, { locale, actor }) =>
    asOutbound(await digestChatReply(deps, (await actor()).email, command, locale));

/** What each chat command answers; its name, patterns, help line and scope are declared in CHAT_COMMANDS. */
const RUN: Record<ChatCommandName, ChatRun> = {
  help: async (_deps, { locale }) => asOutbound(replyOf(helpAnswer(locale))),
  my_leads: async (deps, { locale, actor }) => {
    const { email } = await actor();
    const leads = email ? await openLeadsOfOwner(deps.store.db, email) : [];
    return { card: myLeadsCard(leads, locale, deps.clock.now(), deps.settings.timeZone) };
  },
  digest: digest('digest'),
  digest_on: digest('digest_on'),
  digest_off: digest('digest_off'),
};

/** Every chat command, checked for duplicates and overlapping phrases. */
export function chatCommands(): ChatCommandRegistry {
  const registry = new ChatCommandRegistry();
  for (const [name, spec] of Object.entries(CHAT_COMMANDS) as Array<[ChatCommandName, ChatCommandSpec]>)
    registry.register({ ...spec, name, run: RUN[name] });
  return registry;
}
