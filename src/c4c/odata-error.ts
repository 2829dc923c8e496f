import { z } from 'zod';
import { IntegrationError, isRetryableStatus, parseRetryAfter } from '../lib/integration-error.js';
import type { RawResponse } from './http.js';

const odataError = z.object({
  error: z.object({
    code: z.string().optional(),
    message: z.union([z.object({ value: z.string() }).passthrough(), z.string()]),
  }),
});

/** Turns a non-2xx OData answer into an `IntegrationError` (`36One: <text> (<code>, HTTP <status>)`). */
export function errorFrom(res: RawResponse, where: string): IntegrationError {
  const parsed = parseODataError(res.text);
  const retryAfterMs =
    res.status === 429 || res.status === 503 ? parseRetryAfter(res.headers.get('retry-after')) : undefined;
  const detail = parsed?.code ? `${parsed.code}, HTTP ${res.status}` : `HTTP ${res.status}`;
  const text = withHint(parsed?.text ?? fallbackText(res.status, where), res.status);
  return new IntegrationError('c4c', `36One: ${text} (${detail})`, {
    status: res.status,
    permanent: !isRetryableStatus(res.status),
    retryAfterMs,
    code: parsed?.code ?? `HTTP_${res.status}`,
  });
}

function parseODataError(body: string): { code?: string; text: string } | undefined {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return undefined;
  }
  const r = odataError.safeParse(json);
  if (!r.success) return undefined;
  const m = r.data.error.message;
  return { code: r.data.error.code, text: typeof m === 'string' ? m : m.value };
}

/** C4C refuses a property or navigation the tenant does not have with 400 `Property 'X' is invalid`: say what to do. */
function withHint(text: string, status: number): string {
  if (status !== 400 || !/Property '[^']+' is invalid/.test(text)) return text;
  return `${text}; the tenant's OData service does not know it: check the mapping against its $metadata (npx leadbridge doctor)`;
}

function fallbackText(status: number, where: string): string {
  if (status === 401) return `authentication failed on ${where} (check the communication user)`;
  if (status === 403) return `access denied on ${where}`;
  return `request failed on ${where}`;
}
