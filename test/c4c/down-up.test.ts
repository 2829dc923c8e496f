import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { failure, type Harness, handover, setup } from './harness.js';

describe('36One down, then up', () => {
  let h: Harness;
  beforeEach(async () => (h = await setup({ timeoutMs: 1000 })));
  afterEach(() => h.close());

  it('connection refused is a transient network error; after up() the same call succeeds', async () => {
    await h.client.ensureLead(handover({ externalId: 'hubspot:1:1' })); // warm session and keep-alive socket
    h.standin.down();
    const err = await failure(h.client.ensureLead(handover()));
    expect(err).toMatchObject({ code: 'NetworkError', permanent: false });
    expect(err.message).toMatch(/^36One: network error on GET LeadCollection: /);

    await h.standin.up();
    expect(await h.client.ensureLead(handover())).toMatchObject({ created: true });
    expect(h.standin.leads()).toHaveLength(2);
  });

  it('503 "for a while" with Retry-After, then back by itself', async () => {
    h.standin.down({ mode: 'unavailable', retryAfterSec: 30, forMs: 200 });
    expect(await failure(h.client.ensureLead(handover()))).toMatchObject({
      status: 503,
      permanent: false,
      retryAfterMs: 30_000,
    });

    await new Promise((r) => setTimeout(r, 250));
    expect(await h.client.ensureLead(handover())).toMatchObject({ created: true });
  });
});
