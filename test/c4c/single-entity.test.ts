import { afterEach, describe, expect, it } from 'vitest';
import { type Harness, handover, setup } from './harness.js';

/**
 * C4C wraps a single entity as {"d":{"results":{…}}}; plain OData v2 sends {"d":{…}}. The client reads both, on
 * create (201) and on a read by key (where it takes the ETag from the body when the header is missing).
 */
describe('single entities in both shapes', () => {
  let h: Harness;
  afterEach(() => h.close());

  /** Drops the ETag from collection answers and headers, so the client must read the lead by key for it. */
  const withoutListEtags: typeof fetch = async (input, init) => {
    const res = await fetch(input, init);
    const url = String(input);
    if ((init?.method ?? 'GET') !== 'GET' || !/LeadCollection(\('|\?)/.test(url)) return res;
    const json = (await res.json()) as { d: { results: unknown } };
    const strip = (e: any) => ({ ...e, __metadata: { ...e.__metadata, etag: undefined } });
    if (Array.isArray(json.d.results)) json.d.results = json.d.results.map(strip);
    const headers = new Headers(res.headers);
    headers.delete('etag');
    return new Response(JSON.stringify(json), { status: res.status, headers });
  };

  for (const shape of ['results', 'plain'] as const) {
    it(`${shape}: the created lead's ObjectID and ID are read; a status change reads the lead by key for its ETag`, async () => {
      h = await setup({ standin: { singleEntityShape: shape }, fetch: withoutListEtags });
      const ref = await h.client.ensureLead(handover());
      expect(ref).toMatchObject({ created: true, id: '4711', objectId: h.standin.leads()[0]!.ObjectID });

      await h.client.updateLeadStatus('hubspot:4242:501', { kind: 'accepted' });
      const byKey = h.standin.requests.filter(
        (r) => r.method === 'GET' && r.path === `LeadCollection('${ref.objectId}')`,
      );
      expect(byKey).toHaveLength(1);
      expect(h.standin.leads()[0]).toMatchObject({ UserStatusCode: '03' });
    });
  }

  it('an answer with neither shape is a permanent error naming what is missing', async () => {
    const broken: typeof fetch = async (input, init) => {
      const res = await fetch(input, init);
      return init?.method === 'POST'
        ? new Response(JSON.stringify({ d: { results: [] } }), { status: 201, headers: res.headers })
        : res;
    };
    h = await setup({ fetch: broken });
    await expect(h.client.ensureLead(handover())).rejects.toMatchObject({
      permanent: true,
      code: 'UnexpectedResponse',
      message: expect.stringContaining('36One: unexpected answer to LeadCollection create: ObjectID: Required'),
    });
  });
});
