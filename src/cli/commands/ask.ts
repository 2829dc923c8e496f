/** `leadbridge ask "Was ist ein MQL?" [--json] [--lang de|en] [--companies companies.json]`: the bot's answer without Teams. */
import { readFile } from 'node:fs/promises';
import type { CompanyDirectory, CompanyRecord } from '../../domain/classification/company-directory.js';
import { type Answer, createKnowledge, renderAnswerText } from '../../knowledge/index.js';
import { type CliCommand, parseFlags } from '../registry.js';

/** A company list from a JSON file, searched like HubSpot's name search (case-insensitive substring). */
async function directoryFromFile(path: string): Promise<CompanyDirectory> {
  const companies = JSON.parse(await readFile(path, 'utf8')) as CompanyRecord[];
  return {
    async searchCompaniesByName(name) {
      const q = name.toLowerCase();
      return companies.filter((c) => c.name.toLowerCase().includes(q));
    },
  };
}

/** The structured result: what was recognised, not the rendering. */
export function summarise(answer: Answer): Record<string, unknown> {
  const base = { kind: answer.kind, termIds: answer.termIds, confidence: answer.confidence, locale: answer.locale };
  switch (answer.kind) {
    case 'glossary':
      return { ...base, term: answer.entry.term, matchedBy: answer.matchedBy };
    case 'segment':
      return { ...base, segment: answer.result.segment, basis: answer.result.basis, conflict: answer.result.conflict };
    case 'betreuungsmodell':
      return { ...base, model: answer.result.model, closest: answer.result.closest, missing: answer.result.missing };
    case 'company':
      return { ...base, company: answer.company, segment: answer.result?.segment ?? null };
    case 'company_choice':
      return { ...base, companies: answer.companies.map((c) => ({ id: c.id, name: c.name, domain: c.domain })) };
    case 'command':
      return { ...base, command: answer.command };
    default:
      return base;
  }
}

export const askCommand: CliCommand = {
  name: 'ask',
  summary: 'Answer a question as the bot would (glossary, classification, command routing).',
  usage: 'leadbridge ask "<question>" [--json] [--lang de|en] [--companies <companies.json>]',
  async run(args, io) {
    const { flags, positional } = parseFlags(args, ['json']);
    const question = positional.join(' ').trim();
    const lang = flags.lang;
    if (!question || (lang !== undefined && lang !== 'de' && lang !== 'en')) {
      io.err(`Usage: ${this.usage}`);
      return 2;
    }
    const companies = typeof flags.companies === 'string' ? await directoryFromFile(flags.companies) : undefined;
    const answer = await createKnowledge({ companies }).ask(question, lang || undefined);
    io.out(flags.json ? JSON.stringify(summarise(answer), null, 2) : renderAnswerText(answer));
    return 0;
  },
};
