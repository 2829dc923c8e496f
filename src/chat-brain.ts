import type { ChatBrain } from './bot/messages.js';
import type { Deps } from './services/deps.js';

const COMMANDS: Array<[RegExp, ReturnType<ChatBrain['command']>]> = [
  [/^(meine|my)\s+leads?\b/i, 'my_leads'],
  [/^(hilfe|help|\?)$/i, 'help'],
];

/** Chat routing: lead commands first, everything else goes to the glossary and classification. */
export function createChatBrain(_deps: Deps): ChatBrain {
  return {
    command(text) {
      for (const [re, cmd] of COMMANDS) if (re.test(text.trim())) return cmd;
      return null;
    },
    async answer(text, locale) {
      return { text: locale === 'en' ? `I cannot answer "${text}" yet.` : `Darauf habe ich noch keine Antwort: „${text}“.` };
    },
  };
}
