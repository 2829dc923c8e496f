import { localParts } from '../domain/zoned-time.js';
import type { Locale } from './i18n.js';

const DAY = 86_400_000;
const relative = new Map<Locale, Intl.RelativeTimeFormat>();

/** Calendar days from `at` to `now` as the wall clock in `timeZone` counts them (not 24-hour blocks). */
export function calendarDaysBetween(at: number, now: number, timeZone: string): number {
  const day = (ms: number) => {
    const l = localParts(ms, timeZone);
    return Date.UTC(l.year, l.month - 1, l.day) / DAY;
  };
  return day(now) - day(at);
}

/** "heute", "gestern", "vor 2 Tagen", "vor 3 Wochen", "vor 4 Monaten" (and English), in the reader's time zone. */
export function relativeDay(at: number, now: number, locale: Locale, timeZone: string): string {
  const days = Math.max(0, calendarDaysBetween(at, now, timeZone));
  if (days === 0) return locale === 'de' ? 'heute' : 'today';
  if (days === 1) return locale === 'de' ? 'gestern' : 'yesterday';
  let f = relative.get(locale);
  if (!f) {
    // numeric 'always': German 'auto' would say "vorgestern", which reads less plainly on a card.
    f = new Intl.RelativeTimeFormat(locale === 'de' ? 'de-DE' : 'en-GB', { numeric: 'always' });
    relative.set(locale, f);
  }
  if (days < 14) return f.format(-days, 'day');
  if (days < 60) return f.format(-Math.floor(days / 7), 'week');
  return f.format(-Math.floor(days / 30), 'month');
}
