/** Guesses whether a question is German or English from function words; German is the default. */
import { foldBasic } from './normalize.js';

const DE = new Set(
  `was ist sind der die das ein eine einen einem und wie wer welche welcher welches bedeutet heisst fur mit von
  zwischen unterschied nennt man ich mir meine bei hat zeig erklar erklare wofur bitte nicht auch oder im zum zur des dem den
  mehr als weniger uber unter mindestens hochstens mio mrd jahresumsatz beschaftigte mitarbeitende
  versteht unter gibt es kann kannst wir uns unsere sich mitarbeiter umsatz firma kunde aber keine`.split(/\s+/),
);
const EN = new Set(
  `what whats is are the a an and how who which does do mean stand between difference call called my show me
  of for explain tell please company employees revenue with has have it this that we our you your term name to from fits
  into belong belongs classify potential service define
  more than less fewer least most under over above below turnover million billion staff people`.split(/\s+/),
);

export type Locale = 'de' | 'en';

/** Counts marker words of each language; umlauts and ß count for German. */
export function detectLanguage(text: string): Locale {
  let de = /[äöüß]/i.test(text) ? 2 : 0;
  let en = 0;
  for (const w of foldBasic(text)
    .replace(/['’]/g, '')
    .split(/[^\p{L}]+/u)) {
    if (DE.has(w)) de++;
    if (EN.has(w)) en++;
  }
  return en > de ? 'en' : 'de';
}
