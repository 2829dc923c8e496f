/** HubSpot-shaped error bodies and ready-made faults (429 policies, 5xx). */
import { randomUUID } from 'node:crypto';
import type { FaultSpec } from './faults.js';

export interface HubSpotErrorBody {
  status: 'error';
  message: string;
  correlationId: string;
  category?: string;
  [k: string]: unknown;
}

export function hsError(
  category: string | undefined,
  message: string,
  extra: Record<string, unknown> = {},
): HubSpotErrorBody {
  return { status: 'error', message, correlationId: randomUUID(), ...(category ? { category } : {}), ...extra };
}

export const notFound = (id: string) =>
  hsError('OBJECT_NOT_FOUND', 'Object not found.  objectId are usually numeric.', { context: { id: [id] } });

export const unauthorized = () =>
  hsError(
    'INVALID_AUTHENTICATION',
    'Authentication credentials not found. This API supports OAuth 2.0 authentication and you can find more details at https://developers.hubspot.com/docs/methods/auth/oauth-overview',
  );

/** 400 for invalid property values, with HubSpot's JSON-in-a-string `message`. */
export function validationError(errors: Array<{ name: string; error: string; message: string }>): HubSpotErrorBody {
  const detail = errors.map((e) => ({
    isValid: false,
    message: e.message,
    error: e.error,
    name: e.name,
    localizedErrorMessage: e.message,
  }));
  return hsError('VALIDATION_ERROR', `Property values were not valid: ${JSON.stringify(detail)}`);
}

export type RateLimitPolicy = 'TEN_SECONDLY_ROLLING' | 'DAILY' | 'SECONDLY';

const RATE_MESSAGES: Record<RateLimitPolicy, string> = {
  TEN_SECONDLY_ROLLING: 'You have reached your ten_secondly_rolling limit.',
  DAILY: 'You have reached your daily limit.',
  // The search endpoints' limit; this exact message makes @hubspot/api-client retry after 1 s × attempt.
  SECONDLY: 'You have reached your secondly limit.',
};

export function rateLimitBody(policy: RateLimitPolicy): HubSpotErrorBody {
  return hsError(undefined, RATE_MESSAGES[policy], { errorType: 'RATE_LIMIT', policyName: policy });
}

/** A ready 429 fault: `fault(rateLimitFault('DAILY', { times: 1 }))`. */
export function rateLimitFault(policy: RateLimitPolicy, extra: Omit<FaultSpec, 'status' | 'body'> = {}): FaultSpec {
  const headers: Record<string, string> =
    policy === 'DAILY'
      ? { 'x-hubspot-ratelimit-daily': '250000', 'x-hubspot-ratelimit-daily-remaining': '0' }
      : {
          'x-hubspot-ratelimit-max': '190',
          'x-hubspot-ratelimit-remaining': '0',
          'x-hubspot-ratelimit-interval-milliseconds': '10000',
        };
  return { ...extra, status: 429, body: rateLimitBody(policy), headers: { ...headers, ...(extra.headers ?? {}) } };
}

/** Body used when a fault gives a status but no body. */
export function defaultHubSpotFaultBody(status: number): unknown {
  if (status === 429) return rateLimitBody('TEN_SECONDLY_ROLLING');
  if (status === 401) return unauthorized();
  if (status === 404) return hsError('OBJECT_NOT_FOUND', 'resource not found');
  if (status >= 500) return hsError(undefined, 'internal error');
  return hsError('VALIDATION_ERROR', `stand-in fault ${status}`);
}
