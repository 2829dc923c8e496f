/** BM25 over the glossary's German and English text, stemmed and decompounded, for questions that describe a term. */
import type { GlossaryEntry } from '../domain/glossary/index.js';
import { Decompounder } from './text/decompound.js';
import { tokenizeDe, tokenizeEn } from './text/normalize.js';
import { stemDe, stemEn } from './text/stem.js';
import { isStopword } from './text/stopwords.js';
import { analyzeVerbsDe } from './text/verbs.js';

export interface RankedEntry {
  id: string;
  score: number;
  /** IDF-weighted share of the question's words found in this entry (0..1). */
  coverage: number;
  /** How many of the question's words were found. */
  matchedWords: number;
}

export interface RankOptions {
  limit?: number;
  /** The question describes the term: names of other terms in it are context, so the name field counts less. */
  describes?: boolean;
}

export interface DefinitionRanker {
  rank(text: string, options?: RankOptions): RankedEntry[];
  /**
   * Where an entry's own text has a question word (folded token): among its names ("lead" in "Marketing Qualified
   * Lead"), only in its definition, or not at all. Rankers without it leave named-term questions to ranking.
   */
  mentions?(id: string, token: string): 'name' | 'body' | null;
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
const NAME_WEIGHT_DESCRIBED = 0.5;
const PARTIAL_WEIGHT = 0.6; // a word that only shares a long prefix with an indexed word
const MIN_PREFIX = 5;
const MAX_QUERY_WORDS = 25; // content words of a question; more is pasted text, not a question

/** The index terms of each word of a text: its German and/or English stem, plus the stems of German compound parts. */
export function analyzeWords(
  text: string,
  languages: { de: boolean; en: boolean },
  decompounder: Decompounder | null,
  maxWords = Infinity,
): string[][] {
  // German verbs are brought to their infinitive first ("spricht … an", "angesprochen" → ansprechen), see text/verbs.ts.
  const { tokens: de, lemmas } = languages.de ? analyzeVerbsDe(text) : { tokens: tokenizeDe(text), lemmas: [] };
  const en = languages.en ? tokenizeEn(text) : [];
  const words: string[][] = [];
  for (let i = 0; i < de.length && words.length < maxWords; i++) {
    const lemma = lemmas[i];
    if (lemma === '') continue; // a separated particle, now part of its verb
    if (lemma === undefined && isStopword(de[i])) continue;
    const t = lemma ?? de[i];
    const forms = new Set<string>();
    if (languages.de) forms.add(stemDe(t));
    // tokenizeEn differs from tokenizeDe only in folding, so positions line up.
    if (languages.en && en[i] && !isStopword(en[i])) forms.add(stemEn(en[i]));
    if (languages.de && decompounder) for (const part of decompounder.split(t)) forms.add(stemDe(part));
    if (forms.size) words.push([...forms]);
  }
  return words;
}

const GERMAN = { de: true, en: false };
const ENGLISH = { de: false, en: true };
const BOTH = { de: true, en: true };

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
      const name = [
        ...analyzeWords([e.term, e.seedTerm, ...e.synonyms, ...e.abbreviations].join(' '), GERMAN, this.decompounder),
        ...analyzeWords([e.termEn, ...e.synonymsEn].join(' '), ENGLISH, null),
      ].flat();
      const body = [
        ...analyzeWords(e.definition, GERMAN, this.decompounder),
        ...analyzeWords(e.definitionEn, ENGLISH, null),
      ].flat();
      return { id: e.id, name: tally(name), body: tally(body), nameLength: name.length, bodyLength: body.length };
    });
    for (const d of this.docs)
      for (const t of new Set([...d.name.keys(), ...d.body.keys()])) this.df.set(t, (this.df.get(t) ?? 0) + 1);
    this.vocabulary = [...this.df.keys()];
    this.avgName = this.docs.reduce((s, d) => s + d.nameLength, 0) / this.docs.length;
    this.avgBody = this.docs.reduce((s, d) => s + d.bodyLength, 0) / this.docs.length;
  }

  mentions(id: string, token: string): 'name' | 'body' | null {
    const d = this.docs.find((doc) => doc.id === id);
    if (!d) return null;
    const whole = [stemDe(token), stemEn(token)];
    const parts = this.decompounder.split(token).map(stemDe);
    // The word as the head of a compound of the entry ("Umsatz" in "Jahresumsatz") counts too.
    const isHead = (t: string) => t.length >= MIN_PREFIX && ((v: string) => v.length > t.length + 2 && v.endsWith(t));
    const has = (field: Map<string, number>) =>
      whole.some((t) => field.has(t)) ||
      (parts.length > 0 && parts.every((t) => field.has(t))) ||
      whole.some((t) => {
        const head = isHead(t);
        return head !== false && [...field.keys()].some(head);
      });
    return has(d.name) ? 'name' : has(d.body) ? 'body' : null;
  }

  private idf(term: string): number {
    const n = this.df.get(term) ?? 0;
    return Math.log(1 + (this.docs.length - n + 0.5) / (n + 0.5));
  }

  /**
   * Indexed terms close to an unseen query term: a long common prefix ("bestatigungsmail" ~ "bestatigt"),
   * or the query term as the end of an indexed compound ("markt" ~ "gesamtmarkt").
   */
  private partials(term: string): string[] {
    if (term.length < MIN_PREFIX) return [];
    return this.vocabulary.filter((v) => {
      if (v.length < MIN_PREFIX) return false;
      if (v.length > term.length + 2 && v.endsWith(term)) return true;
      let i = 0;
      while (i < v.length && i < term.length && v[i] === term[i]) i++;
      return i >= MIN_PREFIX && i >= 0.75 * Math.min(v.length, term.length);
    });
  }

  private termScore(d: Doc, term: string, nameWeight: number): number {
    const tfName = d.name.get(term) ?? 0;
    const tfBody = d.body.get(term) ?? 0;
    const tf =
      (nameWeight * tfName) / (1 - B + (B * d.nameLength) / this.avgName) +
      tfBody / (1 - B + (B * d.bodyLength) / this.avgBody);
    return tf ? (this.idf(term) * tf * (K1 + 1)) / (tf + K1) : 0;
  }

  rank(text: string, { limit = 5, describes = false }: RankOptions = {}): RankedEntry[] {
    const nameWeight = describes ? NAME_WEIGHT_DESCRIBED : NAME_WEIGHT;
    const unknownIdf = Math.log(1 + (this.docs.length + 0.5) / 0.5);
    const words = analyzeWords(text, BOTH, this.decompounder, MAX_QUERY_WORDS).map((forms) => {
      const known = forms.filter((f) => this.df.has(f)).map((t) => ({ t, w: 1 }));
      const expanded = known.length
        ? known
        : forms.flatMap((f) => this.partials(f)).map((t) => ({ t, w: PARTIAL_WEIGHT }));
      return {
        forms: expanded,
        weight: expanded.length ? Math.max(...expanded.map((f) => this.idf(f.t))) : unknownIdf,
      };
    });
    if (!words.length) return [];
    const totalWeight = words.reduce((s, w) => s + w.weight, 0);
    const ranked: RankedEntry[] = [];
    for (const d of this.docs) {
      let score = 0;
      let covered = 0;
      let matchedWords = 0;
      for (const word of words) {
        let share = 0;
        for (const f of word.forms) {
          const s = f.w * this.termScore(d, f.t, nameWeight);
          if (s > 0) {
            score += s;
            share = Math.max(share, f.w);
          }
        }
        covered += word.weight * share;
        if (share) matchedWords++;
      }
      if (score > 0) ranked.push({ id: d.id, score, coverage: covered / totalWeight, matchedWords });
    }
    return ranked.sort((a, b) => b.score - a.score).slice(0, limit);
  }
}
