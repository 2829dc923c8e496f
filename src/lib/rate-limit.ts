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

/** Starts counted under one name (`teams:app`, `teams:conversation:<id>`, `hubspot`) against its limits. */
export interface Bucket {
  key: string;
  limits: readonly RateLimit[];
}

/** Counted (`ok`), or not: then `at` is the earliest time to try again and `key` the bucket that holds it back. */
export type Taken = { ok: true } | { ok: false; at: number; key: string };

/** One start asked for: counted in every bucket named, or in none. */
export type StartRequest = readonly Bucket[];

/** Where starts are counted: in this process, or in the database that every instance shares. */
export interface StartLog {
  /**
   * Decides `requests` in order, as one step: each is counted at `now` in all its buckets when all their limits allow
   * it (counting the ones granted before it), else refused with the earliest time to ask again.
   */
  take(requests: readonly StartRequest[], now: number): Taken[] | Promise<Taken[]>;
  /** Makes the count of `key`'s starts within the last `windowMs` at least `counted` (what the platform says it saw). */
  atLeast(key: string, windowMs: number, counted: number, now: number): void | Promise<void>;
}

const longestOf = (limits: readonly RateLimit[]) => Math.max(1000, ...limits.map(([ms]) => ms));

/** Starts counted in this process only (one instance, or SQLite). */
export function memoryStartLog(): StartLog {
  const starts = new Map<string, number[]>();
  const prune = (key: string, keepMs: number, now: number) => {
    const list = starts.get(key);
    if (!list) return [];
    while (list.length && list[0]! <= now - keepMs) list.shift();
    if (!list.length) starts.delete(key);
    return list;
  };
  const takeOne = (buckets: StartRequest, now: number): Taken => {
    for (const b of buckets) {
      const at = readyAt(prune(b.key, longestOf(b.limits), now), b.limits, now);
      if (at > now) return { ok: false, at, key: b.key };
    }
    for (const b of buckets) {
      const list = starts.get(b.key) ?? [];
      list.push(now);
      starts.set(b.key, list);
    }
    return { ok: true };
  };
  return {
    take: (requests, now) => requests.map((r) => takeOne(r, now)),
    atLeast(key, windowMs, counted, now) {
      const list = starts.get(key) ?? [];
      const local = list.filter((t) => t > now - windowMs).length;
      for (let i = local; i < counted; i++) list.push(now);
      if (list.length) starts.set(key, list);
    },
  };
}
