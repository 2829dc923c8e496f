/** German and English Snowball stemmers (from the snowball-stemmers package), memoised per word. */
import snowball from 'snowball-stemmers';

const german = snowball.newStemmer('german');
const english = snowball.newStemmer('english');
const cacheDe = new Map<string, string>();
const cacheEn = new Map<string, string>();

/** Stems an already folded German token. */
export function stemDe(token: string): string {
  let s = cacheDe.get(token);
  if (s === undefined) {
    s = /\d/.test(token) ? token : german.stem(token);
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
