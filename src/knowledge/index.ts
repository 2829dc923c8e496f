/** The knowledge service: glossary questions, account classification and routing of lead commands, without any bot SDK. */
import { classifyBetreuungsmodell } from '../domain/classification/betreuungsmodell.js';
import type { CompanyDirectory } from '../domain/classification/company-directory.js';
import { classifyKundensegment } from '../domain/classification/kundensegment.js';
import {
  GLOSSARY,
  type GlossaryEntry,
  glossaryEntry,
  glossaryGroup,
  sameDefinition,
} from '../domain/glossary/index.js';
import type { Answer, HelpAnswer } from './answer.js';
import { type ClassificationIntent, detectClassification } from './classification-intent.js';
import { BETREUUNGSMODELL_TERM, SEGMENT_TERM } from './classification-terms.js';
import { detectCommand } from './commands.js';
import { detectCompanyLookup } from './company-intent.js';
import { lookUpCompany } from './company-lookup.js';
import { Bm25DefinitionIndex } from './definition-index.js';
import { chooserPrompt, chosenId, type EntryChooser, MAX_CANDIDATES } from './entry-chooser.js';
import { explainBetreuungsmodell } from './explain-betreuungsmodell.js';
import { explainSegment } from './explain-segment.js';
import { GLOSSARY_GROUPS } from './glossary-groups.js';
import { type GlossaryResult, GlossaryRetriever } from './glossary-retriever.js';
import { parseQuestion, questionSubject } from './question.js';
import { TermMatcher } from './term-matcher.js';
import { detectLanguage, type Locale } from './text/language.js';

export type * from './answer.js';
export { detectCommand } from './commands.js';
export type { ChooserPrompt, EntryChooser } from './entry-chooser.js';
export { renderAnswerText } from './render-text.js';

/** What the bot can do, in `locale`. */
export const helpAnswer = (locale: Locale): HelpAnswer => ({ kind: 'help', locale, confidence: 1, termIds: [] });

export interface KnowledgeOptions {
  /** CRM company search for "Klassifiziere die Musterfirma GmbH"; without it such questions answer "unavailable". */
  companies?: CompanyDirectory;
  /** Optional language model that picks among close entries when the retriever is unsure; without it nothing is sent. */
  chooser?: EntryChooser;
}

/** Glossary answers below this confidence (and refusals with candidates) go to the chooser, if there is one. */
export const LOW_CONFIDENCE = 0.6;
/** Confidence of an entry the model picked: it chose among candidates, it did not find the words. */
const MODEL_CONFIDENCE = 0.7;

export interface Knowledge {
  /** Answers a free-text message; `locale` forces the answer language, otherwise the question's language is used. */
  ask(text: string, locale?: Locale): Promise<Answer>;
  /** Like `ask` for a message already known to be no chat command (the bot matched its commands first). */
  answerQuestion(text: string, locale?: Locale): Promise<Answer>;
}

/** Builds the glossary indexes once; `ask` is then synchronous work plus an optional company search. */
export function createKnowledge(opts: KnowledgeOptions = {}): Knowledge {
  const retriever = new GlossaryRetriever(
    GLOSSARY,
    new TermMatcher(GLOSSARY, GLOSSARY_GROUPS),
    new Bm25DefinitionIndex(GLOSSARY),
  );

  const question = async (text: string, locale: Locale): Promise<Answer> => {
    if (!text) return helpAnswer(locale);
    const classification = detectClassification(text);
    if (classification) return classify(classification, locale);
    const company = detectCompanyLookup(text);
    if (company) return lookUpCompany(opts.companies, company, locale);
    const parsed = parseQuestion(text, locale);
    const answer = fromGlossary(retriever.retrieve(parsed), text, locale);
    if (
      !opts.chooser ||
      !(answer.kind === 'not_found' || (answer.kind === 'glossary' && answer.confidence < LOW_CONFIDENCE))
    )
      return answer;
    const candidates = retriever.candidates(parsed, MAX_CANDIDATES).map(glossaryEntry);
    if (!candidates.length) return answer; // nothing close: nothing to choose from, nothing sent
    return askModel(opts.chooser, text, candidates, answer, locale);
  };
  return {
    async ask(raw, forced) {
      const text = withoutMentions(raw);
      const locale = forced ?? detectLanguage(text);
      const command = detectCommand(text);
      if (command === 'help') return helpAnswer(locale);
      if (command) return { kind: 'command', command, locale, confidence: 1, termIds: [] };
      return question(text, locale);
    },
    async answerQuestion(raw, forced) {
      const text = withoutMentions(raw);
      return question(text, forced ?? detectLanguage(text));
    },
  };
}

