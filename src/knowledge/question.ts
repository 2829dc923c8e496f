/** Takes a free-text glossary question apart: language, tokens, content words, comparison parts, "describes a term" cue. */
import { detectLanguage, type Locale } from './text/language.js';
import { foldGerman, tokenizeDe } from './text/normalize.js';
import { isQualifier, isStopword, swappedStopword } from './text/stopwords.js';

export interface ParsedQuestion {
  text: string;
  locale: Locale;
  /** Folded German tokens of the whole question, stopwords included (aliases may contain them, e.g. "Double Opt In"). */
  tokens: string[];
  /** Positions of the words that must be explained by a term match. */
  content: number[];
  /** The question describes a term instead of naming it ("Wie nennt man …", "What do you call …"). */
  descriptive: boolean;
  /**
   * "Unterschied zwischen X und Y", "X vs. Y", "Was unterscheidet X von Y", "Unterschied X Y": the possible splits
   * into the token ranges [start, end) of X and Y, most likely first (the retriever takes the first whose sides are terms).
   */
  comparison: Array<[[number, number], [number, number]]>;
  /** Folded tokens the question writes in capitals ("DE", "PMM"): only these may be read as a term's initials. */
  acronyms: Set<string>;
}

const COMPARISON_CUE =
  /\b(unterschied\w*|unterscheid\w*|difference\w*|differ\w*|vs|versus|verglichen|vergleich|compare\w*|gegenuber)\b/;
const CONJUNCTIONS = new Set(['und', 'and', 'vs', 'versus', 'oder', 'or']);
/** Words that join the two sides only after a comparison verb ("unterscheidet X von Y", "compared to Y"). */
const WEAK_CONJUNCTIONS = new Set(['von', 'vom', 'from', 'to', 'with', 'mit', 'gegenuber']);
const DESCRIPTIVE_CUE =
  /^(wie (nennt|nennen|heisst|heissen|bezeichnet|bezeichnen|nenne)|wer (ist|macht|kummert|ubernimmt|verantwortet)|welche[rsnm]? |what (do|does|is the (term|name|word))|who |which |was ist (das|der) (wort|begriff|name) )/;

/** Content positions in [from, to): no stopwords or numbers; qualifiers only if nothing else is left. */
export function contentPositions(tokens: string[], from = 0, to = tokens.length): number[] {
  const positions: number[] = [];
  for (let i = from; i < to; i++) if (!isStopword(tokens[i]) && !/^\d+$/.test(tokens[i])) positions.push(i);
  const specific = positions.filter((i) => !isQualifier(tokens[i]));
  return specific.length ? specific : positions;
}

type Split = [[number, number], [number, number]];

function comparisonParts(tokens: string[], folded: string): Split[] {
  if (!COMPARISON_CUE.test(folded)) return [];
  const hasContent = (from: number, to: number) => contentPositions(tokens, from, to).length > 0;
  const splits: Split[] = [];
  const add = (leftEnd: number, rightStart: number) => {
    if (hasContent(0, leftEnd) && hasContent(rightStart, tokens.length))
      splits.push([
        [0, leftEnd],
        [rightStart, tokens.length],
      ]);
  };
  const between = tokens.findIndex((t) => t === 'zwischen' || t === 'between');
  for (const words of [CONJUNCTIONS, WEAK_CONJUNCTIONS])
    tokens.forEach((t, i) => {
      if (i > between && words.has(t)) add(i, i + 1);
    });
  // No joining word at all ("Unterschied Inbound Outbound"): every gap between two content words.
  const content = contentPositions(tokens);
  for (let k = 1; k < content.length; k++) add(content[k], content[k]);
  return splits;
}

/** Words a question starts with; what comes before them in the same message is preamble ("Sorry, dumme Frage: was ist …"). */
const QUESTION_START =
  /^(was|wie|wer|wen|wem|wo|wozu|wofur|warum|wieso|welche[rsnm]?|what|whats|how|who|which|why|where|erklar\w*|explain|define|kannst|can|could)$/;
const CLAUSE_BREAK = /[,:;!?…–—]|\.{2,}|\s-\s/;

/** First token of the message's last clause that starts with a question word, if it holds content; else 0. */
function questionStart(text: string, tokens: string[]): number {
  const clauses = text.split(CLAUSE_BREAK);
  let before = text.length;
  for (let k = clauses.length - 1; k > 0; k--) {
    before -= clauses[k].length + 1;
    const words = tokenizeDe(clauses[k]);
    if (!words.length || !QUESTION_START.test(words[0])) continue;
    const from = tokenizeDe(text.slice(0, Math.max(0, before))).length;
    if (from < tokens.length && contentPositions(tokens, from).length) return from;
  }
  return 0;
}

/** Content from `from` on; a swapped-letter function word among the first two ("wsa ist …") is no content. */
function questionContent(tokens: string[], from: number): number[] {
  const content = contentPositions(tokens, from);
  const kept = content.filter((i) => i - from >= 2 || !swappedStopword(tokens[i]));
  return kept.length ? kept : content;
}

/** Tokens written in capitals, 2–5 letters ("DE", "PMM"), folded like the other tokens. */
function acronymsOf(text: string): Set<string> {
  return new Set([...text.matchAll(/(?<![\p{L}\p{N}])\p{Lu}{2,5}(?![\p{L}\p{N}])/gu)].flatMap((m) => tokenizeDe(m[0])));
}

/** A question is short; longer text is cut so a pasted e-mail cannot cost more than a question. */
export const MAX_QUESTION_TOKENS = 40;

export function parseQuestion(text: string, forced?: Locale): ParsedQuestion {
  const folded = foldGerman(text.trim());
  const tokens = tokenizeDe(text).slice(0, MAX_QUESTION_TOKENS);
  return {
    text,
    locale: forced ?? detectLanguage(text),
    tokens,
    content: questionContent(tokens, questionStart(text, tokens)),
    descriptive: DESCRIPTIVE_CUE.test(folded),
    comparison: comparisonParts(tokens, folded),
    acronyms: acronymsOf(text),
  };
}

const LEADING =
  /^(?:(?:und|and|also|so|ok|okay|hey|bitte|please)[,\s]+)*(?:was\s+(?:ist|sind|war|bedeutet|bedeuten|hei(?:ß|ss)t|meint\s+man\s+mit|versteht\s+man\s+unter)|wof(?:ü|u)r\s+steht|erkl(?:ä|a)re?\s+(?:mir\s+)?|what\s+(?:is|are|was|does|do)|what's|whats|explain|define|tell\s+me\s+(?:about|what))\s+/i;
const ARTICLE = /^(?:(?:ein|eine|einen|einem|der|die|das|den|dem|a|an|the)\s+)/i;
const TRAILING = /\s+(?:mean|means|stand\s+for|stands\s+for|bedeutet|is|are|ist)?\s*[?!.]*$/i;

/** The thing asked about, for "„SEO“ steht nicht im Glossar": question phrasing and articles removed. */
export function questionSubject(text: string): string {
  const subject = text
    .trim()
    .replace(LEADING, '')
    .replace(ARTICLE, '')
    .replace(TRAILING, '')
    .replace(/[?!.]+$/, '')
    .trim();
  return subject && subject.split(/\s+/).length <= 6 ? subject : text.trim();
}
