import { fileURLToPath } from 'node:url';
import { createSalesCloud } from '../../src/c4c/client.js';
import { type C4cMapping, loadC4cMapping } from '../../src/c4c/mapping.js';
import type { BantSummary, LeadHandover, SalesCloud } from '../../src/c4c/types.js';
import { type C4cStandin, startC4cStandin } from '../standins/c4c.js';

export const MAPPING_FILE = fileURLToPath(new URL('../../config/c4c-mapping.yaml', import.meta.url));

export interface LogEntry {
  level: 'info' | 'warn';
  obj: object;
  msg?: string;
}

export interface Harness {
  standin: C4cStandin;
  client: SalesCloud;
  logs: LogEntry[];
  close(): Promise<void>;
}

export interface SetupOptions {
  timeoutMs?: number;
  fetch?: typeof fetch;
  password?: string;
  /** Changes the shipped mapping for this client. */
  mapping?: (m: C4cMapping) => C4cMapping;
  standin?: Parameters<typeof startC4cStandin>[0];
}

/** A stand-in plus a client pointed at it (base URL given without the trailing slash, on purpose). */
export async function setup(opts: SetupOptions = {}): Promise<Harness> {
  const standin = await startC4cStandin(opts.standin);
  const logs: LogEntry[] = [];
  const client = createSalesCloud({
    baseUrl: standin.serviceRoot.replace(/\/$/, ''),
    username: standin.username,
    password: opts.password ?? standin.password,
    mapping: (opts.mapping ?? ((m) => m))(loadC4cMapping(MAPPING_FILE)),
    timeoutMs: opts.timeoutMs,
    fetch: opts.fetch,
    log: {
      info: (obj, msg) => logs.push({ level: 'info', obj, msg }),
      warn: (obj, msg) => logs.push({ level: 'warn', obj, msg }),
    },
  });
  return { standin, client, logs, close: () => standin.close() };
}

export function handover(over: Partial<LeadHandover> = {}): LeadHandover {
  return {
    externalId: 'hubspot:4242:501',
    name: 'Contoso AG – Jana Nowak',
    firstName: 'Jana',
    lastName: 'Nowak',
    email: 'jana.nowak@contoso.example',
    company: 'Contoso AG',
    score: 72.4,
    note: 'HubSpot score 72 · https://app.hubspot.com/contacts/4242/record/0-1/501',
    ownerEmail: 'alexw@example.com',
    ...over,
  };
}

/** The mapping with the exact-name fallback switched on. */
export const byName = (m: C4cMapping): C4cMapping => ({
  ...m,
  account: { ...m.account, lookup: 'externalIdThenName' },
});

export const bant: BantSummary = {
  budget: 'yes',
  authority: 'yes',
  need: 'yes',
  timeframe: 'unknown',
  text: 'Budget: yes (approved for Q3)\nAuthority: yes\nNeed: yes\nTimeframe: unknown',
};

/** Catches the rejection of a promise that must fail. */
export async function failure(p: Promise<unknown>): Promise<Error & Record<string, unknown>> {
  try {
    await p;
  } catch (err) {
    return err as Error & Record<string, unknown>;
  }
  throw new Error('expected a rejection');
}
