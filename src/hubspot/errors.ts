import { addDays, localParts, zonedTime } from '../domain/zoned-time.js';
import { IntegrationError, isRetryableStatus, parseRetryAfter } from '../lib/integration-error.js';

/** Turns whatever @hubspot/api-client threw into an IntegrationError with a clear message. */
export function toHubSpotError(
  err: unknown,
  what: string,
  now = Date.now(),
  accountTimeZone = 'UTC',
): IntegrationError {
  if (err instanceof IntegrationError) return err;
  const e = err as { code?: number; body?: any; headers?: Record<string, string>; message?: string };
  const status = typeof e?.code === 'number' && e.code >= 100 ? e.code : undefined;
  if (!status)
    return new IntegrationError('hubspot', `HubSpot unreachable while ${what}: ${e?.message ?? String(err)}`);
  const body = typeof e.body === 'string' ? safeJson(e.body) : e.body;
  const detail = body?.message ?? e.message ?? `HTTP ${status}`;
  if (status === 429) {
    const daily = body?.policyName === 'DAILY';
    // The daily cap resets at midnight in the HubSpot account's time zone; retrying sooner only burns requests.
    const retryAfterMs = daily
      ? msUntilDailyReset(now, accountTimeZone)
      : (parseRetryAfter(e.headers?.['retry-after'], now) ?? 10_000);
    return new IntegrationError(
      'hubspot',
      `HubSpot rate limit (${body?.policyName ?? 'unknown policy'}) while ${what}`,
      { status, retryAfterMs, code: daily ? 'DAILY_LIMIT' : 'RATE_LIMIT' },
    );
  }
  return new IntegrationError('hubspot', `HubSpot ${status} while ${what}: ${detail}`, {
    status,
    permanent: !isRetryableStatus(status),
    code: body?.category,
  });
}

function safeJson(s: string): any {
  try {
    return JSON.parse(s);
  } catch {
    return { message: s.slice(0, 300) };
  }
}

/**
 * Until a minute after the next midnight in the account's time zone. Still limited within the first hours after
 * that midnight (a wrong HUBSPOT_ACCOUNT_TIMEZONE, or HubSpot late): ask again hourly instead of waiting another day.
 */
export function msUntilDailyReset(now: number, timeZone: string): number {
  const today = localParts(now, timeZone);
  const next = addDays(today.year, today.month, today.day, 1);
  const wait = zonedTime(next.year, next.month, next.day, 0, timeZone) - now + 60_000;
  return wait > 20 * 3_600_000 ? 3_600_000 : wait;
}

/**
 * A batch read that could read only some of the ids: `found` holds what was read (keyed by requested id),
 * `failedIds` the ids whose outcome is unknown. The status, retry time and code are those of the failure.
 */
export class BatchReadError<T> extends IntegrationError {
  constructor(
    cause: IntegrationError,
    readonly found: Map<string, T>,
    readonly failedIds: string[],
  ) {
    super('hubspot', cause.message, cause.opts);
    this.name = 'BatchReadError';
  }
}
