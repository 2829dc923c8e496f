import { z } from 'zod';
import { createAccountFinder } from './accounts.js';
import { createCsrfWriter } from './csrf.js';
import { leadEntity, opportunityEntity } from './entities.js';
import { entitySet } from './entity-set.js';
import { createHttp, type Http } from './http.js';
import { createLeadOps } from './leads.js';
import type { C4cMapping } from './mapping.js';
import { createEnsureOpportunity } from './opportunities.js';
import type { C4cLog, SalesCloud } from './types.js';

/** Where and as whom to reach the tenant's OData service. */
export interface ConnectionOptions {
  /** `https://<tenant>/sap/c4c/odata/v1/c4codataapi/`; the trailing slash is added if missing. */
  baseUrl: string;
  username: string;
  password: string;
  /** Per request, including reading the body. Default 10 s. */
  timeoutMs?: number;
  fetch?: typeof fetch;
}

export interface SalesCloudOptions extends ConnectionOptions {
  mapping: C4cMapping;
  log?: C4cLog;
}

const optionsSchema = z.object({
  baseUrl: z.string().url(),
  username: z.string().min(1),
  password: z.string().min(1),
  timeoutMs: z.number().int().positive().default(10_000),
});

const silent: C4cLog = { info() {}, warn() {} };

/** HTTP to the service root the options name; invalid options throw a message naming the option. */
export function connect(opts: ConnectionOptions): Http {
  const parsed = optionsSchema.safeParse(opts);
  if (!parsed.success) {
    const i = parsed.error.issues[0];
    throw new Error(`36One client options: ${i.path.join('.')}: ${i.message}`);
  }
  const o = parsed.data;
  return createHttp({
    root: o.baseUrl.endsWith('/') ? o.baseUrl : `${o.baseUrl}/`,
    username: o.username,
    password: o.password,
    timeoutMs: o.timeoutMs,
    fetch: opts.fetch ?? globalThis.fetch,
  });
}

/** The 36One (SAP Sales Cloud, OData v2) implementation of `SalesCloud`. */
export function createSalesCloud(opts: SalesCloudOptions): SalesCloud {
  const http = connect(opts);
  const log = opts.log ?? silent;
  const io = { read: http.send, write: createCsrfWriter(http, log) };
  const findAccount = createAccountFinder(io.read, opts.mapping, log);
  const leadOps = createLeadOps(entitySet('LeadCollection', leadEntity, io, log), findAccount, opts.mapping, log);
  const ensureOpportunity = createEnsureOpportunity(
    entitySet('OpportunityCollection', opportunityEntity, io, log),
    leadOps,
    findAccount,
    opts.mapping,
    log,
  );
  return {
    ensureLead: leadOps.ensureLead,
    updateLeadStatus: leadOps.updateLeadStatus,
    setLeadOwner: leadOps.setLeadOwner,
    ensureOpportunity,
    markLeadConverted: leadOps.markConverted,
  };
}
