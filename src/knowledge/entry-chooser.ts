/**
 * The optional grounded fallback: a language model may only pick one of the glossary entries the retriever
 * found close to a question, by id, or none. It never writes a definition; the answer is rendered from the entry.
 */
import type { GlossaryEntry } from '../domain/glossary/index.js';

/** Chooses among candidate entries; resolves to an entry id, "none", or any text (anything else is a refusal). */
export interface EntryChooser {
  choose(prompt: ChooserPrompt): Promise<string>;
}

/** Exactly what is sent to the model: instructions, the question, and the candidates' ids, names and definitions. */
export interface ChooserPrompt {
  system: string;
  user: string;
  /** The ids the model may answer with. */
  ids: string[];
}

/** Definitions are cut to this length: enough to tell the candidates apart, little to send. */
const MAX_DEFINITION = 500;
export const MAX_CANDIDATES = 5;

const SYSTEM = [
  'You map a question from a sales or marketing colleague to one entry of a company glossary.',
  'You get the question and a few candidate entries, each with its id, name and definition.',
  'Answer with the id of the one entry that answers the question, exactly as given, and nothing else.',
  'If no entry answers the question, answer: none',
].join('\n');

export function chooserPrompt(question: string, candidates: GlossaryEntry[]): ChooserPrompt {
  const list = candidates.slice(0, MAX_CANDIDATES).map((e) => {
    const definition = e.definition.replace(/\s+/g, ' ').trim();
    const cut = definition.length > MAX_DEFINITION ? `${definition.slice(0, MAX_DEFINITION)}…` : definition;
    return `id: ${e.id}\nname: ${e.term} (${e.termEn})\ndefinition: ${cut}`;
  });
  return {
    system: SYSTEM,
    user: `Question: ${question.replace(/\s+/g, ' ').trim()}\n\nCandidates:\n\n${list.join('\n\n')}`,
    ids: candidates.slice(0, MAX_CANDIDATES).map((e) => e.id),
  };
}

/** The id the model chose, or null for "none", an unknown id, or anything else it may have written. */
export function chosenId(reply: string, ids: string[]): string | null {
  const answer = reply
    .trim()
    .replace(/^[`"'„“]+|[`"'“”.]+$/g, '')
    .trim()
    .toLowerCase();
  return ids.includes(answer) ? answer : null;
}
