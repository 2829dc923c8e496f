/** The HubSpot stand-in, exercised through the real `@hubspot/api-client@13.5`. */
import { Client } from '@hubspot/api-client';
import { FilterOperatorEnum } from '@hubspot/api-client/lib/codegen/crm/companies/index.js';
import { AssociationSpecAssociationCategoryEnum } from '@hubspot/api-client/lib/codegen/crm/objects/notes/index.js';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type HubSpotStandin, startHubSpotStandin } from './hubspot.js';
import { sampleData } from './hubspot-sample.js';

const TOKEN = 'pat-eu1-test-token';
let hs: HubSpotStandin;
// Retry/limiter settings are process-wide in the client: build it right before use.
const client = () => new Client({ accessToken: TOKEN, basePath: hs.url, numberOfApiCallRetries: 1 });

beforeAll(async () => {
  hs = await startHubSpotStandin({ accessToken: TOKEN });
});
afterAll(() => hs.close());
beforeEach(() => {
  hs.reset();
  hs.seed(sampleData);
});

describe('contacts', () => {
  it('getById returns the requested properties and the company association', async () => {
    const c = await client().crm.contacts.basicApi.getById(
      '1001',
      ['firstname', 'hubspotscore', 'nosuchprop'],
      undefined,
      ['companies'],
    );
    expect(c.id).toBe('1001');
    expect(c.properties.firstname).toBe('Jonas');
    expect(c.properties.hubspotscore).toBe('85'); // numbers come back as strings
    expect(c.properties.nosuchprop).toBeNull();
    expect(c.properties.hs_object_id).toBe('1001');
    expect(c.createdAt).toBeInstanceOf(Date);
    expect(c.associations?.companies?.results).toEqual([
      { id: '201', type: 'contact_to_company' },
      { id: '201', type: 'contact_to_company_unlabeled' },
    ]);
    const req = hs.requests.at(-1)!;
    expect(req.path).toBe('/crm/v3/objects/contacts/1001');
    expect(req.query).toMatchObject({
      properties: ['firstname', 'hubspotscore', 'nosuchprop'],
      associations: 'companies',
    });
    expect(req.headers.authorization).toBe(`Bearer ${TOKEN}`);
  });

  it('getById without a company has no associations key, and history is returned', async () => {
    const c = await client().crm.contacts.basicApi.getById('1007', undefined, ['lifecyclestage'], ['companies']);
    expect(c.associations).toBeUndefined();
    expect(Object.keys(c.properties).sort()).toEqual([
      'createdate',
      'email',
      'firstname',
      'hs_object_id',
      'lastmodifieddate',
      'lastname',
    ]);
    expect(c.propertiesWithHistory?.lifecyclestage[0]).toMatchObject({
      value: 'marketingqualifiedlead',
      sourceType: 'IMPORT',
    });
  });

  it('unknown contact → ApiException 404 with a HubSpot body', async () => {
    const err = await client()
      .crm.contacts.basicApi.getById('999')
      .catch((e) => e);
    expect(err.code).toBe(404);
    expect(err.body).toMatchObject({ status: 'error', category: 'OBJECT_NOT_FOUND' });
    expect(err.body.correlationId).toMatch(/[0-9a-f-]{36}/);
  });

  it('archived and merged contacts behave like HubSpot', async () => {
    hs.archiveContact('1005');
    expect(
      (
        await client()
          .crm.contacts.basicApi.getById('1005')
          .catch((e) => e)
      ).code,
    ).toBe(404);
    expect((await client().crm.contacts.basicApi.getById('1005', undefined, undefined, undefined, true)).archived).toBe(
      true,
    );
    hs.mergeContacts('1001', '1002');
    expect((await client().crm.contacts.basicApi.getById('1002')).id).toBe('1001');
  });

  it('update applies properties and validates them', async () => {
    const api = client().crm.contacts.basicApi;
    const r = await api.update('1001', {
      properties: { hs_lead_status: 'IN_PROGRESS', lifecyclestage: 'salesqualifiedlead' },
    });
    expect(r.properties).toMatchObject({ hs_lead_status: 'IN_PROGRESS', lifecyclestage: 'salesqualifiedlead' });
    expect(hs.contact('1001')?.properties.hs_lead_status).toBe('IN_PROGRESS');
    const bad = await api.update('1001', { properties: { hs_lead_status: 'ACCEPTED', nosuch: 'x' } }).catch((e) => e);
    expect(bad.code).toBe(400);
    expect(bad.body.category).toBe('VALIDATION_ERROR');
    expect(bad.body.message).toContain('INVALID_OPTION');
    expect(bad.body.message).toContain('PROPERTY_DOESNT_EXIST');
    expect(
      (await api.update('1001', { properties: { hubspot_owner_id: '999' } }).catch((e) => e)).body.message,
    ).toContain('INVALID_OWNER_ID');
  });

  it('lifecyclestage does not move backwards unless cleared first', async () => {
    const api = client().crm.contacts.basicApi;
    await api.update('1008', { properties: { lifecyclestage: 'lead' } });
    expect(hs.contact('1008')?.properties.lifecyclestage).toBe('salesqualifiedlead');
    await api.update('1008', { properties: { lifecyclestage: '' } });
    await api.update('1008', { properties: { lifecyclestage: 'lead' } });
    expect(hs.contact('1008')?.properties.lifecyclestage).toBe('lead');
  });
});

