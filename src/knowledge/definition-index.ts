/** BM25 over the glossary's German and English text, stemmed and decompounded, for questions that describe a term. */
import type { GlossaryEntry } from '../domain/glossary/index.js';
import { Decompounder } from './text/decompound.js';
import { tokenizeDe, tokenizeEn } from './text/normalize.js';
import { stemDe, stemEn } from './text/stem.js';
import { COMPANY_NAME_TOKENS, STOPWORDS_DE, STOPWORDS_EN } from './text/stopwords.js';

export interface RankedEntry {
  id: string;
  score: number;
  /** IDF-weighted share of the question's words found in this entry (0..1). */
  coverage: number;
}

export interface DefinitionRanker {
  rank(text: string, limit?: number): RankedEntry[];
}

interface Doc {
  id: string;
  /** term → frequency, per field */
  name: Map<string, number>;
  body: Map<string, number>;
  nameLength: number;
  bodyLength: number;
}

const K1 = 1.2;
const B = 0.75;
const NAME_WEIGHT = 2;
const PARTIAL_WEIGHT = 0.6; // a word that only shares a long prefix with an indexed word
const MIN_PREFIX = 5;

const isStop = (t: string) => STOPWORDS_DE.has(t) || STOPWORDS_EN.has(t) || COMPANY_NAME_TOKENS.has(t);

/** The index terms of each word of a text: German and English stem, plus the stems of its compound parts. */
export function analyzeWords(text: string, decompounder: Decompounder | null): string[][] {
  const de = tokenizeDe(text);
  const en = tokenizeEn(text);
  const words: string[][] = [];
  for (let i = 0; i < de.length; i++) {
    const t = de[i];
    if (isStop(t)) continue;
    const forms = new Set([stemDe(t)]);
    // tokenizeEn differs from tokenizeDe only in folding, so positions line up.
    if (en[i] && !isStop(en[i])) forms.add(stemEn(en[i]));
    if (decompounder) for (const part of decompounder.split(t)) forms.add(stemDe(part));
    words.push([...forms]);
  }
  return words;
}

const tally = (terms: string[]) => {
  const m = new Map<string, number>();
  for (const t of terms) m.set(t, (m.get(t) ?? 0) + 1);
  return m;
};

/** Hand-rolled BM25F (two fields: names and definitions) with prefix matching for unseen word forms. */
export class Bm25DefinitionIndex implements DefinitionRanker {
  private readonly docs: Doc[];
  private readonly df = new Map<string, number>();
  private readonly vocabulary: string[];
  private readonly avgName: number;
  private readonly avgBody: number;
  readonly decompounder: Decompounder;

  constructor(entries: readonly GlossaryEntry[]) {
    const words = entries.flatMap((e) => tokenizeDe([e.term, ...e.synonyms, e.definition].join(' ')));
    this.decompounder = new Decompounder(words);
    this.docs = entries.map((e) => {
      const name = analyzeWords([e.term, e.seedTerm, ...e.synonyms, ...e.abbreviations, e.termEn, ...e.synonymsEn].join(' '), this.decompounder).flat();
      const body = analyzeWords(`${e.definition}\n${e.definitionEn}`, this.decompounder).flat();
      return { id: e.id, name: tally(name), body: tally(body), nameLength: name.length, bodyLength: body.length };
    });
    for (const d of this.docs) for (const t of new Set([...d.name.keys(), ...d.body.keys()])) this.df.set(t, (this.df.get(t) ?? 0) + 1);
    this.vocabulary = [...this.df.keys()];
    this.avgName = this.docs.reduce((s, d) => s + d.nameLength, 0) / this.docs.length;
    this.avgBody = this.docs.reduce((s, d) => s + d.bodyLength, 0) / this.docs.length;
  }

  private idf(term: string): number {
    const n = this.df.get(term) ?? 0;
    return Math.log(1 + (this.docs.length - n + 0.5) / (n + 0.5));
  }

  /** Indexed terms that share a long prefix with an unseen query term ("bestatigungsmail" ~ "bestatigt"). */
  private partials(term: string): string[] {
    if (term.length < MIN_PREFIX) return [];
    return this.vocabulary.filter((v) => {
      if (v.length < MIN_PREFIX) return false;
      let i = 0;
      while (i < v.length && i < term.length && v[i] === term[i]) i++;
      return i >= MIN_PREFIX && i >= 0.75 * Math.min(v.length, term.length);
    });
  }

  private termScore(d: Doc, term: string): number {
    const tfName = d.name.get(term) ?? 0;
    const tfBody = d.body.get(term) ?? 0;
    const tf = (NAME_WEIGHT * tfName) / (1 - B + (B * d.nameLength) / this.avgName) + tfBody / (1 - B + (B * d.bodyLength) / this.avgBody);
    return tf ? (this.idf(term) * tf * (K1 + 1)) / (tf + K1) : 0;
  }

  rank(text: string, limit = 5): RankedEntry[] {
    const unknownIdf = Math.log(1 + (this.docs.length + 0.5) / 0.5);
    const words = analyzeWords(text, this.decompounder).map((forms) => {
      const known = forms.filter((f) => this.df.has(f)).map((t) => ({ t, w: 1 }));
      const expanded = known.length ? known : forms.flatMap((f) => this.partials(f)).map((t) => ({ t, w: PARTIAL_WEIGHT }));
      return { forms: expanded, weight: expanded.length ? Math.max(...expanded.map((f) => this.idf(f.t))) : unknownIdf };
    });
    if (!words.length) return [];
    const totalWeight = words.reduce((s, w) => s + w.weight, 0);
    const ranked: RankedEntry[] = [];
    for (const d of this.docs) {
      let score = 0;
      let covered = 0;
      for (const word of words) {
        let share = 0;
        for (const f of word.forms) {
          const s = f.w * this.termScore(d, f.t);
          if (s > 0) {
            score += s;
            share = Math.max(share, f.w);
          }
        }
        covered += word.weight * share;
      }
      if (score > 0) ranked.push({ id: d.id, score, coverage: covered / totalWeight });
    }
    return ranked.sort((a, b) => b.score - a.score).slice(0, limit);
  }
}
