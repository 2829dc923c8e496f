import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { IntegrationError } from '../../src/lib/integration-error.js';
import { failure, type Harness, handover, setup } from './harness.js';

describe('ensureLead', () => {
  let h: Harness;
  beforeEach(async () => (h = await setup({ timeoutMs: 300 })));
  afterEach(() => h.close());

  it('creates the lead with the mapped fields', async () => {
    const ref = await h.client.ensureLead(handover());
    expect(ref).toMatchObject({ ownerMapped: true, created: true, id: '4711' });
    expect(ref.objectId).toMatch(/^[0-9A-F]{32}$/);
    expect(h.standin.leads()).toEqual([
      expect.objectContaining({
        Name: 'Contoso AG – Jana Nowak',
        ContactFirstName: 'Jana',
        ContactLastName: 'Nowak',
        ContactEMail: 'jana.nowak@contoso.example',
        Company: 'Contoso AG',
        OriginTypeCode: 'Z01',
        UserStatusCode: '01',
        OwnerPartyID: '8000000001',
        Score: 72,
        ExternalID: 'hubspot:4242:501',
        Note: expect.stringContaining('HubSpot score 72'),
      }),
    ]);
    expect(h.standin.leads()[0]).not.toHaveProperty('QualificationLevelCode');
  });

  it('creates once; a second call finds the lead instead of duplicating it', async () => {
    const first = await h.client.ensureLead(handover());
    const again = await h.client.ensureLead(handover());
    expect(again).toEqual({ ...first, created: false });
    expect(h.standin.leads()).toHaveLength(1);
    expect(h.standin.requests.filter((r) => r.method === 'POST')).toHaveLength(1);
  });

  it('a create whose answer was lost (timeout) is found on retry, not created twice', async () => {
    h.standin.fault({ method: 'POST', path: 'LeadCollection', delayMs: 600 }); // runs the create, but too late
    const err = await failure(h.client.ensureLead(handover()));
    expect(err).toBeInstanceOf(IntegrationError);
    expect(err).toMatchObject({ code: 'Timeout', permanent: false });

    await new Promise((r) => setTimeout(r, 400)); // the stand-in finishes the create
    const ref = await h.client.ensureLead(handover());
    expect(ref.created).toBe(false);
    expect(h.standin.leads()).toHaveLength(1);
  });

  it('escapes quotes in the ExternalID filter', async () => {
    await h.client.ensureLead(handover({ externalId: "hubspot:4242:O'Brien" }));
    const ref = await h.client.ensureLead(handover({ externalId: "hubspot:4242:O'Brien" }));
    expect(ref.created).toBe(false);
    const lookup = h.standin.requests.find((r) => r.method === 'GET' && r.path === 'LeadCollection');
    expect(lookup?.query.$filter).toBe("ExternalID eq 'hubspot:4242:O''Brien'");
    expect(lookup?.query.$format).toBe('json');
  });

  it('an owner missing in the mapping: created without owner, ownerMapped false, warned', async () => {
    const ref = await h.client.ensureLead(handover({ ownerEmail: 'new.hire@example.com' }));
    expect(ref).toMatchObject({ created: true, ownerMapped: false });
    expect(h.standin.leads()[0]).not.toHaveProperty('OwnerPartyID');
    expect(h.logs).toContainEqual(
      expect.objectContaining({ level: 'warn', obj: expect.objectContaining({ ownerEmail: 'new.hire@example.com' }) }),
    );
  });
});
