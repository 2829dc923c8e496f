/** Splits German compounds into parts the glossary knows ("Zielgruppenauswahl" → zielgruppen + auswahl). */
import { stemDe } from './stem.js';

const MIN_PART = 4;
// Fugenelemente and inflection endings tried on a part; plain string checks keep this cheaper than stemming every substring.
const ENDINGS = ['', 's', 'es', 'n', 'en', 'e', 'er', 'ern'];

export class Decompounder {
  private readonly known = new Set<string>();
  private readonly cache = new Map<string, string[]>();

  /** @param words folded German words of the glossary (the vocabulary the parts are checked against). */
  constructor(words: Iterable<string>) {
    for (const w of words) {
      if (w.length < MIN_PART || /\d/.test(w)) continue;
      this.known.add(w);
      this.known.add(stemDe(w));
    }
  }

  private isKnown(part: string): boolean {
    return ENDINGS.some(
      (e) =>
        part.endsWith(e) && part.length - e.length >= MIN_PART && this.known.has(part.slice(0, part.length - e.length)),
    );
  }

  /**
   * The parts of a folded token, longest known head first; [] when it is no compound.
   * One unknown part is allowed when the other is known ("vertriebs|reife").
   */
  split(token: string): string[] {
    const hit = this.cache.get(token);
    if (hit) return hit;
    let parts: string[] = [];
    if (token.length >= 2 * MIN_PART) {
      for (let i = token.length - MIN_PART; i >= MIN_PART && !parts.length; i--) {
        const head = token.slice(0, i);
        const tail = token.slice(i);
        if (this.isKnown(head)) {
          const rest = this.isKnown(tail) ? [tail] : this.split(tail);
          parts = rest.length ? [head, ...rest] : [];
        }
      }
      if (!parts.length) parts = this.splitLoosely(token);
    }
    this.cache.set(token, parts);
    return parts;
  }

  /** The longest known head with an unknown tail, else the longest known tail (the German compound's head noun). */
  private splitLoosely(token: string): string[] {
    for (let i = token.length - MIN_PART; i >= MIN_PART; i--)
      if (this.isKnown(token.slice(0, i))) return [token.slice(0, i), token.slice(i)];
    for (let i = MIN_PART; i <= token.length - MIN_PART; i++)
      if (this.isKnown(token.slice(i))) return [token.slice(0, i), token.slice(i)];
    return [];
  }
}
