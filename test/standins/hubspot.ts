/**
 * HubSpot API stand-in: a real HTTP server speaking the CRM v3 paths and JSON shapes that
 * `@hubspot/api-client@13.5` calls and parses. Point the client's `basePath` at `url`.
 */
import http from 'node:http';
import { applyFault, FaultBook, type FaultSpec } from './faults.js';
import { handleHubSpotControl } from './hubspot-control.js';
import { defaultHubSpotFaultBody, hsError, rateLimitBody, unauthorized } from './hubspot-errors.js';
import { BATCH_READ, type CrmBehaviour, crmRoutes } from './hubspot-routes.js';
import {
  type CompanySeed,
  type ContactSeed,
  currentProps,
  HubSpotStore,
  type NoteRecord,
  type OwnerSeed,
  type PropInput,
} from './hubspot-store.js';
import { closeServer, decodePath, listen, type RecordedRequest, recordRequest, send, sleep } from './standin-http.js';

export type { FaultSpec } from './faults.js';
export { rateLimitBody, rateLimitFault } from './hubspot-errors.js';
export type { CompanySeed, ContactSeed, NoteRecord, OwnerSeed, PropInput } from './hubspot-store.js';

export interface HubSpotStandinOptions {
  port?: number;
  portalId?: number;
  /** When set, every CRM call must carry `Authorization: Bearer <accessToken>` (401 otherwise). */
  accessToken?: string;
  latencyMs?: number;
  lifecycleBackward?: CrmBehaviour['lifecycleBackward'];
  /**
   * The app's ten-secondly budget, advertised on every CRM answer (default 190 per 10 000 ms, a Professional/Enterprise
   * private app); with `enforce`, more than `max` CRM calls per `intervalMs` answer 429 TEN_SECONDLY_ROLLING.
   */
  rateLimit?: { max: number; intervalMs?: number; enforce?: boolean };
}

export interface SeedData {
  owners?: OwnerSeed[];
  companies?: CompanySeed[];
  contacts?: ContactSeed[];
}

export interface ContactView {
  id: string;
  properties: Record<string, string>;
  companyIds: string[];
  archived: boolean;
  notes: NoteRecord[];
}

export interface HubSpotStandin {
  /** Base URL for the client's `basePath` (no trailing slash). */
  readonly url: string;
  readonly port: number;
  readonly portalId: number;
  /** Added to every CRM call. */
  latencyMs: number;
  accessToken: string | undefined;
  /** Every request (CRM and control), oldest first. */
  readonly requests: RecordedRequest[];
  readonly store: HubSpotStore;
  addOwner(o: OwnerSeed): void;
  addCompany(c: CompanySeed): void;
  addContact(c: ContactSeed): void;
  seed(data: SeedData): void;
  /** Changes a contact as a HubSpot user would (no validation, source CRM_UI). */
  setContactProperties(id: string, props: PropInput): void;
  /** Deletes a contact (GET then answers 404 unless `archived=true`). */
  archiveContact(id: string): void;
  /** Merges `mergedId` into `primaryId`; reading `mergedId` then returns the primary record (with the primary's id). */
  mergeContacts(primaryId: string, mergedId: string): void;
  /** Makes a (custom) contact property known, so PATCHes to it are accepted. */
  defineContactProperty(name: string, options?: string[]): void;
  contact(id: string): ContactView | undefined;
  notes(contactId: string): NoteRecord[];
  fault(spec: FaultSpec): void;
  clearFaults(): void;
  clearRequests(): void;
  /** Forgets all data, faults and requests. */
  reset(): void;
  close(): Promise<void>;
}

