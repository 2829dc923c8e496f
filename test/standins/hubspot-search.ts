/** CRM search semantics (`POST /crm/v3/objects/{type}/search`) over stand-in records. */
import { type HsRecord, value1 } from './hubspot-store.js';

export interface SearchFilter {
  propertyName: string;
  operator: string;
  value?: string | number | boolean;
  values?: Array<string | number>;
  highValue?: string | number;
}

export interface SearchRequest {
  filterGroups?: Array<{ filters: SearchFilter[] }>;
  query?: string;
  properties?: string[];
  sorts?: Array<string | { propertyName: string; direction?: 'ASCENDING' | 'DESCENDING' }>;
  limit?: number;
  after?: string | number;
}

/** Words as HubSpot's index sees them: lower-cased runs of letters/digits. */
export function tokens(s: string): string[] {
  return s.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

function tokenMatches(pattern: string, token: string): boolean {
  if (!pattern.includes('*')) return pattern === token;
  const re = new RegExp(
    `^${pattern
      .split('*')
      .map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
      .join('.*')}$`,
  );
  return re.test(token);
}

function containsToken(actual: string, wanted: string): boolean {
  const have = tokens(actual);
  const want = wanted.toLowerCase().split(/\s+/).filter(Boolean);
  return want.every((w) => have.some((t) => tokenMatches(w.replace(/[^\p{L}\p{N}*]/gu, ''), t)));
}

function cmp(a: string, b: string): number {
  const na = Number(a);
  const nb = Number(b);
  if (a !== '' && b !== '' && Number.isFinite(na) && Number.isFinite(nb)) return na - nb;
  return a.localeCompare(b);
}

export function filterMatches(rec: HsRecord, f: SearchFilter): boolean {
  const actual = value1(rec, f.propertyName);
  const has = actual !== undefined && actual !== '';
  const v = f.value === undefined ? '' : String(f.value);
  const a = actual ?? '';
  switch (f.operator) {
    case 'EQ':
      return has && a.toLowerCase() === v.toLowerCase();
    case 'NEQ':
      return !has || a.toLowerCase() !== v.toLowerCase();
    case 'LT':
      return has && cmp(a, v) < 0;
    case 'LTE':
      return has && cmp(a, v) <= 0;
    case 'GT':
      return has && cmp(a, v) > 0;
    case 'GTE':
      return has && cmp(a, v) >= 0;
    case 'BETWEEN':
      return has && cmp(a, v) >= 0 && cmp(a, String(f.highValue ?? '')) <= 0;
    case 'IN':
      return has && (f.values ?? []).some((x) => String(x).toLowerCase() === a.toLowerCase());
    case 'NOT_IN':
      return !has || !(f.values ?? []).some((x) => String(x).toLowerCase() === a.toLowerCase());
    case 'HAS_PROPERTY':
      return has;
    case 'NOT_HAS_PROPERTY':
      return !has;
    case 'CONTAINS_TOKEN':
      return has && containsToken(a, v);
    case 'NOT_CONTAINS_TOKEN':
      return !has || !containsToken(a, v);
    default:
      throw new Error(`Unsupported operator ${f.operator}`);
  }
}

/** Full-text `query`: every word must prefix-match a token of one of the searchable properties. */
export function queryMatches(rec: HsRecord, query: string, searchable: string[]): boolean {
  const have = searchable.flatMap((p) => tokens(value1(rec, p) ?? ''));
  return tokens(query).every((w) => have.some((t) => t.startsWith(w)));
}

export function runSearch(
  records: HsRecord[],
  req: SearchRequest,
  searchable: string[],
): { total: number; page: HsRecord[]; nextAfter?: string } {
  let hits = records.filter((r) => !r.archived);
  const groups = req.filterGroups?.filter((g) => g.filters?.length) ?? [];
  if (groups.length) hits = hits.filter((r) => groups.some((g) => g.filters.every((f) => filterMatches(r, f))));
  if (req.query?.trim()) hits = hits.filter((r) => queryMatches(r, req.query!, searchable));
  const sort = req.sorts?.[0];
  if (sort) {
    const prop = typeof sort === 'string' ? sort.replace(/^-/, '') : sort.propertyName;
    const desc = typeof sort === 'string' ? sort.startsWith('-') : sort.direction === 'DESCENDING';
    hits = [...hits].sort((x, y) => cmp(value1(x, prop) ?? '', value1(y, prop) ?? '') * (desc ? -1 : 1));
  } else {
    hits = [...hits].sort((x, y) => cmp(x.id, y.id));
  }
  const limit = Math.min(Math.max(Number(req.limit ?? 10), 1), 200);
  const offset = Number(req.after ?? 0) || 0;
  const page = hits.slice(offset, offset + limit);
  const next = offset + limit < hits.length ? String(offset + limit) : undefined;
  return { total: hits.length, page, ...(next ? { nextAfter: next } : {}) };
}
