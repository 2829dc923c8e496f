import { Cron } from 'croner';

/** true when the pattern is a valid cron pattern (croner's syntax). */
export function isValidCron(pattern: string): boolean {
  try {
    new Cron(pattern, { paused: true }).stop();
    return true;
  } catch {
    return false;
  }
}

/** The last `count` runs of `pattern` in `timeZone` strictly before `before`, newest first. */
export function previousRuns(pattern: string, timeZone: string, count: number, before: Date): Date[] {
  const job = new Cron(pattern, { timezone: timeZone, paused: true });
  try {
    return job.previousRuns(count, before);
  } finally {
    job.stop();
  }
}
