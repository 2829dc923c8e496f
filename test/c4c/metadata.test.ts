import { afterEach, describe, expect, it } from 'vitest';
import { accountEntity, leadEntity, opportunityEntity } from '../../src/c4c/entities.js';
import { type C4cMapping, loadC4cMapping } from '../../src/c4c/mapping.js';
import { createMetadataReader, fetchMetadata, parseMetadata } from '../../src/c4c/metadata.js';
import { checkCodeLists, checkMetadata, nameOf, requiredNames } from '../../src/c4c/metadata-check.js';
import { type C4cStandin, type C4cStandinOptions, startC4cStandin } from '../standins/c4c.js';
import { bant, failure, handover, MAPPING_FILE, setup } from './harness.js';

const shipped = loadC4cMapping(MAPPING_FILE);
const withField = (field: string): C4cMapping => ({
  ...shipped,
  account: { ...shipped.account, externalRef: { ...shipped.account.externalRef, field } },
});

describe('$metadata of the tenant (read over HTTP from the stand-in)', () => {
  let s: C4cStandin;
  const start = async (o: C4cStandinOptions = {}) => {
    s = await startC4cStandin(o);
    return { baseUrl: s.serviceRoot, username: s.username, password: s.password };
  };
  afterEach(() => s?.close());

  it('lists the sets, properties and navigations; nothing LeadBridge needs is missing on a complete tenant', async () => {
    const doc = await fetchMetadata(await start());
    expect(doc.sets.get('LeadCollection')?.properties).toContain('UserStatusCode');
    expect(doc.sets.get('OpportunityCollection')?.navigations).toEqual(new Set(['OpportunityTextCollection']));
    expect(doc.sets.get('OpportunityCollection')?.navigationTargets.get('OpportunityTextCollection')).toBe(
      'OpportunityText',
    );
    expect(doc.sets.has('LeadUserStatusCodeCollection')).toBe(true);
    expect(checkMetadata(doc, shipped)).toEqual([]);
    const req = s.requests.at(-1)!;
    expect(req).toMatchObject({ method: 'GET', path: '$metadata', query: {}, status: 200 }); // XML: no $format=json
  });

  it('names what the tenant lacks: a mapping field, a lead property, the BANT text navigation', async () => {
    const doc = await fetchMetadata(
      await start({
        accountExtensionFields: ['HubSpotID_KUT'],
        removeProperties: ['CorporateAccountCollection.HubSpotID_KUT', 'LeadCollection.Note'],
        omitSets: ['OpportunityTextCollection'],
      }),
    );
    expect(checkMetadata(doc, withField('HubSpotID_KUT'))).toEqual([
      'LeadCollection.Note',
      'OpportunityCollection.OpportunityTextCollection',
      'CorporateAccountCollection.HubSpotID_KUT',
    ]);
    expect(
      checkMetadata(doc, { ...withField('HubSpotID_KUT'), account: { ...shipped.account, lookup: 'off' } }),
    ).not.toContain('CorporateAccountCollection.HubSpotID_KUT');
  });

  it('a missing set is named once; a text entry property is checked on the type the navigation leads to', async () => {
    const doc = await fetchMetadata(
      await start({
        omitSets: ['CorporateAccountCollection'],
        removeProperties: ['OpportunityTextCollection.TypeCode'],
      }),
    );
    expect(checkMetadata(doc, shipped)).toEqual([
      'OpportunityCollection.OpportunityTextCollection.TypeCode',
      'CorporateAccountCollection',
    ]);
  });

  it('code lists: checked where the tenant exposes them; a list it does not expose is not checkable, not a failure', async () => {
    const opts = await start({
      omitSets: ['LeadResultReasonCodeCollection'],
      codeLists: {
        LeadUserStatusCodeCollection: ['01', '02', '03', '04'].map((Code) => ({ Code, Description: Code })),
      },
    });
    const reader = createMetadataReader(opts);
    const results = await checkCodeLists(reader, await reader.metadata(), shipped);
    expect(
      Object.fromEntries(results.map((r) => [r.check.set, r.status === 'missing' ? r.missing : r.status])),
    ).toEqual({
      LeadOriginTypeCodeCollection: 'ok',
      LeadUserStatusCodeCollection: ['05'],
      LeadQualificationLevelCodeCollection: 'ok',
      LeadResultReasonCodeCollection: 'notCheckable',
      OpportunityOriginTypeCodeCollection: 'ok',
      OpportunitySalesCyclePhaseCodeCollection: 'ok',
      OpportunityTextCollectionTypeCodeCollection: 'notCheckable',
    });
    const withoutConverted = { ...shipped, leadStatus: { ...shipped.leadStatus, converted: undefined } };
    const again = await checkCodeLists(reader, await reader.metadata(), withoutConverted);
    expect(again.find((r) => r.check.set === 'LeadUserStatusCodeCollection')).toMatchObject({ status: 'ok' });
  });

  it('a wrong password is a permanent 401 naming the communication user; an unreachable tenant is a transient network error', async () => {
    const opts = await start();
    expect(await failure(fetchMetadata({ ...opts, password: 'wrong' }))).toMatchObject({
      status: 401,
      permanent: true,
      message: expect.stringContaining('check the communication user'),
    });
    await s.close();
    expect(await failure(fetchMetadata(opts))).toMatchObject({ code: 'NetworkError', permanent: false });
  });
});

