/** Takes a free-text glossary question apart: language, tokens, content words, comparison parts, "describes a term" cue. */
import { detectLanguage, type Locale } from './text/language.js';
import { foldGerman, tokenizeDe } from './text/normalize.js';
import { isStopword, QUALIFIERS } from './text/stopwords.js';

export interface ParsedQuestion {
  text: string;
  locale: Locale;
  /** Folded German tokens of the whole question, stopwords included (aliases may contain them, e.g. "Double Opt In"). */
  tokens: string[];
  /** Positions of the words that must be explained by a term match. */
  content: number[];
  /** The question describes a term instead of naming it ("Wie nennt man …", "What do you call …"). */
  descriptive: boolean;
  /** "Unterschied zwischen X und Y", "X vs. Y": the token ranges [start, end) of X and Y. */
  comparison: [[number, number], [number, number]] | null;
}

const COMPARISON_CUE =
  /\b(unterschied\w*|unterscheid\w*|difference\w*|differ\w*|vs|versus|verglichen|vergleich|compare\w*|gegenuber)\b/;
const CONJUNCTIONS = new Set(['und', 'and', 'vs', 'versus', 'oder', 'or']);
const DESCRIPTIVE_CUE =
  /^(wie (nennt|nennen|heisst|heissen|bezeichnet|bezeichnen|nenne)|wer (ist|macht|kummert|ubernimmt|verantwortet)|welche[rsnm]? |what (do|does|is the (term|name|word))|who |which |was ist (das|der) (wort|begriff|name) )/;

/** Content positions in [from, to): no stopwords or numbers; qualifiers only if nothing else is left. */
export function contentPositions(tokens: string[], from = 0, to = tokens.length): number[] {
  const positions: number[] = [];
  for (let i = from; i < to; i++) if (!isStopword(tokens[i]) && !/^\d+$/.test(tokens[i])) positions.push(i);
  const specific = positions.filter((i) => !QUALIFIERS.has(tokens[i]));
  return specific.length ? specific : positions;
}

function comparisonParts(tokens: string[], folded: string): [[number, number], [number, number]] | null {
  if (!COMPARISON_CUE.test(folded)) return null;
  const vs = tokens.findIndex((t) => t === 'vs' || t === 'versus');
  const between = tokens.findIndex((t) => t === 'zwischen' || t === 'between');
  const conj = vs >= 0 ? vs : tokens.findIndex((t, i) => i > between && CONJUNCTIONS.has(t));
  if (conj < 0) return null;
  const hasContent = (from: number, to: number) => contentPositions(tokens, from, to).length > 0;
  return hasContent(0, conj) && hasContent(conj + 1, tokens.length)
    ? [
        [0, conj],
        [conj + 1, tokens.length],
      ]
    : null;
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
    content: contentPositions(tokens),
    descriptive: DESCRIPTIVE_CUE.test(folded),
    comparison: comparisonParts(tokens, folded),
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
