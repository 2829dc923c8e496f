import { memoryStartLog, type RateLimit, type StartLog } from '../lib/rate-limit.js';

/** Paces the calls to HubSpot and learns the budget from HubSpot's own answers. */
export interface HubSpotPacer {
  /** Resolves when one more request may start; callers get their turn in the order they asked. */
  acquire(): Promise<void>;
  /** Reads the `X-HubSpot-RateLimit-*` headers of an answer (names lower-cased, as fetch gives them). */
  observe(headers: Record<string, string | undefined>): void;
}

/** The pacer's sense of time; tests pass one whose `sleep` just moves `now` on. */
export interface PacerTime {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const realTime: PacerTime = { now: () => Date.now(), sleep: (ms) => new Promise((r) => setTimeout(r, ms)) };

/** Safe on every tier: HubSpot allows a private app 100 (Free/Starter) to 190 (Professional/Enterprise) requests per rolling 10 s. */
export const DEFAULT_HUBSPOT_BUDGET: RateLimit = [10_000, 100];

export interface HubSpotPacerOptions {
  /** A fixed budget from configuration: where pacing starts, and a ceiling HubSpot's headers cannot raise. */
  ceiling?: RateLimit;
  time?: PacerTime;
  /** Where starts are counted: this process (default) or the database every instance shares. */
  log?: StartLog;
}

const BUCKET = 'hubspot';

const int = (v: string | undefined) => (v !== undefined && /^\d+$/.test(v.trim()) ? Number(v) : undefined);

/**
 * A rolling-window pacer. It starts with `DEFAULT_HUBSPOT_BUDGET` (or the configured ceiling), then paces to what
 * HubSpot advertises (`-Max` per `-Interval-Milliseconds`, and `-Secondly` per second when sent). `-Remaining` tells
 * how many calls HubSpot has counted in its window, including other clients of the same app: when that is more than
 * this process started, the difference is taken as started now, so a near-empty budget holds calls back.
 */
export function createHubSpotPacer(o: HubSpotPacerOptions = {}): HubSpotPacer {
  const time = o.time ?? realTime;
  const log = o.log ?? memoryStartLog();
  let window: RateLimit = o.ceiling ?? DEFAULT_HUBSPOT_BUDGET;
  let secondly: RateLimit | undefined;
  let turn: Promise<void> = Promise.resolve();
  /** Header counts are written to a shared log in the background, one after the other. */
  let syncing: Promise<void> = Promise.resolve();

  const limits = (): RateLimit[] => [window, ...(secondly ? [secondly] : []), ...(o.ceiling ? [o.ceiling] : [])];

  /** Makes the count of starts within `limit`'s window at least what HubSpot says it counted. */
  function sync([windowMs, max]: RateLimit, remaining: number) {
    const counted = Math.max(0, max - remaining);
    const now = time.now();
    syncing = syncing.then(() => log.atLeast(BUCKET, windowMs, counted, now)).catch(() => undefined);
  }

  async function take(): Promise<void> {
    await syncing;
    for (;;) {
      const now = time.now();
      const t = log.take([[{ key: BUCKET, limits: limits() }]], now);
      const taken = (t instanceof Promise ? await t : t)[0]!;
      if (taken.ok) return;
      await time.sleep(taken.at - now);
    }
  }

  return {
    acquire() {
      const mine = turn.then(take);
      // A failed take (the shared budget's database away) fails this call only; the next ones try again.
      turn = mine.catch(() => undefined);
      return mine;
    },
    observe(h) {
      const max = int(h['x-hubspot-ratelimit-max']);
      const intervalMs = int(h['x-hubspot-ratelimit-interval-milliseconds']);
      if (max && intervalMs) window = [intervalMs, max];
      const remaining = int(h['x-hubspot-ratelimit-remaining']);
      if (remaining !== undefined) sync(window, remaining);
      const perSecond = int(h['x-hubspot-ratelimit-secondly']);
      if (perSecond) secondly = [1000, perSecond];
      const secondlyRemaining = int(h['x-hubspot-ratelimit-secondly-remaining']);
      if (secondly && secondlyRemaining !== undefined) sync(secondly, secondlyRemaining);
    },
  };
}

/** No pacing at all (HUBSPOT_REQUESTS_PER_10S=0): every call starts at once. */
export const unpaced: HubSpotPacer = { acquire: () => Promise.resolve(), observe: () => {} };
