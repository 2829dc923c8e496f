import { Cron } from 'croner';
import { systemTimers, type Timers } from '../lib/clock.js';
import type { Deps } from '../services/deps.js';
import { nextSlaDue } from '../services/sla/next-due.js';
import { runSlaSweep } from '../services/sla/sweep.js';
import type { Schedule } from './guard.js';

/** Node's timers take at most 2^31-1 ms; a step further off is armed again by the minute sweep. */
const MAX_TIMER_MS = 2_147_483_647;

export interface SlaSchedule extends Schedule {
  /** An MQL's SLA clock started (new lead, new owner): the timer is set for the next due step again. */
  rearm(): void;
  /** Settles when the sweep and arming in progress (if any) are done. */
  idle(): Promise<void>;
}

export interface SlaScheduleOptions {
  /** The safety-net sweep (croner pattern; default every minute; false = none). */
  cron?: string | false;
  timers?: Timers;
}

/**
 * Runs the SLA sweep when the next reminder or escalation is due (a timer, set again after every sweep and whenever
 * an MQL's SLA clock starts), at start (catching up after a restart), and every minute as a safety net. Steps are
 * claimed in the database (`markSlaStep`), so every instance may run it and each step is sent once.
 */
export function startSlaSchedule(deps: Deps, o: SlaScheduleOptions = {}): SlaSchedule {
  const timers = o.timers ?? systemTimers;
  let timer: unknown;
  let stopped = false;
  let rearmQueued = false;
  let running: Promise<void> = Promise.resolve();
  /** One sweep or arming at a time, in the order asked. */
  const serial = (fn: () => Promise<void>) => {
    running = running
      .then(fn)
      .catch((err) => deps.log.error({ err: String(err) }, 'sla: sweep failed; the next run tries again'));
    return running;
  };

  /** Sets the timer for the next due step; after a sweep at `sweptAt`, a step still due then is left to the minute sweep. */
  const arm = async (sweptAt?: number) => {
    if (stopped) return;
    const due = await nextSlaDue(deps);
    if (timer !== undefined) timers.clear(timer);
    timer = undefined;
    const now = deps.clock.now();
    // A step still due right after a sweep could not be claimed (the sweep failed): the minute sweep tries again.
    if (due == null || stopped || (sweptAt !== undefined && due <= sweptAt)) return;
    timer = timers.set(() => void serial(sweep), Math.min(Math.max(0, due - now), MAX_TIMER_MS));
  };
  const sweep = async () => {
    if (stopped) return;
    const now = deps.clock.now();
    try {
      await runSlaSweep(deps, deps.roster.current(), now);
    } finally {
      await arm(now);
    }
  };

  void serial(sweep);
  const cron =
    o.cron === false ? undefined : new Cron(o.cron ?? '* * * * *', { protect: true, unref: true }, () => serial(sweep));
  return {
    // A burst of new leads asks once per lead; asks while one arming waits in line are served by it (it reads the
    // database when it runs), so the burst costs one query, not one per lead.
    rearm() {
      if (rearmQueued) return;
      rearmQueued = true;
      void serial(() => {
        rearmQueued = false;
        return arm();
      });
    },
    idle: () => running,
    stop() {
      stopped = true;
      cron?.stop();
      if (timer !== undefined) timers.clear(timer);
      timer = undefined;
    },
  };
}
