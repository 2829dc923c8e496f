import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { msUntilDailyReset, toHubSpotError } from '../../src/hubspot/errors.js';

const at = (iso: string) => Date.parse(iso);
const H = 3_600_000,
  M = 60_000;

describe('HubSpot daily limit: wait until midnight in the account time zone', () => {
  it.each([
    ['UTC', '2026-11-27T10:00:00Z', 14 * H + M],
    ['Europe/Berlin', '2026-11-27T10:00:00Z', 13 * H + M], // 11:00 local (UTC+1) → midnight at 23:00Z
    ['Europe/Berlin', '2026-07-01T10:00:00Z', 12 * H + M], // summer time (UTC+2) → midnight at 22:00Z
    ['Europe/Berlin', '2026-03-28T12:00:00Z', 11 * H + M], // the day before the switch to summer time: midnight is still UTC+1
    ['America/New_York', '2026-11-27T10:00:00Z', 19 * H + M], // 05:00 local (UTC−5) → midnight at 05:00Z next day
  ])('%s at %s', (tz, now, wait) => {
    expect(msUntilDailyReset(at(now), tz)).toBe(wait);
  });

  it('asks again after an hour when still limited just after the presumed midnight (a wrong zone or HubSpot late)', () => {
    expect(msUntilDailyReset(at('2026-11-27T23:30:00Z'), 'Europe/Berlin')).toBe(H); // 00:30 local
    expect(msUntilDailyReset(at('2026-11-27T03:00:00Z'), 'UTC')).toBe(H); // within four hours of it
    expect(msUntilDailyReset(at('2026-11-27T05:00:00Z'), 'UTC')).toBe(19 * H + M); // later in the day: until the next midnight
  });

  it('maps a DAILY 429 to that wait, and a ten-secondly 429 to its Retry-After', () => {
    const daily = toHubSpotError(
      { code: 429, body: { policyName: 'DAILY' } },
      'reading contact 1',
      at('2026-11-27T10:00:00Z'),
      'Europe/Berlin',
    );
    expect([daily.code, daily.retryAfterMs]).toEqual(['DAILY_LIMIT', 13 * H + M]);
    const secondly = toHubSpotError(
      { code: 429, body: { policyName: 'TEN_SECONDLY_ROLLING' }, headers: { 'retry-after': '3' } },
      'reading contact 1',
      at('2026-11-27T10:00:00Z'),
      'Europe/Berlin',
    );
    expect([secondly.code, secondly.retryAfterMs]).toEqual(['RATE_LIMIT', 3_000]);
  });

  it('HUBSPOT_ACCOUNT_TIMEZONE defaults to UTC and refuses an unknown zone by name', () => {
    const base = { HUBSPOT_ACCESS_TOKEN: 'pat-x', HUBSPOT_CLIENT_SECRET: 'secret' };
    expect(loadConfig(base).hubspot.accountTimeZone).toBe('UTC');
    expect(loadConfig({ ...base, HUBSPOT_ACCOUNT_TIMEZONE: 'Europe/Berlin' }).hubspot.accountTimeZone).toBe(
      'Europe/Berlin',
    );
    expect(() => loadConfig({ ...base, HUBSPOT_ACCOUNT_TIMEZONE: 'Mars/Olympus' })).toThrow(
      /HUBSPOT_ACCOUNT_TIMEZONE: unknown time zone/,
    );
  });
});
