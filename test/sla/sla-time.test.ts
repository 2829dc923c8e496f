import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addBusinessTime,
  businessTimeBetween,
  dueSlaSteps,
  parseBusinessHours,
  parseDuration,
  type SlaPolicy,
} from '../../src/domain/sla.js';
import { berlin, HOUR, TZ } from '../support/team-world.js';

const office = parseBusinessHours('Mon-Fri 08:00-18:00');
const iso = (ms: number) => new Date(ms).toISOString();

describe('parseDuration', () => {
  it.each([
    ['90s', 90_000],
    ['30m', 1_800_000],
    ['4h', 4 * HOUR],
    ['2d', 48 * HOUR],
    [' 24h ', 24 * HOUR],
    ['1.5h', 1.5 * HOUR],
  ])('%s', (s, ms) => {
    expect(parseDuration(s)).toBe(ms);
  });
  it.each(['', '4', 'h', '4w', '-1h', '0h', 'vier Stunden'])('refuses %j', (s) => {
    expect(() => parseDuration(s)).toThrow(/invalid duration/);
  });
});

describe('parseBusinessHours', () => {
  it('reads always, ranges of days, German days, several rules and split days', () => {
    expect(parseBusinessHours('always')).toEqual({ kind: 'always' });
    const h = parseBusinessHours('Mon-Fri 08:00-18:00');
    expect(h.kind === 'weekly' && h.week.map((d) => d.length)).toEqual([0, 1, 1, 1, 1, 1, 0]);
    const de = parseBusinessHours('Mo-Do 08:00-17:00; Fr 08:00-14:00');
    expect(de.kind === 'weekly' && [de.week[4], de.week[5]]).toEqual([[[480, 1020]], [[480, 840]]]);
    const split = parseBusinessHours('Mon,Wed 08:00-12:00,13:00-17:00');
    expect(split.kind === 'weekly' && split.week[3]).toEqual([
      [480, 720],
      [780, 1020],
    ]);
    const wrap = parseBusinessHours('Sat-Mon 10:00-24:00');
    expect(wrap.kind === 'weekly' && wrap.week.map((d) => d.length)).toEqual([1, 1, 0, 0, 0, 0, 1]);
  });
  it.each(['', 'Mon-Fri', 'Mon-Xyz 08:00-18:00', 'Mon-Fri 18:00-08:00', 'Mon-Fri 8-18', 'Mon-Fri 08:00-25:00'])(
    'refuses %j',
    (s) => {
      expect(() => parseBusinessHours(s)).toThrow(/invalid business hours/);
    },
  );
});

