import { Client } from '@hubspot/api-client';
import type { CompanySnapshot, ContactSnapshot, Owner } from '../domain/model.js';
import { type Clock, systemClock } from '../lib/clock.js';
import { IntegrationError } from '../lib/integration-error.js';
import type { StartLog } from '../lib/rate-limit.js';
import { contactContextOf } from './contact-context.js';
import { BatchReadError, toHubSpotError } from './errors.js';
import { ownerDirectory } from './owner-directory.js';
import { createHubSpotPacer, type HubSpotPacer, type PacerTime, realTime, unpaced } from './pacer.js';
import type { CompanyHit, HubSpot } from './types.js';

export interface HubSpotOptions {
  accessToken: string;
  baseUrl: string;
  appUrl: string;
  scoreProperty: string;
  timeoutMs: number;
  /**
   * Requests per rolling 10 s: unset = 100 until HubSpot's `X-HubSpot-RateLimit-*` headers say more or less;
   * a number = that budget, which the headers can lower but not raise; 0 = no pacing.
   */
  requestsPer10s?: number;
  /** Time for the pacer (default: `clock` and real timers); tests pass a virtual one. */
  pacerTime?: PacerTime;
  /** Where the pacer counts requests: this process (default) or the database all instances share. */
  startLog?: StartLog;
  /** The product's clock (daily-limit reset, owner cache); default the system clock. */
  clock?: Clock;
  /** How long the owner list is trusted before it is read again (default 5 minutes; 0 = read on every ask). */
  ownerCacheMs?: number;
  /** The HubSpot account's time zone: its daily API limit resets at midnight there (default UTC). */
  accountTimeZone?: string;
  /** Analytics properties read with every contact, in the same call (`HUBSPOT_CONTEXT_PROPERTIES`; default none). */
  contextProperties?: readonly string[];
}

const CONTACT_PROPS = [
  'firstname',
  'lastname',
  'email',
  'jobtitle',
  'lifecyclestage',
  'hs_lead_status',
  'hubspot_owner_id',
  'associatedcompanyid',
  'hs_legal_basis',
  'hs_marketable_status',
];
const COMPANY_PROPS = ['name', 'domain', 'industry', 'annualrevenue', 'numberofemployees'];
/** HubSpot's most inputs per batch read. */
const BATCH_MAX = 100;
/** Record ids are numbers; anything else cannot exist (and would make HubSpot refuse the whole batch). */
const isId = (id: string) => /^\d+$/.test(id);

type Props = Record<string, string | null>;
interface ReadResponse {
  results: Array<{ id: string; properties: Props }>;
  errors?: Array<{ category?: string; message?: string; context?: Record<string, string[]> }>;
}

const num = (v: string | null | undefined) => (v == null || v === '' || !Number.isFinite(Number(v)) ? null : Number(v));
const str = (v: string | null | undefined) => (v == null || v === '' ? null : v);

/** `reading contact 7`, or `reading 120 contacts (7, 8, 9, …)` */
function reading(one: string, many: string, ids: string[]): string {
  if (ids.length === 1) return `reading ${one} ${ids[0]}`;
  return `reading ${ids.length} ${many} (${ids.slice(0, 3).join(', ')}${ids.length > 3 ? ', …' : ''})`;
}

function hubspotPacer(o: HubSpotOptions, clock: Clock): HubSpotPacer {
  if (o.requestsPer10s === 0) return unpaced;
  const time = o.pacerTime ?? { ...realTime, now: () => clock.now() };
  return createHubSpotPacer({
    time,
    ceiling: o.requestsPer10s ? [10_000, o.requestsPer10s] : undefined,
    log: o.startLog,
  });
}

