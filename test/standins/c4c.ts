/**
 * A small stand-in for 36One (SAP Sales Cloud / C4C, OData v2) that answers as C4C does: basic auth, CSRF token +
 * session cookie, `$format=json` envelopes (`d.results` also for single entities), `$filter=<Property> eq '…'` (with
 * C4C's `*` wildcard), `$select`, `$top`, ETag / If-Match, `400 Property 'X' is invalid` for what the entity set does
 * not have, `$metadata` from the same model (./c4c-model.ts), converted leads are final, party ids must name an
 * existing account. Each behaviour notes its source ("C4C: … — source"). Plus fault injection and an HTTP control
 * API under `/_standin/`.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { z } from 'zod';
import {
  buildModel,
  type CodeEntry,
  checkBody,
  DEFAULT_CODE_LISTS,
  type ModelOptions,
  metadataXml,
  NAMESPACE,
  ODataFailure,
} from './c4c-model.js';

// C4C: service root /sap/c4c/odata/v1/c4codataapi/ (the trailing slash is required) — SAP-archive/C4CODATAAPIDEVGUIDE README "OData Service Document"
export const SERVICE_ROOT_PATH = '/sap/c4c/odata/v1/c4codataapi/';

export interface FaultSpec {
  method?: string;
  /** Relative to the service root: 'LeadCollection' matches the set and its keys; '' the root only. Full paths work too. */
  path?: string | RegExp;
  /** Answer with this status; without it, only the delay applies and the request then runs normally. */
  status?: number;
  /** Object → JSON, string → text; default: an OData error body. */
  body?: unknown;
  headers?: Record<string, string>;
  /** How many requests this fault hits (default 1). */
  times?: number;
  delayMs?: number;
}

export interface DownOptions {
  /** 'refuse': stop listening (connection refused); 'unavailable': answer 503. Default 'refuse'. */
  mode?: 'refuse' | 'unavailable';
  /** Come back up by itself after this long. */
  forMs?: number;
  /** Retry-After (seconds) on the 503s. */
  retryAfterSec?: number;
}

export interface RecordedRequest {
  method: string;
  /** Path relative to the service root ('' = root), or the full path outside it. */
  path: string;
  query: Record<string, string>;
  headers: IncomingHttpHeaders;
  body?: unknown;
  status?: number;
}

export type Row = Record<string, unknown> & { ObjectID: string; ID: string };
/** A `CorporateAccountCollection` entry: `AccountID` is the party id leads and opportunities refer to. */
export type AccountRow = Record<string, unknown> & { ObjectID: string; AccountID: string };

export interface C4cStandin {
  /** e.g. http://127.0.0.1:3981 */
  url: string;
  /** `${url}/sap/c4c/odata/v1/c4codataapi/` */
  serviceRoot: string;
  port: number;
  username: string;
  password: string;
  leads(): Row[];
  opportunities(): Row[];
  accounts(): AccountRow[];
  requests: RecordedRequest[];
  /** Adds a lead directly (e.g. an already converted one); returns it. */
  seedLead(fields: Record<string, unknown>): Row;
  /** Adds an account as sales would in 36One (`AccountID` is numbered from 1000100 unless given); returns it. */
  seedAccount(fields: Record<string, unknown>): AccountRow;
  fault(f: FaultSpec): void;
  clearFaults(): void;
  /** Invalidates every CSRF token and session. */
  expireCsrf(): void;
  /** Simulates someone else editing the entity: its ETag changes. */
  bumpEtag(objectId: string): void;
  /** A tenant that refuses an API user setting the converted status (`status`, e.g. 400 or 403); undefined allows it. */
  refuseConversion(status: number | undefined): void;
  etagOf(objectId: string): string;
  down(opts?: DownOptions): void;
  up(): Promise<void>;
  reset(): void;
  close(): Promise<void>;
}

const WRITE_METHODS = new Set(['POST', 'PATCH', 'MERGE', 'PUT', 'DELETE']);
const SESSION_COOKIE = 'SAP_SESSIONID_C4C_123';

