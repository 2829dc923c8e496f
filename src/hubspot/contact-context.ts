import { z } from 'zod';
import { CONTEXT_PROPERTIES, type ContactContext, type ContextValueKind } from '../domain/contact-context.js';

/**
 * HubSpot answers every requested property as a string or null; a property the portal does not define is left out
 * ("If a requested property isn't defined, it won't be included in the response" — HubSpot CRM API, objects, batch
 * read). Datetime values come as ISO 8601; epoch milliseconds (older portals and imports) are accepted too.
 */
const Raw = z.union([z.string(), z.number()]).nullish();

const MAX_TEXT = 500;

function readValue(kind: ContextValueKind, raw: unknown): string | number | null {
  const parsed = Raw.safeParse(raw);
  if (!parsed.success || parsed.data == null) return null;
  const s = String(parsed.data).trim();
  // Some integrations write the words themselves into a property; they mean "no value" and must never be shown.
  if (!s || /^(null|undefined|nan)$/i.test(s)) return null;
  switch (kind) {
    case 'number': {
      const n = Number(s);
      return Number.isFinite(n) && n >= 0 ? Math.round(n) : null;
    }
    case 'date': {
      const ms = /^\d{10,}$/.test(s) ? Number(s) : Date.parse(s);
      return Number.isFinite(ms) && ms > 0 ? ms : null;
    }
    case 'url': {
      const url = z.string().url().max(1_000).safeParse(s);
      return url.success && /^https?:\/\//i.test(s) ? s : null;
    }
    default:
      return s.length > MAX_TEXT ? s.slice(0, MAX_TEXT) : s;
  }
}

/**
 * The context fields of a contact's properties; only `read` properties count. Values that are empty, malformed or
 * missing are left out, so nothing downstream ever sees "null" or an empty label. null when nothing is left.
 */
export function contactContextOf(properties: Record<string, unknown>, read: readonly string[]): ContactContext | null {
  const out: Record<string, string | number> = {};
  for (const name of read) {
    const spec = CONTEXT_PROPERTIES[name];
    if (!spec) continue;
    const v = readValue(spec.kind, properties[name]);
    if (v !== null) out[spec.field] = v;
  }
  return Object.keys(out).length ? (out as ContactContext) : null;
}
