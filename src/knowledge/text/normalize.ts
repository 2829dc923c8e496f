/** Text normalisation shared by the index and the questions (must be applied identically to both). */

/** Lower-cases, folds umlauts and ß, strips accents. */
export function foldBasic(text: string): string {
  return text
    .toLowerCase()
    .replace(/ä/g, 'a')
    .replace(/ö/g, 'o')
    .replace(/ü/g, 'u')
    .replace(/ß/g, 'ss')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '');
}

/** Like foldBasic, and also folds the ae/oe/ue transcriptions of umlauts (German text only). */
export function foldGerman(text: string): string {
  return (
    foldBasic(text)
      .replace(/ae/g, 'a')
      .replace(/oe/g, 'o')
      // "ue" after a vowel or q is a real vowel pair ("neue", "Queue"), not a transcribed ü.
      .replace(/([^aeiouq])ue/g, '$1u')
  );
}

const SPLIT = /[^\p{L}\p{N}]+/u;

/** German tokens: folded, split on anything that is not a letter or digit (so "Pull-Kampagne" → pull, kampagne). */
export function tokenizeDe(text: string): string[] {
  return foldGerman(text).split(SPLIT).filter(Boolean);
}

/** English tokens: lower-cased, accents folded, split like tokenizeDe. */
export function tokenizeEn(text: string): string[] {
  return foldBasic(text)
    .replace(/['’]s\b/g, '')
    .split(SPLIT)
    .filter(Boolean);
}