const faultBody = z.object({
  method: z.string().optional(),
  path: z.string().optional(),
  status: z.number().int().min(100).max(599).optional(),
  body: z.unknown().optional(),
  headers: z.record(z.string()).optional(),
  times: z.number().int().positive().optional(),
  delayMs: z.number().int().nonnegative().optional(),
});
const downBody = z.object({
  mode: z.enum(['refuse', 'unavailable']).optional(),
  forMs: z.number().int().positive().optional(),
  retryAfterSec: z.number().int().nonnegative().optional(),
});

export interface C4cStandinOptions extends ModelOptions {
  port?: number;
  username?: string;
  password?: string;
  convertedStatusCode?: string;
  /**
   * How single entities (GET by key, 201 body) are wrapped: `results` = `{"d":{"results":{…}}}` as C4C answers
   * (default), `plain` = `{"d":{…}}` as plain OData v2 would.
   */
  singleEntityShape?: 'results' | 'plain';
}

/** Starts the stand-in on 127.0.0.1 (`port` 0 = any free port). */
export async function startC4cStandin(opts: C4cStandinOptions = {}): Promise<C4cStandin> {
  const username = opts.username ?? 'LEADBRIDGE_COMM';
  const password = opts.password ?? 'standin-secret';
  const converted = opts.convertedStatusCode ?? '05';
  const codeLists: Record<string, CodeEntry[]> = { ...DEFAULT_CODE_LISTS, ...opts.codeLists };
  const model = buildModel(opts);
  const metadata = metadataXml(model);
  const def = (set: string) => model.get(set)!;
  // C4C: a single entity comes as {"d":{"results":{…}}} (201 after create, GET by key) — SAP-archive/C4CODATAAPIDEVGUIDE sections/serviceticket.md ("HTTP/1.1 201 Created" {"d":{"results":{"__metadata":…}}}); public C4C consumers read d.results.ObjectID after a 201 (code search; one shell consumer also falls back to .d.ObjectID)
  const single = (json: Record<string, unknown>) =>
    opts.singleEntityShape === 'plain' ? { d: json } : { d: { results: json } };
  let conversionRefusal: number | undefined;

  type AnyRow = Record<string, unknown> & { ObjectID: string };
  const tables = new Map<string, Map<string, AnyRow>>([...model.keys()].map((s) => [s, new Map()]));
  const nextId = new Map<string, number>();
  const changedAt = new Map<string, number>();
  const sessions = new Map<string, string>(); // session id → CSRF token
  let faults: Array<FaultSpec & { left: number }> = [];
  let unavailable: { retryAfterSec?: number } | undefined;
  let lastStamp = 0;
  const requests: RecordedRequest[] = [];

  const stamp = (objectId: string) => changedAt.set(objectId, (lastStamp = Math.max(Date.now(), lastStamp + 1)));
  // C4C: weak ETag W/"datetimeoffset'<last change, URL-encoded>'" — SAP-archive/C4CODATAAPIDEVGUIDE README "ETag Support"
  const etagOf = (objectId: string) => {
    const at = changedAt.get(objectId);
    if (at === undefined) throw new Error(`stand-in: no entity ${objectId}`);
    const iso = new Date(at).toISOString().replace('Z', '0000Z');
    return `W/"datetimeoffset'${encodeURIComponent(iso)}'"`;
  };

  function insert(set: string, fields: Record<string, unknown>): AnyRow {
    const d = def(set);
    const given =
      d.idField === 'AccountID' && typeof fields.AccountID === 'string' && fields.AccountID
        ? fields.AccountID
        : undefined;
    let id = given;
    if (!id && d.idField) {
      const n = nextId.get(set) ?? d.firstId ?? 1;
      nextId.set(set, n + 1);
      id = String(n);
    }
    const row: AnyRow = {
      ...fields,
      ObjectID: randomBytes(16).toString('hex').toUpperCase(),
      ...(d.idField ? { [d.idField]: id } : {}),
    };
    tables.get(set)!.set(row.ObjectID, row);
    stamp(row.ObjectID);
    return row;
  }

  /** The JSON of one entity; `select` (from `$select`) limits the properties, `__metadata` always comes along. */
  function toJson(set: string, row: AnyRow, origin: string, select?: string[]): Record<string, unknown> {
    const d = def(set);
    const uri = `${origin}${SERVICE_ROOT_PATH}${set}('${row.ObjectID}')`;
    // C4C: every entity carries __metadata {uri, type, etag} — SAP-archive/C4CODATAAPIDEVGUIDE README "ETag Support"
    const out: Record<string, unknown> = {
      __metadata: { uri, type: `${NAMESPACE}.${d.type}`, etag: etagOf(row.ObjectID) },
    };
    if (select) {
      for (const k of select) if (!d.navigations.has(k)) out[k] = row[k] ?? '';
      return out;
    }
    for (const [k, v] of Object.entries(row)) if (!d.navigations.has(k)) out[k] = v;
    // C4C: navigations come back deferred ({"__deferred":{"uri":…}}) — SAP-archive/C4CODATAAPIDEVGUIDE sections/serviceticket.md
    for (const n of d.navigations.keys()) out[n] = { __deferred: { uri: `${uri}/${n}` } };
    return out;
  }

  /** `$filter=<Property> eq '<value>'`: C4C compares exactly, except that `*` in the value is a wildcard. */
  function filterRows(
    set: string,
    rows: Array<Record<string, unknown>>,
    filter: string,
  ): Array<Record<string, unknown>> {
    // C4C: $filter supports eq/ge/le, no string functions; `*` in an eq value is a wildcard — SAP-archive/C4CODATAAPIDEVGUIDE README "$filter" / "Known Limitations" (the stand-in evaluates eq only)
    const f = /^\s*(\w+)\s+eq\s+'((?:[^']|'')*)'\s*$/.exec(filter);
    if (!f) throw new ODataFailure(400, 'FILTER_NOT_SUPPORTED', `The stand-in cannot evaluate $filter=${filter}`);
    const [, prop, literal] = f as unknown as [string, string, string];
    // C4C: the error text for an unknown $filter property is unverified
    if (!def(set).properties.has(prop))
      throw new ODataFailure(
        400,
        'INVALID_FILTER',
        `Property '${prop}' not found in type '${NAMESPACE}.${def(set).type}'`,
      );
    const wanted = literal.replace(/''/g, "'");
    if (!wanted.includes('*')) return rows.filter((r) => (r[prop] ?? '') === wanted);
    const re = new RegExp(
      `^${wanted
        .split('*')
        .map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
        .join('.*')}$`,
    );
    return rows.filter((r) => re.test(String(r[prop] ?? '')));
  }

  function parseSelect(set: string, select: string | null): string[] | undefined {
    // C4C: $select=<Prop>,<Prop> limits the answer — SAP-archive/C4CODATAAPIDEVGUIDE README "Supported System Query Options"
    if (select === null) return undefined;
    const props = select
      .split(',')
      .map((p) => p.trim())
      .filter(Boolean);
    const bad = props.find((p) => !def(set).properties.has(p) && !def(set).navigations.has(p));
    if (bad)
      throw new ODataFailure(
        400,
        'INVALID_SELECT',
        `Property '${bad}' not found in type '${NAMESPACE}.${def(set).type}'`,
      );
    return props;
  }

  /** Leads and opportunities may only point at accounts that exist (as C4C checks party ids). */
  function checkAccountRefs(set: string, fields: Record<string, unknown>): void {
    // C4C: the exact refusal of an unknown party id is unverified
    for (const ref of def(set).accountRefs) {
      const id = fields[ref];
      if (typeof id !== 'string' || !id) continue;
      const known = [...tables.get('CorporateAccountCollection')!.values()].some((a) => a.AccountID === id);
      if (!known) throw new ODataFailure(400, 'INVALID_PARTY', `Property '${ref}': account ${id} does not exist`);
    }
  }

  function validateFields(set: string, body: unknown, op: 'create' | 'update'): Record<string, unknown> {
    const fields = checkBody(model, set, body, op);
    checkAccountRefs(set, fields);
    return fields;
  }

  function findRow(set: string, objectId: string): AnyRow {
    const row = tables.get(set)!.get(objectId);
    if (!row) throw new ODataFailure(404, 'NOT_FOUND', `Resource not found for segment '${set}'`);
    return row;
  }

  type Answer = { status: number; body?: unknown; headers?: Record<string, string> };

  function handleData(
    method: string,
    rel: string,
    url: URL,
    req: IncomingMessage,
    body: unknown,
    origin: string,
  ): Answer {
    // C4C: the service document in JSON is {"d":{"EntitySets":[…]}} — SAP-archive/C4CODATAAPIDEVGUIDE README "Supported Formats"
    if (rel === '' && method === 'GET') return { status: 200, body: { d: { EntitySets: [...model.keys()] } } };
    // C4C: GET <root>$metadata answers the EDMX (XML) — SAP-archive/C4CODATAAPIDEVGUIDE README "OData Service Metadata"
    if (rel === '$metadata' && method === 'GET')
      return { status: 200, body: metadata, headers: { 'content-type': 'application/xml' } };
    const m = /^(\w+)(?:\('([0-9A-Fa-f]+)'\))?$/.exec(rel);
    const set = m?.[1];
    if (!m || !set || !model.has(set))
      throw new ODataFailure(404, 'NOT_FOUND', `Resource not found for segment '${rel}'`);
    const key = m[2];
    const d = def(set);

    if (!key && method === 'GET') {
      let rows: Array<Record<string, unknown>> = d.readOnly
        ? (codeLists[set] ?? []).map((e) => ({ ...e }))
        : [...tables.get(set)!.values()];
      const filter = url.searchParams.get('$filter');
      if (filter) rows = filterRows(set, rows, filter);
      const select = parseSelect(set, url.searchParams.get('$select'));
      const topParam = url.searchParams.get('$top');
      if (topParam !== null) {
        // OData v2 ($top is a non-negative integer, OData v2 URI conventions §4.3); C4C's error code and text unverified
        if (!/^\d+$/.test(topParam)) throw new ODataFailure(400, 'INVALID_TOP', `Invalid value '${topParam}' for $top`);
        rows = rows.slice(0, Number(topParam));
      }
      // C4C: a collection is {"d":{"results":[…]}} — SAP-archive/C4CODATAAPIDEVGUIDE README "ETag Support"
      const json = d.readOnly ? rows : rows.map((r) => toJson(set, r as AnyRow, origin, select));
      return { status: 200, body: { d: { results: json } } };
    }
    // Code lists are read-only (sap:creatable/updatable="false" in $metadata); 405 for a write is an unverified stand-in choice
    if (d.readOnly) throw new ODataFailure(405, 'METHOD_NOT_ALLOWED', `${method} is not supported on '${rel}'`);
    if (!key && method === 'POST') {
      const fields = validateFields(set, body, 'create');
      // C4C: Nullable=false + sap:creatable=true means mandatory (Name here) — SAP-archive/C4CODATAAPIDEVGUIDE README "Note"; the message is unverified
      if (typeof fields.Name !== 'string' || !fields.Name)
        throw new ODataFailure(400, 'MANDATORY_FIELD', "Property 'Name' is mandatory");
      if (
        set === 'CorporateAccountCollection' &&
        typeof fields.AccountID === 'string' &&
        [...tables.get(set)!.values()].some((a) => a.AccountID === fields.AccountID)
      ) {
        // Unverified: C4C refuses a second account with the same AccountID; only the seeding helpers write accounts
        throw new ODataFailure(400, 'DUPLICATE_ID', `Account ${fields.AccountID} already exists`);
      }
      const row = insert(set, fields);
      const json = toJson(set, row, origin);
      // C4C: create answers 201 Created with the new entity — SAP-archive/C4CODATAAPIDEVGUIDE sections/serviceticket.md; the Location header is standard OData v2 (unverified for C4C)
      return {
        status: 201,
        body: single(json),
        headers: { etag: etagOf(row.ObjectID), location: String((json.__metadata as { uri: string }).uri) },
      };
    }
    if (key && method === 'GET') {
      const row = findRow(set, key);
      const select = parseSelect(set, url.searchParams.get('$select'));
      // C4C: a read by key also sends the ETag as a response header — SAP-archive/C4CODATAAPIDEVGUIDE README "ETag Support"
      return { status: 200, body: single(toJson(set, row, origin, select)), headers: { etag: etagOf(row.ObjectID) } };
    }
    if (key && (method === 'PATCH' || method === 'MERGE' || method === 'PUT')) {
      const row = findRow(set, key);
      const ifMatch = req.headers['if-match'];
      // C4C: an update without If-Match where the tenant enforces ETags gets 428 Precondition Required — public C4C curl guide ("428 Precondition Required | If-Match header required"); whether every tenant enforces it is unverified
      if (!ifMatch) throw new ODataFailure(428, 'PRECONDITION_REQUIRED', 'If-Match header is required');
      // C4C: a stale If-Match gets 412 Precondition Failed — SAP-archive/C4CODATAAPIDEVGUIDE README "Optimistic Concurrency Control with ETag"
      if (ifMatch !== '*' && ifMatch !== etagOf(row.ObjectID)) {
        throw new ODataFailure(412, 'PRECONDITION_FAILED', 'Entity was changed by another user; read it again');
      }
      // C4C: a converted lead cannot be changed — shared/reference/c4c.md; the exact refusal is unverified
      if (set === 'LeadCollection' && row.UserStatusCode === converted) {
        throw new ODataFailure(400, 'LEAD_CONVERTED', `Lead ${row.ID} is converted and cannot be changed`);
      }
      const fields = validateFields(set, body, 'update');
      // C4C: whether an API user may set the converted user status is unverified (tenant fine-tuning "Maintain Status", SAP KBA 2330129): refusable here
      if (set === 'LeadCollection' && conversionRefusal && fields.UserStatusCode === converted) {
        throw new ODataFailure(
          conversionRefusal,
          'STATUS_NOT_ALLOWED',
          `Status ${converted} cannot be set for lead ${row.ID}`,
        );
      }
      Object.assign(row, fields);
      stamp(row.ObjectID);
      // C4C: a successful update answers 204 No Content — SAP-archive/C4CODATAAPIDEVGUIDE README "Optimistic Concurrency Control with ETag"
      return { status: 204, headers: { etag: etagOf(row.ObjectID) } };
    }
    // Unverified: what C4C answers to a method LeadBridge never sends (DELETE, PUT, MERGE); the product never sees this
    throw new ODataFailure(405, 'METHOD_NOT_ALLOWED', `${method} is not supported on '${rel}'`);
  }

  // C4C: basic auth with the communication user on every request — SAP-archive/C4CODATAAPIDEVGUIDE README "Authentication"
  function checkAuth(req: IncomingMessage): boolean {
    const expected = `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`;
    return req.headers.authorization === expected;
  }

  function sessionOf(req: IncomingMessage): string | undefined {
    const m = new RegExp(`(?:^|;\\s*)${SESSION_COOKIE}=([^;]+)`).exec(req.headers.cookie ?? '');
    return m && sessions.has(m[1]) ? m[1] : undefined;
  }

  // C4C: GET with `x-csrf-token: fetch` returns the token in `x-csrf-token` plus session cookies that must go back with the write — SAP-archive/C4CODATAAPIDEVGUIDE README "CSRF Token"; public C4C curl guide (set-cookie: sap-usercontext=…); cookie names here are unverified
  function csrfHeaders(req: IncomingMessage): Record<string, string | string[]> {
    let sid = sessionOf(req);
    const headers: Record<string, string | string[]> = {};
    if (!sid) {
      sid = randomBytes(12).toString('hex');
      sessions.set(sid, randomBytes(16).toString('base64url'));
      headers['set-cookie'] = [`${SESSION_COOKIE}=${sid}; path=/; HttpOnly`, 'sap-usercontext=sap-client=123; path=/'];
    }
    headers['x-csrf-token'] = sessions.get(sid)!;
    return headers;
  }

  function takeFault(method: string, rel: string): (FaultSpec & { left: number }) | undefined {
    const f = faults.find(
      (x) => x.left > 0 && (!x.method || x.method.toUpperCase() === method) && pathMatches(x.path, rel),
    );
    if (f) f.left--;
    faults = faults.filter((x) => x.left > 0);
    return f;
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://standin');
    const origin = `http://${req.headers.host ?? '127.0.0.1'}`;
    const raw = await readBody(req);
    if (url.pathname.startsWith('/_standin/')) return control(req.method ?? 'GET', url.pathname.slice(10), raw, res);

    const method =
      req.method === 'POST' && req.headers['x-http-method']
        ? String(req.headers['x-http-method']).toUpperCase()
        : (req.method ?? 'GET');
    const rel = url.pathname.startsWith(SERVICE_ROOT_PATH)
      ? url.pathname.slice(SERVICE_ROOT_PATH.length)
      : url.pathname;
    const entry: RecordedRequest = {
      method,
      path: rel,
      query: Object.fromEntries(url.searchParams),
      headers: req.headers,
    };
    requests.push(entry);
    res.on('finish', () => (entry.status = res.statusCode));
    try {
      entry.body = raw ? JSON.parse(raw) : undefined;
    } catch {
      return send(res, 400, odataError('INVALID_JSON', 'Request body is not valid JSON'));
    }

    if (unavailable) {
      const h: Record<string, string> = {};
      if (unavailable.retryAfterSec !== undefined) h['retry-after'] = String(unavailable.retryAfterSec);
      // Unverified: the body of a C4C 503 (maintenance); gateways commonly send text/HTML, which the client must survive
      return send(res, 503, 'Service Unavailable', h);
    }
    const fault = takeFault(method, rel);
    if (fault?.delayMs) await sleep(fault.delayMs);
    if (fault?.status)
      return send(
        res,
        fault.status,
        fault.body ?? odataError('STANDIN_FAULT', `Injected fault ${fault.status}`),
        fault.headers,
      );

    // C4C: wrong credentials → 401 — public C4C curl guide ("401 Unauthorized"); the realm text is unverified
    if (!checkAuth(req))
      return send(res, 401, 'Unauthorized', { 'www-authenticate': 'Basic realm="SAP NetWeaver Application Server"' });
    // Unverified: the body of a 404 outside the OData service (a wrong C4C_BASE_URL); only the status is relied on
    if (!url.pathname.startsWith(SERVICE_ROOT_PATH))
      return send(res, 404, odataError('NOT_FOUND', 'Not a service path'));

    let extra: Record<string, string | string[]> = {};
    if (method === 'GET' && String(req.headers['x-csrf-token'] ?? '').toLowerCase() === 'fetch')
      extra = csrfHeaders(req);
    if (WRITE_METHODS.has(method)) {
      const sid = sessionOf(req);
      if (!sid || sessions.get(sid) !== req.headers['x-csrf-token']) {
        // C4C: a write without a valid token gets 403 with `x-csrf-token: Required` and body "CSRF token validation failed" — SAP gateway behaviour seen by public consumers (code search: CSRF clients refetch on exactly this answer); C4C-specific confirmation unverified
        return send(res, 403, 'CSRF token validation failed', { 'x-csrf-token': 'Required' });
      }
    }
    // C4C: the default format is Atom XML, JSON needs $format=json — SAP-archive/C4CODATAAPIDEVGUIDE README "Supported Formats"; the stand-in refuses with 406 instead of answering Atom, so a client that forgets it is caught
    if (
      method === 'GET' &&
      rel !== '$metadata' &&
      url.searchParams.get('$format') !== 'json' &&
      !String(req.headers.accept).includes('json')
    ) {
      return send(res, 406, odataError('NOT_ACCEPTABLE', 'The stand-in only speaks JSON ($format=json)'));
    }
    try {
      const out = handleData(method, rel, url, req, entry.body, origin);
      send(res, out.status, out.body, { ...extra, ...out.headers });
    } catch (err) {
      if (!(err instanceof ODataFailure)) throw err;
      send(res, err.status, odataError(err.code, err.message));
    }
  }

  /** `/_standin/<what>` for out-of-process tests; bodies are validated, answers are JSON (204 when there is nothing to say). */
  async function control(method: string, what: string, raw: string, res: ServerResponse): Promise<void> {
    const routes: Record<string, (body: unknown) => unknown> = {
      'GET leads': () => api.leads(),
      'GET opportunities': () => api.opportunities(),
      'GET accounts': () => api.accounts(),
      'GET requests': () => requests.map(({ headers: _h, ...r }) => r),
      'POST faults': (b) => api.fault(faultBody.parse(b)),
      'DELETE faults': () => api.clearFaults(),
      'POST expire-csrf': () => api.expireCsrf(),
      'POST bump-etag': (b) => api.bumpEtag(z.object({ objectId: z.string() }).parse(b).objectId),
      'POST refuse-conversion': (b) =>
        api.refuseConversion(z.object({ status: z.number().int().min(400).max(499).optional() }).parse(b).status),
      'POST seed-lead': (b) => api.seedLead(z.record(z.unknown()).parse(b)),
      'POST seed-account': (b) => api.seedAccount(z.record(z.unknown()).parse(b)),
      'POST down': (b) => {
        const o = downBody.parse(b);
        res.once('finish', () => api.down(o)); // answer first: going down closes this very connection
      },
      'POST up': () => api.up(),
      'POST reset': () => api.reset(),
    };
    const route = routes[`${method} ${what}`];
    if (!route) return send(res, 404, { error: `unknown control ${method} /_standin/${what}` });
    try {
      const out = await route(raw ? JSON.parse(raw) : {});
      send(res, out === undefined ? 204 : 200, out);
    } catch (err) {
      send(res, 400, { error: (err as Error).message });
    }
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((err) => send(res, 500, odataError('STANDIN_BUG', String(err))));
  });
  const host = '127.0.0.1';
  let port = opts.port ?? 0;
  let closing: Promise<void> | undefined;
  let upTimer: NodeJS.Timeout | undefined;
  const listen = () =>
    new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => {
        server.off('error', reject);
        port = (server.address() as AddressInfo).port;
        resolve();
      });
    });
  const stop = () => {
    if (!server.listening) return closing ?? Promise.resolve();
    closing = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeAllConnections();
    return closing;
  };
  await listen();

  const api: C4cStandin = {
    url: `http://${host}:${port}`,
    serviceRoot: `http://${host}:${port}${SERVICE_ROOT_PATH}`,
    port,
    username,
    password,
    requests,
    leads: () => [...tables.get('LeadCollection')!.values()].map((r) => structuredClone(r) as Row),
    opportunities: () => [...tables.get('OpportunityCollection')!.values()].map((r) => structuredClone(r) as Row),
    accounts: () =>
      [...tables.get('CorporateAccountCollection')!.values()].map((r) => structuredClone(r) as AccountRow),
    seedLead: (fields) => structuredClone(insert('LeadCollection', fields)) as Row,
    seedAccount: (fields) => structuredClone(insert('CorporateAccountCollection', fields)) as AccountRow,
    fault: (f) => void faults.push({ ...f, left: f.times ?? 1 }),
    clearFaults: () => void (faults = []),
    expireCsrf: () => sessions.clear(),
    bumpEtag: (objectId) => void (etagOf(objectId), stamp(objectId)),
    refuseConversion: (status) => void (conversionRefusal = status),
    etagOf,
    down(o = {}) {
      clearTimeout(upTimer);
      if (o.mode === 'unavailable') unavailable = { retryAfterSec: o.retryAfterSec };
      else void stop();
      if (o.forMs) upTimer = setTimeout(() => void api.up(), o.forMs);
    },
    async up() {
      clearTimeout(upTimer);
      unavailable = undefined;
      if (server.listening) return;
      await closing;
      await listen();
    },
    reset() {
      for (const t of tables.values()) t.clear();
      nextId.clear();
      changedAt.clear();
      sessions.clear();
      faults = [];
      unavailable = undefined;
      conversionRefusal = undefined;
      requests.length = 0;
    },
    async close() {
      clearTimeout(upTimer);
      await stop();
    },
  };
  return api;
}

function pathMatches(p: string | RegExp | undefined, rel: string): boolean {
  if (p === undefined) return true;
  if (p instanceof RegExp) return p.test(rel);
  const wanted = p.startsWith(SERVICE_ROOT_PATH) ? p.slice(SERVICE_ROOT_PATH.length) : p;
  return rel === wanted || (wanted !== '' && rel.startsWith(`${wanted}(`));
}

// C4C: errors are {"error":{"code":…,"message":{"lang":"en","value":…}}} (OData v2 JSON error format) — shared/reference/c4c.md; MS-ODATAJSON error response (lang/value); the codes used here are made up
function odataError(code: string, value: string) {
  return { error: { code, message: { lang: 'en', value } } };
}

function send(
  res: ServerResponse,
  status: number,
  body?: unknown,
  headers: Record<string, string | string[]> = {},
): void {
  if (res.headersSent || res.destroyed) return;
  const isText = typeof body === 'string';
  const payload = body === undefined ? '' : isText ? body : JSON.stringify(body);
  const type = body === undefined ? {} : { 'content-type': isText ? 'text/plain' : 'application/json' };
  res.writeHead(status, { ...type, ...headers });
  res.end(payload);
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
