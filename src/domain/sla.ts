import type { LeadState } from './lead.js';
import { addDays, localParts, zonedTime } from './zoned-time.js';

/**
 * The answer SLA for a new MQL: its owner is reminded after `remindAfterMs` and the owner's manager is told
 * after `escalateAfterMs`, both counted in business time from when the lead reached its owner.
 */
export interface SlaPolicy {
  remindAfterMs: number;
  escalateAfterMs: number;
  hours: BusinessHours;
  timeZone: string;
}

/** When work counts: always, or per weekday (0 = Sunday) a list of [start, end) minute-of-day ranges. */
export type BusinessHours =
  | { kind: 'always' }
  | { kind: 'weekly'; week: ReadonlyArray<ReadonlyArray<readonly [number, number]>> };

const UNIT_MS: Record<string, number> = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** `90s`, `30m`, `4h`, `2d` → milliseconds (a duration of business time when used for the SLA). */
export function parseDuration(text: string): number {
  const m = /^\s*(\d+(?:\.\d+)?)\s*([smhd])\s*$/i.exec(text);
  if (!m || Number(m[1]) <= 0)
    throw new Error(`invalid duration "${text}": use a positive number with s, m, h or d, e.g. 90s, 30m, 4h, 2d`);
  return Math.round(Number(m[1]) * UNIT_MS[m[2]!.toLowerCase()]!);
}

const DAY_NAMES: Record<string, number> = {
  sun: 0,
  mon: 1,
  tue: 2,
  wed: 3,
  thu: 4,
  fri: 5,
  sat: 6,
  so: 0,
  mo: 1,
  di: 2,
  mi: 3,
  do: 4,
  fr: 5,
  sa: 6,
};

function dayOf(name: string, text: string): number {
  const d = DAY_NAMES[name.trim().toLowerCase()];
  if (d === undefined)
    throw new Error(`invalid business hours "${text}": unknown day "${name.trim()}" (use Mon…Sun or Mo…So)`);
  return d;
}

function minuteOf(hhmm: string, text: string): number {
  const m = /^(\d{1,2}):(\d{2})$/.exec(hhmm.trim());
  const minutes = m ? Number(m[1]) * 60 + Number(m[2]) : NaN;
  if (!m || Number(m[2]) > 59 || minutes > 1440)
    throw new Error(`invalid business hours "${text}": bad time "${hhmm.trim()}" (use HH:MM)`);
  return minutes;
}

/**
 * `always`, or rules like `Mon-Fri 08:00-18:00`, `Mo-Do 08:00-17:00; Fr 08:00-14:00`,
 * `Mon-Fri 08:00-12:00,13:00-17:00`, read in the digest time zone.
 */
export function parseBusinessHours(text: string): BusinessHours {
  if (/^\s*always\s*$/i.test(text)) return { kind: 'always' };
  const week: Array<Array<[number, number]>> = [[], [], [], [], [], [], []];
  const rules = text
    .split(';')
    .map((r) => r.trim())
    .filter(Boolean);
  if (!rules.length)
    throw new Error(`invalid business hours "${text}": expected e.g. "Mon-Fri 08:00-18:00" or "always"`);
  for (const rule of rules) {
    const m = /^(\S+)\s+(.+)$/.exec(rule);
    if (!m)
      throw new Error(`invalid business hours "${text}": expected "<days> <from>-<to>", e.g. "Mon-Fri 08:00-18:00"`);
    const days = new Set<number>();
    for (const part of m[1]!.split(',')) {
      const [a, b] = part.split('-');
      const from = dayOf(a!, text);
      const to = b === undefined ? from : dayOf(b, text);
      for (let d = from; ; d = (d + 1) % 7) {
        days.add(d);
        if (d === to) break;
      }
    }
    for (const range of m[2]!.split(',')) {
      const [a, b] = range.split('-');
      if (b === undefined)
        throw new Error(`invalid business hours "${text}": bad range "${range.trim()}" (use HH:MM-HH:MM)`);
      const start = minuteOf(a!, text);
      const end = minuteOf(b, text);
      if (end <= start)
        throw new Error(`invalid business hours "${text}": range "${range.trim()}" ends before it starts`);
      for (const d of days) week[d]!.push([start, end]);
    }
  }
  for (const ranges of week) ranges.sort((x, y) => x[0] - y[0]);
  return { kind: 'weekly', week };
}

