import { renderAnswerCard } from '../cards/knowledge-card.js';
import type { Locale } from '../cards/i18n.js';
import type { CompanyDirectory } from '../domain/classification/company-directory.js';
import { createKnowledge, detectCommand, renderAnswerText } from './index.js';

/** Chat routing: lead commands go to the lead flow, everything else to the glossary and classification (bot/messages' ChatBrain). */
export function createChatBrain(companies: CompanyDirectory) {
  const knowledge = createKnowledge({ companies });
  return {
    command: (text: string) => detectCommand(text),
    async answer(text: string, locale: Locale) {
      // A question's own language decides the answer's (Teams clients often report en-US whatever the user
      // writes); a bare "help" says nothing about the language, so the Teams locale does.
      const answer = await knowledge.ask(text, detectCommand(text) === 'help' ? locale : undefined);
      return { card: renderAnswerCard(answer), text: renderAnswerText(answer) };
    },
  };
}
