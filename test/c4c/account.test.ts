import { afterEach, describe, expect, it } from 'vitest';
import type { CompanyKey, OpportunityHandover } from '../../src/c4c/types.js';
import { bant, byName, failure, type Harness, handover, type SetupOptions, setup } from './harness.js';

const companyKey: CompanyKey = { portalId: 4242, companyId: '77', name: 'Contoso AG' };
const REF = 'hubspot:4242:company:77'; // the shipped mapping's externalRef.value for this company
const EXT = 'hubspot:4242:501';
const opportunity: OpportunityHandover = { externalId: EXT, name: 'Contoso AG – LeadBridge', bant, companyKey };

describe('36One account of the HubSpot company', () => {
  let h: Harness;
  afterEach(() => h?.close());

  const start = async (o: SetupOptions = {}) => (h = await setup(o));
  const accountQueries = () => h.standin.requests.filter((r) => r.path === 'CorporateAccountCollection');
  const lead = () => h.standin.leads()[0]!;
  const posts = (set: string) => h.standin.requests.filter((r) => r.method === 'POST' && r.path === set);

  describe('ensureLead', () => {
    it('finds the account by external reference: one OData query ($filter, $select, $top, JSON); the lead carries it', async () => {
      await start();
      h.standin.seedAccount({ AccountID: '1000200', Name: 'Contoso AG', ExternalID: REF });
      h.standin.seedAccount({ AccountID: '1000201', Name: 'Contoso AG' }); // same name: irrelevant when the reference decides

      const ref = await h.client.ensureLead(handover({ companyKey }));

      expect(ref).toMatchObject({ created: true, account: { kind: 'found', accountId: '1000200', via: 'externalId' } });
      expect(lead()).toMatchObject({ AccountPartyID: '1000200', Company: 'Contoso AG' });
      expect(lead().Note).not.toContain('Account');
      expect(accountQueries()).toHaveLength(1);
      expect(accountQueries()[0]).toMatchObject({
        method: 'GET',
        status: 200,
        query: {
          $filter: `ExternalID eq '${REF}'`,
          $select: 'ObjectID,AccountID,Name,ExternalID',
          $top: '10',
          $format: 'json',
        },
      });
      expect(h.standin.accounts()).toHaveLength(2); // read only: nothing created or changed
    });

    it('uses the extension field the mapping names', async () => {
      await start({
        standin: { accountExtensionFields: ['HubSpotID_KUT'] },
        mapping: (m) => ({
          ...m,
          account: { ...m.account, externalRef: { field: 'HubSpotID_KUT', value: '{companyId}' } },
        }),
      });
      h.standin.seedAccount({ AccountID: '1000300', Name: 'Contoso Holding', HubSpotID_KUT: '77' });
      const ref = await h.client.ensureLead(handover({ companyKey }));
      expect(ref.account).toEqual({ kind: 'found', accountId: '1000300', via: 'externalId' });
      expect(accountQueries()[0]!.query).toMatchObject({
        $filter: "HubSpotID_KUT eq '77'",
        $select: 'ObjectID,AccountID,Name,HubSpotID_KUT',
      });
    });

    it('externalIdThenName: the only account with the exact (normalised) name', async () => {
      await start({ mapping: byName });
      h.standin.seedAccount({ AccountID: '1000210', Name: 'Contoso AG' });
      h.standin.seedAccount({ AccountID: '1000211', Name: 'Contoso AG Schweiz' });

      const ref = await h.client.ensureLead(handover({ companyKey: { ...companyKey, name: '  Contoso \t AG ' } }));

      expect(ref.account).toEqual({ kind: 'found', accountId: '1000210', via: 'name' });
      expect(lead().AccountPartyID).toBe('1000210');
      expect(accountQueries().map((r) => r.query.$filter)).toEqual([`ExternalID eq '${REF}'`, "Name eq 'Contoso AG'"]);
    });

    it('ambiguous name: no account, the 36One lead note says why', async () => {
      await start({ mapping: byName });
      h.standin.seedAccount({ AccountID: '1000220', Name: 'Contoso AG', City: 'Hamburg' });
      h.standin.seedAccount({ AccountID: '1000221', Name: 'Contoso AG', City: 'Wien' });

      const ref = await h.client.ensureLead(handover({ companyKey }));

      expect(ref).toMatchObject({ created: true, account: { kind: 'ambiguous', count: 2 } });
      expect(lead()).not.toHaveProperty('AccountPartyID');
      expect(lead().Note).toMatch(
        /^HubSpot score 72.*\n\nLeadBridge: kein eindeutiger Account für Contoso AG \(2 Treffer\) – bitte in 36One zuordnen\.$/s,
      );
      expect(h.logs).toContainEqual(
        expect.objectContaining({
          level: 'warn',
          obj: expect.objectContaining({ count: 2, accountIds: ['1000220', '1000221'] }),
        }),
      );
      expect(
        h.standin.requests.filter((r) => r.path.startsWith('CorporateAccountCollection') && r.method !== 'GET'),
      ).toEqual([]);
    });

    it('the default mode never matches by name', async () => {
      await start();
      h.standin.seedAccount({ AccountID: '1000230', Name: 'Contoso AG' });
      const ref = await h.client.ensureLead(handover({ companyKey }));
      expect(ref.account).toEqual({ kind: 'none' });
      expect(lead()).not.toHaveProperty('AccountPartyID');
      expect(lead().Note).toContain('kein eindeutiger Account für Contoso AG (kein Treffer)');
      expect(accountQueries()).toHaveLength(1);
    });

    it('two accounts with the same external reference: ambiguous, no fallback to the name', async () => {
      await start({ mapping: byName });
      h.standin.seedAccount({ AccountID: '1000240', Name: 'Contoso AG', ExternalID: REF });
      h.standin.seedAccount({ AccountID: '1000241', Name: 'Contoso AG (alt)', ExternalID: REF });
      const ref = await h.client.ensureLead(handover({ companyKey }));
      expect(ref.account).toEqual({ kind: 'ambiguous', count: 2 });
      expect(accountQueries()).toHaveLength(1);
    });

    it('a name with * is not sent: C4C reads * in eq as a wildcard', async () => {
      await start({ mapping: byName });
      h.standin.seedAccount({ AccountID: '1000250', Name: 'Sterne-Hotel' });
      const ref = await h.client.ensureLead(handover({ companyKey: { ...companyKey, name: 'Sterne*Hotel' } }));
      expect(ref.account).toEqual({ kind: 'none' });
      expect(accountQueries().map((r) => r.query.$filter)).toEqual([`ExternalID eq '${REF}'`]);
    });

    it('checks every candidate itself: what a lenient answer adds does not count; case is ignored', async () => {
      // A tenant that answers the name query more loosely than asked (here: with every account).
      const lenient: typeof fetch = (input, init) =>
        fetch(
          String(input).replace(encodeURIComponent("Name eq 'Contoso AG'"), encodeURIComponent("Name eq '*'")),
          init,
        );
      await start({ mapping: byName, fetch: lenient });
      h.standin.seedAccount({ AccountID: '1000261', Name: 'Contoso AG Schweiz' });
      h.standin.seedAccount({ AccountID: '1000262', Name: 'Contoso AG' });
      expect((await h.client.ensureLead(handover({ companyKey }))).account).toEqual({
        kind: 'found',
        accountId: '1000262',
        via: 'name',
      });

      h.standin.seedAccount({ AccountID: '1000263', Name: 'CONTOSO AG' }); // the same name, once case is ignored
      const second = await h.client.ensureLead(handover({ externalId: 'hubspot:4242:502', companyKey }));
      expect(second.account).toEqual({ kind: 'ambiguous', count: 2 });
    });

    it('off, or no HubSpot company: no look-up, no note', async () => {
      await start({ mapping: (m) => ({ ...m, account: { ...m.account, lookup: 'off' } }) });
      expect((await h.client.ensureLead(handover({ companyKey }))).account).toEqual({ kind: 'skipped', reason: 'off' });
      await h.close();
      await start();
      expect((await h.client.ensureLead(handover())).account).toEqual({ kind: 'skipped', reason: 'noCompany' });
      expect(accountQueries()).toHaveLength(0);
      expect(lead().Note).not.toContain('Account');
    });

    it('a 5xx on the look-up: transient error and no lead; the retry creates it with the account', async () => {
      await start();
      h.standin.seedAccount({ AccountID: '1000200', Name: 'Contoso AG', ExternalID: REF });
      h.standin.fault({
        method: 'GET',
        path: 'CorporateAccountCollection',
        status: 503,
        body: '<html>Service Unavailable</html>',
      });

      const err = await failure(h.client.ensureLead(handover({ companyKey })));
      expect(err).toMatchObject({ status: 503, permanent: false });
      expect(err.message).toBe('36One: request failed on CorporateAccountCollection look-up (HTTP 503)');
      expect(h.standin.leads()).toHaveLength(0);
      expect(posts('LeadCollection')).toHaveLength(0);

      expect(await h.client.ensureLead(handover({ companyKey }))).toMatchObject({
        created: true,
        account: { kind: 'found', accountId: '1000200' },
      });
      expect(lead().AccountPartyID).toBe('1000200');
    });

    it("a wrong field in the mapping is a permanent error naming 36One's complaint", async () => {
      await start({
        mapping: (m) => ({
          ...m,
          account: { ...m.account, externalRef: { field: 'HubSpotID_KUT', value: '{companyId}' } },
        }),
      });
      const err = await failure(h.client.ensureLead(handover({ companyKey })));
      expect(err).toMatchObject({ status: 400, permanent: true, code: 'INVALID_FILTER' });
      expect(err.message).toMatch(/HubSpotID_KUT/);
      expect(h.standin.leads()).toHaveLength(0);
    });

    it('an existing lead without account gets it filled in (If-Match); one with an account keeps it', async () => {
      await start();
      h.standin.seedAccount({ AccountID: '1000200', Name: 'Contoso AG', ExternalID: REF });
      h.standin.seedAccount({ AccountID: '1000999', Name: 'Contoso Deutschland GmbH' });
      h.standin.seedLead({ Name: 'Old', ExternalID: EXT, UserStatusCode: '01' });
      h.standin.seedLead({
        Name: 'Chosen by sales',
        ExternalID: 'hubspot:4242:502',
        UserStatusCode: '02',
        AccountPartyID: '1000999',
      });

      const filled = await h.client.ensureLead(handover({ companyKey }));
      expect(filled).toMatchObject({
        created: false,
        account: { kind: 'found', accountId: '1000200', via: 'externalId' },
      });
      expect(h.standin.leads()[0]!.AccountPartyID).toBe('1000200');
      const patch = h.standin.requests.find((r) => r.method === 'PATCH')!;
      expect(patch).toMatchObject({ status: 204, body: { AccountPartyID: '1000200' } });
      expect(patch.headers['if-match']).toMatch(/^W\//);

      const kept = await h.client.ensureLead(handover({ externalId: 'hubspot:4242:502', companyKey }));
      expect(kept).toMatchObject({ created: false, account: { kind: 'found', accountId: '1000999', via: 'record' } });
      expect(h.standin.leads()[1]!.AccountPartyID).toBe('1000999');
      expect(h.standin.requests.filter((r) => r.method === 'PATCH')).toHaveLength(1);
      expect(accountQueries()).toHaveLength(1);
    });
  });

  describe('ensureOpportunity', () => {
    it("carries the 36One lead's account as ProspectPartyID without a second look-up", async () => {
      await start();
      h.standin.seedAccount({ AccountID: '1000200', Name: 'Contoso AG', ExternalID: REF });
      await h.client.ensureLead(handover({ companyKey }));

      const ref = await h.client.ensureOpportunity(opportunity);
      await h.client.markLeadConverted(EXT, '1000200');

      expect(ref).toMatchObject({ created: true, account: { kind: 'found', accountId: '1000200', via: 'record' } });
      expect(posts('OpportunityCollection')[0]!.body).toMatchObject({ ProspectPartyID: '1000200', ExternalID: EXT });
      expect(h.standin.opportunities()[0]).toMatchObject({ ProspectPartyID: '1000200' });
      expect(lead()).toMatchObject({ UserStatusCode: '05', AccountPartyID: '1000200' });
      expect(accountQueries()).toHaveLength(1); // the lead's look-up only
    });

    it('a lead without account: looks up again; a 5xx creates nothing, the retry creates the opportunity with the account', async () => {
      await start({ mapping: byName });
      await h.client.ensureLead(handover({ companyKey })); // no account in 36One yet
      expect(lead()).not.toHaveProperty('AccountPartyID');
      h.standin.seedAccount({ AccountID: '1000270', Name: 'Contoso AG' }); // sales creates it meanwhile
      h.standin.fault({
        method: 'GET',
        path: 'CorporateAccountCollection',
        status: 502,
        body: '<html>Bad Gateway</html>',
      });

      expect(await failure(h.client.ensureOpportunity(opportunity))).toMatchObject({ status: 502, permanent: false });
      expect(h.standin.opportunities()).toHaveLength(0);
      expect(posts('OpportunityCollection')).toHaveLength(0);
      expect(lead().UserStatusCode).toBe('01');

      const ref = await h.client.ensureOpportunity(opportunity);
      await h.client.markLeadConverted(EXT, '1000270');
      expect(ref).toMatchObject({ created: true, account: { kind: 'found', accountId: '1000270', via: 'name' } });
      expect(posts('OpportunityCollection')).toHaveLength(1);
      expect(posts('OpportunityCollection')[0]!.body).toMatchObject({ ProspectPartyID: '1000270' });
      expect(lead()).toMatchObject({ UserStatusCode: '05', AccountPartyID: '1000270' });
    });

    it('ambiguous at conversion: the opportunity is created without account and says so', async () => {
      await start({ mapping: byName });
      h.standin.seedAccount({ AccountID: '1000280', Name: 'Contoso AG' });
      h.standin.seedAccount({ AccountID: '1000281', Name: 'Contoso AG' });
      await h.client.ensureLead(handover({ companyKey }));
      const ref = await h.client.ensureOpportunity(opportunity);
      await h.client.markLeadConverted(EXT);
      expect(ref.account).toEqual({ kind: 'ambiguous', count: 2 });
      expect(h.standin.opportunities()[0]).not.toHaveProperty('ProspectPartyID');
      expect(lead()).toMatchObject({ UserStatusCode: '05' });
      expect(lead()).not.toHaveProperty('AccountPartyID');
    });

    it('an opportunity found again without account gets the decided one filled in; one with an account is left alone', async () => {
      await start();
      await h.client.ensureLead(handover({ companyKey }));
      await h.client.ensureOpportunity(opportunity); // no account yet
      expect(h.standin.opportunities()[0]).not.toHaveProperty('ProspectPartyID');
      h.standin.seedAccount({ AccountID: '1000200', Name: 'Contoso AG', ExternalID: REF });

      const again = await h.client.ensureOpportunity(opportunity);
      expect(again).toMatchObject({
        created: false,
        account: { kind: 'found', accountId: '1000200', via: 'externalId' },
      });
      expect(h.standin.opportunities()[0]).toMatchObject({ ProspectPartyID: '1000200' });
      const writes = h.standin.requests.filter((r) => r.method !== 'GET').length;

      expect((await h.client.ensureOpportunity(opportunity)).account).toEqual({
        kind: 'found',
        accountId: '1000200',
        via: 'record',
      });
      expect(h.standin.requests.filter((r) => r.method !== 'GET')).toHaveLength(writes);
      expect(h.standin.opportunities()).toHaveLength(1);
    });
  });
});
