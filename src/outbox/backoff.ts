/** Longest the outbox keeps retrying an effect before it gives up and shows the failure. */
export const MAX_RETRY_WINDOW_MS = 24 * 3600_000;
const BASE_MS = 1_000;
const CAP_MS = 15 * 60_000;

/** Exponential backoff with full jitter; a server's Retry-After wins when it asks for longer. */
export function nextDelayMs(attempts: number, retryAfterMs?: number, random = Math.random): number {
  const exp = Math.min(CAP_MS, BASE_MS * 2 ** Math.max(0, attempts - 1));
  const jittered = Math.round(exp / 2 + random() * (exp / 2));
  return Math.max(jittered, retryAfterMs ?? 0);
}
