/** Numbers and amounts as the answer's reader writes them. */
import type { Locale } from './text/language.js';

const numberFormat = (locale: Locale, digits = 2) =>
  new Intl.NumberFormat(locale === 'de' ? 'de-DE' : 'en-GB', { maximumFractionDigits: digits });

/** "85 Mio. €" / "€85 million", "2,5 Mrd. €" / "€2.5 billion", "250.000 €" / "€250,000". */
export function formatEur(value: number, locale: Locale): string {
  const f = numberFormat(locale);
  if (value >= 1e9) return locale === 'de' ? `${f.format(value / 1e9)} Mrd. €` : `€${f.format(value / 1e9)} billion`;
  if (value >= 1e6) return locale === 'de' ? `${f.format(value / 1e6)} Mio. €` : `€${f.format(value / 1e6)} million`;
  return locale === 'de' ? `${f.format(value)} €` : `€${f.format(value)}`;
}

/** "1.500" / "1,500". */
export function formatCount(value: number, locale: Locale): string {
  return numberFormat(locale, 0).format(value);
}
