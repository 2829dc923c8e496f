import type { StartLog } from '../../src/lib/rate-limit.js';

/**
 * Time that moves only when the test says: `now()` and timers are virtual; `runUntil` waits for real I/O (database
 * round trips) to finish, then jumps to the next timer. So results never depend on the machine's speed.
 */
export function virtualTime(t0 = 0) {
  let now = t0;
  let seq = 0;
  const due: Array<{ at: number; seq: number; fn: () => void }> = [];
  let busy = 0;
  const timers = {
    set(fn: () => void, ms: number) {
      const h = { at: now + Math.max(0, ms), seq: seq++, fn };
      due.push(h);
      return h;
    },
    clear(h: unknown) {
      const i = due.indexOf(h as (typeof due)[number]);
      if (i >= 0) due.splice(i, 1);
    },
  };
  const turn = () => new Promise((r) => setImmediate(r));
  return {
    now: () => now,
    timers,
    sleep: (ms: number) => new Promise<void>((r) => timers.set(r, ms)),
    /** A start log whose calls in flight are awaited before time moves on. */
    tracked(log: StartLog): StartLog {
      const track = async <T>(p: T | Promise<T>): Promise<T> => {
        busy++;
        try {
          return await p;
        } finally {
          busy--;
        }
      };
      return {
        take: (requests, at, hold) => track(log.take(requests, at, hold)),
        finish: (refs, at) => track(log.finish(refs, at)),
        atLeast: (key, windowMs, counted, at) => track(log.atLeast(key, windowMs, counted, at)),
      };
    },
    /** Fires the timers due up to `t` in time order, awaiting `settle()` after each, then moves the clock to `t`. */
    async advanceTo(t: number, settle: () => Promise<unknown>): Promise<void> {
      await settle();
      for (;;) {
        due.sort((a, b) => a.at - b.at || a.seq - b.seq);
        const next = due[0];
        if (!next || next.at > t) break;
        due.shift();
        now = Math.max(now, next.at);
        next.fn();
        await settle();
      }
      now = Math.max(now, t);
    },
    /** Fires timers in time order until `done()`; between timers, waits until no tracked call is in flight. */
    async runUntil(done: () => boolean, maxTimers = 100_000): Promise<void> {
      for (let i = 0; i < maxTimers; i++) {
        for (let quiet = 0; quiet < 3; ) {
          await turn();
          quiet = busy === 0 ? quiet + 1 : 0;
        }
        if (done()) return;
        due.sort((a, b) => a.at - b.at || a.seq - b.seq);
        const next = due.shift();
        if (!next) throw new Error(`nothing left to run at ${now} ms and not done`);
        now = Math.max(now, next.at);
        next.fn();
      }
      throw new Error('virtual time: too many timers');
    },
  };
}
