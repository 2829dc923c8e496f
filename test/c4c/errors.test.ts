import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { IntegrationError } from '../../src/lib/integration-error.js';
import { failure, type Harness, handover, setup } from './harness.js';

describe('errors', () => {
  let h: Harness;
  beforeEach(async () => (h = await setup({ timeoutMs: 300 })));
  afterEach(() => h.close());

  it('an OData error body becomes a clear, permanent IntegrationError', async () => {
    h.standin.fault({
      method: 'POST',
      path: 'LeadCollection',
      status: 400,
      body: { error: { code: 'CRM_LEAD/012', message: { lang: 'en', value: 'Source Z01 is not defined' } } },
    });
    const err = await failure(h.client.ensureLead(handover()));
    expect(err).toBeInstanceOf(IntegrationError);
    expect(err.message).toBe('36One: Source Z01 is not defined (CRM_LEAD/012, HTTP 400)');
    expect(err).toMatchObject({ system: 'c4c', status: 400, permanent: true, code: 'CRM_LEAD/012' });
  });

  it('5xx is transient; 429 and 503 carry Retry-After', async () => {
    h.standin.fault({ path: 'LeadCollection', status: 500 });
    expect(await failure(h.client.ensureLead(handover()))).toMatchObject({ status: 500, permanent: false });

    h.standin.fault({ path: 'LeadCollection', status: 429, headers: { 'retry-after': '7' } });
    expect(await failure(h.client.ensureLead(handover()))).toMatchObject({
      status: 429,
      permanent: false,
      retryAfterMs: 7000,
    });

    h.standin.fault({
      path: 'LeadCollection',
      status: 503,
      body: '<html>maintenance</html>',
      headers: { 'retry-after': '120' },
    });
    const err = await failure(h.client.ensureLead(handover()));
    expect(err).toMatchObject({ status: 503, permanent: false, retryAfterMs: 120_000, code: 'HTTP_503' });
    expect(err.message).toBe('36One: request failed on LeadCollection look-up (HTTP 503)');
  });

  it('wrong credentials: permanent 401 with a hint', async () => {
    await h.close();
    h = await setup({ password: 'wrong' });
    const err = await failure(h.client.ensureLead(handover()));
    expect(err).toMatchObject({ status: 401, permanent: true });
    expect(err.message).toMatch(/authentication failed .*communication user/);
  });

  it('no answer within the timeout: transient Timeout', async () => {
    h.standin.fault({ method: 'GET', path: 'LeadCollection', delayMs: 1000 });
    const err = await failure(h.client.ensureLead(handover()));
    expect(err).toMatchObject({ code: 'Timeout', permanent: false });
    expect(err.message).toBe('36One: no answer within 300 ms (GET LeadCollection)');
  });

  it('a 200 that is not JSON (e.g. a login page) is a transient error', async () => {
    h.standin.fault({ method: 'GET', path: 'LeadCollection', status: 200, body: '<html>Logon</html>' });
    expect(await failure(h.client.ensureLead(handover()))).toMatchObject({ code: 'NotJson', permanent: false });
  });
});
