import { z } from 'zod';
import { IntegrationError } from '../lib/integration-error.js';
import { type ConnectionOptions, connect } from './client.js';
import type { Http } from './http.js';
import { errorFrom } from './odata-error.js';
import { readJson, results } from './odata-json.js';

/** One entity set as the tenant's `$metadata` describes it. */
export interface SetMetadata {
  /** Entity type, without namespace. */
  type: string;
  properties: Set<string>;
  navigations: Set<string>;
  /** Navigation name → the entity type it leads to (without namespace), where the document says. */
  navigationTargets: Map<string, string>;
}

export interface ServiceMetadata {
  sets: Map<string, SetMetadata>;
  /** Entity type (without namespace) → its properties, also for types reached only by navigation. */
  types: Map<string, { properties: Set<string>; navigations: Set<string> }>;
}

/**
 * Reads the EDMX of an OData v2 service (`GET <root>$metadata`): entity types with their properties and navigations,
 * associations (to know where a navigation leads) and entity sets. A small tolerant scan, not a full XML parser:
 * element prefixes, attribute order and quoting do not matter. A document without entity sets is refused.
 */
export function parseMetadata(xml: string): ServiceMetadata {
  const doc = xml.replace(/<!--[\s\S]*?-->/g, '');
  const types = new Map<
    string,
    { properties: Set<string>; navigations: Set<string>; navRefs: Map<string, { rel: string; to: string }> }
  >();
  for (const m of doc.matchAll(/<(?:\w+:)?EntityType\b([^>]*?)(\/>|>([\s\S]*?)<\/(?:\w+:)?EntityType\s*>)/g)) {
    const name = attr(m[1]!, 'Name');
    if (!name) continue;
    const body = m[3] ?? '';
    const navRefs = new Map<string, { rel: string; to: string }>();
    for (const n of elements(body, 'NavigationProperty')) {
      const navName = attr(n, 'Name');
      if (navName) navRefs.set(navName, { rel: local(attr(n, 'Relationship') ?? ''), to: attr(n, 'ToRole') ?? '' });
    }
    types.set(name, {
      properties: new Set(
        elements(body, 'Property')
          .map((p) => attr(p, 'Name'))
          .filter((p): p is string => !!p),
      ),
      navigations: new Set(navRefs.keys()),
      navRefs,
    });
  }
  const roles = new Map<string, string>(); // `<association>/<role>` → entity type
  for (const m of doc.matchAll(/<(?:\w+:)?Association\b([^>]*?)>([\s\S]*?)<\/(?:\w+:)?Association\s*>/g)) {
    const assoc = attr(m[1]!, 'Name');
    for (const end of elements(m[2]!, 'End')) {
      const role = attr(end, 'Role');
      const type = attr(end, 'Type');
      if (assoc && role && type) roles.set(`${assoc}/${role}`, local(type));
    }
  }
  const sets = new Map<string, SetMetadata>();
  for (const s of elements(doc, 'EntitySet')) {
    const name = attr(s, 'Name');
    const type = local(attr(s, 'EntityType') ?? '');
    const t = types.get(type);
    if (!name) continue;
    const navigationTargets = new Map<string, string>();
    for (const [nav, ref] of t?.navRefs ?? []) {
      const target = roles.get(`${ref.rel}/${ref.to}`);
      if (target) navigationTargets.set(nav, target);
    }
    sets.set(name, {
      type,
      properties: t?.properties ?? new Set(),
      navigations: t?.navigations ?? new Set(),
      navigationTargets,
    });
  }
  if (sets.size === 0) throw new Error('36One: $metadata lists no entity sets (not an OData $metadata document?)');
  return {
    sets,
    types: new Map([...types].map(([k, v]) => [k, { properties: v.properties, navigations: v.navigations }])),
  };
}

/** The opening tags (attributes part) of every `<X …>` / `<ns:X …/>` element named `tag`. */
function elements(xml: string, tag: string): string[] {
  return [...xml.matchAll(new RegExp(`<(?:\\w+:)?${tag}\\b([^>]*?)\\/?>`, 'g'))].map((m) => m[1]!);
}

function attr(tagAttrs: string, name: string): string | undefined {
  const m = new RegExp(`(?:^|\\s)${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(tagAttrs);
  return m ? unescapeXml(m[1] ?? m[2] ?? '') : undefined;
}

const local = (qualified: string) => qualified.slice(qualified.lastIndexOf('.') + 1);
const unescapeXml = (s: string) =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

/** Reading the tenant's service description and code lists, e.g. for `leadbridge doctor`. */
export interface MetadataReader {
  /** `GET <root>$metadata`, parsed. Failures throw `IntegrationError` (401: credentials; network: transient). */
  metadata(): Promise<ServiceMetadata>;
  /** The codes of one code list set (`GET <root><set>?$select=Code`). */
  codes(set: string): Promise<string[]>;
}

const codeEntry = z.object({ Code: z.string() }).passthrough();

export function createMetadataReader(target: ConnectionOptions | Http): MetadataReader {
  const http = 'send' in target ? target : connect(target);
  return {
    async metadata() {
      const where = '$metadata read';
      const res = await http.send({ method: 'GET', path: '$metadata', headers: { Accept: 'application/xml' } });
      if (res.status < 200 || res.status >= 300) throw errorFrom(res, where);
      try {
        return parseMetadata(res.text);
      } catch (err) {
        throw new IntegrationError('c4c', `${(err as Error).message} (HTTP ${res.status})`, {
          status: res.status,
          permanent: true,
          code: 'NotMetadata',
        });
      }
    },
    async codes(set) {
      const where = `${set} read`;
      // Code lists are short: one page (C4C pages at 1000 entries, C4CODATAAPIDEVGUIDE "Server side paging").
      const res = await http.send({ method: 'GET', path: set, query: { $select: 'Code' } });
      if (res.status < 200 || res.status >= 300) throw errorFrom(res, where);
      return readJson(res, results(codeEntry), where).d.results.map((e) => e.Code);
    },
  };
}

/** The tenant's `$metadata`, for a caller that has only the connection settings (or the 36One HTTP client). */
export function fetchMetadata(target: ConnectionOptions | Http): Promise<ServiceMetadata> {
  return createMetadataReader(target).metadata();
}
