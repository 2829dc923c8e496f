/** Finds the glossary entry (or entries) a question is about: term names first, then the definitions' text. */
import type { GlossaryEntry, GlossaryGroup } from '../domain/glossary/index.js';
import type { DefinitionRanker, RankedEntry } from './definition-index.js';
import { contentPositions, type ParsedQuestion } from './question.js';
import type { AliasKind, TermMatch, TermMatcher } from './term-matcher.js';

/** 'model': the optional language-model fallback picked the entry among the retriever's candidates. */
export type MatchedBy = AliasKind | 'typo' | 'description' | 'model';

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

/** Confidence of a term named among other terms, and the factor for a term named with framing words. */
const NAMED_AMONG_OTHERS = 0.9;
const NAMED_WITH_CONTEXT = 0.9;
/** A typo'd name still counts as named ("Pushkampange bei uns"), a far-fetched one does not. */
const MIN_CONTEXT_QUALITY = 0.8;
/** Words after which the rest of a question is context: "… in our process", "… bei uns", "… im CRM". */
const CONTEXT_PREPOSITIONS = new Set([
  'in',
  'im',
  'bei',
  'beim',
  'fur',
  'for',
  'at',
  'within',
  'innerhalb',
  'auf',
  'on',
]);

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
    for (const split of q.comparison) {
      const pair = this.comparison(q, split);
      if (pair) return pair;
    }
    const matches = [...this.terms.find(q.tokens), ...this.terms.findInitials(q.tokens, q.acronyms)];
    const cover = q.content.length ? bestCover(matches, q.content) : null;
    if (cover && cover.coverage === 1) return this.fromMatch(cover.match);
    // A question that names a term ("Wann ist ein Lead ein MQL?") is about that term, not a description of another one.
    if (!q.descriptive) {
      const named =
        this.namedAmongOthers(q, matches) ?? (cover ? this.namedWithContext(q, cover.match, matches) : null);
      if (named) return named;
    }

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

  /**
   * Several terms named, together covering the question: the one whose own names contain the others
   * ("MQL" = Marketing Qualified *Lead*), else the one whose definition mentions the others ("Wert" of a Marketingmerkmal).
   */
  private namedAmongOthers(q: ParsedQuestion, matches: TermMatch[]): GlossaryResult | null {
    const exact = matches.filter((m) => m.quality === 1 && !m.id.startsWith('group:'));
    if (!q.content.every((i) => exact.some((m) => i >= m.start && i < m.end))) return null;
    const ids = [...new Set(exact.map((m) => m.id))];
    if (ids.length < 2 || !this.ranker.mentions) return null;
    const mentions = this.ranker.mentions.bind(this.ranker);
    // Each other named entry counts once: 2 when this entry's names contain it, 1 when only its definition does.
    const score = (id: string) =>
      ids
        .filter((other) => other !== id)
        .reduce((sum, other) => {
          const m = exact.find((x) => x.id === other)!;
          const where = contentPositions(q.tokens, m.start, m.end).map((i) => mentions(id, q.tokens[i]));
          return sum + (where.every((w) => w === 'name') ? 2 : where.every((w) => w !== null) ? 1 : 0);
        }, 0);
    const ranked = ids.map((id) => ({ id, score: score(id) })).sort((a, b) => b.score - a.score);
    if (!ranked[0].score || ranked[0].score === ranked[1].score) return null;
    const best = exact.find((m) => m.id === ranked[0].id)!;
    return this.fromMatch({ ...best, quality: NAMED_AMONG_OTHERS });
  }

  /**
   * One term named plus words that only frame it: context after a preposition ("Opportunity in our process") or an
   * aspect the term's own text speaks of ("Wie viel Umsatz hat ein Midmarket-Kunde?"). Anything else stays unanswered,
   * so "Lead Magnet" or "HubSpot-Lizenz" are not taken for Lead or HubSpot.
   */
  private namedWithContext(q: ParsedQuestion, m: TermMatch, matches: TermMatch[]): GlossaryResult | null {
    if (m.id.startsWith('group:') || m.quality < MIN_CONTEXT_QUALITY || !this.ranker.mentions) return null;
    for (const i of q.content) {
      if (i >= m.start && i < m.end) continue;
      // After a preposition even another term is context ("Opportunity in C4C"); before the term it competes.
      if (i >= m.end && q.tokens.slice(m.end, i).some((t) => CONTEXT_PREPOSITIONS.has(t))) continue;
      if (matches.some((o) => o.id !== m.id && o.quality === 1 && i >= o.start && i < o.end)) return null;
      if (!this.ranker.mentions(m.id, q.tokens[i])) return null;
    }
    return this.fromMatch({ ...m, quality: round(m.quality * NAMED_WITH_CONTEXT) });
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
  private comparison(q: ParsedQuestion, [left, right]: ParsedQuestion['comparison'][number]): GlossaryResult | null {
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

  /** Entries close to a question, best first, for the model fallback: named terms, then ranked definitions. */
  candidates(q: ParsedQuestion, limit: number): string[] {
    const ids: string[] = [];
    const add = (id: string) => {
      if (!id.startsWith('group:') && !ids.includes(id)) ids.push(id);
    };
    for (const m of this.terms.find(q.tokens).sort((a, b) => b.quality - a.quality)) add(m.id);
    for (const r of this.ranker.rank(q.text, { limit, describes: true })) add(r.id);
    return ids.slice(0, limit);
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
