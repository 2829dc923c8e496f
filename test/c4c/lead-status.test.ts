import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bant, failure, type Harness, handover, setup } from './harness.js';

describe('updateLeadStatus / setLeadOwner', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await setup();
    await h.client.ensureLead(handover());
  });
  afterEach(() => h.close());

  const lead = () => h.standin.leads()[0];
  const patches = () => h.standin.requests.filter((r) => r.method === 'PATCH');

  it('accepted: sets the mapped user status with If-Match', async () => {
    await h.client.updateLeadStatus('hubspot:4242:501', { kind: 'accepted' });
    expect(lead().UserStatusCode).toBe('03');
    expect(patches()).toHaveLength(1);
    expect(patches()[0].headers['if-match']).toMatch(/^W\/"datetimeoffset'/);
    expect(patches()[0].body).toEqual({ UserStatusCode: '03' });
  });

  it('rejected: declined status, mapped result reason, note appended once', async () => {
    const change = { kind: 'rejected', reason: 'competitor', note: 'Went with Fabrikam' } as const;
    await h.client.updateLeadStatus('hubspot:4242:501', change);
    expect(lead()).toMatchObject({ UserStatusCode: '04', ResultReasonCode: 'Z04' });
    expect(lead().Note).toMatch(/^HubSpot score 72.*\n\nRejected in LeadBridge \(competitor\): Went with Fabrikam$/s);

    await h.client.updateLeadStatus('hubspot:4242:501', change); // retry: already there, nothing sent
    expect(patches()).toHaveLength(1);
  });

  it('qualified: qualification level and BANT note', async () => {
    await h.client.updateLeadStatus('hubspot:4242:501', { kind: 'qualified', bant });
    expect(lead()).toMatchObject({ UserStatusCode: '02', QualificationLevelCode: '03' });
    expect(lead().Note).toContain('BANT (LeadBridge):\nBudget: yes');
  });

  it('a converted lead: accepting again is a no-op, rejecting is a permanent error', async () => {
    h.standin.seedLead({ Name: 'Old', ExternalID: 'hubspot:4242:9', UserStatusCode: '05' });
    await h.client.updateLeadStatus('hubspot:4242:9', { kind: 'accepted' });
    const err = await failure(h.client.updateLeadStatus('hubspot:4242:9', { kind: 'rejected', reason: 'other' }));
    expect(err).toMatchObject({ code: 'LeadConverted', permanent: true });
    expect(patches()).toHaveLength(0);
  });

  it('an unknown lead is a retryable LeadNotFound', async () => {
    const err = await failure(h.client.updateLeadStatus('hubspot:4242:404', { kind: 'accepted' }));
    expect(err).toMatchObject({ code: 'LeadNotFound', permanent: false });
  });

  it('setLeadOwner: mapped owner is set; unmapped owner leaves the lead alone', async () => {
    expect(await h.client.setLeadOwner('hubspot:4242:501', 'meganb@example.com')).toEqual({ ownerMapped: true });
    expect(lead().OwnerPartyID).toBe('8000000002');
    expect(await h.client.setLeadOwner('hubspot:4242:501', 'meganb@example.com')).toEqual({ ownerMapped: true });
    expect(await h.client.setLeadOwner('hubspot:4242:501', 'stranger@example.com')).toEqual({ ownerMapped: false });
    expect(lead().OwnerPartyID).toBe('8000000002');
    expect(patches()).toHaveLength(1);
  });
});
