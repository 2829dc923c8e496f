/** The HubSpot REST endpoints the stand-in serves, as `@hubspot/api-client@13.5` calls them. */
import { hsError, notFound, validationError } from './hubspot-errors.js';
import { LIFECYCLE_STAGES, noteAllowed, type PropDef, propertyApiShape, validateWrite } from './hubspot-schema.js';
import { runSearch, type SearchRequest } from './hubspot-search.js';
import {
  COMPANY_ALWAYS,
  COMPANY_DEFAULTS,
  CONTACT_ALWAYS,
  CONTACT_DEFAULTS,
  type HsRecord,
  type HubSpotStore,
  type OwnerSeed,
  serialize,
  value1,
} from './hubspot-store.js';
import { type Query, queryList, queryOne } from './standin-http.js';

export interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}
export interface RouteCtx {
  method: string;
  path: string;
  query: Query;
  body: unknown;
  m: RegExpMatchArray;
  /** Ids a batch read must report as not found (a 404 fault on the object's own path). */
  missing?: Set<string>;
}
export interface Route {
  method: string;
  re: RegExp;
  handle: (c: RouteCtx) => Reply;
}

export interface CrmBehaviour {
  /** What a PATCH that moves `lifecyclestage` backwards does: silently keep the old value (HubSpot's documented behaviour), apply it, or 400. */
  lifecycleBackward: 'ignore' | 'allow' | 'reject';
  /** Source id recorded in property history for API writes. */
  appId: string;
}

const ok = (body: unknown, status = 200): Reply => ({ status, body });
const bad = (message: string): Reply => ({ status: 400, body: hsError('VALIDATION_ERROR', message) });
const props = (b: unknown): Record<string, unknown> =>
  (b as { properties?: Record<string, unknown> })?.properties ?? {};

/** The batch read path; group 1 is the object type. */
export const BATCH_READ = /^\/crm\/v3\/objects\/(companies|contacts)\/batch\/read$/;

