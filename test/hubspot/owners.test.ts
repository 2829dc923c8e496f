/**
 * Owners come from one paged listing (GET /crm/v3/owners, active and archived), read again after a few minutes and
 * once when an unknown id is asked for — never one call per owner. Real HTTP against the stand-in, controlled clock.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createHubSpot } from '../../src/hubspot/client.js';
import { IntegrationError } from '../../src/lib/integration-error.js';
import { type HubSpotStandin, startHubSpotStandin } from '../standins/hubspot.js';

const T0 = Date.parse('2026-12-01T10:00:00Z');
const owner = (i: number, archived = false) => ({
  id: String(1000 + i),
  email: `owner${i}@example.com`,
  firstName: 'Owner',
  lastName: String(i),
  archived,
});

describe('HubSpot owners from the paged owner list', () => {
  let hs: HubSpotStandin;
  const clock = { t: T0, now: () => clock.t };
  beforeAll(async () => {
    hs = await startHubSpotStandin({ accessToken: 'pat' });
  });
  afterAll(async () => {
    await hs?.close();
  });
  beforeEach(() => {
    hs.reset();
    clock.t = T0;
    for (let i = 0; i < 1200; i++) hs.addOwner(owner(i));
    hs.addOwner(owner(5000, true));
  });

  const product = () =>
    createHubSpot({
      accessToken: 'pat',
      baseUrl: hs.url,
      appUrl: 'https://app.hubspot.com',
      scoreProperty: 'hubspotscore',
      timeoutMs: 5_000,
      requestsPer10s: 0,
      clock,
    });
  const ownerCalls = () => hs.requests.filter((r) => r.path.startsWith('/crm/v3/owners'));

  it('reads all owners in pages of 500 following paging.next.after, active and archived, then answers from memory', async () => {
    const client = product();
    const ids = Array.from({ length: 100 }, (_, i) => String(1000 + i * 12));
    const found = await Promise.all(ids.map((id) => client.getOwner(id)));
    expect(found.map((o) => o?.email)).toEqual(ids.map((id) => `owner${Number(id) - 1000}@example.com`));
    const calls = ownerCalls();
    expect(calls.map((r) => [r.path, r.query.limit, r.query.after ?? null, r.query.archived])).toEqual(
      expect.arrayContaining([
        ['/crm/v3/owners', '500', null, 'false'],
        ['/crm/v3/owners', '500', '500', 'false'],
        ['/crm/v3/owners', '500', '1000', 'false'],
        ['/crm/v3/owners', '500', null, 'true'],
      ]),
    );
    expect(calls).toHaveLength(4);
    expect(await client.getOwner('2199')).toMatchObject({ email: 'owner1199@example.com' });
    expect(ownerCalls()).toHaveLength(4);
  });

  it('flags an archived owner as archived', async () => {
    const client = product();
    expect(await client.getOwner('6000')).toMatchObject({ id: '6000', email: 'owner5000@example.com', archived: true });
    expect((await client.getOwner('1001'))?.archived).toBeUndefined();
  });

  it('reads the list again once it is five minutes old, and sees changes', async () => {
    const client = product();
    expect(await client.getOwner('1001')).toMatchObject({ email: 'owner1@example.com' });
    hs.reset();
    hs.addOwner({ ...owner(1), email: 'renamed@example.com' });
    clock.t += 4 * 60_000;
    expect(await client.getOwner('1001')).toMatchObject({ email: 'owner1@example.com' });
    expect(ownerCalls()).toHaveLength(0);
    clock.t += 60_000;
    expect(await client.getOwner('1001')).toMatchObject({ email: 'renamed@example.com' });
    expect(ownerCalls()).toHaveLength(2);
  });

  it('an unknown owner id costs one read of the list for a whole burst, not one call per lead', async () => {
    const client = product();
    await client.getOwner('1001');
    hs.clearRequests();
    hs.addOwner(owner(7000));
    const burst = await Promise.all([
      ...Array.from({ length: 50 }, () => client.getOwner('8000')),
      ...Array.from({ length: 50 }, () => client.getOwner('424242')),
    ]);
    expect(burst.slice(0, 50).every((o) => o?.email === 'owner7000@example.com')).toBe(true);
    expect(burst.slice(50).every((o) => o === null)).toBe(true);
    const calls = ownerCalls();
    expect(calls.filter((r) => r.query.archived === 'false').length).toBe(3);
    expect(calls.filter((r) => r.query.archived === 'true').length).toBe(1);
    expect(calls.some((r) => r.path !== '/crm/v3/owners')).toBe(false);
    // That read did not hold 424242 either: a further miss for it does not read again until the next regular read.
    expect(await client.getOwner('424242')).toBeNull();
    expect(ownerCalls()).toHaveLength(4);
    clock.t += 5 * 60_000;
    expect(await client.getOwner('424242')).toBeNull();
    expect(ownerCalls()).toHaveLength(8);
  });

  it('keeps answering from the last list when a refresh fails, and throws when there is none yet', async () => {
    const client = product();
    hs.fault({ method: 'GET', path: '/crm/v3/owners', status: 503, times: 2 });
    const err = await client.getOwner('1001').catch((e) => e);
    expect(err).toBeInstanceOf(IntegrationError);
    hs.clearFaults();
    expect(await client.getOwner('1001')).toMatchObject({ email: 'owner1@example.com' });
    clock.t += 6 * 60_000;
    hs.fault({ method: 'GET', path: '/crm/v3/owners', status: 503, times: 4 });
    expect(await client.getOwner('1001')).toMatchObject({ email: 'owner1@example.com' });
    // An unknown id still needs a list HubSpot answered: the failure is thrown, so the lead is retried, not ownerless.
    const miss = await client.getOwner('999999').catch((e) => e);
    expect(miss).toBeInstanceOf(IntegrationError);
  });

  it('listOwners reads the list now and returns the active owners', async () => {
    const client = product();
    const all = await client.listOwners();
    expect(all).toHaveLength(1200);
    expect(all.some((o) => o.id === '6000')).toBe(false);
  });
});
