import { type RateLimit, readyAt } from '../lib/rate-limit.js';
import type { Conversation } from '../store/conversations-repo.js';
import type { OutboundActivity, TeamsOutbound } from './types.js';

/** Teams' limits per bot and conversation: 7 per second, 8 per 2 s, 60 per 30 s, 1800 per hour. */
export const TEAMS_CONVERSATION_LIMITS: readonly RateLimit[] = [
  [1000, 7],
  [2000, 8],
  [30_000, 60],
  [3_600_000, 1800],
];

export interface PacerOptions {
  /** App-wide sends and updates per second (TEAMS_MAX_SENDS_PER_SECOND); 0 = no app-wide limit. */
  maxPerSecond: number;
  perConversation?: readonly RateLimit[];
  /** Defaults to Date.now; timers are the global ones (fake timers work). */
  now?: () => number;
}

interface Waiting {
  key: string;
  run: () => void;
}

/**
 * One paced queue: calls start in order, except that a conversation at its limit does not hold up the others.
 * It only paces; retries (429 and friends) stay with botbuilder and the outbox worker.
 */
export class SendPacer {
  private readonly queue: Waiting[] = [];
  private readonly appStarts: number[] = [];
  private readonly convStarts = new Map<string, number[]>();
  private readonly appLimits: readonly RateLimit[];
  private readonly convLimits: readonly RateLimit[];
  private readonly longest: number;
  private readonly now: () => number;
  private timer?: ReturnType<typeof setTimeout>;

  constructor(o: PacerOptions) {
    this.appLimits = o.maxPerSecond > 0 ? [[1000, o.maxPerSecond]] : [];
    this.convLimits = o.perConversation ?? TEAMS_CONVERSATION_LIMITS;
    this.longest = Math.max(1000, ...this.convLimits.map(([w]) => w));
    this.now = o.now ?? Date.now;
  }

  /** Runs `fn` once the limits of `conversationKey` and of the app allow it. */
  run<T>(conversationKey: string, fn: () => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({
        key: conversationKey,
        run: () => {
          try {
            fn().then(resolve, reject);
          } catch (err) {
            reject(err);
          }
        },
      });
      this.pump();
    });
  }

  /** Calls waiting for their turn. */
  get waiting(): number {
    return this.queue.length;
  }

  private pump(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    const now = this.now();
    this.prune(now);
    let wait = Infinity;
    const held = new Set<string>();
    for (let i = 0; i < this.queue.length; ) {
      const item = this.queue[i]!;
      if (held.has(item.key)) {
        i++;
        continue;
      }
      const appAt = readyAt(this.appStarts, this.appLimits, now);
      if (appAt > now) {
        wait = Math.min(wait, appAt - now);
        break;
      }
      const starts = this.convStarts.get(item.key) ?? [];
      const convAt = readyAt(starts, this.convLimits, now);
      if (convAt > now) {
        wait = Math.min(wait, convAt - now);
        held.add(item.key);
        i++;
        continue;
      }
      this.queue.splice(i, 1);
      this.appStarts.push(now);
      starts.push(now);
      this.convStarts.set(item.key, starts);
      item.run();
    }
    if (this.queue.length && wait < Infinity) {
      this.timer = setTimeout(() => this.pump(), wait);
      this.timer.unref?.();
    }
  }

  private prune(now: number): void {
    while (this.appStarts.length && this.appStarts[0]! <= now - 1000) this.appStarts.shift();
    for (const [key, starts] of this.convStarts) {
      while (starts.length && starts[0]! <= now - this.longest) starts.shift();
      if (!starts.length) this.convStarts.delete(key);
    }
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
