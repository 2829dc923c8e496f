/**
 * Read-only look-ups of how a HubSpot portal is set up (property definitions, owners), for the go-live checks.
 * Plain `fetch` on purpose: a second `@hubspot/api-client` Client would replace the process-wide limiter and
 * retry settings of the bot's own client.
 */
import { z } from 'zod';
import { IntegrationError } from '../lib/integration-error.js';

export interface PortalSetupOptions {
  accessToken: string;
  baseUrl: string;
}

/** `GET /crm/v3/properties/{objectType}/{name}`, the parts the checks read. */
const propertySchema = z.object({
  name: z.string(),
  label: z.string().optional(),
  type: z.string(),
  fieldType: z.string().optional(),
  options: z
    .array(z.object({ label: z.string().optional(), value: z.string(), hidden: z.boolean().optional() }))
    .default([]),
});
export type PropertyDefinition = z.output<typeof propertySchema>;

/** `GET /crm/v3/owners` page (`paging.next.after` while there is more). */
const ownersPage = z.object({
  results: z.array(
    z.object({
      id: z.union([z.string(), z.number()]).transform(String),
      email: z.string().nullish(),
      teams: z.array(z.object({ id: z.union([z.string(), z.number()]).transform(String) })).nullish(),
    }),
  ),
  paging: z.object({ next: z.object({ after: z.string() }).optional() }).optional(),
});
export type PortalOwner = { id: string; email: string | null; teamIds: string[] };

export interface PortalSetup {
  /** One owner at most: a cheap authenticated read that proves the token works. */
  probe(signal?: AbortSignal): Promise<void>;
  /** null when the contact property does not exist (404). */
  contactProperty(name: string, signal?: AbortSignal): Promise<PropertyDefinition | null>;
  /** Every active owner, 500 per page. */
  owners(signal?: AbortSignal): Promise<PortalOwner[]>;
}

export function createPortalSetup(o: PortalSetupOptions): PortalSetup {
  const base = o.baseUrl.replace(/\/+$/, '');

  async function get(path: string, signal?: AbortSignal): Promise<{ status: number; json: unknown }> {
    let res: Response;
    try {
      res = await fetch(`${base}${path}`, {
        headers: { authorization: `Bearer ${o.accessToken}`, accept: 'application/json' },
        signal,
      });
    } catch (err) {
      const cause = (err as { cause?: { code?: string; message?: string } }).cause;
      throw new IntegrationError(
        'hubspot',
        `HubSpot unreachable: ${cause?.code ?? cause?.message ?? (err as Error).message}`,
        { code: 'NetworkError' },
      );
    }
    const text = await res.text();
    let json: unknown;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = undefined;
    }
    if (res.status === 404 || (res.status >= 200 && res.status < 300)) return { status: res.status, json };
    const message = (json as { message?: unknown } | undefined)?.message;
    throw new IntegrationError(
      'hubspot',
      `HubSpot ${res.status} on GET ${path.split('?')[0]}${typeof message === 'string' ? `: ${message}` : ''}`,
      {
        status: res.status,
        code: (json as { category?: string } | undefined)?.category,
      },
    );
  }

  function parsed<S extends z.ZodTypeAny>(schema: S, json: unknown, what: string): z.output<S> {
    const r = schema.safeParse(json);
    if (!r.success)
      throw new IntegrationError(
        'hubspot',
        `HubSpot answered ${what} in an unexpected shape: ${r.error.issues[0]?.path.join('.')} ${r.error.issues[0]?.message}`,
      );
    return r.data;
  }

  return {
    async probe(signal) {
      const r = await get('/crm/v3/owners?limit=1', signal);
      if (r.status === 404)
        throw new IntegrationError(
          'hubspot',
          'HubSpot 404 on GET /crm/v3/owners: is HUBSPOT_BASE_URL the API address?',
          { status: 404 },
        );
    },
    async contactProperty(name, signal) {
      const r = await get(`/crm/v3/properties/contacts/${encodeURIComponent(name)}`, signal);
      return r.status === 404 ? null : parsed(propertySchema, r.json, `property ${name}`);
    },
    async owners(signal) {
      const all: PortalOwner[] = [];
      let after: string | undefined;
      do {
        const r = await get(`/crm/v3/owners?limit=500${after ? `&after=${encodeURIComponent(after)}` : ''}`, signal);
        const page = parsed(ownersPage, r.json, 'the owner list');
        all.push(
          ...page.results.map((x) => ({
            id: x.id,
            email: x.email?.toLowerCase() ?? null,
            teamIds: (x.teams ?? []).map((t) => t.id),
          })),
        );
        after = page.paging?.next?.after;
      } while (after && all.length < 50_000);
      return all;
    },
  };
}
