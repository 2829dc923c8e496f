import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startC4cStandin, type C4cStandin } from '../standins/c4c.js';

/** The stand-in's own contract, exercised over plain HTTP as an out-of-process test would. */
describe('36One stand-in', () => {
  let s: C4cStandin;
  let auth: Record<string, string>;
  beforeEach(async () => {
    s = await startC4cStandin();
    auth = { authorization: `Basic ${Buffer.from(`${s.username}:${s.password}`).toString('base64')}` };
  });
  afterEach(() => s.close());

  async function session() {
    const res = await fetch(`${s.serviceRoot}?$format=json`, { headers: { ...auth, 'x-csrf-token': 'fetch' } });
    const cookie = res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
    return { ...auth, cookie, 'x-csrf-token': res.headers.get('x-csrf-token')!, 'content-type': 'application/json' };
  }

  it('a converted lead refuses changes; PATCH needs If-Match; unknown properties are rejected', async () => {
    const lead = s.seedLead({ Name: 'Done', ExternalID: 'x', UserStatusCode: '05' });
    const headers = await session();
    const url = `${s.serviceRoot}LeadCollection('${lead.ObjectID}')?$format=json`;
    const body = JSON.stringify({ UserStatusCode: '03' });

    expect((await fetch(url, { method: 'PATCH', headers, body })).status).toBe(428);
    const refused = await fetch(url, { method: 'PATCH', headers: { ...headers, 'if-match': s.etagOf(lead.ObjectID) }, body });
    expect(refused.status).toBe(400);
    expect(await refused.json()).toMatchObject({ error: { code: 'LEAD_CONVERTED' } });

    const bad = await fetch(`${s.serviceRoot}LeadCollection?$format=json`, { method: 'POST', headers, body: JSON.stringify({ Name: 'n', Nmae: 'typo' }) });
    expect(await bad.json()).toMatchObject({ error: { message: { value: "Property 'Nmae' is invalid" } } });
  });

  it('HTTP control: faults, seeded data, down with automatic up', async () => {
    const control = (path: string, body?: unknown) =>
      fetch(`${s.url}/_standin/${path}`, { method: body === undefined ? 'GET' : 'POST', body: JSON.stringify(body) });

    expect((await control('faults', { method: 'GET', path: 'LeadCollection', status: 502 })).status).toBe(204);
    expect((await fetch(`${s.serviceRoot}LeadCollection?$format=json`, { headers: auth })).status).toBe(502);
    expect((await fetch(`${s.serviceRoot}LeadCollection?$format=json`, { headers: auth })).status).toBe(200);

    await control('seed-lead', { Name: 'Seeded', ExternalID: 'hubspot:1:1' });
    expect(await (await control('leads')).json()).toEqual([expect.objectContaining({ Name: 'Seeded', ID: '4711' })]);

    expect((await control('down', { mode: 'refuse', forMs: 150 })).status).toBe(204);
    await expect(fetch(`${s.serviceRoot}$metadata`, { headers: auth })).rejects.toThrow();
    await new Promise((r) => setTimeout(r, 250));
    expect((await fetch(`${s.serviceRoot}$metadata`, { headers: auth })).status).toBe(200);

    expect((await control('faults', { status: 'nope' })).status).toBe(400);
  });
});
