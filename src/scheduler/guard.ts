import type { Log } from '../log.js';

/** A scheduled task that logs its failure instead of throwing (the next tick tries again). */
export const guarded = (log: Log, what: string, fn: () => Promise<unknown>) => async (): Promise<void> => {
  try {
    await fn();
  } catch (err) {
    log.error({ err: String(err) }, `${what} failed; the next run tries again`);
  }
};

export interface Schedule {
  stop(): void;
}