export function crmRoutes(store: HubSpotStore, beh: CrmBehaviour): Route[] {
  const ownerExists = (id: string) => store.owners.has(id);

  function contactAssociations(rec: HsRecord, wanted: string[] | undefined) {
    const out: Record<string, unknown> = {};
    if (wanted?.some((w) => ['companies', 'company', '0-2'].includes(w)) && rec.companyIds.length) {
      const results = rec.companyIds.flatMap((id, i) =>
        i === 0
          ? [
              { id, type: 'contact_to_company' },
              { id, type: 'contact_to_company_unlabeled' },
            ]
          : [{ id, type: 'contact_to_company_unlabeled' }],
      );
      out.companies = { results };
    }
    const notes = store.notesFor(rec.id);
    if (wanted?.some((w) => ['notes', 'note', '0-4'].includes(w)) && notes.length) {
      out.notes = { results: notes.map((n) => ({ id: n.id, type: 'contact_to_note' })) };
    }
    return Object.keys(out).length ? { associations: out } : {};
  }

  /** What HubSpot calculates for a contact: the primary company and the ids merged into it. */
  const contactComputed =
    (rec: HsRecord) =>
    (name: string): string | undefined => {
      if (name === 'associatedcompanyid') return rec.companyIds[0];
      if (name === 'hs_merged_object_ids') return store.mergedInto(rec.id).join(';') || undefined;
      return undefined;
    };

  function findContact(id: string, q: Query): HsRecord | undefined {
    const idProp = queryOne(q, 'idProperty');
    const rec =
      idProp && idProp !== 'hs_object_id' ? store.findBy(store.contacts, idProp, id) : store.resolveContact(id);
    const wantArchived = queryOne(q, 'archived') === 'true';
    return rec && rec.archived === wantArchived ? rec : undefined;
  }

  function patch(
    rec: HsRecord | undefined,
    id: string,
    body: unknown,
    defs: Map<string, PropDef>,
    modified: string,
    always: string[],
  ): Reply {
    if (!rec || rec.archived) return { status: 404, body: notFound(id) };
    const input = { ...props(body) };
    const errors = validateWrite(defs, input, ownerExists);
    if (errors.length) return { status: 400, body: validationError(errors) };
    const stage = input.lifecyclestage;
    const current = value1(rec, 'lifecyclestage');
    if (
      typeof stage === 'string' &&
      stage &&
      current &&
      LIFECYCLE_STAGES.indexOf(stage) < LIFECYCLE_STAGES.indexOf(current)
    ) {
      if (beh.lifecycleBackward === 'reject')
        return bad(`lifecyclestage cannot move backwards from ${current} to ${stage}; clear it first`);
      if (beh.lifecycleBackward === 'ignore') delete input.lifecyclestage;
    }
    const values = Object.fromEntries(
      Object.entries(input).map(([k, v]) => [k, v === null || v === undefined ? '' : String(v)]),
    );
    store.write(rec, values, 'INTEGRATION', modified, beh.appId);
    return ok(serialize(rec, { properties: Object.keys(props(body)), defaults: [], always }));
  }

  function findCompany(id: string, q: Query): HsRecord | undefined {
    const idProp = queryOne(q, 'idProperty');
    const rec =
      idProp && idProp !== 'hs_object_id' ? store.findBy(store.companies, idProp, id) : store.companies.get(id);
    return rec && rec.archived === (queryOne(q, 'archived') === 'true') ? rec : undefined;
  }

  function getCompany(c: RouteCtx): Reply {
    const id = c.m[1];
    const rec = findCompany(id, c.query);
    if (!rec) return { status: 404, body: notFound(id) };
    const body = serialize(rec, {
      properties: queryList(c.query, 'properties'),
      propertiesWithHistory: queryList(c.query, 'propertiesWithHistory'),
      defaults: COMPANY_DEFAULTS,
      always: COMPANY_ALWAYS,
    });
    const contacts = [...store.contacts.values()].filter((r) => r.companyIds.includes(rec.id));
    if (
      queryList(c.query, 'associations')?.some((a) => ['contacts', 'contact', '0-1'].includes(a)) &&
      contacts.length
    ) {
      body.associations = { contacts: { results: contacts.map((r) => ({ id: r.id, type: 'company_to_contact' })) } };
    }
    return ok(body);
  }

  /**
   * POST /crm/v3/objects/{contacts|companies}/batch/read: up to 100 `inputs`; 200 when all were found, otherwise 207
   * with one OBJECT_NOT_FOUND error listing the missing ids. Merged-away contact ids return the surviving record.
   */
  function batchRead(c: RouteCtx): Reply {
    const isCompany = c.m[1] === 'companies';
    const req = (c.body ?? {}) as {
      inputs?: Array<{ id?: unknown }>;
      properties?: string[];
      propertiesWithHistory?: string[];
      idProperty?: string;
    };
    if (!Array.isArray(req.inputs)) return bad('Invalid input JSON on line 1: the field "inputs" is required');
    if (req.inputs.length > 100) return bad(`Too many inputs: ${req.inputs.length} (at most 100 per batch)`);
    const q: Query = { ...c.query, ...(req.idProperty ? { idProperty: req.idProperty } : {}) };
    const results: Record<string, unknown>[] = [];
    const returned = new Set<string>();
    const missing: string[] = [];
    for (const input of req.inputs) {
      const id = String(input?.id ?? '');
      const rec = c.missing?.has(id) ? undefined : isCompany ? findCompany(id, q) : findContact(id, q);
      if (!rec) {
        missing.push(id);
        continue;
      }
      if (returned.has(rec.id)) continue;
      returned.add(rec.id);
      results.push(
        serialize(rec, {
          properties: req.properties,
          propertiesWithHistory: req.propertiesWithHistory,
          defaults: isCompany ? COMPANY_DEFAULTS : CONTACT_DEFAULTS,
          always: isCompany ? COMPANY_ALWAYS : CONTACT_ALWAYS,
          computed: isCompany ? undefined : contactComputed(rec),
        }),
      );
    }
    const t = new Date().toISOString();
    if (!missing.length) return ok({ status: 'COMPLETE', results, startedAt: t, completedAt: t });
    return ok(
      {
        status: 'COMPLETE',
        results,
        numErrors: 1,
        errors: [
          {
            status: 'error',
            category: 'OBJECT_NOT_FOUND',
            context: { ids: missing },
            links: {},
            errors: [],
            message: `Could not get some ${isCompany ? 'COMPANY' : 'CONTACT'} objects, they may be deleted or not exist. Check that ids are valid.`,
          },
        ],
        startedAt: t,
        completedAt: t,
      },
      207,
    );
  }

  function search(c: RouteCtx): Reply {
    const req = (c.body ?? {}) as SearchRequest;
    const isCompany = c.m[1] === 'companies';
    const records = [...(isCompany ? store.companies : store.contacts).values()];
    const searchable = isCompany
      ? ['name', 'domain', 'website', 'phone']
      : ['firstname', 'lastname', 'email', 'phone', 'company'];
    let result: ReturnType<typeof runSearch>;
    try {
      result = runSearch(records, req, searchable);
    } catch (e) {
      return bad((e as Error).message);
    }
    const defaults = isCompany ? COMPANY_DEFAULTS : CONTACT_DEFAULTS;
    const always = isCompany ? COMPANY_ALWAYS : CONTACT_ALWAYS;
    return ok({
      total: result.total,
      results: result.page.map((r) => serialize(r, { properties: req.properties, defaults, always })),
      ...(result.nextAfter ? { paging: { next: { after: result.nextAfter, link: '' } } } : {}),
    });
  }

  /** POST /crm/v3/objects/notes/search: notes are searchable by their properties (e.g. hs_note_body CONTAINS_TOKEN). */
  function searchNotes(c: RouteCtx): Reply {
    const req = (c.body ?? {}) as SearchRequest;
    const records = store.notes.map((n) => ({
      id: n.id,
      createdAt: n.createdAt,
      updatedAt: n.createdAt,
      archived: false,
      companyIds: n.companyIds,
      props: new Map(
        Object.entries(n.properties).map(([k, v]) => [
          k,
          [{ value: v, timestamp: n.createdAt, sourceType: 'INTEGRATION' }],
        ]),
      ),
    }));
    let result: ReturnType<typeof runSearch>;
    try {
      result = runSearch(records, req, ['hs_note_body']);
    } catch (e) {
      return bad((e as Error).message);
    }
    return ok({
      total: result.total,
      results: result.page.map((r) =>
        serialize(r, { properties: req.properties, defaults: ['hs_note_body', 'hs_timestamp'], always: [] }),
      ),
    });
  }

  function createNote(c: RouteCtx): Reply {
    const input = props(c.body);
    const unknown = Object.keys(input).filter((k) => !noteAllowed(k));
    if (unknown.length)
      return {
        status: 400,
        body: validationError(
          unknown.map((name) => ({
            name,
            error: 'PROPERTY_DOESNT_EXIST',
            message: `Property "${name}" does not exist`,
          })),
        ),
      };
    if (input.hs_timestamp === undefined || input.hs_timestamp === '')
      return bad('Property values were not valid: hs_timestamp is required');
    const owner = input.hubspot_owner_id ? String(input.hubspot_owner_id) : '';
    if (owner && !ownerExists(owner))
      return {
        status: 400,
        body: validationError([
          { name: 'hubspot_owner_id', error: 'INVALID_OWNER_ID', message: `${owner} is not a valid owner id` },
        ]),
      };
    const contactIds: string[] = [];
    const companyIds: string[] = [];
    const assoc =
      (
        c.body as {
          associations?: Array<{
            to?: { id?: unknown };
            types?: Array<{ associationCategory?: string; associationTypeId?: number }>;
          }>;
        }
      )?.associations ?? [];
    for (const a of assoc) {
      const to = String(a.to?.id ?? '');
      for (const t of a.types ?? []) {
        if (t.associationCategory === 'HUBSPOT_DEFINED' && t.associationTypeId === 202) {
          if (!store.resolveContact(to))
            return bad(`One or more associations are invalid: contact ${to} does not exist`);
          contactIds.push(store.resolveContact(to)!.id);
        } else if (t.associationCategory === 'HUBSPOT_DEFINED' && t.associationTypeId === 190) {
          if (!store.companies.has(to))
            return bad(`One or more associations are invalid: company ${to} does not exist`);
          companyIds.push(to);
        } else {
          return bad(
            `Association type ${t.associationCategory}/${t.associationTypeId} is not valid between NOTE and the target object ${to}`,
          );
        }
      }
    }
    const t = new Date().toISOString();
    const ts = String(input.hs_timestamp);
    const id = store.nextId();
    const properties: Record<string, string> = {
      ...Object.fromEntries(Object.entries(input).map(([k, v]) => [k, String(v)])),
      hs_timestamp: /^\d+$/.test(ts) ? new Date(Number(ts)).toISOString() : ts,
      hs_createdate: t,
      hs_lastmodifieddate: t,
      hs_object_id: id,
    };
    store.notes.push({ id, properties, contactIds, companyIds, createdAt: t });
    return ok({ id, properties, createdAt: t, updatedAt: t, archived: false }, 201);
  }

  function ownerJson(o: OwnerSeed & { createdAt: string; updatedAt: string }) {
    const userId = o.userId ?? 9000 + Number(o.id);
    return {
      id: o.id,
      email: o.email,
      type: o.type ?? 'PERSON',
      firstName: o.firstName,
      lastName: o.lastName,
      userId,
      userIdIncludingInactive: userId,
      createdAt: o.createdAt,
      updatedAt: o.updatedAt,
      archived: !!o.archived,
      ...(o.teams?.length ? { teams: o.teams } : {}),
    };
  }

  function getOwner(c: RouteCtx): Reply {
    const id = c.m[1];
    const byUser = queryOne(c.query, 'idProperty') === 'userId';
    const archived = queryOne(c.query, 'archived') === 'true';
    const o = [...store.owners.values()].find((x) =>
      byUser ? String(x.userId ?? 9000 + Number(x.id)) === id : x.id === id,
    );
    if (!o || !!o.archived !== archived)
      return { status: 404, body: hsError('OBJECT_NOT_FOUND', `Owner ${id} not found`) };
    return ok(ownerJson(o));
  }

  /**
   * GET /crm/v3/owners?limit=&after=&email=&archived=: active owners by default, `paging.next.after` while more follow
   * (limit up to 500) — HubSpot: https://developers.hubspot.com/docs/api-reference/crm-crm-owners-v3/guide. The cursor's
   * form (here an offset) is opaque to clients.
   */
  function listOwners(c: RouteCtx): Reply {
    const email = queryOne(c.query, 'email')?.toLowerCase();
    const archived = queryOne(c.query, 'archived') === 'true';
    const limit = Math.min(Math.max(Number(queryOne(c.query, 'limit') ?? 100) || 100, 1), 500);
    const offset = Number(queryOne(c.query, 'after') ?? 0) || 0;
    const all = [...store.owners.values()].filter(
      (o) => !!o.archived === archived && (!email || o.email.toLowerCase() === email),
    );
    const page = all.slice(offset, offset + limit);
    const next = offset + limit < all.length ? String(offset + limit) : undefined;
    return ok({
      results: page.map(ownerJson),
      ...(next ? { paging: { next: { after: next, link: `?after=${next}` } } } : {}),
    });
  }

  /**
   * GET /crm/v3/properties/{objectType}/{name}: `{name, label, type, fieldType, options:[{label, value, …}], …}` — HubSpot:
   * https://developers.hubspot.com/docs/api-reference/crm-properties-v3/core/get-crm-v3-properties-objectType-propertyName.
   * An unknown property is a 404 with category OBJECT_NOT_FOUND; the message's wording is unverified (clients read the status).
   */
  function getProperty(c: RouteCtx): Reply {
    const type =
      ({ '0-1': 'contacts', '0-2': 'companies', contact: 'contacts', company: 'companies' } as Record<string, string>)[
        c.m[1]
      ] ?? c.m[1];
    const def = (type === 'contacts' ? store.contactDefs : store.companyDefs).get(c.m[2]);
    if (!def)
      return {
        status: 404,
        body: hsError('OBJECT_NOT_FOUND', `Unable to find property ${c.m[2]} for object type ${type}`),
      };
    return ok(propertyApiShape(def));
  }

  return [
    {
      method: 'GET',
      re: /^\/crm\/v3\/objects\/contacts\/([^/]+)$/,
      handle: (c) => {
        const rec = findContact(c.m[1], c.query);
        if (!rec) return { status: 404, body: notFound(c.m[1]) };
        const body = serialize(rec, {
          properties: queryList(c.query, 'properties'),
          propertiesWithHistory: queryList(c.query, 'propertiesWithHistory'),
          defaults: CONTACT_DEFAULTS,
          always: CONTACT_ALWAYS,
          computed: contactComputed(rec),
        });
        return ok({ ...body, ...contactAssociations(rec, queryList(c.query, 'associations')) });
      },
    },
    {
      method: 'PATCH',
      re: /^\/crm\/v3\/objects\/contacts\/([^/]+)$/,
      handle: (c) =>
        patch(findContact(c.m[1], c.query), c.m[1], c.body, store.contactDefs, 'lastmodifieddate', CONTACT_ALWAYS),
    },
    { method: 'POST', re: /^\/crm\/v3\/objects\/(companies|contacts)\/search$/, handle: search },
    { method: 'POST', re: BATCH_READ, handle: batchRead },
    { method: 'POST', re: /^\/crm\/v3\/objects\/notes\/search$/, handle: searchNotes },
    { method: 'GET', re: /^\/crm\/v3\/objects\/companies\/([^/]+)$/, handle: getCompany },
    {
      method: 'PATCH',
      re: /^\/crm\/v3\/objects\/companies\/([^/]+)$/,
      handle: (c) =>
        patch(store.companies.get(c.m[1]), c.m[1], c.body, store.companyDefs, 'hs_lastmodifieddate', COMPANY_ALWAYS),
    },
    { method: 'POST', re: /^\/crm\/v3\/objects\/notes$/, handle: createNote },
    { method: 'GET', re: /^\/crm\/v3\/owners\/([^/]+)$/, handle: getOwner },
    { method: 'GET', re: /^\/crm\/v3\/owners$/, handle: listOwners },
    { method: 'GET', re: /^\/crm\/v3\/properties\/([^/]+)\/([^/]+)$/, handle: getProperty },
  ];
}