export async function startHubSpotStandin(opts: HubSpotStandinOptions = {}): Promise<HubSpotStandin> {
  const faults = new FaultBook();
  const requests: RecordedRequest[] = [];
  const behaviour: CrmBehaviour = { lifecycleBackward: opts.lifecycleBackward ?? 'ignore', appId: '4242424' };
  let store = new HubSpotStore();
  let routes = crmRoutes(store, behaviour);
  const hits: number[] = [];

  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const path = decodePath(url.pathname).replace(/(.)\/+$/, '$1');
    const { rec } = await recordRequest(req, res, url, path, requests);
    try {
      if (path.startsWith('/_standin/')) return await handleHubSpotControl(standin, rec, res);
      if (standin.latencyMs) await sleep(standin.latencyMs);
      const fault = faults.take(rec.method, path);
      if (fault && (await applyFault(fault, req, res, defaultHubSpotFaultBody))) return;
      const missing = await batchReadFaults(rec, req, res);
      if (missing === 'answered') return;
      if (standin.accessToken && req.headers.authorization !== `Bearer ${standin.accessToken}`)
        return send(res, 401, unauthorized());
      if (!count()) return send(res, 429, rateLimitBody('TEN_SECONDLY_ROLLING'), rateHeaders());
      for (const r of routes) {
        const m = r.method === rec.method ? path.match(r.re) : null;
        if (m) {
          const reply = r.handle({ method: rec.method, path, query: rec.query, body: rec.body, m, missing });
          return send(res, reply.status, reply.body, { ...rateHeaders(), ...reply.headers });
        }
      }
      send(res, 404, hsError('OBJECT_NOT_FOUND', `The HubSpot stand-in does not serve ${rec.method} ${path}`));
    } catch (e) {
      send(res, 500, hsError(undefined, `stand-in error: ${(e as Error).message}`));
    }
  });

  /**
   * A fault set on one object's read (`GET /crm/v3/objects/contacts/7`) also hits a batch read that includes the object,
   * so fault tests mean the same with either kind of read: a 404 makes HubSpot report just that id as not found; any
   * other fault (429, 5xx, delay, reset) is a fault of the whole batch request, as it would be at HubSpot.
   */
  async function batchReadFaults(
    rec: RecordedRequest,
    req: http.IncomingMessage,
    res: http.ServerResponse,
  ): Promise<Set<string> | 'answered' | undefined> {
    const m = rec.method === 'POST' ? BATCH_READ.exec(rec.path) : null;
    const inputs = (rec.body as { inputs?: Array<{ id?: unknown }> } | undefined)?.inputs;
    if (!m || !Array.isArray(inputs)) return undefined;
    let missing: Set<string> | undefined;
    for (const input of inputs) {
      const id = String(input?.id ?? '');
      const f = faults.take('GET', `/crm/v3/objects/${m[1]}/${id}`);
      if (!f) continue;
      if (f.status === 404 && !f.reset) {
        if (f.delayMs) await sleep(f.delayMs);
        (missing ??= new Set()).add(id);
        continue;
      }
      if (await applyFault(f, req, res, defaultHubSpotFaultBody)) return 'answered';
    }
    return missing;
  }

  const budget = {
    max: opts.rateLimit?.max ?? 190,
    intervalMs: opts.rateLimit?.intervalMs ?? 10_000,
    enforce: opts.rateLimit?.enforce ?? false,
  };
  /** Counts a CRM call in the rolling window; false when the budget is enforced and spent. */
  function count(): boolean {
    const t = Date.now();
    while (hits.length && hits[0]! <= t - budget.intervalMs) hits.shift();
    if (budget.enforce && hits.length >= budget.max) return false;
    hits.push(t);
    return true;
  }
  // HubSpot docs, "API usage guidelines" (and changelog 2018-11-06 "Rate limit information headers"): every answer
  // carries the app's rolling budget. The daily and -Secondly headers are not sent (unverified which apps get them).
  const rateHeaders = () => ({
    'x-hubspot-ratelimit-max': String(budget.max),
    'x-hubspot-ratelimit-remaining': String(Math.max(0, budget.max - hits.length)),
    'x-hubspot-ratelimit-interval-milliseconds': String(budget.intervalMs),
  });

  const port = await listen(server, opts.port ?? 0);

  const standin: HubSpotStandin = {
    url: `http://127.0.0.1:${port}`,
    port,
    portalId: opts.portalId ?? 12345678,
    latencyMs: opts.latencyMs ?? 0,
    accessToken: opts.accessToken,
    requests,
    get store() {
      return store;
    },
    addOwner: (o) => store.addOwner(o),
    addCompany: (c) => void store.addCompany(c),
    addContact: (c) => void store.addContact(c),
    seed(d) {
      d.owners?.forEach((o) => store.addOwner(o));
      d.companies?.forEach((c) => store.addCompany(c));
      d.contacts?.forEach((c) => store.addContact(c));
    },
    setContactProperties(id, props) {
      const rec = store.contacts.get(String(id));
      if (!rec) throw new Error(`No contact ${id}`);
      const values = Object.fromEntries(Object.entries(props).map(([k, v]) => [k, v === null ? '' : v]));
      store.write(rec, values, 'CRM_UI', 'lastmodifieddate');
    },
    archiveContact(id) {
      const rec = store.contacts.get(String(id));
      if (!rec) throw new Error(`No contact ${id}`);
      rec.archived = true;
      rec.archivedAt = new Date().toISOString();
    },
    mergeContacts(primaryId, mergedId) {
      if (!store.contacts.has(primaryId) || !store.contacts.has(mergedId)) throw new Error('Both contacts must exist');
      store.contacts.delete(mergedId);
      store.merged.set(mergedId, primaryId);
    },
    defineContactProperty(name, options) {
      store.contactDefs.set(
        name,
        options
          ? {
              name,
              label: name,
              type: 'enumeration',
              fieldType: 'select',
              groupName: 'custom',
              options: options.map((v) => ({ label: v, value: v })),
            }
          : { name, label: name, type: 'string', fieldType: 'text', groupName: 'custom' },
      );
    },
    contact(id) {
      const rec = store.resolveContact(String(id)) ?? [...store.contacts.values()].find((r) => r.id === String(id));
      if (!rec) return undefined;
      return {
        id: rec.id,
        properties: currentProps(rec),
        companyIds: [...rec.companyIds],
        archived: rec.archived,
        notes: store.notesFor(rec.id),
      };
    },
    notes: (contactId) => store.notesFor(String(contactId)),
    fault: (spec) => faults.add(spec),
    clearFaults: () => faults.clear(),
    clearRequests: () => void requests.splice(0),
    reset() {
      store = new HubSpotStore();
      routes = crmRoutes(store, behaviour);
      faults.clear();
      requests.splice(0);
      hits.splice(0);
    },
    close: () => closeServer(server),
  };
  return standin;
}
