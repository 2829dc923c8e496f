/** Which outside system an integration call went to. */
export type System = 'hubspot' | 'c4c' | 'teams';

/**
 * The one error type integrations throw. The outbox worker reads `permanent`
 * and `retryAfterMs` to decide between retrying later and giving up.
 */
export class IntegrationError extends Error {
  constructor(
    readonly system: System,
    message: string,
    readonly opts: {
      status?: number;
      /** true: retrying cannot help (4xx other than 408/409/412/429, bad mapping, …). */
      permanent?: boolean;
      /** Server asked us to wait this long (Retry-After, rate limit window). */
      retryAfterMs?: number;
      /** A stable machine-readable code, e.g. `MessageWritesBlocked`, `DAILY_LIMIT`. */
      code?: string;
    } = {},
  ) {
    super(message);
    this.name = 'IntegrationError';
  }
  get status() {
    return this.opts.status;
  }
  get permanent() {
    return this.opts.permanent ?? false;
  }
  get retryAfterMs() {
    return this.opts.retryAfterMs;
  }
  get code() {
    return this.opts.code;
  }
}

/** HTTP statuses worth retrying (everything else in 4xx is the caller's mistake). */
export function isRetryableStatus(status: number): boolean {
  return status >= 500 || status === 408 || status === 409 || status === 412 || status === 429;
}

/** Parses a Retry-After header (seconds or HTTP date) into milliseconds. */
export function parseRetryAfter(value: string | null | undefined, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const secs = Number(value);
  if (Number.isFinite(secs)) return Math.max(0, secs * 1000);
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}
