/** German and English Snowball stemmers (from the snowball-stemmers package), memoised per word. */
import snowball from 'snowball-stemmers';

const german = snowball.newStemmer('german');
const english = snowball.newStemmer('english');
const cacheDe = new Map<string, string>();
const cacheEn = new Map<string, string>();

/**
 * Stems an already folded German token. Beyond Snowball, a remaining "-ung" is dropped so that
 * nouns meet their verbs and compounds ("Werbung" ~ "Werbe|methoden").
 */
export function stemDe(token: string): string {
  let s = cacheDe.get(token);
  if (s === undefined) {
    s = /\d/.test(token) ? token : german.stem(token);
    if (s.length >= 7 && s.endsWith('ung')) s = s.slice(0, -3);
    cacheDe.set(token, s);
  }
  return s;
}

/** Stems a lower-cased English token. */
export function stemEn(token: string): string {
  let s = cacheEn.get(token);
  if (s === undefined) {
    s = /\d/.test(token) ? token : english.stem(token);
    cacheEn.set(token, s);
  }
  return s;
}
