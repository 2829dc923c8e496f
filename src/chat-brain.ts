import type { ChatBrain } from './bot/messages.js';
import { renderAnswerCard } from './cards/knowledge-card.js';
import type { CompanyDirectory } from './domain/classification/company-directory.js';
import type { HubSpot } from './hubspot/types.js';
import { createKnowledge, detectCommand, renderAnswerText } from './knowledge/index.js';

/** HubSpot's CRM company search, through the same client as the lead flow. */
export function hubspotCompanies(hubspot: HubSpot, portalId?: number): CompanyDirectory {
  return { searchCompaniesByName: (name) => hubspot.searchCompaniesByName(name, portalId) };
}

/** Chat routing: lead commands go to the lead flow, everything else to the glossary and classification. */
export function createChatBrain(companies: CompanyDirectory): ChatBrain {
  const knowledge = createKnowledge({ companies });
  return {
    command: (text) => detectCommand(text),
    async answer(text, locale) {
      // A question's own language decides the answer's (Teams clients often report en-US whatever the user
      // writes); a bare "help" says nothing about the language, so the Teams locale does.
      const answer = await knowledge.ask(text, detectCommand(text) === 'help' ? locale : undefined);
      return { card: renderAnswerCard(answer), text: renderAnswerText(answer) };
    },
  };
}