describe('addBusinessTime (Europe/Berlin, Mon-Fri 08:00-18:00)', () => {
  it.each([
    ['Fri 17:00 + 4h → Mon 11:00 (the weekend does not count)', '2025-03-07 17:00', 4 * HOUR, '2025-03-10 11:00'],
    ['inside one day', '2025-03-04 09:00', 4 * HOUR, '2025-03-04 13:00'],
    ['ending exactly at closing time', '2025-03-04 14:00', 4 * HOUR, '2025-03-04 18:00'],
    ['an MQL at night starts counting at 08:00', '2025-03-04 22:30', 4 * HOUR, '2025-03-05 12:00'],
    ['an MQL on Saturday starts on Monday', '2025-03-08 11:00', 30 * 60_000, '2025-03-10 08:30'],
    ['24h = 2.4 business days', '2025-03-03 08:00', 24 * HOUR, '2025-03-05 12:00'],
    ['24h from Thursday noon crosses the weekend (6h + 10h + 8h)', '2025-03-06 12:00', 24 * HOUR, '2025-03-10 16:00'],
    // DST starts Sunday 30 March 2025 (02:00 → 03:00): Friday is UTC+1, Monday UTC+2, still 11:00 local.
    ['across the spring DST change', '2025-03-28 17:00', 4 * HOUR, '2025-03-31 11:00'],
    // DST ends Sunday 26 October 2025.
    ['across the autumn DST change', '2025-10-24 16:00', 5 * HOUR, '2025-10-27 11:00'],
  ])('%s', (_name, start, duration, end) => {
    expect(iso(addBusinessTime(berlin(start), duration, office, TZ))).toBe(iso(berlin(end)));
  });

  it('knows the UTC offsets changed across DST', () => {
    expect(addBusinessTime(berlin('2025-03-28 17:00'), 4 * HOUR, office, TZ)).toBe(Date.parse('2025-03-31T09:00:00Z'));
    expect(addBusinessTime(berlin('2025-03-07 17:00'), 4 * HOUR, office, TZ)).toBe(Date.parse('2025-03-10T10:00:00Z'));
  });

  it('with "always" is plain wall-clock time, DST included', () => {
    const always = parseBusinessHours('always');
    expect(addBusinessTime(berlin('2025-03-29 12:00'), 24 * HOUR, always, TZ)).toBe(
      berlin('2025-03-29 12:00') + 24 * HOUR,
    );
    expect(iso(addBusinessTime(berlin('2025-03-29 12:00'), 24 * HOUR, always, TZ))).toBe(
      iso(berlin('2025-03-30 13:00')),
    );
  });

  it('other time zones count in their own wall clock', () => {
    const ny = addBusinessTime(Date.parse('2025-03-07T22:00:00Z'), 4 * HOUR, office, 'America/New_York'); // Fri 17:00 EST
    expect(iso(ny)).toBe('2025-03-10T15:00:00.000Z'); // Mon 11:00 EDT (DST began 9 March)
  });
});

describe('businessTimeBetween', () => {
  it.each([
    ['Fri 17:00 → Mon 11:00', '2025-03-07 17:00', '2025-03-10 11:00', 4 * HOUR],
    ['over a weekend only', '2025-03-08 09:00', '2025-03-09 20:00', 0],
    ['a whole week', '2025-03-03 00:00', '2025-03-10 00:00', 50 * HOUR],
    ['the DST week still has 50 hours', '2025-03-24 00:00', '2025-03-31 00:00', 50 * HOUR],
    ['backwards is zero', '2025-03-05 12:00', '2025-03-04 12:00', 0],
  ])('%s', (_n, a, b, ms) => {
    expect(businessTimeBetween(berlin(a), berlin(b), office, TZ)).toBe(ms);
  });

  it('is the inverse of addBusinessTime', () => {
    const start = berlin('2025-01-01 00:00');
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 365 * 24 * 60 }),
        fc.integer({ min: 1, max: 80 * 60 }),
        (offMin, durMin) => {
          const a = start + offMin * 60_000;
          const end = addBusinessTime(a, durMin * 60_000, office, TZ);
          expect(businessTimeBetween(a, end, office, TZ)).toBe(durMin * 60_000);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('dueSlaSteps', () => {
  const policy: SlaPolicy = { remindAfterMs: 4 * HOUR, escalateAfterMs: 24 * HOUR, hours: office, timeZone: TZ };
  const mql = { state: 'MQL' as const, remindedAt: null, escalatedAt: null };
  const start = berlin('2025-03-07 17:00');
  it.each([
    ['Mon 10:59', '2025-03-10 10:59', mql, []],
    ['Mon 11:00', '2025-03-10 11:00', mql, ['remind']],
    ['already reminded', '2025-03-10 12:00', { ...mql, remindedAt: 1 }, []],
    // 24h business from Fri 17:00: 1h Fri + 10h Mon + 10h Tue + 3h Wed → Wed 11:00.
    ['Wed 11:00 after the reminder', '2025-03-12 11:00', { ...mql, remindedAt: 1 }, ['escalate']],
    ['both due after a long outage', '2025-03-12 12:00', mql, ['remind', 'escalate']],
    ['nothing once accepted', '2025-03-12 12:00', { ...mql, state: 'SAL' as const }, []],
  ])('%s', (_n, now, lead, steps) => {
    expect(dueSlaSteps(lead, start, berlin(now), policy)).toEqual(steps);
  });
});