describe('owners, companies, notes, properties', () => {
  it('owners getById and getPage by email', async () => {
    const o = await client().crm.owners.ownersApi.getById(101);
    expect(o).toMatchObject({
      id: '101',
      email: 'alexw@example.com',
      firstName: 'Alex',
      lastName: 'Wilber',
      userId: 9101,
      archived: false,
    });
    expect(o.teams).toEqual([{ id: '1', name: 'CSM Nord', primary: true }]);
    expect((await client().crm.owners.ownersApi.getById(9103, 'userId')).email).toBe('adelev@example.com');
    const page = await client().crm.owners.ownersApi.getPage('MeganB@example.com');
    expect(page.results.map((x) => x.id)).toEqual(['102']);
    const paged = await client().crm.owners.ownersApi.getPage(undefined, undefined, 2);
    expect(paged.results).toHaveLength(2);
    expect(paged.paging?.next?.after).toBe('2');
    expect(
      (
        await client()
          .crm.owners.ownersApi.getById(404)
          .catch((e) => e)
      ).code,
    ).toBe(404);
  });

  it('companies getById and search (EQ, CONTAINS_TOKEN, query)', async () => {
    const co = await client().crm.companies.basicApi.getById('202', ['name', 'annualrevenue', 'numberofemployees']);
    expect(co.properties).toMatchObject({ name: 'Beispiel AG', annualrevenue: '180000000', numberofemployees: '850' });
    const search = client().crm.companies.searchApi;
    const eq = await search.doSearch({
      filterGroups: [{ filters: [{ propertyName: 'name', operator: FilterOperatorEnum.Eq, value: 'beispiel ag' }] }],
      properties: ['name'],
      limit: 10,
    });
    expect(eq.total).toBe(1);
    expect(eq.results[0].id).toBe('202');
    const tok = await search.doSearch({
      filterGroups: [
        { filters: [{ propertyName: 'name', operator: FilterOperatorEnum.ContainsToken, value: 'gmbh' }] },
      ],
    });
    expect(tok.results.map((r) => r.properties.name)).toContain('Musterfirma GmbH');
    expect(tok.total).toBe(5);
    const q = await search.doSearch({ query: 'muster', limit: 10 });
    expect(q.results.map((r) => r.id)).toEqual(['201']);
    const page1 = await search.doSearch({ query: 'gmbh', limit: 2 });
    expect(page1.paging?.next?.after).toBe('2');
    expect(hs.requests.at(-1)).toMatchObject({ method: 'POST', path: '/crm/v3/objects/companies/search' });
  });

  it('notes create associates to the contact', async () => {
    const note = await client().crm.objects.notes.basicApi.create({
      properties: {
        hs_note_body: '<p>Lead angenommen</p>',
        hs_timestamp: String(Date.UTC(2025, 0, 2)),
        hubspot_owner_id: '101',
      },
      associations: [
        {
          to: { id: '1001' },
          types: [
            { associationCategory: AssociationSpecAssociationCategoryEnum.HubspotDefined, associationTypeId: 202 },
          ],
        },
      ],
    });
    expect(note.id).toMatch(/^\d+$/);
    expect(note.properties.hs_timestamp).toBe('2025-01-02T00:00:00.000Z');
    expect(hs.notes('1001').map((n) => n.properties.hs_note_body)).toEqual(['<p>Lead angenommen</p>']);
    const withNotes = await client().crm.contacts.basicApi.getById('1001', undefined, undefined, ['notes']);
    expect(withNotes.associations?.notes?.results[0].id).toBe(note.id);
    const missing = await client()
      .crm.objects.notes.basicApi.create({ properties: { hs_note_body: 'x' }, associations: [] })
      .catch((e) => e);
    expect(missing.code).toBe(400);
  });

  it('property definitions list the enumeration options', async () => {
    const p = await client().crm.properties.coreApi.getByName('contacts', 'lifecyclestage');
    expect(p.options.map((o) => o.value)).toContain('marketingqualifiedlead');
  });
});
