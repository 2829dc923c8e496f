/**
 * HubSpot batch reads: the stand-in's `POST /crm/v3/objects/{contacts|companies}/batch/read` as the real client sees
 * it (200 / 207 with OBJECT_NOT_FOUND, merges, single-read faults applying to batches), and the product client's
 * `getContacts` / `getCompanies` / cached `getOwner` on top of it.
 */
import { Client } from '@hubspot/api-client';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createHubSpot } from '../../src/hubspot/client.js';
import { BatchReadError } from '../../src/hubspot/errors.js';
import { IntegrationError } from '../../src/lib/integration-error.js';
import { instrumentClient } from '../../src/metrics/instrument-client.js';
import { createMetrics } from '../../src/metrics.js';
import { sample } from '../metrics/scrape.js';
import { type HubSpotStandin, rateLimitFault, startHubSpotStandin } from './hubspot.js';
import { sampleData } from './hubspot-sample.js';

const TOKEN = 'pat-eu1-test-token';
let hs: HubSpotStandin;
const raw = () => new Client({ accessToken: TOKEN, basePath: hs.url, numberOfApiCallRetries: 0 });
const product = (o: { timeoutMs?: number; ownerCacheMs?: number } = {}) =>
  createHubSpot({
    accessToken: TOKEN,
    baseUrl: hs.url,
    appUrl: 'https://app.hubspot.com',
    scoreProperty: 'hubspotscore',
    timeoutMs: o.timeoutMs ?? 5_000,
    requestsPer10s: 0,
    ownerCacheMs: o.ownerCacheMs,
  });
const crmCalls = () => hs.requests.filter((r) => !r.path.startsWith('/_standin/'));
const batchCalls = (type: 'contacts' | 'companies') =>
  crmCalls().filter((r) => r.method === 'POST' && r.path === `/crm/v3/objects/${type}/batch/read`);
const inputs = (ids: string[]) => ({
  inputs: ids.map((id) => ({ id })),
  properties: ['firstname', 'associatedcompanyid', 'hs_merged_object_ids'],
  propertiesWithHistory: [],
});

beforeAll(async () => {
  hs = await startHubSpotStandin({ accessToken: TOKEN });
});
afterAll(() => hs.close());
beforeEach(() => {
  hs.reset();
  hs.seed(sampleData);
});

describe('stand-in: batch read as @hubspot/api-client sees it', () => {
  it('200 COMPLETE with the requested properties when every id exists', async () => {
    const r = await raw().crm.contacts.batchApi.read(inputs(['1001', '1007']));
    expect(r.status).toBe('COMPLETE');
    expect(r.results.map((x) => [x.id, x.properties.firstname, x.properties.associatedcompanyid])).toEqual([
      ['1001', 'Jonas', '201'],
      ['1007', 'Lukas', null],
    ]);
    expect('errors' in r ? r.errors : undefined).toBeUndefined();
    expect(batchCalls('contacts').map((c) => c.status)).toEqual([200]);
  });

  it('207 with one OBJECT_NOT_FOUND error listing the unknown and archived ids', async () => {
    hs.archiveContact('1005');
    const r = await raw().crm.contacts.batchApi.read(inputs(['1001', '424242', '1005']));
    expect(r.results.map((x) => x.id)).toEqual(['1001']);
    const errors = (r as { errors?: Array<{ category: string; context: Record<string, string[]>; message: string }> })
      .errors!;
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ category: 'OBJECT_NOT_FOUND', context: { ids: ['424242', '1005'] } });
    expect(errors[0]!.message).toMatch(/Could not get some CONTACT objects/);
    expect(batchCalls('contacts').map((c) => c.status)).toEqual([207]);
  });

  it('a merged-away id returns the surviving record, which lists it in hs_merged_object_ids', async () => {
    hs.mergeContacts('1001', '1002');
    const r = await raw().crm.contacts.batchApi.read(inputs(['1002']));
    expect(r.results.map((x) => [x.id, x.properties.hs_merged_object_ids])).toEqual([['1001', '1002']]);
  });

  it('companies too; more than 100 inputs is a 400', async () => {
    const r = await raw().crm.companies.batchApi.read({
      inputs: [{ id: '202' }, { id: '999' }],
      properties: ['name'],
      propertiesWithHistory: [],
    });
    expect(r.results.map((x) => x.properties.name)).toEqual(['Beispiel AG']);
    expect(batchCalls('companies').map((c) => c.status)).toEqual([207]);
    const tooMany = await raw()
      .crm.companies.batchApi.read({
        inputs: Array.from({ length: 101 }, (_, i) => ({ id: String(i) })),
        properties: [],
        propertiesWithHistory: [],
      })
      .catch((e) => e);
    expect(tooMany.code).toBe(400);
  });

  it("a fault set on one object's read hits the batch that includes it: 429 for the whole request, 404 for that id", async () => {
    hs.fault(
      rateLimitFault('TEN_SECONDLY_ROLLING', { method: 'GET', path: '/crm/v3/objects/contacts/1003', times: 1 }),
    );
    hs.fault({ method: 'GET', path: '/crm/v3/objects/contacts/1004', status: 404, times: 1 });
    // A batch without 1003 is not hit (and leaves the fault for later).
    expect((await raw().crm.contacts.batchApi.read(inputs(['1001']))).results).toHaveLength(1);
    const err = await raw()
      .crm.contacts.batchApi.read(inputs(['1001', '1003']))
      .catch((e) => e);
    expect(err.code).toBe(429);
    expect(err.body.policyName).toBe('TEN_SECONDLY_ROLLING');
    const r = await raw().crm.contacts.batchApi.read(inputs(['1003', '1004']));
    expect(r.results.map((x) => x.id)).toEqual(['1003']);
    expect(batchCalls('contacts').map((c) => c.status)).toEqual([200, 429, 207]);
    // And a fault on the batch path itself applies as to any request.
    hs.fault({ method: 'POST', path: '/crm/v3/objects/contacts/batch/read', status: 502, times: 1 });
    expect(
      (
        await raw()
          .crm.contacts.batchApi.read(inputs(['1001']))
          .catch((e) => e)
      ).code,
    ).toBe(502);
  });
});

