import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type C4cStandin, startC4cStandin } from '../standins/c4c.js';

/** The stand-in's own contract, exercised over plain HTTP as an out-of-process test would. */
describe('36One stand-in', () => {
  let s: C4cStandin;
  let auth: Record<string, string>;
  beforeEach(async () => {
    s = await startC4cStandin();
    auth = { authorization: `Basic ${Buffer.from(`${s.username}:${s.password}`).toString('base64')}` };
  });
  afterEach(() => s.close());

  async function session() {
    const res = await fetch(`${s.serviceRoot}?$format=json`, { headers: { ...auth, 'x-csrf-token': 'fetch' } });
    const cookie = res.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    return { ...auth, cookie, 'x-csrf-token': res.headers.get('x-csrf-token')!, 'content-type': 'application/json' };
  }

  it('a converted lead refuses changes; PATCH needs If-Match; unknown properties are rejected', async () => {
    const lead = s.seedLead({ Name: 'Done', ExternalID: 'x', UserStatusCode: '05' });
    const headers = await session();
    const url = `${s.serviceRoot}LeadCollection('${lead.ObjectID}')?$format=json`;
    const body = JSON.stringify({ UserStatusCode: '03' });

    expect((await fetch(url, { method: 'PATCH', headers, body })).status).toBe(428);
    const refused = await fetch(url, {
      method: 'PATCH',
      headers: { ...headers, 'if-match': s.etagOf(lead.ObjectID) },
      body,
    });
    expect(refused.status).toBe(400);
    expect(await refused.json()).toMatchObject({ error: { code: 'LEAD_CONVERTED' } });

    const bad = await fetch(`${s.serviceRoot}LeadCollection?$format=json`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ Name: 'n', Nmae: 'typo' }),
    });
    expect(await bad.json()).toMatchObject({ error: { message: { value: "Property 'Nmae' is invalid" } } });
  });

  it('single entities come as d.results (201 after create, GET by key); the plain-d switch answers {d:{…}}', async () => {
    const post = async () => {
      const res = await fetch(`${s.serviceRoot}LeadCollection?$format=json`, {
        method: 'POST',
        headers: await session(),
        body: JSON.stringify({ Name: 'n' }),
      });
      return { status: res.status, json: (await res.json()) as any };
    };
    const created = await post();
    expect(created).toMatchObject({
      status: 201,
      json: { d: { results: { ObjectID: expect.any(String), ID: '4711' } } },
    });
    const byKey = await fetch(`${s.serviceRoot}LeadCollection('${created.json.d.results.ObjectID}')?$format=json`, {
      headers: auth,
    });
    expect(byKey.headers.get('etag')).toMatch(/^W\/"datetimeoffset'/);
    expect(await byKey.json()).toMatchObject({
      d: { results: { ID: '4711', __metadata: { type: 'c4codataapi.Lead' } } },
    });

    await s.close();
    s = await startC4cStandin({ singleEntityShape: 'plain' });
    const plain = await post();
    expect(plain.json.d).toMatchObject({ ObjectID: expect.any(String), ID: '4711' });
    expect(plain.json.d).not.toHaveProperty('results');
  });

  it('400 "Property \'X\' is invalid" for what the set lacks: in POST and PATCH bodies and nested in a deep insert', async () => {
    const headers = await session();
    const post = (body: object) =>
      fetch(`${s.serviceRoot}OpportunityCollection?$format=json`, {
        method: 'POST',
        headers,
        body: JSON.stringify(body),
      });
    const invalid = async (res: Response) => ({
      status: res.status,
      value: ((await res.json()) as any).error?.message?.value,
    });

    expect(await invalid(await post({ Name: 'Opp', OpportunityText: [{ TypeCode: '10004', Text: 'BANT' }] }))).toEqual({
      status: 400,
      value: "Property 'OpportunityText' is invalid",
    });
    expect(
      await invalid(
        await post({ Name: 'Opp', OpportunityTextCollection: [{ TypeCode: '10004', Text: 'BANT', Author: 'x' }] }),
      ),
    ).toEqual({ status: 400, value: "Property 'Author' is invalid" });
    expect(s.opportunities()).toEqual([]);

    const ok = await post({ Name: 'Opp', OpportunityTextCollection: [{ TypeCode: '10004', Text: 'BANT' }] });
    expect(ok.status).toBe(201);
    expect(((await ok.json()) as any).d.results.OpportunityTextCollection).toEqual({
      __deferred: { uri: expect.stringMatching(/\/OpportunityTextCollection$/) },
    });
    const opp = s.opportunities()[0]!;
    expect(opp.OpportunityTextCollection).toEqual([{ TypeCode: '10004', Text: 'BANT' }]);

    const patch = await fetch(`${s.serviceRoot}OpportunityCollection('${opp.ObjectID}')?$format=json`, {
      method: 'PATCH',
      headers: { ...headers, 'if-match': s.etagOf(opp.ObjectID) },
      body: JSON.stringify({ Stage: '2' }),
    });
    expect(await invalid(patch)).toEqual({ status: 400, value: "Property 'Stage' is invalid" });
  });

  it('$metadata and the write check come from one model: a property the tenant lacks is in neither; a left-out code list is not there', async () => {
    await s.close();
    s = await startC4cStandin({
      removeProperties: ['LeadCollection.Note'],
      omitSets: ['LeadResultReasonCodeCollection'],
    });
    const metadata = await fetch(`${s.serviceRoot}$metadata`, { headers: auth });
    expect(metadata.headers.get('content-type')).toBe('application/xml');
    const xml = await metadata.text();
    const leadType = /<EntityType Name="Lead">[\s\S]*?<\/EntityType>/.exec(xml)![0];
    expect(leadType).toContain(
      '<Property Name="UserStatusCode" Type="Edm.String" sap:creatable="true" sap:updatable="true"',
    );
    expect(leadType).toContain('<Property Name="ID" Type="Edm.String" sap:creatable="false" sap:updatable="false"');
    expect(leadType).not.toContain('Name="Note"');
    expect(xml).toContain('<NavigationProperty Name="OpportunityTextCollection"');
    expect(xml).toContain('<EntitySet Name="LeadUserStatusCodeCollection"');
    expect(xml).not.toContain('LeadResultReasonCodeCollection');

    const res = await fetch(`${s.serviceRoot}LeadCollection?$format=json`, {
      method: 'POST',
      headers: await session(),
      body: JSON.stringify({ Name: 'n', Note: 'x' }),
    });
    expect(((await res.json()) as any).error.message.value).toBe("Property 'Note' is invalid");

    const codes = await fetch(`${s.serviceRoot}LeadUserStatusCodeCollection?$format=json&$select=Code`, {
      headers: auth,
    });
    expect(((await codes.json()) as any).d.results.map((c: any) => c.Code)).toEqual(['01', '02', '03', '04', '05']);
    expect((await fetch(`${s.serviceRoot}LeadResultReasonCodeCollection?$format=json`, { headers: auth })).status).toBe(
      404,
    );
  });

  it('HTTP control: faults, seeded data, down with automatic up', async () => {
    const control = (path: string, body?: unknown) =>
      fetch(`${s.url}/_standin/${path}`, { method: body === undefined ? 'GET' : 'POST', body: JSON.stringify(body) });

    expect((await control('faults', { method: 'GET', path: 'LeadCollection', status: 502 })).status).toBe(204);
    expect((await fetch(`${s.serviceRoot}LeadCollection?$format=json`, { headers: auth })).status).toBe(502);
    expect((await fetch(`${s.serviceRoot}LeadCollection?$format=json`, { headers: auth })).status).toBe(200);

    await control('seed-lead', { Name: 'Seeded', ExternalID: 'hubspot:1:1' });
    expect(await (await control('leads')).json()).toEqual([expect.objectContaining({ Name: 'Seeded', ID: '4711' })]);

    expect((await control('down', { mode: 'refuse', forMs: 150 })).status).toBe(204);
    await expect(fetch(`${s.serviceRoot}$metadata`, { headers: auth })).rejects.toThrow();
    await new Promise((r) => setTimeout(r, 250));
    expect((await fetch(`${s.serviceRoot}$metadata`, { headers: auth })).status).toBe(200);

    expect((await control('faults', { status: 'nope' })).status).toBe(400);
  });
});

