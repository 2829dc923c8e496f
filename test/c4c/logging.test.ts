import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bant, failure, type Harness, handover, setup } from './harness.js';

describe('logging', () => {
  let h: Harness;
  beforeEach(async () => (h = await setup({ timeoutMs: 300 })));
  afterEach(() => h.close());

  it('never logs the password or the Authorization header, not even around errors and retries', async () => {
    const { password, username } = h.standin;
    const basic = Buffer.from(`${username}:${password}`).toString('base64');
    const errors: unknown[] = [];

    await h.client.ensureLead(handover({ ownerEmail: 'unknown@example.com' }));
    h.standin.expireCsrf();
    await h.client.updateLeadStatus('hubspot:4242:501', { kind: 'qualified', bant });
    h.standin.fault({
      method: 'PATCH',
      status: 412,
      body: { error: { code: 'X', message: { lang: 'en', value: 'stale' } } },
      times: 2,
    });
    errors.push(await failure(h.client.updateLeadStatus('hubspot:4242:501', { kind: 'accepted' })));
    h.standin.fault({ method: 'GET', path: 'LeadCollection', delayMs: 600 });
    errors.push(await failure(h.client.setLeadOwner('hubspot:4242:501', 'alexw@example.com')));
    await h.client.ensureOpportunity({
      externalId: 'hubspot:4242:501',
      name: 'Opp',
      ownerEmail: 'unknown@example.com',
      bant,
    });

    expect(h.logs.length).toBeGreaterThan(3);
    const everything = JSON.stringify([
      h.logs,
      errors.map((e) => ({ ...(e as object), message: (e as Error).message })),
    ]);
    expect(everything).not.toContain(password);
    expect(everything).not.toContain(basic);
    expect(everything).not.toMatch(/authorization/i);
  });
});
