/** Splits German compounds into parts the glossary knows ("Zielgruppenauswahl" → zielgruppen + auswahl). */
import { stemDe } from './stem.js';

const MIN_PART = 4;
const LINKS = ['s', 'es', 'n', 'en', 'e']; // Fugenelemente

export class Decompounder {
  private readonly known: Set<string>;
  private readonly cache = new Map<string, string[]>();

  /** @param words folded German words of the glossary (the vocabulary parts are checked against). */
  constructor(words: Iterable<string>) {
    this.known = new Set();
    for (const w of words) if (w.length >= MIN_PART && !/\d/.test(w)) this.known.add(stemDe(w));
  }

  private isKnown(part: string): boolean {
    if (part.length < MIN_PART) return false;
    if (this.known.has(stemDe(part))) return true;
    return LINKS.some((l) => part.endsWith(l) && part.length - l.length >= MIN_PART && this.known.has(stemDe(part.slice(0, -l.length))));
  }

  /** The parts of a folded token (longest known head first), or [] when it is not a compound of known words. */
  split(token: string): string[] {
    const hit = this.cache.get(token);
    if (hit) return hit;
    let parts: string[] = [];
    for (let i = token.length - MIN_PART; i >= MIN_PART && parts.length === 0; i--) {
      const head = token.slice(0, i);
      const tail = token.slice(i);
      if (!this.isKnown(head)) continue;
      if (this.isKnown(tail)) parts = [head, tail];
      else {
        const rest = this.split(tail);
        if (rest.length) parts = [head, ...rest];
      }
    }
    this.cache.set(token, parts);
    return parts;
  }
}
