/**
 * HubSpot pacing: 100 requests per rolling 10 s until HubSpot's X-HubSpot-RateLimit-* headers say otherwise, then as
 * they say. Time is virtual (the pacer's sleep moves the clock on), so the results do not depend on machine speed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';
import { createHubSpot } from '../../src/hubspot/client.js';
import { createHubSpotPacer, type PacerTime } from '../../src/hubspot/pacer.js';
import { IntegrationError } from '../../src/lib/integration-error.js';
import { type HubSpotStandin, rateLimitFault, startHubSpotStandin } from '../standins/hubspot.js';
import { sampleData } from '../standins/hubspot-sample.js';

const T0 = Date.parse('2026-11-27T10:00:00Z');

function virtualTime(): PacerTime & { t: number } {
  const v = {
    t: T0,
    now: () => v.t,
    sleep: async (ms: number) => {
      v.t += ms;
    },
  };
  return v;
}

/** The most starts within any window of `windowMs` (starts ascending). */
function busiest(starts: number[], windowMs: number): number {
  let most = 0;
  for (let i = 0, j = 0; i < starts.length; i++) {
    while (starts[i]! - starts[j]! >= windowMs) j++;
    most = Math.max(most, i - j + 1);
  }
  return most;
}

async function startTimes(n: number, pacer: { acquire(): Promise<void> }, time: { now(): number }): Promise<number[]> {
  const at: number[] = [];
  await Promise.all(Array.from({ length: n }, () => pacer.acquire().then(() => at.push(time.now() - T0))));
  return at;
}

describe('HubSpot pacer', () => {
  it('defaults to 100 requests per rolling 10 s, safe on every tier', async () => {
    const time = virtualTime();
    const at = await startTimes(250, createHubSpotPacer({ time }), time);
    expect(busiest(at, 10_000)).toBe(100);
    expect([at[99], at[100], at[199], at[200]]).toEqual([0, 10_000, 10_000, 20_000]);
  });

  it('paces to the advertised max per interval, and to the secondly limit when one is sent', async () => {
    const time = virtualTime();
    const pacer = createHubSpotPacer({ time });
    pacer.observe({
      'x-hubspot-ratelimit-max': '190',
      'x-hubspot-ratelimit-interval-milliseconds': '10000',
      'x-hubspot-ratelimit-remaining': '190',
    });
    const at = await startTimes(400, pacer, time);
    expect(busiest(at, 10_000)).toBe(190);
    expect(at[190]).toBe(10_000);
    pacer.observe({ 'x-hubspot-ratelimit-secondly': '10', 'x-hubspot-ratelimit-secondly-remaining': '10' });
    const t = time.now();
    const more = (await startTimes(30, pacer, time)).map((x) => x + T0 - t);
    expect(busiest(more, 1000)).toBe(10);
  });

  it('holds back when HubSpot counts the budget as spent (other clients of the app included)', async () => {
    const time = virtualTime();
    const pacer = createHubSpotPacer({ time });
    await pacer.acquire();
    pacer.observe({
      'x-hubspot-ratelimit-max': '100',
      'x-hubspot-ratelimit-interval-milliseconds': '10000',
      'x-hubspot-ratelimit-remaining': '0',
    });
    time.t += 2_000;
    const at = await startTimes(1, pacer, time);
    expect(at).toEqual([10_000]); // a full window after HubSpot's count, not at once
  });

  it('keeps a configured budget as a ceiling the headers cannot raise, but can lower', async () => {
    const time = virtualTime();
    const pacer = createHubSpotPacer({ time, ceiling: [10_000, 20] });
    pacer.observe({
      'x-hubspot-ratelimit-max': '190',
      'x-hubspot-ratelimit-interval-milliseconds': '10000',
      'x-hubspot-ratelimit-remaining': '190',
    });
    expect(busiest(await startTimes(60, pacer, time), 10_000)).toBe(20);
    pacer.observe({
      'x-hubspot-ratelimit-max': '5',
      'x-hubspot-ratelimit-interval-milliseconds': '10000',
      'x-hubspot-ratelimit-remaining': '5',
    });
    const t = time.now();
    expect(
      busiest(
        (await startTimes(20, pacer, time)).map((x) => x + T0 - t),
        10_000,
      ),
    ).toBeLessThanOrEqual(5);
  });

  it('ignores malformed headers', async () => {
    const time = virtualTime();
    const pacer = createHubSpotPacer({ time });
    pacer.observe({
      'x-hubspot-ratelimit-max': 'lots',
      'x-hubspot-ratelimit-interval-milliseconds': '-1',
      'x-hubspot-ratelimit-remaining': 'x',
    });
    expect(busiest(await startTimes(150, pacer, time), 10_000)).toBe(100);
  });
});

