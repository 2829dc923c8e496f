import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OpportunityHandover } from '../../src/c4c/types.js';
import { bant, failure, type Harness, handover, setup } from './harness.js';

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

  it('creates one opportunity with the BANT text in OpportunityTextCollection (deep insert); the lead is converted as a step of its own', async () => {
    const ref = await h.client.ensureOpportunity(opportunity);
    expect(ref).toMatchObject({
      created: true,
      id: '8801',
      account: { kind: 'found', accountId: '1000123', via: 'given' },
    });
    const post = h.standin.requests.find((r) => r.method === 'POST' && r.path === 'OpportunityCollection')!;
    expect(post.body).toMatchObject({ OpportunityTextCollection: [{ TypeCode: '10004', Text: bant.text }] });
    expect(post.body).not.toHaveProperty('OpportunityText');
    expect(h.standin.leads()[0].UserStatusCode).toBe('01');
    expect(
      await h.client.markLeadConverted(
        opportunity.externalId,
        ref.account.kind === 'found' ? ref.account.accountId : undefined,
      ),
    ).toBe('converted');

    expect(h.standin.opportunities()).toEqual([
      expect.objectContaining({
        ObjectID: ref.objectId,
        Name: 'Contoso AG – Rollout 2026',
        ExternalID: 'hubspot:4242:501',
        ProspectPartyID: '1000123',
        PrimaryContactPartyID: '1000456',
        MainEmployeeResponsiblePartyID: '8000000002',
        OriginTypeCode: 'Z01',
        SalesCyclePhaseCode: '001',
        ProbabilityPercent: '10',
        ExpectedProcessingEndDate: `/Date(${Date.UTC(2026, 8, 30)})/`,
        OpportunityTextCollection: [{ TypeCode: '10004', Text: bant.text }],
      }),
    ]);
    expect(h.standin.leads()[0].UserStatusCode).toBe('05');
  });

  it('is idempotent: a second call finds the opportunity and changes nothing', async () => {
    const first = await h.client.ensureOpportunity(opportunity);
    const writesBefore = h.standin.requests.filter((r) => r.method !== 'GET').length;
    const again = await h.client.ensureOpportunity(opportunity);

    expect(again).toEqual({
      ...first,
      created: false,
      account: { kind: 'found', accountId: '1000123', via: 'record' },
    });
    expect(h.standin.opportunities()).toHaveLength(1);
    expect(h.standin.requests.filter((r) => r.method !== 'GET')).toHaveLength(writesBefore);
  });

  it("a tenant refusing the converted status: a permanent error naming 36One's reason; the opportunity stands; allowed later, the retry converts", async () => {
    await h.client.ensureOpportunity(opportunity);
    h.standin.refuseConversion(403);
    const err = await failure(h.client.markLeadConverted(opportunity.externalId));
    expect(err).toMatchObject({
      status: 403,
      permanent: true,
      message: expect.stringContaining('Status 05 cannot be set for lead 4711'),
    });
    expect(h.standin.opportunities()).toHaveLength(1);
    expect(h.standin.leads()[0].UserStatusCode).toBe('01');

    h.standin.refuseConversion(undefined);
    expect(await h.client.markLeadConverted(opportunity.externalId)).toBe('converted');
    expect(h.standin.leads()[0].UserStatusCode).toBe('05');
    expect(await h.client.markLeadConverted(opportunity.externalId)).toBe('converted'); // already: nothing sent
    expect(h.standin.requests.filter((r) => r.method === 'PATCH' && r.status === 204)).toHaveLength(1);
  });

  it('a transient failure of the conversion is retryable and sends nothing twice', async () => {
    await h.client.ensureOpportunity(opportunity);
    h.standin.fault({ method: 'PATCH', path: 'LeadCollection', status: 503 });
    expect(await failure(h.client.markLeadConverted(opportunity.externalId))).toMatchObject({
      status: 503,
      permanent: false,
    });
    expect(await h.client.markLeadConverted(opportunity.externalId)).toBe('converted');
    expect(h.standin.opportunities()).toHaveLength(1);
  });

  it('a mapping without leadStatus.converted: the step is skipped and no PATCH is sent', async () => {
    const h2 = await setup({ mapping: (m) => ({ ...m, leadStatus: { ...m.leadStatus, converted: undefined } }) });
    try {
      h2.standin.seedAccount({ AccountID: '1000123', Name: 'Contoso AG' });
      await h2.client.ensureLead(handover());
      await h2.client.ensureOpportunity(opportunity);
      expect(await h2.client.markLeadConverted(opportunity.externalId, '1000123')).toBe('skipped');
      expect(h2.standin.requests.filter((r) => r.method === 'PATCH')).toHaveLength(0);
      expect(h2.standin.opportunities()).toHaveLength(1);
    } finally {
      await h2.close();
    }
  });

  it('a property the tenant does not have is a permanent failure with a clear message; nothing is created', async () => {
    const h2 = await setup({ standin: { removeProperties: ['OpportunityCollection.SalesCyclePhaseCode'] } });
    try {
      h2.standin.seedAccount({ AccountID: '1000123', Name: 'Contoso AG' });
      await h2.client.ensureLead(handover());
      const err = await failure(h2.client.ensureOpportunity(opportunity));
      expect(err).toMatchObject({ status: 400, permanent: true, code: 'INVALID_PROPERTY' });
      expect(err.message).toBe(
        "36One: Property 'SalesCyclePhaseCode' is invalid; the tenant's OData service does not know it: check the mapping against its $metadata (npx leadbridge doctor) (INVALID_PROPERTY, HTTP 400)",
      );
      expect(h2.standin.opportunities()).toHaveLength(0);
    } finally {
      await h2.close();
    }
  });

  it('a bad close date is a permanent error before anything is written', async () => {
    const err = await failure(h.client.ensureOpportunity({ ...opportunity, expectedCloseDate: '30.09.2026' }));
    expect(err).toMatchObject({ code: 'InvalidDate', permanent: true });
    expect(h.standin.opportunities()).toHaveLength(0);
  });
});