/** The business intervals [from, to) of each local day from the day of `start` on, as instants. */
function* businessIntervals(
  start: number,
  hours: Extract<BusinessHours, { kind: 'weekly' }>,
  timeZone: string,
  maxDays: number,
) {
  const s = localParts(start, timeZone);
  for (let i = 0; i < maxDays; i++) {
    const day = addDays(s.year, s.month, s.day, i);
    for (const [from, to] of hours.week[day.weekday]!) {
      yield [
        zonedTime(day.year, day.month, day.day, from, timeZone),
        zonedTime(day.year, day.month, day.day, to, timeZone),
      ] as const;
    }
  }
}

function weeklyMs(hours: Extract<BusinessHours, { kind: 'weekly' }>): number {
  return hours.week.reduce((sum, ranges) => sum + ranges.reduce((s, [a, b]) => s + (b - a) * 60_000, 0), 0);
}

/** The instant when `durationMs` of business time has passed since `start` (weekends and nights skipped, DST-correct). */
export function addBusinessTime(start: number, durationMs: number, hours: BusinessHours, timeZone: string): number {
  if (hours.kind === 'always' || durationMs <= 0) return start + Math.max(0, durationMs);
  const perWeek = weeklyMs(hours);
  if (perWeek === 0) throw new Error('business hours have no working time');
  let left = durationMs;
  const maxDays = 14 + 7 * Math.ceil(durationMs / perWeek);
  for (const [from, to] of businessIntervals(start, hours, timeZone, maxDays)) {
    const a = Math.max(from, start);
    if (a >= to) continue;
    if (to - a >= left) return a + left;
    left -= to - a;
  }
  throw new Error('business time arithmetic ran out of days');
}

/** Business time between two instants (0 when `b` is not after `a`). */
export function businessTimeBetween(a: number, b: number, hours: BusinessHours, timeZone: string): number {
  if (b <= a) return 0;
  if (hours.kind === 'always') return b - a;
  const maxDays = Math.ceil((b - a) / 86_400_000) + 2;
  let sum = 0;
  for (const [from, to] of businessIntervals(a, hours, timeZone, maxDays)) {
    if (from >= b) break;
    sum += Math.max(0, Math.min(to, b) - Math.max(from, a));
  }
  return sum;
}

/** When the owner is reminded and when the manager is told, for an SLA clock started at `startedAt`. */
export function slaDeadlines(startedAt: number, policy: SlaPolicy): { remindAt: number; escalateAt: number } {
  return {
    remindAt: addBusinessTime(startedAt, policy.remindAfterMs, policy.hours, policy.timeZone),
    escalateAt: addBusinessTime(startedAt, policy.escalateAfterMs, policy.hours, policy.timeZone),
  };
}

export type SlaStep = 'remind' | 'escalate';

/** The SLA steps due now for a lead; nothing once it left MQL (accepted, rejected, …). */
export function dueSlaSteps(
  lead: { state: LeadState; remindedAt: number | null; escalatedAt: number | null },
  startedAt: number,
  now: number,
  policy: SlaPolicy,
): SlaStep[] {
  if (lead.state !== 'MQL') return [];
  const { remindAt, escalateAt } = slaDeadlines(startedAt, policy);
  const steps: SlaStep[] = [];
  if (lead.remindedAt == null && now >= remindAt) steps.push('remind');
  if (lead.escalatedAt == null && now >= escalateAt) steps.push('escalate');
  return steps;
}
