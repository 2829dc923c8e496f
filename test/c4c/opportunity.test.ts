import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OpportunityHandover } from '../../src/c4c/types.js';
import { bant, failure, handover, setup, type Harness } from './harness.js';

const opportunity: OpportunityHandover = {
  externalId: 'hubspot:4242:501',
  name: 'Contoso AG – Rollout 2026',
  accountPartyId: '1000123',
  primaryContactPartyId: '1000456',
  ownerEmail: 'meganb@example.com',
  expectedCloseDate: '2026-09-30',
  bant,
};

describe('ensureOpportunity', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await setup();
    h.standin.seedAccount({ AccountID: '1000123', Name: 'Contoso AG' }); // 36One checks that party ids exist
    await h.client.ensureLead(handover());
  });
  afterEach(() => h.close());

  it('creates one opportunity (with the BANT text) and marks the lead converted', async () => {
    const ref = await h.client.ensureOpportunity(opportunity);
    expect(ref).toMatchObject({ created: true, id: '8801', account: { kind: 'found', accountId: '1000123', via: 'given' } });

    expect(h.standin.opportunities()).toEqual([
      expect.objectContaining({
        ObjectID: ref.objectId, Name: 'Contoso AG – Rollout 2026', ExternalID: 'hubspot:4242:501',
        ProspectPartyID: '1000123', PrimaryContactPartyID: '1000456', MainEmployeeResponsiblePartyID: '8000000002',
        OriginTypeCode: 'Z01', SalesCyclePhaseCode: '001', ProbabilityPercent: '10',
        ExpectedProcessingEndDate: `/Date(${Date.UTC(2026, 8, 30)})/`,
        OpportunityText: [{ TypeCode: '10004', Text: bant.text }],
      }),
    ]);
    expect(h.standin.leads()[0].UserStatusCode).toBe('05');
  });

  it('is idempotent: a second call finds the opportunity and changes nothing', async () => {
    const first = await h.client.ensureOpportunity(opportunity);
    const writesBefore = h.standin.requests.filter((r) => r.method !== 'GET').length;
    const again = await h.client.ensureOpportunity(opportunity);

    expect(again).toEqual({ ...first, created: false, account: { kind: 'found', accountId: '1000123', via: 'record' } });
    expect(h.standin.opportunities()).toHaveLength(1);
    expect(h.standin.requests.filter((r) => r.method !== 'GET')).toHaveLength(writesBefore);
  });

  it('a failed conversion is completed by the retry without a second opportunity', async () => {
    h.standin.fault({ method: 'PATCH', path: 'LeadCollection', status: 503 });
    expect(await failure(h.client.ensureOpportunity(opportunity))).toMatchObject({ status: 503, permanent: false });
    expect(h.standin.leads()[0].UserStatusCode).toBe('01');

    expect(await h.client.ensureOpportunity(opportunity)).toMatchObject({ created: false });
    expect(h.standin.opportunities()).toHaveLength(1);
    expect(h.standin.leads()[0].UserStatusCode).toBe('05');
  });

  it('a bad close date is a permanent error before anything is written', async () => {
    const err = await failure(h.client.ensureOpportunity({ ...opportunity, expectedCloseDate: '30.09.2026' }));
    expect(err).toMatchObject({ code: 'InvalidDate', permanent: true });
    expect(h.standin.opportunities()).toHaveLength(0);
  });
});
