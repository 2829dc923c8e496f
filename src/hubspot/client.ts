import { Client } from '@hubspot/api-client';
import { IntegrationError } from '../lib/integration-error.js';
import type { CompanySnapshot, ContactSnapshot, Owner } from '../domain/model.js';
import { toHubSpotError } from './errors.js';
import type { CompanyHit, HubSpot } from './types.js';

export interface HubSpotOptions {
  accessToken: string;
  baseUrl: string;
  appUrl: string;
  scoreProperty: string;
  timeoutMs: number;
  /** 0 switches client-side pacing off. */
  maxRequestsPerSecond?: number;
}

const CONTACT_PROPS = ['firstname', 'lastname', 'email', 'jobtitle', 'lifecyclestage', 'hs_lead_status', 'hubspot_owner_id',
  'associatedcompanyid', 'hs_legal_basis', 'hs_marketable_status'];
const COMPANY_PROPS = ['name', 'domain', 'industry', 'annualrevenue', 'numberofemployees'];

const num = (v: string | null | undefined) => (v == null || v === '' || !Number.isFinite(Number(v)) ? null : Number(v));
const str = (v: string | null | undefined) => (v == null || v === '' ? null : v);

/** HubSpot over the official client; retries are left to the outbox, which honours rate-limit windows. */
export function createHubSpot(o: HubSpotOptions): HubSpot {
  const rps = o.maxRequestsPerSecond ?? 15;
  const client = new Client({
    accessToken: o.accessToken,
    basePath: o.baseUrl,
    numberOfApiCallRetries: 0,
    ...(rps > 0 ? { limiterOptions: { minTime: 1000 / rps, maxConcurrent: 6, id: `leadbridge-${o.baseUrl}` } } : {}),
  });

  async function call<T>(what: string, fn: () => Promise<T>): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new IntegrationError('hubspot', `HubSpot did not answer within ${o.timeoutMs} ms while ${what}`, { code: 'TIMEOUT' })), o.timeoutMs);
    });
    try {
      return await Promise.race([fn(), timeout]);
    } catch (err) {
      throw toHubSpotError(err, what);
    } finally {
      clearTimeout(timer);
    }
  }
  const notFound = (err: unknown) => err instanceof IntegrationError && err.status === 404;

  const toOwner = (r: any): Owner => ({
    id: String(r.id), email: r.email ?? null, firstName: r.firstName ?? null, lastName: r.lastName ?? null,
    teams: (r.teams ?? []).map((t: any) => ({ id: String(t.id), name: t.name ?? null })),
  });

  return {
    async getContact(id) {
      try {
        const r = await call(`reading contact ${id}`, () =>
          client.crm.contacts.basicApi.getById(id, [...CONTACT_PROPS, o.scoreProperty], undefined, ['companies']));
        const p = r.properties as Record<string, string | null>;
        const assoc = (r.associations as any)?.companies?.results as Array<{ id: string; type: string }> | undefined;
        const primary = assoc?.find((a) => a.type === 'contact_to_company') ?? assoc?.[0];
        const c: ContactSnapshot = {
          id: String(r.id), firstName: str(p.firstname), lastName: str(p.lastname), email: str(p.email), jobTitle: str(p.jobtitle),
          score: num(p[o.scoreProperty]), lifecycleStage: str(p.lifecyclestage), leadStatus: str(p.hs_lead_status),
          consent: str(p.hs_legal_basis), ownerId: str(p.hubspot_owner_id), companyId: str(p.associatedcompanyid) ?? primary?.id ?? null,
        };
        return c;
      } catch (err) {
        if (notFound(err)) return null;
        throw err;
      }
    },
    async getCompany(id) {
      try {
        const r = await call(`reading company ${id}`, () => client.crm.companies.basicApi.getById(id, COMPANY_PROPS));
        const p = r.properties as Record<string, string | null>;
        const c: CompanySnapshot = { id: String(r.id), name: str(p.name), domain: str(p.domain), industry: str(p.industry),
          annualRevenue: num(p.annualrevenue), employees: num(p.numberofemployees) };
        return c;
      } catch (err) {
        if (notFound(err)) return null;
        throw err;
      }
    },
    async getOwner(id) {
      if (!/^\d+$/.test(id)) return null;
      try {
        return toOwner(await call(`reading owner ${id}`, () => client.crm.owners.ownersApi.getById(Number(id))));
      } catch (err) {
        if (notFound(err)) return null;
        throw err;
      }
    },
    async findOwnerByEmail(email) {
      const r = await call(`looking up owner ${email}`, () => client.crm.owners.ownersApi.getPage(email, undefined, 10));
      const hit = r.results.find((x) => x.email?.toLowerCase() === email.toLowerCase());
      return hit ? toOwner(hit) : null;
    },
    async listOwners() {
      const all: Owner[] = [];
      let after: string | undefined;
      do {
        const page = await call('listing owners', () => client.crm.owners.ownersApi.getPage(undefined, after, 100));
        all.push(...page.results.map(toOwner));
        after = page.paging?.next?.after;
      } while (after && all.length < 10_000);
      return all;
    },
    async updateContact(id, properties) {
      await call(`updating contact ${id}`, () => client.crm.contacts.basicApi.update(id, { properties }));
    },
    async addNote(contactId, html, timestamp) {
      try {
        await call(`adding a note to contact ${contactId}`, () => client.crm.objects.notes.basicApi.create({
          properties: { hs_note_body: html, hs_timestamp: new Date(timestamp).toISOString() },
          associations: [{ to: { id: contactId }, types: [{ associationCategory: 'HUBSPOT_DEFINED' as any, associationTypeId: 202 }] }],
        }));
      } catch (err) {
        // A create that timed out may still land: look again only after HubSpot has surely finished with it.
        if (err instanceof IntegrationError && err.code === 'TIMEOUT') {
          throw new IntegrationError('hubspot', `${err.message}; outcome unknown, checking before writing again`, { code: 'TIMEOUT', retryAfterMs: 3 * o.timeoutMs });
        }
        throw err;
      }
    },
    async hasNote(ref) {
      const r = await call(`looking for note ${ref}`, () => client.crm.objects.notes.searchApi.doSearch({
        filterGroups: [{ filters: [{ propertyName: 'hs_note_body', operator: 'CONTAINS_TOKEN' as any, value: ref }] }],
        properties: ['hs_note_body'], limit: 1, after: undefined as any, sorts: [],
      }));
      return r.results.some((n) => String((n.properties as Record<string, string | null>).hs_note_body ?? '').includes(ref));
    },
    async searchCompaniesByName(name, portalId) {
      const r = await call(`searching companies "${name}"`, () => client.crm.companies.searchApi.doSearch({
        filterGroups: [{ filters: [{ propertyName: 'name', operator: 'CONTAINS_TOKEN' as any, value: `*${name}*` }] }],
        properties: COMPANY_PROPS, limit: 10, after: undefined as any, sorts: [],
      }));
      return r.results.map((c): CompanyHit => {
        const p = c.properties as Record<string, string | null>;
        return { id: String(c.id), name: p.name ?? `#${c.id}`, domain: p.domain ?? undefined, annualRevenue: num(p.annualrevenue),
          employees: num(p.numberofemployees), url: portalId ? this.recordUrl(portalId, 'company', String(c.id)) : undefined };
      });
    },
    recordUrl(portalId, objectType, id) {
      return `${o.appUrl}/contacts/${portalId}/record/${objectType === 'contact' ? '0-1' : '0-2'}/${id}`;
    },
  };
}