describe('parseMetadata', () => {
  it('tolerates prefixes, single quotes, attribute order and comments', () => {
    const doc = parseMetadata(`<?xml version="1.0"?><edmx:Edmx><edmx:DataServices><s:Schema Namespace='ns'>
      <!-- <EntityType Name="Ghost"/> -->
      <s:EntityType Name='Lead'><s:Key><s:PropertyRef Name='ObjectID'/></s:Key>
        <s:Property Type="Edm.String" Name="ObjectID"/><s:Property sap:updatable="false" Name='X_KUT'></s:Property>
      </s:EntityType><s:EntityType Name="Empty"/>
      <s:EntityContainer><s:EntitySet EntityType="ns.Lead" Name="LeadCollection"/><s:EntitySet Name="EmptyCollection" EntityType="ns.Empty"/></s:EntityContainer>
    </s:Schema></edmx:DataServices></edmx:Edmx>`);
    expect([...doc.sets.keys()]).toEqual(['LeadCollection', 'EmptyCollection']);
    expect(doc.sets.get('LeadCollection')!.properties).toEqual(new Set(['ObjectID', 'X_KUT']));
    expect(doc.types.has('Ghost')).toBe(false);
  });

  it('refuses what is not a $metadata document', () => {
    expect(() => parseMetadata('<html><body>Logon</body></html>')).toThrow('$metadata lists no entity sets');
  });
});

describe('requiredNames', () => {
  it('covers every name a full handover sends, selects or filters on, and every property the client reads', async () => {
    const h = await setup({ mapping: (m) => ({ ...m, account: { ...m.account, lookup: 'externalIdThenName' } }) });
    try {
      const companyKey = { portalId: 4242, companyId: '77', name: 'Contoso AG' };
      h.standin.seedAccount({ AccountID: '1000123', Name: 'Contoso AG' });
      await h.client.ensureLead(handover({ companyKey }));
      await h.client.setLeadOwner('hubspot:4242:501', 'meganb@example.com');
      await h.client.updateLeadStatus('hubspot:4242:501', { kind: 'accepted' });
      await h.client.updateLeadStatus('hubspot:4242:501', { kind: 'qualified', bant });
      await h.client.ensureOpportunity({
        externalId: 'hubspot:4242:501',
        name: 'Opp',
        primaryContactPartyId: '1000456',
        ownerEmail: 'alexw@example.com',
        expectedCloseDate: '2026-09-30',
        bant,
        companyKey,
      });
      await h.client.markLeadConverted('hubspot:4242:501');
      const lead2 = await h.client.ensureLead(handover({ externalId: 'hubspot:4242:502' }));
      await h.client.updateLeadStatus('hubspot:4242:502', { kind: 'rejected', reason: 'no_budget', note: 'later' });
      expect(lead2.created).toBe(true);

      const required = new Set(requiredNames(shipped).map(nameOf));
      const used = new Set<string>();
      for (const r of h.standin.requests) {
        const set = /^(\w+)/.exec(r.path)?.[1];
        if (!set) continue;
        for (const [k, v] of Object.entries((r.body ?? {}) as Record<string, unknown>)) {
          used.add(`${set}.${k}`);
          if (Array.isArray(v)) for (const e of v) for (const sub of Object.keys(e)) used.add(`${set}.${k}.${sub}`);
        }
        for (const p of r.query.$select?.split(',') ?? []) used.add(`${set}.${p}`);
        const filtered = /^(\w+) eq /.exec(r.query.$filter ?? '')?.[1];
        if (filtered) used.add(`${set}.${filtered}`);
      }
      for (const [set, schema] of [
        ['LeadCollection', leadEntity],
        ['OpportunityCollection', opportunityEntity],
        ['CorporateAccountCollection', accountEntity],
      ] as const) {
        for (const k of Object.keys(schema.shape)) if (k !== '__metadata') used.add(`${set}.${k}`);
      }
      expect([...used].filter((u) => !required.has(u))).toEqual([]);
      expect(used.size).toBeGreaterThan(25);
    } finally {
      await h.close();
    }
  });
});
