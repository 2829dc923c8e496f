import { z } from 'zod';
import { IntegrationError } from '../lib/integration-error.js';
import type { RawResponse } from './http.js';

/**
 * One entity (GET by key, the body of a 201): C4C wraps it as `{ d: { results: <entity> } }`; plain OData v2 sends
 * `{ d: <entity> }`. Both are accepted; the schema yields the entity itself.
 */
export const single = <T extends z.ZodTypeAny>(entity: T) =>
  z
    .object({ d: z.record(z.unknown()) })
    .transform(({ d }) => unwrap(d))
    .pipe(entity);

const unwrap = (d: Record<string, unknown>): unknown =>
  d.results && typeof d.results === 'object' && !Array.isArray(d.results) ? d.results : d;
/** `{ d: { results: [<entity>…] } }` */
export const results = <T extends z.ZodTypeAny>(entity: T) => z.object({ d: z.object({ results: z.array(entity) }) });

/** Parses and validates a 2xx JSON body; anything else is an `IntegrationError` naming the request. */
export function readJson<T extends z.ZodTypeAny>(res: RawResponse, schema: T, where: string): z.output<T> {
  let json: unknown;
  try {
    json = JSON.parse(res.text);
  } catch {
    // e.g. an HTML login or proxy page: likely temporary, so retryable.
    throw new IntegrationError('c4c', `36One: ${where} answered HTTP ${res.status} without JSON`, {
      status: res.status,
      code: 'NotJson',
    });
  }
  const r = schema.safeParse(json);
  if (!r.success) {
    const issue = r.error.issues[0];
    throw new IntegrationError(
      'c4c',
      `36One: unexpected answer to ${where}: ${issue.path.join('.')}: ${issue.message}`,
      {
        status: res.status,
        permanent: true,
        code: 'UnexpectedResponse',
      },
    );
  }
  return r.data;
}