describe('product client: getContacts, getCompanies, getOwner', () => {
  it('getContacts gives the same snapshots as getContact, keyed by requested id, in one call', async () => {
    const hub = product();
    const ids = ['1001', '1002', '1006', '1007'];
    const singles = await Promise.all(ids.map((id) => hub.getContact(id)));
    hs.clearRequests();
    const many = await hub.getContacts(ids);
    expect([...many.keys()]).toEqual(ids);
    expect(ids.map((id) => many.get(id))).toEqual(singles);
    expect(many.get('1001')!.companyId).toBe('201');
    expect(crmCalls()).toHaveLength(1);
    expect(batchCalls('contacts')[0]!.body).toMatchObject({ inputs: ids.map((id) => ({ id })) });
  });

  it('leaves unknown, archived and non-numeric ids out; maps a merged id to the surviving record; no call for nothing', async () => {
    const hub = product();
    hs.archiveContact('1005');
    hs.mergeContacts('1001', '1002');
    const many = await hub.getContacts(['1002', '1003', '424242', '1005', 'abc', '1003']);
    expect([...many.keys()].sort()).toEqual(['1002', '1003']);
    expect(many.get('1002')!.id).toBe('1001');
    expect(batchCalls('contacts')).toHaveLength(1);
    expect((batchCalls('contacts')[0]!.body as { inputs: unknown[] }).inputs).toHaveLength(4); // deduplicated, 'abc' dropped
    expect(await hub.getContacts([])).toEqual(new Map());
    expect(crmCalls()).toHaveLength(1);
  });

  it('reads 100 ids per call', async () => {
    const ids = Array.from({ length: 250 }, (_, i) => String(60_000 + i));
    for (const id of ids) hs.addContact({ id, properties: { firstname: `K${id}` } });
    const many = await product().getContacts(ids);
    expect(many.size).toBe(250);
    expect(
      batchCalls('contacts')
        .map((c) => (c.body as { inputs: unknown[] }).inputs.length)
        .sort(),
    ).toEqual([100, 100, 50]);
  });

  it('an id neither returned nor reported missing is read on its own instead of being taken for deleted', async () => {
    const t = new Date().toISOString();
    const only1001 = {
      status: 'COMPLETE',
      results: [{ id: '1001', properties: { firstname: 'Jonas' }, createdAt: t, updatedAt: t, archived: false }],
      startedAt: t,
      completedAt: t,
    };
    hs.fault({ method: 'POST', path: '/crm/v3/objects/contacts/batch/read', status: 200, body: only1001, times: 1 });
    const many = await product().getContacts(['1001', '1003']);
    expect(many.get('1003')?.firstName).toBe('Felix');
    expect(crmCalls().map((r) => `${r.method} ${r.path}`)).toEqual([
      'POST /crm/v3/objects/contacts/batch/read',
      'GET /crm/v3/objects/contacts/1003',
    ]);
  });

  it("a 429 on the batch is an IntegrationError with HubSpot's wait; DAILY waits for the reset", async () => {
    const hub = product();
    hs.fault(
      rateLimitFault('TEN_SECONDLY_ROLLING', {
        method: 'POST',
        path: '/batch/read',
        times: 1,
        headers: { 'retry-after': '3' },
      }),
    );
    const err = await hub.getContacts(['1001', '1003']).catch((e) => e);
    expect(err).toBeInstanceOf(IntegrationError);
    expect(err).not.toBeInstanceOf(BatchReadError);
    expect(err).toMatchObject({ status: 429, code: 'RATE_LIMIT', retryAfterMs: 3000 });
    expect(err.message).toBe('HubSpot rate limit (TEN_SECONDLY_ROLLING) while reading 2 contacts (1001, 1003)');
    hs.fault(rateLimitFault('DAILY', { method: 'POST', path: '/batch/read', times: 1 }));
    const daily = await hub.getCompanies(['201']).catch((e) => e);
    expect(daily).toMatchObject({ status: 429, code: 'DAILY_LIMIT' });
    expect(daily.message).toMatch(/DAILY.*while reading company 201$/);
    expect(daily.retryAfterMs).toBeGreaterThan(60_000);
  });

  it('a timeout and a 500 are IntegrationErrors the outbox retries', async () => {
    const hub = product({ timeoutMs: 300 });
    hs.fault({ method: 'POST', path: '/crm/v3/objects/contacts/batch/read', delayMs: 600, times: 1 });
    expect(await hub.getContacts(['1001']).catch((e) => e)).toMatchObject({
      code: 'TIMEOUT',
      permanent: false,
      message: 'HubSpot did not answer within 300 ms while reading contact 1001',
    });
    hs.fault({ method: 'POST', path: '/crm/v3/objects/companies/batch/read', status: 500, times: 1 });
    expect(await hub.getCompanies(['201', '202']).catch((e) => e)).toMatchObject({ status: 500, permanent: false });
  });

  it('when one call of several fails, the ids of the others are still returned (BatchReadError)', async () => {
    const ids = Array.from({ length: 150 }, (_, i) => String(60_000 + i));
    for (const id of ids) hs.addContact({ id, properties: { firstname: `K${id}` } });
    hs.fault({ method: 'GET', path: '/crm/v3/objects/contacts/60120', status: 503, times: 1 }); // in the second call
    const err = await product()
      .getContacts(ids)
      .catch((e) => e);
    expect(err).toBeInstanceOf(BatchReadError);
    expect(err.status).toBe(503);
    expect(err.found.size).toBe(100);
    expect([...err.failedIds].sort()).toEqual(ids.slice(100));
  });

  it('getCompanies gives the same snapshots as getCompany', async () => {
    const hub = product();
    const ids = ['201', '204', '206'];
    const singles = await Promise.all(ids.map((id) => hub.getCompany(id)));
    const many = await hub.getCompanies([...ids, '999']);
    expect(ids.map((id) => many.get(id))).toEqual(singles);
    expect(many.has('999')).toBe(false);
  });

  it('metrics time each HubSpot call once: an owner from the owner list read before is not counted again', async () => {
    const m = createMetrics({ processMetrics: false });
    const hub = instrumentClient(m, 'hubspot', product());
    await hub.getOwner('101');
    await hub.getOwner('101');
    await hub.getContacts(['1001', '1002']);
    const t = (await m.render()).body;
    expect(
      sample(t, 'leadbridge_integration_call_duration_seconds_count', { system: 'hubspot', operation: 'getOwner' }),
    ).toBe(1);
    expect(
      sample(t, 'leadbridge_integration_call_duration_seconds_count', { system: 'hubspot', operation: 'getContacts' }),
    ).toBe(1);
  });
});
