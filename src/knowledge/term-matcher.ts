/** Finds glossary terms named in a question: names, synonyms, abbreviations, English and HubSpot labels, with typo tolerance. */
import { distance } from 'fastest-levenshtein';
import type { GlossaryEntry } from '../domain/glossary/index.js';
import { tokenizeDe } from './text/normalize.js';
import { stemDe, stemEn } from './text/stem.js';
import { isStopword } from './text/stopwords.js';

export type AliasKind = 'term' | 'synonym' | 'abbreviation' | 'english' | 'group';

export interface TermMatch {
  /** Glossary entry id, or "group:<name>" for a family of entries ("Betreuungsmodell"). */
  id: string;
  alias: string;
  aliasKind: AliasKind;
  /** Token positions [start, end) in the question. */
  start: number;
  end: number;
  /** 1 for an exact (normalised) match, less for a typo. */
  quality: number;
}

interface Alias {
  id: string;
  text: string;
  kind: AliasKind;
  compact: string;
}

const MAX_SPAN = 5;

/** Allowed edits for a word of this length: none for short words (abbreviations), more for long compounds. */
export function maxEdits(length: number): number {
  return length <= 4 ? 0 : length <= 7 ? 1 : length <= 12 ? 2 : 3;
}

/** Normalised lookup keys of a token sequence: written together, and stemmed per word or as a whole. */
function keys(tokens: string[], language: 'de' | 'en' | 'both'): string[] {
  const compact = tokens.join('');
  const k = [compact];
  if (language !== 'en') k.push(tokens.map(stemDe).join(''), stemDe(compact));
  if (language !== 'de') k.push(tokens.map(stemEn).join(''));
  // Plural of an abbreviation ("MQLs"); the stemmers leave words without vowels alone.
  if (tokens.length === 1 && compact.length <= 5 && compact.endsWith('s')) k.push(compact.slice(0, -1));
  return k;
}

export interface GroupAlias {
  group: string;
  aliases: string[];
}

/**
 * Initials of a multi-word name ("Delivery Executive" → "de", "Portfolio Marketing Manager" → "pmm"), for names whose
 * words all have three letters or more; the glossary never spells these out, but people write them.
 */
export function initialsOf(name: string): string | null {
  const words = tokenizeDe(name.replace(/\(.*?\)/g, ' '));
  if (words.length < 2 || words.length > 4 || words.some((w) => w.length < 3 || !/^\p{L}/u.test(w))) return null;
  return words.map((w) => w[0]).join('');
}

export class TermMatcher {
  private readonly byKey = new Map<string, Alias[]>();
  private readonly aliases: Alias[] = [];
  /** Initials → the one entry they stand for (initials two entries share are dropped). */
  private readonly initials = new Map<string, Alias>();

  constructor(entries: readonly GlossaryEntry[], groups: GroupAlias[] = []) {
    for (const e of entries) {
      const cleanSeed = e.seedTerm.replace(/\(.*?\)/g, ' ');
      this.add(e.id, e.term, 'term');
      this.add(e.id, cleanSeed, 'term');
      for (const s of e.synonyms) this.add(e.id, s, 'synonym');
      for (const a of e.abbreviations) this.add(e.id, a, 'abbreviation');
      this.add(e.id, e.termEn.replace(/\(.*?\)/g, ' '), 'english');
      for (const s of e.synonymsEn) this.add(e.id, s, 'english');
    }
    for (const g of groups) for (const a of g.aliases) this.add(`group:${g.group}`, a, 'group');
    this.deriveInitials(entries);
  }

  /** Main names first; a synonym's initials only where no main name has them ("doppelte Einwilligung" ≠ Delivery Executive). */
  private deriveInitials(entries: readonly GlossaryEntry[]): void {
    const tiers = [(e: GlossaryEntry) => [e.term, e.termEn], (e: GlossaryEntry) => [...e.synonyms, ...e.synonymsEn]];
    for (const names of tiers) {
      const owners = new Map<string, Set<string>>();
      for (const e of entries)
        for (const name of names(e)) {
          const initials = initialsOf(name);
          if (initials) owners.set(initials, (owners.get(initials) ?? new Set()).add(e.id));
        }
      for (const [initials, ids] of owners) {
        const [id] = ids;
        // Ambiguous (Smart/Single Account → "sa"), or already another entry's name or initials: not an abbreviation.
        const taken = this.byKey.get(initials)?.some((a) => a.id !== id) || this.initials.has(initials);
        const term = entries.find((e) => e.id === id)!.term;
        if (ids.size === 1 && !taken)
          this.initials.set(initials, { id, text: term, kind: 'abbreviation', compact: initials });
      }
    }
  }

  /** Terms whose initials the question writes in capitals ("Was macht ein DE?"). */
  findInitials(tokens: string[], acronyms: Set<string>): TermMatch[] {
    const matches: TermMatch[] = [];
    tokens.forEach((t, i) => {
      const a = acronyms.has(t) ? this.initials.get(t) : undefined;
      if (a) matches.push({ id: a.id, alias: a.text, aliasKind: 'abbreviation', start: i, end: i + 1, quality: 1 });
    });
    return matches;
  }

  private add(id: string, text: string, kind: AliasKind): void {
    const tokens = tokenizeDe(text);
    if (!tokens.length) return;
    const alias: Alias = { id, text: text.trim(), kind, compact: tokens.join('') };
    this.aliases.push(alias);
    // Aliases are stemmed in their own language only (half the work at start-up); questions in both.
    for (const k of new Set(keys(tokens, kind === 'english' ? 'en' : kind === 'group' ? 'both' : 'de'))) {
      const list = this.byKey.get(k) ?? [];
      if (!list.some((a) => a.id === id)) list.push(alias);
      this.byKey.set(k, list);
    }
  }

  /** Every alias occurrence in the token range [from, to); typo-tolerant for spans not matched exactly. */
  find(tokens: string[], from = 0, to = tokens.length): TermMatch[] {
    const matches: TermMatch[] = [];
    for (let start = from; start < to; start++) {
      for (let end = start + 1; end <= Math.min(to, start + MAX_SPAN); end++) {
        const span = tokens.slice(start, end);
        const seen = new Set<string>();
        for (const k of keys(span, 'both')) {
          for (const a of this.byKey.get(k) ?? []) {
            if (seen.has(a.id)) continue;
            seen.add(a.id);
            matches.push({ id: a.id, alias: a.text, aliasKind: a.kind, start, end, quality: 1 });
          }
        }
        // Typos only in spans that start and end with a meaningful word.
        if (!seen.size && !isStopword(span[0]) && !isStopword(span[span.length - 1]))
          matches.push(...this.fuzzy(span.join(''), start, end));
      }
    }
    return matches;
  }

  private fuzzy(compact: string, start: number, end: number): TermMatch[] {
    const allowed = maxEdits(compact.length);
    if (!allowed) return [];
    const best = new Map<string, TermMatch>();
    for (const a of this.aliases) {
      const limit = Math.min(allowed, maxEdits(a.compact.length));
      if (!limit || Math.abs(a.compact.length - compact.length) > limit) continue;
      const d = distance(a.compact, compact);
      if (d > limit) continue;
      const quality = 1 - 0.1 * d;
      const prev = best.get(a.id);
      if (!prev || prev.quality < quality)
        best.set(a.id, { id: a.id, alias: a.text, aliasKind: a.kind, start, end, quality });
    }
    return [...best.values()];
  }
}
