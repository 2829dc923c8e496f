import { renderAnswerCard } from '../../cards/knowledge-card.js';
import type { CompanyDirectory } from '../../domain/classification/company-directory.js';
import { type Answer, createKnowledge, type EntryChooser, renderAnswerText } from '../../knowledge/index.js';
import type { OutboundActivity } from '../../teams/types.js';

/** A knowledge answer as chat shows it: a card, and its text for clients without cards. */
export interface ChatReply {
  card?: object;
  text: string;
}

/** What chat needs from the knowledge module: answers to questions (commands are the bot's). */
export interface ChatBrain {
  /** The question's own language decides the answer's (Teams clients often report en-US whatever the user writes). */
  answer(text: string): Promise<ChatReply>;
}

export const replyOf = (answer: Answer): ChatReply => ({
  card: renderAnswerCard(answer),
  text: renderAnswerText(answer),
});

export const asOutbound = (r: ChatReply): OutboundActivity =>
  r.card ? { card: r.card, summary: r.text.slice(0, 200) } : { text: r.text };

/** Questions go to the glossary, the classification rules and the CRM company search (and, if set up, the model fallback). */
export function createChatBrain(companies: CompanyDirectory, chooser?: EntryChooser): ChatBrain {
  const knowledge = createKnowledge({ companies, chooser });
  return {
    answer: async (text) => replyOf(await knowledge.answerQuestion(text)),
  };
}
