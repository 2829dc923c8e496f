import { systemTimers, type Timers } from '../lib/clock.js';
import { memoryStartLog, type RateLimit, type StartLog, type Taken } from '../lib/rate-limit.js';
import type { Conversation } from '../store/conversations-repo.js';
import type { OutboundActivity, TeamsOutbound } from './types.js';

/**
 * Teams' limits per bot and conversation (thread): 7 per second, 8 per 2 s, 60 per 30 s, 1800 per hour — Microsoft
 * Learn, "Optimize your bot with rate limiting in Teams" (https://learn.microsoft.com/microsoftteams/platform/bots/how-to/rate-limit).
 */
export const TEAMS_CONVERSATION_LIMITS: readonly RateLimit[] = [
  [1000, 7],
  [2000, 8],
  [30_000, 60],
  [3_600_000, 1800],
];

/** Teams allows an app 50 requests per second per tenant (same page); LeadBridge keeps 20 % of it in reserve. */
export const TEAMS_APP_SENDS_PER_SECOND = 40;

export interface PacerOptions {
  /** App-wide sends and updates per second (TEAMS_MAX_SENDS_PER_SECOND); 0 = no app-wide limit. */
  maxPerSecond: number;
  perConversation?: readonly RateLimit[];
  /** Where starts are counted: this process (default) or the database all instances share. */
  log?: StartLog;
  /** Defaults to Date.now; timers are the global ones (fake timers work) unless `timers` is given. */
  now?: () => number;
  /** For tests that drive time themselves. */
  timers?: Timers;
}

interface Waiting {
  key: string;
  /** Starts the call; `settled` runs when it has an answer (or failed). */
  run: (settled: () => void) => void;
  fail: (err: unknown) => void;
}

const APP = 'teams:app';
/** Calls decided in one step (one transaction with the shared log). */
const PER_STEP = 64;
const conversationBucket = (key: string) => `teams:conversation:${key}`;

/**
 * One paced queue: calls start in order, except that a conversation at its limit does not hold up the others.
 * The budgets (per conversation, per app) are counted in `log`, so with the shared log they hold across instances.
 * It only paces; retries (429 and friends) stay with botbuilder and the outbox worker.
 */
export class SendPacer {
  private readonly queue: Waiting[] = [];
  private readonly appLimits: readonly RateLimit[];
  private readonly convLimits: readonly RateLimit[];
  private readonly log: StartLog;
  private readonly now: () => number;
  private readonly timers: Timers;
  private timer?: unknown;
  private pumping = false;
  private again = false;

  constructor(o: PacerOptions) {
    this.appLimits = o.maxPerSecond > 0 ? [[1000, o.maxPerSecond]] : [];
    this.convLimits = o.perConversation ?? TEAMS_CONVERSATION_LIMITS;
    this.log = o.log ?? memoryStartLog();
    this.now = o.now ?? (() => Date.now());
    this.timers = o.timers ?? systemTimers;
  }

  /** Runs `fn` once the limits of `conversationKey` and of the app allow it. */
  run<T>(conversationKey: string, fn: () => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({
        key: conversationKey,
        run: (settled) => {
          try {
            fn().then(
              (v) => {
                settled();
                resolve(v);
              },
              (err) => {
                settled();
                reject(err);
              },
            );
          } catch (err) {
            settled();
            reject(err);
          }
        },
        fail: reject,
      });
      void this.pump();
    });
  }

  /** Calls waiting for their turn. */
  get waiting(): number {
    return this.queue.length;
  }

  private buckets(key: string) {
    const conv = { key: conversationBucket(key), limits: this.convLimits };
    return this.appLimits.length ? [conv, { key: APP, limits: this.appLimits }] : [conv];
  }

  /** One pass at a time; a call queued meanwhile makes the pass go round once more. */
  private async pump(): Promise<void> {
    if (this.pumping) {
      this.again = true;
      return;
    }
    this.pumping = true;
    try {
      do {
        this.again = false;
        await this.pass();
      } while (this.again);
    } finally {
      this.pumping = false;
    }
  }

  /**
   * Asks the budget for the first calls waiting (one step, one database transaction with the shared log) and starts
   * those it grants. A conversation refused holds its later calls back, not the others'; the app budget refused holds
   * everything until it has room again.
   */
  private async pass(): Promise<void> {
    if (this.timer !== undefined) this.timers.clear(this.timer);
    this.timer = undefined;
    let wait = Infinity;
    for (;;) {
      const asked = this.queue.slice(0, PER_STEP);
      if (!asked.length) return;
      const now = this.now();
      let taken: Taken[];
      try {
        // Held: a send counts as happening now until Teams answered, so arrivals never bunch above the limits.
        const t = this.log.take(
          asked.map((item) => this.buckets(item.key)),
          now,
          true,
        );
        taken = t instanceof Promise ? await t : t;
      } catch (err) {
        // The shared budget could not be read (database away): these calls fail; the outbox retries their jobs.
        for (const item of asked) this.remove(item).fail(err);
        continue;
      }
      let granted = 0;
      asked.forEach((item, i) => {
        const r = taken[i]!;
        if (r.ok) {
          granted++;
          this.remove(item).run(() => this.finish(r.ref));
        } else wait = Math.min(wait, r.at - now);
      });
      // All asked were granted and more wait: ask again at once; else wait for the earliest room.
      if (granted < asked.length || !this.queue.length) break;
    }
    if (this.queue.length && wait < Infinity) this.timer = this.timers.set(() => void this.pump(), Math.max(0, wait));
  }

  /** The send has its answer: from now on it counts at this time. */
  private finish(ref: string): void {
    const done = this.log.finish([ref], this.now());
    if (done instanceof Promise) void done.catch(() => undefined);
  }

  private remove(item: Waiting): Waiting {
    this.queue.splice(this.queue.indexOf(item), 1);
    return item;
  }
}

/** Wraps Teams so every send and update goes through one paced queue (per conversation and app-wide). */
export function pacedTeams(inner: TeamsOutbound, o: PacerOptions): TeamsOutbound & { pacer: SendPacer } {
  const pacer = new SendPacer(o);
  return {
    pacer,
    send: (to: Conversation, a: OutboundActivity) => pacer.run(to.id, () => inner.send(to, a)),
    update: (to: Conversation, id: string, a: OutboundActivity) => pacer.run(to.id, () => inner.update(to, id, a)),
  };
}