/**
 * The model picks one candidate by id and the answer is that glossary entry; "none", an unknown id or nonsense gives
 * the plain refusal; a model that fails or times out leaves the retriever's own answer.
 */
async function askModel(
  chooser: EntryChooser,
  question: string,
  candidates: GlossaryEntry[],
  own: Answer,
  locale: Locale,
): Promise<Answer> {
  const prompt = chooserPrompt(question, candidates);
  let reply: string;
  try {
    reply = await chooser.choose(prompt);
  } catch {
    return own;
  }
  const id = chosenId(reply, prompt.ids);
  if (!id) return fromGlossary({ kind: 'none', suggestions: prompt.ids.slice(0, 3) }, question, locale);
  return {
    kind: 'glossary',
    entry: glossaryEntry(id),
    matchedBy: 'model',
    alternatives: [],
    locale,
    confidence: MODEL_CONFIDENCE,
    termIds: [id],
  };
}

const withoutMentions = (raw: string) =>
  raw
    .replace(/<at>.*?<\/at>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim(); // Teams @mentions

function classify(intent: ClassificationIntent, locale: Locale): Answer {
  if (intent.kind === 'betreuungsmodell') {
    const result = classifyBetreuungsmodell(intent.input);
    return {
      kind: 'betreuungsmodell',
      result,
      input: intent.input,
      reasoning: explainBetreuungsmodell(result, intent.input, locale),
      locale,
      confidence: result.model ? 1 : 0.5,
      termIds: [BETREUUNGSMODELL_TERM[result.closest]],
    };
  }
  // detectClassification only returns 'segment' with at least one measure.
  const result = classifyKundensegment(intent.input)!;
  return {
    kind: 'segment',
    result,
    figures: intent.figures,
    reasoning: explainSegment(result, locale),
    locale,
    confidence: 1,
    termIds: [SEGMENT_TERM[result.segment]],
  };
}

function fromGlossary(r: GlossaryResult, query: string, locale: Locale): Answer {
  switch (r.kind) {
    case 'entry':
      return {
        kind: 'glossary',
        entry: glossaryEntry(r.id),
        matchedBy: r.matchedBy,
        alternatives: (r.alternatives ?? []).map(glossaryEntry),
        locale,
        confidence: r.confidence,
        termIds: [r.id],
      };
    case 'comparison': {
      const entries: [GlossaryEntry, GlossaryEntry] = [glossaryEntry(r.ids[0]), glossaryEntry(r.ids[1])];
      return {
        kind: 'comparison',
        entries,
        sameDefinition: sameDefinition(...entries),
        locale,
        confidence: r.confidence,
        termIds: [...r.ids],
      };
    }
    case 'group': {
      const entries = glossaryGroup(r.group);
      return {
        kind: 'overview',
        group: r.group,
        entries,
        locale,
        confidence: r.confidence,
        termIds: entries.map((e) => e.id),
      };
    }
    case 'none': {
      const suggestions = r.suggestions.map(glossaryEntry);
      return {
        kind: 'not_found',
        query: questionSubject(query),
        suggestions,
        locale,
        confidence: suggestions.length ? 0.6 : 0.9,
        termIds: suggestions.map((e) => e.id),
      };
    }
  }
}