/** HubSpot over the official client; retries are left to the outbox, which honours rate-limit windows. */
export function createHubSpot(o: HubSpotOptions): HubSpot {
  const clock = o.clock ?? systemClock;
  const pacer = hubspotPacer(o, clock);
  const client = new Client({
    accessToken: o.accessToken,
    basePath: o.baseUrl,
    numberOfApiCallRetries: 0,
  });

  /**
   * One paced request. `fn` uses the client's `…WithHttpInfo` methods: every answer's rate-limit headers (a 429's too)
   * set the pace of the next calls. (13.5 does not run configured middleware, so headers are read here.)
   */
  async function call<T>(what: string, fn: () => Promise<{ data: T; headers: Record<string, string> }>): Promise<T> {
    await pacer.acquire();
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () =>
          reject(
            new IntegrationError('hubspot', `HubSpot did not answer within ${o.timeoutMs} ms while ${what}`, {
              code: 'TIMEOUT',
            }),
          ),
        o.timeoutMs,
      );
    });
    try {
      const answer = await Promise.race([fn(), timeout]);
      pacer.observe(answer.headers ?? {});
      return answer.data;
    } catch (err) {
      const headers = (err as { headers?: unknown })?.headers;
      if (headers && typeof headers === 'object') pacer.observe(headers as Record<string, string>);
      throw toHubSpotError(err, what, clock.now(), o.accountTimeZone);
    } finally {
      clearTimeout(timer);
    }
  }
  const notFound = (err: unknown) => err instanceof IntegrationError && err.status === 404;
  const contextProps = o.contextProperties ?? [];
  const contactProps = [...new Set([...CONTACT_PROPS, o.scoreProperty, ...contextProps])];

  const toContact = (r: { id: string; properties: Props }, primaryCompanyId?: string): ContactSnapshot => {
    const p = r.properties;
    return {
      id: String(r.id),
      firstName: str(p.firstname),
      lastName: str(p.lastname),
      email: str(p.email),
      jobTitle: str(p.jobtitle),
      score: num(p[o.scoreProperty]),
      lifecycleStage: str(p.lifecyclestage),
      leadStatus: str(p.hs_lead_status),
      consent: str(p.hs_legal_basis),
      ownerId: str(p.hubspot_owner_id),
      companyId: str(p.associatedcompanyid) ?? primaryCompanyId ?? null,
      ...(contextProps.length ? { context: contactContextOf(p, contextProps) } : {}),
    };
  };
  const toCompany = (r: { id: string; properties: Props }): CompanySnapshot => {
    const p = r.properties;
    return {
      id: String(r.id),
      name: str(p.name),
      domain: str(p.domain),
      industry: str(p.industry),
      annualRevenue: num(p.annualrevenue),
      employees: num(p.numberofemployees),
    };
  };

  /**
   * Batch reads in calls of 100, keyed by requested id. HubSpot answers 207 with OBJECT_NOT_FOUND for ids it does not
   * know: those are left out. A merged-away id comes back as the surviving record, found by `mergedIds`. An id that is
   * neither returned nor reported missing is read on its own (`single`), so nothing is taken for deleted on a guess.
   */
  async function batchRead<T>(
    ids: string[],
    what: (chunk: string[]) => string,
    how: {
      read: (chunk: string[]) => Promise<{ data: ReadResponse; headers: Record<string, string> }>;
      toSnapshot: (r: { id: string; properties: Props }) => T;
      mergedIds: (r: { properties: Props }) => string[];
      single: (id: string) => Promise<T | null>;
    },
  ): Promise<Map<string, T>> {
    const wanted = [...new Set(ids.map(String))].filter(isId);
    const chunks: string[][] = [];
    for (let i = 0; i < wanted.length; i += BATCH_MAX) chunks.push(wanted.slice(i, i + BATCH_MAX));
    const found = new Map<string, T>();
    const failedIds: string[] = [];
    let failure: IntegrationError | undefined;
    await Promise.all(
      chunks.map(async (chunk) => {
        let r: ReadResponse;
        try {
          r = await call(what(chunk), () => how.read(chunk));
        } catch (err) {
          failure ??= toHubSpotError(err, what(chunk), clock.now(), o.accountTimeZone);
          failedIds.push(...chunk);
          return;
        }
        const byId = new Map<string, { id: string; properties: Props }>();
        for (const x of r.results) byId.set(String(x.id), x);
        for (const x of r.results) for (const m of how.mergedIds(x)) if (!byId.has(m)) byId.set(m, x);
        const missing = new Set<string>();
        let allMissing = false;
        for (const e of r.errors ?? []) {
          if (e.category !== 'OBJECT_NOT_FOUND') continue;
          if (e.context?.ids) for (const id of e.context.ids) missing.add(String(id));
          else allMissing = true;
        }
        const unexplained: string[] = [];
        for (const id of chunk) {
          const x = byId.get(id);
          if (x) found.set(id, how.toSnapshot(x));
          else if (!allMissing && !missing.has(id)) unexplained.push(id);
        }
        await Promise.all(
          unexplained.map(async (id) => {
            try {
              const one = await how.single(id);
              if (one) found.set(id, one);
            } catch (err) {
              failure ??= toHubSpotError(err, what([id]), clock.now(), o.accountTimeZone);
              failedIds.push(id);
            }
          }),
        );
      }),
    );
    if (!failure) return found;
    if (found.size === 0 && failedIds.length === wanted.length) throw failure;
    throw new BatchReadError(failure, found, failedIds);
  }

  const toOwner = (r: any): Owner => ({
    id: String(r.id),
    email: r.email ?? null,
    firstName: r.firstName ?? null,
    lastName: r.lastName ?? null,
    teams: (r.teams ?? []).map((t: any) => ({ id: String(t.id), name: t.name ?? null })),
  });

  /** Every owner, active or archived, in pages of 500 (HubSpot's largest page for owners). */
  const listAll = async (archived: boolean): Promise<Owner[]> => {
    const all: Owner[] = [];
    let after: string | undefined;
    do {
      const page = await call(`listing ${archived ? 'archived ' : ''}owners`, () =>
        client.crm.owners.ownersApi.getPageWithHttpInfo(undefined, after, 500, archived),
      );
      all.push(...page.results.map(toOwner));
      after = page.paging?.next?.after;
    } while (after && all.length < 100_000);
    return all;
  };
  const owners = ownerDirectory({ list: listAll, clock, maxAgeMs: o.ownerCacheMs ?? 5 * 60_000 });

  const mergedIds = (r: { properties: Props }) => (r.properties.hs_merged_object_ids ?? '').split(';').filter(Boolean);

  const api: HubSpot = {
    async getContact(id) {
      try {
        const r = await call(`reading contact ${id}`, () =>
          client.crm.contacts.basicApi.getByIdWithHttpInfo(id, contactProps, undefined, ['companies']),
        );
        const assoc = (r.associations as any)?.companies?.results as Array<{ id: string; type: string }> | undefined;
        const primary = assoc?.find((a) => a.type === 'contact_to_company') ?? assoc?.[0];
        return toContact({ id: r.id, properties: r.properties as Props }, primary?.id);
      } catch (err) {
        if (notFound(err)) return null;
        throw err;
      }
    },
    async getCompany(id) {
      try {
        const r = await call(`reading company ${id}`, () =>
          client.crm.companies.basicApi.getByIdWithHttpInfo(id, COMPANY_PROPS),
        );
        return toCompany({ id: r.id, properties: r.properties as Props });
      } catch (err) {
        if (notFound(err)) return null;
        throw err;
      }
    },
    getContacts(ids) {
      return batchRead(ids, (chunk) => reading('contact', 'contacts', chunk), {
        read: (chunk) =>
          client.crm.contacts.batchApi.readWithHttpInfo({
            inputs: chunk.map((id) => ({ id })),
            properties: [...contactProps, 'hs_merged_object_ids'],
            propertiesWithHistory: [],
          }) as Promise<unknown> as Promise<{ data: ReadResponse; headers: Record<string, string> }>,
        toSnapshot: (r) => toContact(r),
        mergedIds,
        single: (id) => api.getContact(id),
      });
    },
    getCompanies(ids) {
      return batchRead(ids, (chunk) => reading('company', 'companies', chunk), {
        read: (chunk) =>
          client.crm.companies.batchApi.readWithHttpInfo({
            inputs: chunk.map((id) => ({ id })),
            properties: [...COMPANY_PROPS, 'hs_merged_object_ids'],
            propertiesWithHistory: [],
          }) as Promise<unknown> as Promise<{ data: ReadResponse; headers: Record<string, string> }>,
        toSnapshot: toCompany,
        mergedIds,
        single: (id) => api.getCompany(id),
      });
    },
    getOwner(id) {
      return isId(id) ? owners.get(id) : Promise.resolve(null);
    },
    async findOwnerByEmail(email) {
      const r = await call(`looking up owner ${email}`, () =>
        client.crm.owners.ownersApi.getPageWithHttpInfo(email, undefined, 10),
      );
      const hit = r.results.find((x) => x.email?.toLowerCase() === email.toLowerCase());
      return hit ? toOwner(hit) : null;
    },
    listOwners() {
      return owners.refresh();
    },
    async updateContact(id, properties) {
      await call(`updating contact ${id}`, () => client.crm.contacts.basicApi.updateWithHttpInfo(id, { properties }));
    },
    async addNote(contactId, html, timestamp) {
      try {
        await call(`adding a note to contact ${contactId}`, () =>
          client.crm.objects.notes.basicApi.createWithHttpInfo({
            properties: { hs_note_body: html, hs_timestamp: new Date(timestamp).toISOString() },
            associations: [
              {
                to: { id: contactId },
                types: [{ associationCategory: 'HUBSPOT_DEFINED' as any, associationTypeId: 202 }],
              },
            ],
          }),
        );
      } catch (err) {
        // A create that timed out may still land: look again only after HubSpot has surely finished with it.
        if (err instanceof IntegrationError && err.code === 'TIMEOUT') {
          throw new IntegrationError('hubspot', `${err.message}; outcome unknown, checking before writing again`, {
            code: 'TIMEOUT',
            retryAfterMs: 3 * o.timeoutMs,
          });
        }
        throw err;
      }
    },
    async hasNote(ref) {
      const r = await call(`looking for note ${ref}`, () =>
        client.crm.objects.notes.searchApi.doSearchWithHttpInfo({
          filterGroups: [
            { filters: [{ propertyName: 'hs_note_body', operator: 'CONTAINS_TOKEN' as any, value: ref }] },
          ],
          properties: ['hs_note_body'],
          limit: 1,
          after: undefined as any,
          sorts: [],
        }),
      );
      return r.results.some((n) =>
        String((n.properties as Record<string, string | null>).hs_note_body ?? '').includes(ref),
      );
    },
    async searchCompaniesByName(name, portalId) {
      const r = await call(`searching companies "${name}"`, () =>
        client.crm.companies.searchApi.doSearchWithHttpInfo({
          filterGroups: [
            { filters: [{ propertyName: 'name', operator: 'CONTAINS_TOKEN' as any, value: `*${name}*` }] },
          ],
          properties: COMPANY_PROPS,
          limit: 10,
          after: undefined as any,
          sorts: [],
        }),
      );
      return r.results.map((c): CompanyHit => {
        const p = c.properties as Record<string, string | null>;
        return {
          id: String(c.id),
          name: p.name ?? `#${c.id}`,
          domain: p.domain ?? undefined,
          annualRevenue: num(p.annualrevenue),
          employees: num(p.numberofemployees),
          url: portalId ? this.recordUrl(portalId, 'company', String(c.id)) : undefined,
        };
      });
    },
    recordUrl(portalId, objectType, id) {
      return `${o.appUrl}/contacts/${portalId}/record/${objectType === 'contact' ? '0-1' : '0-2'}/${id}`;
    },
  };
  return api;
}
