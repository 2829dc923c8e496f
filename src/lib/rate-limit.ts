/** A sliding-window limit: at most `max` starts in any `windowMs`. */
export type RateLimit = readonly [windowMs: number, max: number];

/** The earliest time a new start is allowed under every limit, given past starts (ascending). */
export function readyAt(starts: number[], limits: readonly RateLimit[], now: number): number {
  let at = now;
  for (const [windowMs, max] of limits) {
    const inWindow = starts.filter((t) => t > now - windowMs);
    if (inWindow.length >= max) at = Math.max(at, inWindow[inWindow.length - max]! + windowMs);
  }
  return at;
}
