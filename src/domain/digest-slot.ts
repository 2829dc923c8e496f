import { previousRuns } from '../lib/cron.js';
import { localDate } from './zoned-time.js';

/** DIGEST_CRON default: weekdays at 08:00 in DIGEST_TIMEZONE. */
export const DEFAULT_DIGEST_CRON = '0 8 * * 1-5';

/** One scheduled digest: its run time, the local day it belongs to, and where its window starts. */
export interface DigestSlot {
  runAt: number;
  /** yyyy-mm-dd of `runAt` in the digest time zone: the unique key with the manager. */
  day: string;
  /** The run before (Monday's digest covers the weekend since Friday's run). */
  since: number;
}

export { isValidCron } from '../lib/cron.js';

/** The latest scheduled run at or before `now`, or null if there was none yet. */
export function latestSlot(cron: string, timeZone: string, now: number): DigestSlot | null {
  // previousRuns is exclusive of the reference instant; one ms later includes a run exactly at `now`.
  const [last, before] = previousRuns(cron, timeZone, 2, new Date(now + 1));
  if (!last) return null;
  const runAt = last.getTime();
  return { runAt, day: localDate(runAt, timeZone), since: before ? before.getTime() : runAt - 86_400_000 };
}

/**
 * The digest due at `now`: today's run once its time has passed (also hours late, after downtime), but never
 * a previous day's (a digest missed yesterday is not sent today).
 */
export function dueSlot(cron: string, timeZone: string, now: number): DigestSlot | null {
  const slot = latestSlot(cron, timeZone, now);
  return slot && slot.day === localDate(now, timeZone) ? slot : null;
}
