/** Finds the glossary entry (or entries) a question is about: term names first, then the definitions' text. */
import type { GlossaryEntry, GlossaryGroup } from '../domain/glossary/index.js';
import type { DefinitionRanker, RankedEntry } from './definition-index.js';
import { contentPositions, type ParsedQuestion } from './question.js';
import type { AliasKind, TermMatch, TermMatcher } from './term-matcher.js';

export type MatchedBy = AliasKind | 'typo' | 'description';

export type GlossaryResult =
  | { kind: 'entry'; id: string; confidence: number; matchedBy: MatchedBy; alias?: string; alternatives?: string[] }
  | { kind: 'comparison'; ids: [string, string]; confidence: number }
  | { kind: 'group'; group: GlossaryGroup; confidence: number }
  | { kind: 'none'; suggestions: string[] };

/** Thresholds, chosen on the main question set and checked on the held-out set (test/knowledge). */
export const RETRIEVAL_LIMITS = {
  /** A described term needs at least this share of the question's (IDF-weighted) words in its text. */
  descriptionCoverage: 0.3,
  /** A short question naming a term plus unknown words ("MQL im Vertrieb") needs the definitions to agree this much. */
  namedCoverage: 0.75,
  /** Suggestions need at least this coverage. */
  suggestionCoverage: 0.2,
};

interface Cover {
  match: TermMatch;
  coverage: number;
}

const KIND_ORDER: AliasKind[] = ['term', 'abbreviation', 'synonym', 'english', 'group'];

/** Best single match for the content positions: most coverage, then exactness, then the longest alias. */
function bestCover(matches: TermMatch[], content: number[]): Cover | null {
  let best: Cover | null = null;
  for (const match of matches) {
    const covered = content.filter((i) => i >= match.start && i < match.end).length;
    if (!covered) continue;
    const c = { match, coverage: covered / content.length };
    if (!best || compareCover(c, best) < 0) best = c;
  }
  return best;
}

function compareCover(a: Cover, b: Cover): number {
  return (
    b.coverage - a.coverage ||
    b.match.quality - a.match.quality ||
    b.match.end - b.match.start - (a.match.end - a.match.start) ||
    KIND_ORDER.indexOf(a.match.aliasKind) - KIND_ORDER.indexOf(b.match.aliasKind)
  );
}

export class GlossaryRetriever {
  constructor(
    private readonly entries: readonly GlossaryEntry[],
    private readonly terms: TermMatcher,
    private readonly ranker: DefinitionRanker,
  ) {}

  retrieve(q: ParsedQuestion): GlossaryResult {
    if (q.comparison) {
      const pair = this.comparison(q, q.comparison);
      if (pair) return pair;
    }
    const matches = this.terms.find(q.tokens);
    const cover = q.content.length ? bestCover(matches, q.content) : null;
    if (cover && cover.coverage === 1) return this.fromMatch(cover.match);

    const describes = q.descriptive || q.content.length >= 3;
    const ranked = this.ranker.rank(q.text, { limit: 5, describes });
    const top = ranked[0];
    if (describes) {
      if (top && top.matchedWords >= 2 && top.coverage >= RETRIEVAL_LIMITS.descriptionCoverage) {
        const alternatives = ranked
          .slice(1)
          .filter((r) => r.coverage >= RETRIEVAL_LIMITS.suggestionCoverage)
          .slice(0, 2)
          .map((r) => r.id);
        return {
          kind: 'entry',
          id: top.id,
          confidence: round(Math.min(0.9, top.coverage)),
          matchedBy: 'description',
          alternatives,
        };
      }
    } else if (cover && top && top.id === cover.match.id && top.coverage >= RETRIEVAL_LIMITS.namedCoverage) {
      // A short question naming a term plus a word we do not know ("MQL im Vertrieb"): the definitions must agree.
      return this.fromMatch({ ...cover.match, quality: round(cover.match.quality * top.coverage) });
    }
    // A short question naming something that is no term gets suggestions, never a neighbouring definition.
    return { kind: 'none', suggestions: this.suggestions(matches, ranked) };
  }

  private fromMatch(m: TermMatch): GlossaryResult {
    if (m.id.startsWith('group:'))
      return { kind: 'group', group: m.id.slice(6) as GlossaryGroup, confidence: m.quality };
    return {
      kind: 'entry',
      id: m.id,
      confidence: m.quality,
      matchedBy: m.quality < 1 ? 'typo' : m.aliasKind,
      alias: m.alias,
    };
  }

  /** Resolves both sides of "X vs. Y"; a side without its noun borrows the other side's last word ("explizites und implizites Scoring"). */
  private comparison(q: ParsedQuestion, [left, right]: [[number, number], [number, number]]): GlossaryResult | null {
    const side = ([from, to]: [number, number], borrow: number | undefined): string | null => {
      const tokens = q.tokens.slice(from, to);
      const direct = this.resolveSide(tokens);
      if (direct) return direct;
      return borrow === undefined ? null : this.resolveSide([...tokens, q.tokens[borrow]]);
    };
    const rightContent = contentPositions(q.tokens, right[0], right[1]);
    const a = side(left, rightContent[rightContent.length - 1]);
    const b = side(right, undefined);
    if (!a || !b || a === b) return null;
    return { kind: 'comparison', ids: [a, b], confidence: 1 };
  }

  private resolveSide(tokens: string[]): string | null {
    const content = contentPositions(tokens);
    const cover = bestCover(this.terms.find(tokens), content);
    if (cover && cover.coverage === 1 && !cover.match.id.startsWith('group:')) return cover.match.id;
    return null;
  }

  private suggestions(matches: TermMatch[], ranked: RankedEntry[]): string[] {
    const ids: string[] = [];
    const add = (id: string) => {
      if (!id.startsWith('group:') && !ids.includes(id) && this.entries.some((e) => e.id === id)) ids.push(id);
    };
    for (const m of [...matches].sort((a, b) => b.quality - a.quality)) add(m.id);
    for (const r of ranked) if (r.coverage >= RETRIEVAL_LIMITS.suggestionCoverage) add(r.id);
    return ids.slice(0, 3);
  }
}

const round = (n: number) => Math.round(n * 100) / 100;
