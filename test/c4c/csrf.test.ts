import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { failure, type Harness, handover, setup } from './harness.js';

describe('CSRF token handling', () => {
  let h: Harness;
  beforeEach(async () => (h = await setup()));
  afterEach(() => h.close());

  const tokenFetches = () => h.standin.requests.filter((r) => r.path === '' && r.headers['x-csrf-token'] === 'fetch');

  it('fetches a token and session cookie before the first write and reuses them', async () => {
    await h.client.ensureLead(handover({ externalId: 'hubspot:1:1' }));
    await h.client.ensureLead(handover({ externalId: 'hubspot:1:2' }));
    expect(tokenFetches()).toHaveLength(1);
    const posts = h.standin.requests.filter((r) => r.method === 'POST');
    expect(posts).toHaveLength(2);
    for (const p of posts) {
      expect(p.status).toBe(201);
      expect(p.headers['x-csrf-token']).toBeTruthy();
      expect(p.headers.cookie).toMatch(/SAP_SESSIONID_C4C_123=/);
      expect(p.headers['content-type']).toBe('application/json');
      expect(p.headers.accept).toBe('application/json');
    }
  });

  it('fetches again and retries once on 403 x-csrf-token: Required', async () => {
    await h.client.ensureLead(handover({ externalId: 'hubspot:1:1' }));
    h.standin.expireCsrf();
    const ref = await h.client.ensureLead(handover({ externalId: 'hubspot:1:2' }));
    expect(ref.created).toBe(true);
    expect(tokenFetches()).toHaveLength(2);
    expect(h.standin.requests.filter((r) => r.method === 'POST').map((r) => r.status)).toEqual([201, 403, 201]);
  });

  it('gives up (permanent) when the fresh token is rejected too', async () => {
    h.standin.fault({
      method: 'POST',
      path: 'LeadCollection',
      status: 403,
      body: 'CSRF token validation failed',
      headers: { 'x-csrf-token': 'Required' },
      times: 2,
    });
    const err = await failure(h.client.ensureLead(handover()));
    expect(err).toMatchObject({ code: 'CsrfTokenRejected', permanent: true, status: 403 });
    expect(h.standin.leads()).toHaveLength(0);
  });
});
