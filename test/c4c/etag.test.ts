import { afterEach, describe, expect, it } from 'vitest';
import { failure, type Harness, handover, setup } from './harness.js';

/** A fetch that lets "someone else" edit the lead just before each of our first `edits` PATCHes. */
function editingBeforePatch(getHarness: () => Harness, edits: number): typeof fetch {
  let left = edits;
  return async (input, init) => {
    if (init?.method === 'PATCH' && left > 0) {
      left--;
      const objectId = /\('([0-9A-F]+)'\)/.exec(String(input))![1];
      getHarness().standin.bumpEtag(objectId);
    }
    return fetch(input, init);
  };
}

describe('ETag / If-Match', () => {
  let h: Harness;
  afterEach(() => h.close());

  it('412 once: re-reads, retries with the fresh ETag and succeeds', async () => {
    h = await setup({ fetch: editingBeforePatch(() => h, 1) });
    await h.client.ensureLead(handover());
    await h.client.updateLeadStatus('hubspot:4242:501', { kind: 'accepted' });

    expect(h.standin.leads()[0].UserStatusCode).toBe('03');
    const patches = h.standin.requests.filter((r) => r.method === 'PATCH');
    expect(patches.map((p) => p.status)).toEqual([412, 204]);
    expect(patches[1].headers['if-match']).not.toBe(patches[0].headers['if-match']);
    expect(h.logs).toContainEqual(expect.objectContaining({ level: 'warn', msg: expect.stringContaining('412') }));
  });

  it('412 twice: surfaces a retryable IntegrationError', async () => {
    h = await setup({ fetch: editingBeforePatch(() => h, 2) });
    await h.client.ensureLead(handover());
    const err = await failure(h.client.updateLeadStatus('hubspot:4242:501', { kind: 'accepted' }));

    expect(err.message).toMatch(/^36One: .+ \(PRECONDITION_FAILED, HTTP 412\)$/);
    expect(err).toMatchObject({ status: 412, permanent: false, system: 'c4c' });
    expect(h.standin.leads()[0].UserStatusCode).toBe('01');
  });

  it('without __metadata.etag in the look-up, reads the lead by key and uses the ETag header', async () => {
    const stripEtags: typeof fetch = async (input, init) => {
      const res = await fetch(input, init);
      if (!String(input).includes('$filter=')) return res;
      const json = (await res.json()) as { d: { results: Array<{ __metadata: { etag?: string } }> } };
      for (const r of json.d.results) delete r.__metadata.etag;
      return new Response(JSON.stringify(json), { status: res.status, headers: res.headers });
    };
    h = await setup({ fetch: stripEtags });
    await h.client.ensureLead(handover());
    await h.client.updateLeadStatus('hubspot:4242:501', { kind: 'accepted' });

    const byKey = h.standin.requests.find((r) => r.method === 'GET' && /^LeadCollection\('/.test(r.path));
    expect(byKey?.status).toBe(200);
    expect(h.standin.leads()[0].UserStatusCode).toBe('03');
  });
});
