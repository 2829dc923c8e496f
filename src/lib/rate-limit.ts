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

/**
 * Counted (`ok`; `ref` names the start for `finish`), or not: then `at` is the earliest time to try again and `key` the
 * bucket that holds it back.
 */
export type Taken = { ok: true; ref: string } | { ok: false; at: number; key: string };

/** One start asked for: counted in every bucket named, or in none. */
export type StartRequest = readonly Bucket[];

/** Where starts are counted: in this process, or in the database that every instance shares. */
export interface StartLog {
  /**
   * Decides `requests` in order, as one step: each is counted at `now` in all its buckets when all their limits allow
   * it (counting the ones granted before it), else refused with the earliest time to ask again.
   */
  take(requests: readonly StartRequest[], now: number, hold?: boolean): Taken[] | Promise<Taken[]>;
  /**
   * With `hold`, a start counts as happening now until it is finished; then it counts at its end (`now` here). So a
   * receiver that counts arrivals (any time between start and end) never sees more than the limit, however long the
   * calls take on the way.
   */
  finish(refs: readonly string[], now: number): void | Promise<void>;
  /** Makes the count of `key`'s starts within the last `windowMs` at least `counted` (what the platform says it saw). */
  atLeast(key: string, windowMs: number, counted: number, now: number): void | Promise<void>;
}

const longestOf = (limits: readonly RateLimit[]) => Math.max(1000, ...limits.map(([ms]) => ms));

/** Starts counted in this process only (one instance, or SQLite). */
export function memoryStartLog(): StartLog {
  const starts = new Map<string, number[]>();
  /** Starts held (in flight) per bucket, and the buckets of each held start. */
  const held = new Map<string, number>();
  const holds = new Map<string, readonly string[]>();
  let seq = 0;
  const prune = (key: string, keepMs: number, now: number) => {
    const list = starts.get(key);
    if (!list) return [];
    while (list.length && list[0]! <= now - keepMs) list.shift();
    if (!list.length) starts.delete(key);
    return list;
  };
  const insert = (key: string, at: number) => {
    const list = starts.get(key) ?? [];
    let i = list.length;
    while (i > 0 && list[i - 1]! > at) i--;
    list.splice(i, 0, at);
    starts.set(key, list);
  };
  const takeOne = (buckets: StartRequest, now: number, hold: boolean): Taken => {
    for (const b of buckets) {
      const list = prune(b.key, longestOf(b.limits), now);
      const n = held.get(b.key) ?? 0;
      const at = readyAt(n ? [...list, ...Array<number>(n).fill(now)] : list, b.limits, now);
      if (at > now) return { ok: false, at, key: b.key };
    }
    const ref = `m${++seq}`;
    for (const b of buckets) {
      if (hold) held.set(b.key, (held.get(b.key) ?? 0) + 1);
      else insert(b.key, now);
    }
    if (hold)
      holds.set(
        ref,
        buckets.map((b) => b.key),
      );
    return { ok: true, ref };
  };
  return {
    take: (requests, now, hold = false) => requests.map((r) => takeOne(r, now, hold)),
    finish(refs, now) {
      for (const ref of refs) {
        for (const key of holds.get(ref) ?? []) {
          const n = (held.get(key) ?? 1) - 1;
          if (n > 0) held.set(key, n);
          else held.delete(key);
          insert(key, now);
        }
        holds.delete(ref);
      }
    },
    atLeast(key, windowMs, counted, now) {
      const list = starts.get(key) ?? [];
      const local = list.filter((t) => t > now - windowMs).length;
      for (let i = local; i < counted; i++) list.push(now);
      if (list.length) starts.set(key, list);
    },
  };
}