describe('36One stand-in: CorporateAccountCollection', () => {
  let s: C4cStandin;
  let auth: Record<string, string>;
  beforeEach(async () => {
    s = await startC4cStandin({ accountExtensionFields: ['HubSpotID_KUT'] });
    auth = {
      authorization: `Basic ${Buffer.from(`${s.username}:${s.password}`).toString('base64')}`,
      accept: 'application/json',
    };
    s.seedAccount({ AccountID: '1000500', Name: 'Contoso AG', ExternalID: 'hubspot:1:company:7', City: 'Hamburg' });
    s.seedAccount({ Name: 'Contoso AG Schweiz', HubSpotID_KUT: '8' });
  });
  afterEach(() => s.close());

  const get = async (query: string) => {
    const res = await fetch(`${s.serviceRoot}CorporateAccountCollection?$format=json&${query}`, { headers: auth });
    return { status: res.status, type: res.headers.get('content-type'), json: (await res.json()) as any };
  };

  it('$filter eq on any property (exact; * is a wildcard), $select with __metadata, $top', async () => {
    const exact = await get(`$filter=${encodeURIComponent("Name eq 'Contoso AG'")}&$select=AccountID,Name`);
    expect(exact.status).toBe(200);
    expect(exact.type).toBe('application/json');
    expect(exact.json.d.results).toEqual([
      {
        __metadata: expect.objectContaining({
          type: 'c4codataapi.CorporateAccount',
          etag: expect.stringMatching(/^W\//),
        }),
        AccountID: '1000500',
        Name: 'Contoso AG',
      },
    ]);

    expect((await get(`$filter=${encodeURIComponent("Name eq 'contoso ag'")}`)).json.d.results).toEqual([]);
    expect(
      (await get(`$filter=${encodeURIComponent("Name eq 'Contoso*'")}&$select=AccountID`)).json.d.results.map(
        (r: any) => r.AccountID,
      ),
    ).toEqual(['1000500', '1000100']);
    expect((await get(`$filter=${encodeURIComponent("Name eq 'Contoso*'")}&$top=1`)).json.d.results).toHaveLength(1);
    expect(
      (await get(`$filter=${encodeURIComponent("HubSpotID_KUT eq '8'")}&$select=AccountID`)).json.d.results,
    ).toEqual([expect.objectContaining({ AccountID: '1000100' })]);
  });

  it('OData errors for an unknown property in $filter or $select and a bad $top', async () => {
    const badFilter = await get(`$filter=${encodeURIComponent("Nmae eq 'x'")}`);
    expect(badFilter).toMatchObject({
      status: 400,
      json: {
        error: {
          code: 'INVALID_FILTER',
          message: { lang: 'en', value: "Property 'Nmae' not found in type 'c4codataapi.CorporateAccount'" },
        },
      },
    });
    expect(await get('$select=AccountID,Nmae')).toMatchObject({
      status: 400,
      json: { error: { code: 'INVALID_SELECT' } },
    });
    expect(await get('$top=-1')).toMatchObject({ status: 400, json: { error: { code: 'INVALID_TOP' } } });
    const xml = await fetch(`${s.serviceRoot}CorporateAccountCollection`, {
      headers: { authorization: auth.authorization! },
    });
    expect(xml.status).toBe(406);
  });

  it('leads and opportunities may only name existing accounts; the service document and $metadata list the set', async () => {
    const res = await fetch(`${s.serviceRoot}?$format=json`, { headers: { ...auth, 'x-csrf-token': 'fetch' } });
    expect(((await res.json()) as any).d.EntitySets).toContain('CorporateAccountCollection');
    const headers = {
      ...auth,
      cookie: res.headers
        .getSetCookie()
        .map((c) => c.split(';')[0])
        .join('; '),
      'x-csrf-token': res.headers.get('x-csrf-token')!,
      'content-type': 'application/json',
    };
    const post = (set: string, body: object) =>
      fetch(`${s.serviceRoot}${set}?$format=json`, { method: 'POST', headers, body: JSON.stringify(body) });

    const unknown = await post('OpportunityCollection', { Name: 'Opp', ProspectPartyID: '4242' });
    expect(unknown.status).toBe(400);
    expect(await unknown.json()).toMatchObject({ error: { code: 'INVALID_PARTY' } });
    expect((await post('OpportunityCollection', { Name: 'Opp', ProspectPartyID: '1000500' })).status).toBe(201);
    expect((await post('LeadCollection', { Name: 'Lead', AccountPartyID: '4242' })).status).toBe(400);

    const metadata = await (await fetch(`${s.serviceRoot}$metadata`, { headers: auth })).text();
    expect(metadata).toContain(
      '<EntitySet Name="CorporateAccountCollection" EntityType="c4codataapi.CorporateAccount"',
    );
    expect(metadata).toContain(
      '<Property Name="HubSpotID_KUT" Type="Edm.String" sap:creatable="true" sap:updatable="true"',
    );
  });

  it('HTTP control: seed-account and accounts', async () => {
    const seeded = await fetch(`${s.url}/_standin/seed-account`, {
      method: 'POST',
      body: JSON.stringify({ AccountID: '1000600', Name: 'Fabrikam' }),
    });
    expect(await seeded.json()).toMatchObject({
      AccountID: '1000600',
      ObjectID: expect.stringMatching(/^[0-9A-F]{32}$/),
    });
    const all = (await (await fetch(`${s.url}/_standin/accounts`)).json()) as any[];
    expect(all.map((a) => a.AccountID)).toEqual(['1000500', '1000100', '1000600']);
  });
});
