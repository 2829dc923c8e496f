/** Wall-clock time in a named time zone, with nothing but Intl (no time zone library). */

export interface LocalParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  weekday: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
const WEEKDAYS: Record<string, number> = { Sun: 0, Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6 };

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      weekday: 'short',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The calendar date, time and weekday (0 = Sunday) of an instant in `timeZone`. */
export function localParts(ms: number, timeZone: string): LocalParts {
  const p: Record<string, string> = {};
  for (const part of formatter(timeZone).formatToParts(ms)) p[part.type] = part.value;
  return {
    year: Number(p.year),
    month: Number(p.month),
    day: Number(p.day),
    hour: Number(p.hour) % 24,
    minute: Number(p.minute),
    second: Number(p.second),
    weekday: WEEKDAYS[p.weekday!]!,
  };
}

/** How far `timeZone` is ahead of UTC at this instant, in ms. */
function offsetAt(ms: number, timeZone: string): number {
  const l = localParts(ms, timeZone);
  return Date.UTC(l.year, l.month - 1, l.day, l.hour, l.minute, l.second) - Math.floor(ms / 1000) * 1000;
}

/**
 * The instant when the wall clock in `timeZone` shows the given date and minute of day (1440 = next midnight).
 * A time skipped by a DST change maps to the moment just after the change.
 */
export function zonedTime(year: number, month: number, day: number, minuteOfDay: number, timeZone: string): number {
  const naive = Date.UTC(year, month - 1, day, 0, minuteOfDay);
  const first = offsetAt(naive, timeZone);
  const guess = naive - first;
  const second = offsetAt(guess, timeZone);
  return second === first ? guess : naive - second;
}

/** `yyyy-mm-dd` of the instant in `timeZone`. */
export function localDate(ms: number, timeZone: string): string {
  const l = localParts(ms, timeZone);
  return `${l.year}-${String(l.month).padStart(2, '0')}-${String(l.day).padStart(2, '0')}`;
}

/** The calendar date `days` after the given one, with its weekday. */
export function addDays(
  year: number,
  month: number,
  day: number,
  days: number,
): { year: number; month: number; day: number; weekday: number } {
  const d = new Date(Date.UTC(year, month - 1, day + days));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), weekday: d.getUTCDay() };
}