describe("HubSpot client paced by the stand-in's answers (real HTTP, virtual time)", () => {
  let hs: HubSpotStandin;
  beforeAll(async () => {
    hs = await startHubSpotStandin({ accessToken: 'pat', rateLimit: { max: 5, intervalMs: 10_000 } });
    hs.seed(sampleData);
  });
  afterAll(async () => {
    await hs?.close();
  });

  const product = (time: PacerTime) =>
    createHubSpot({
      accessToken: 'pat',
      baseUrl: hs.url,
      appUrl: 'https://app.hubspot.com',
      scoreProperty: 'hubspotscore',
      timeoutMs: 5_000,
      pacerTime: time,
      clock: time,
    });

  it('follows X-HubSpot-RateLimit-Max / -Interval-Milliseconds / -Remaining', async () => {
    const time = virtualTime();
    const client = product(time);
    const at: number[] = [];
    const before = hs.requests.length;
    for (let i = 0; i < 8; i++) {
      await client.getCompany('201');
      at.push(hs.requests.length > before ? time.now() - T0 : -1);
    }
    expect(busiest(at, 10_000)).toBeLessThanOrEqual(5);
    expect(at.slice(0, 5)).toEqual([0, 0, 0, 0, 0]);
    expect(at[5]).toBeGreaterThanOrEqual(10_000);
  });

  it("still maps a 429 TEN_SECONDLY_ROLLING to a retry after HubSpot's window, and holds back meanwhile", async () => {
    const time = virtualTime();
    const client = product(time);
    hs.fault(
      rateLimitFault('TEN_SECONDLY_ROLLING', { method: 'GET', path: '/crm/v3/objects/companies/202', times: 1 }),
    );
    const err = await client.getCompany('202').catch((e) => e);
    expect(err).toBeInstanceOf(IntegrationError);
    expect([err.code, err.status, err.retryAfterMs]).toEqual(['RATE_LIMIT', 429, 10_000]);
    const t = time.now();
    expect(await client.getCompany('202')).toMatchObject({ id: '202' });
    expect(time.now() - t).toBeGreaterThanOrEqual(10_000 - 1); // the 429 said remaining 0 of 190
  });
});

describe('HUBSPOT_REQUESTS_PER_10S', () => {
  const base = { HUBSPOT_ACCESS_TOKEN: 'pat-x', HUBSPOT_CLIENT_SECRET: 'secret' };
  it("is unset by default (100 per 10 s, then HubSpot's headers), 0 switches pacing off", () => {
    expect(loadConfig(base).hubspot.requestsPer10s).toBeUndefined();
    expect(loadConfig({ ...base, HUBSPOT_REQUESTS_PER_10S: '0' }).hubspot.requestsPer10s).toBe(0);
    expect(loadConfig({ ...base, HUBSPOT_REQUESTS_PER_10S: '150' }).hubspot.requestsPer10s).toBe(150);
  });
  it('still reads the old HUBSPOT_MAX_REQUESTS_PER_SECOND (×10), and refuses both at once naming the new one', () => {
    expect(loadConfig({ ...base, HUBSPOT_MAX_REQUESTS_PER_SECOND: '0' }).hubspot.requestsPer10s).toBe(0);
    expect(loadConfig({ ...base, HUBSPOT_MAX_REQUESTS_PER_SECOND: '15' }).hubspot.requestsPer10s).toBe(150);
    expect(() =>
      loadConfig({ ...base, HUBSPOT_MAX_REQUESTS_PER_SECOND: '15', HUBSPOT_REQUESTS_PER_10S: '100' }),
    ).toThrow(/HUBSPOT_MAX_REQUESTS_PER_SECOND: replaced by HUBSPOT_REQUESTS_PER_10S/);
    expect(() => loadConfig({ ...base, HUBSPOT_REQUESTS_PER_10S: '-1' })).toThrow(ConfigError);
  });
});
