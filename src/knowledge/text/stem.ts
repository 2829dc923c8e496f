/** German and English Snowball stemmers (from the snowball-stemmers package), memoised per word. */
import snowball from 'snowball-stemmers';

const german = snowball.newStemmer('german');
const english = snowball.newStemmer('english');
// Memoised: the stemmer is slow (~10 µs a word). Bounded, because questions bring new words for as long as the bot runs.
const MAX_CACHED = 50_000;
const cacheDe = new Map<string, string>();
const cacheEn = new Map<string, string>();

function remember(cache: Map<string, string>, word: string, stem: string): string {
  if (cache.size >= MAX_CACHED) cache.clear();
  cache.set(word, stem);
  return stem;
}

/**
 * Stems an already folded German token. Beyond Snowball, a remaining "-ung" is dropped so that
 * nouns meet their verbs and compounds ("Werbung" ~ "Werbe|methoden").
 */
export function stemDe(token: string): string {
  let s = cacheDe.get(token);
  if (s === undefined) {
    s = /\d/.test(token) ? token : german.stem(token);
    if (s.length >= 7 && s.endsWith('ung')) s = s.slice(0, -3);
    remember(cacheDe, token, s);
  }
  return s;
}

/** Stems a lower-cased English token. */
export function stemEn(token: string): string {
  let s = cacheEn.get(token);
  if (s === undefined) {
    s = /\d/.test(token) ? token : english.stem(token);
    remember(cacheEn, token, s);
  }
  return s;
}
