/** Fault injection of the HubSpot stand-in as the real client sees it, plus the client's own retry rules. */
import { Client } from '@hubspot/api-client';
import { ApiException as ContactsApiException } from '@hubspot/api-client/lib/codegen/crm/contacts/index.js';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { type HubSpotStandin, rateLimitFault, startHubSpotStandin } from './hubspot.js';
import { sampleData } from './hubspot-sample.js';

const TOKEN = 'pat-eu1-test-token';
let hs: HubSpotStandin;
const client = (retries: number) =>
  new Client({ accessToken: TOKEN, basePath: hs.url, numberOfApiCallRetries: retries });
const crmCalls = () => hs.requests.filter((r) => !r.path.startsWith('/_standin/'));

beforeAll(async () => {
  hs = await startHubSpotStandin({ accessToken: TOKEN });
  vi.spyOn(console, 'error').mockImplementation(() => {}); // the client logs every retry with console.error
});
afterAll(() => hs.close());
beforeEach(() => {
  hs.reset();
  hs.seed(sampleData);
});

describe('rate limits', () => {
  it('429 TEN_SECONDLY_ROLLING surfaces as ApiException 429 with the policy in the body', async () => {
    hs.fault(rateLimitFault('TEN_SECONDLY_ROLLING', { path: '/crm/v3/objects/contacts/', times: 1 }));
    const err = await client(1)
      .crm.contacts.basicApi.getById('1001')
      .catch((e) => e);
    expect(err.code).toBe(429);
    expect(err.body).toMatchObject({
      status: 'error',
      errorType: 'RATE_LIMIT',
      policyName: 'TEN_SECONDLY_ROLLING',
      message: 'You have reached your ten_secondly_rolling limit.',
    });
    expect(err.headers['x-hubspot-ratelimit-remaining']).toBe('0');
    expect(crmCalls()).toHaveLength(1);
  });

  it('429 DAILY is never retried by the client, even with retries configured', async () => {
    hs.fault(rateLimitFault('DAILY', { times: 1 }));
    const err = await client(3)
      .crm.contacts.basicApi.getById('1001')
      .catch((e) => e);
    expect(err.code).toBe(429);
    expect(err.body.policyName).toBe('DAILY');
    expect(crmCalls()).toHaveLength(1);
  });

  it('search "secondly" 429 is retried after 1 s × attempt', async () => {
    hs.fault(rateLimitFault('SECONDLY', { path: '/search', times: 1 }));
    const t0 = Date.now();
    const r = await client(2).crm.companies.searchApi.doSearch({ query: 'beispiel' });
    expect(r.total).toBe(1);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(950);
    expect(crmCalls()).toHaveLength(2);
  });

  it('the opt-in limiter answers 429 past max calls per interval', async () => {
    const limited = await startHubSpotStandin({ rateLimit: { max: 2, intervalMs: 60_000, enforce: true } });
    limited.seed(sampleData);
    const c = new Client({ accessToken: 'x', basePath: limited.url, numberOfApiCallRetries: 1 });
    await c.crm.owners.ownersApi.getById(101);
    await c.crm.owners.ownersApi.getById(102);
    expect((await c.crm.owners.ownersApi.getById(103).catch((e) => e)).code).toBe(429);
    await limited.close();
  });

  it('every CRM answer advertises the rolling budget in the X-HubSpot-RateLimit-* headers', async () => {
    const budget = await startHubSpotStandin({ rateLimit: { max: 5, intervalMs: 10_000 } });
    budget.seed(sampleData);
    const rate = async () => {
      const h = (await fetch(`${budget.url}/crm/v3/owners/101`)).headers;
      return ['max', 'remaining', 'interval-milliseconds'].map((k) => h.get(`x-hubspot-ratelimit-${k}`));
    };
    expect(await rate()).toEqual(['5', '4', '10000']);
    expect(await rate()).toEqual(['5', '3', '10000']);
    await budget.close();
    const standard = await startHubSpotStandin();
    expect((await fetch(`${standard.url}/crm/v3/owners`)).headers.get('x-hubspot-ratelimit-max')).toBe('190');
    await standard.close();
  });
});

describe('server errors, timeouts, auth', () => {
  it('a 500 is retried after 200 ms when retries allow, else surfaces', async () => {
    hs.fault({ method: 'PATCH', status: 500, times: 1 });
    await client(2).crm.contacts.basicApi.update('1001', { properties: { hs_lead_status: 'OPEN' } });
    expect(crmCalls().map((r) => r.status)).toEqual([500, 200]);
    hs.fault({ method: 'PATCH', status: 503, times: 1 });
    const err = await client(1)
      .crm.contacts.basicApi.update('1001', { properties: { hs_lead_status: 'OPEN' } })
      .catch((e) => e);
    expect(err.code).toBe(503);
    expect(err.body).toMatchObject({ status: 'error' });
  });

  it('a bare 502 without Content-Type is NOT an ApiException (the client fails parsing it)', async () => {
    hs.fault({ status: 502, body: '', times: 1 });
    const err = await client(1)
      .crm.contacts.basicApi.getById('1001')
      .catch((e) => e);
    expect(err.code).toBeUndefined();
    expect(String(err.message)).toContain('No Content-Type');
  });

  it('the client has no timeout of its own: a slow answer must be cut off by the caller', async () => {
    hs.fault({ delayMs: 1500, status: 504, times: 1 });
    const call = client(1).crm.contacts.basicApi.getById('1001');
    const outcome = await Promise.race([
      call.then(
        () => 'answered',
        () => 'failed',
      ),
      new Promise((r) => setTimeout(() => r('timeout'), 300)),
    ]);
    expect(outcome).toBe('timeout');
    expect((await call.catch((e) => e)).code).toBe(504);
  });

  it('a pure delay (no status) still serves the request; latencyMs slows every call', async () => {
    hs.fault({ delayMs: 200, times: 1 });
    const t0 = Date.now();
    await client(1).crm.owners.ownersApi.getById(101);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(190);
    hs.latencyMs = 100;
    const t1 = Date.now();
    await client(1).crm.owners.ownersApi.getById(101);
    expect(Date.now() - t1).toBeGreaterThanOrEqual(95);
  });

  it('a reset connection is a plain Error (FetchError), not an ApiException', async () => {
    hs.fault({ reset: true, times: 1 });
    const err = await client(1)
      .crm.contacts.basicApi.getById('1001')
      .catch((e) => e);
    expect(err.code).toBe('ECONNRESET');
  });

  it('wrong or missing token → 401 INVALID_AUTHENTICATION', async () => {
    const c = new Client({ accessToken: 'wrong', basePath: hs.url, numberOfApiCallRetries: 1 });
    const err = await c.crm.contacts.basicApi.getById('1001').catch((e) => e);
    expect(err.code).toBe(401);
    expect(err.body.category).toBe('INVALID_AUTHENTICATION');
  });
});

describe('client quirks the product must know', () => {
  it('each API module has its own ApiException class: instanceof only works for the module that threw', async () => {
    const err = await client(1)
      .crm.owners.ownersApi.getById(404)
      .catch((e) => e);
    expect(err.code).toBe(404);
    expect(err instanceof ContactsApiException).toBe(false);
  });

  it('retry settings are process-wide: a later Client changes them for APIs first used after it', async () => {
    const a = client(1);
    client(3); // e.g. another component's client
    hs.fault({ status: 500, times: 2 });
    await a.crm.contacts.basicApi.getById('1001'); // a had 1 attempt, but now gets 3
    expect(crmCalls().map((r) => r.status)).toEqual([500, 500, 200]);
  });
});

describe('control API over HTTP', () => {
  it('seeds, injects faults, reads requests and contacts', async () => {
    const base = `${hs.url}/_standin`;
    const post = (p: string, body: unknown) =>
      fetch(`${base}${p}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    await post('/seed', { contacts: [{ id: '2001', properties: { firstname: 'Eva', lifecyclestage: 'lead' } }] });
    await post('/faults', { pathRegex: '/contacts/2001$', status: 500, times: 1 });
    expect(
      (
        await client(1)
          .crm.contacts.basicApi.getById('2001')
          .catch((e) => e)
      ).code,
    ).toBe(500);
    await client(1).crm.contacts.basicApi.update('2001', { properties: { lifecyclestage: 'marketingqualifiedlead' } });
    const contact = await (await fetch(`${base}/contacts/2001`)).json();
    expect(contact.properties.lifecyclestage).toBe('marketingqualifiedlead');
    const reqs = await (await fetch(`${base}/requests`)).json();
    expect(reqs.map((r: { method: string; status: number }) => `${r.method} ${r.status}`)).toEqual([
      'GET 500',
      'PATCH 200',
    ]);
    await fetch(`${base}/faults`, { method: 'DELETE' });
  });
});
