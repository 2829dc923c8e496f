import { Cron } from 'croner';
import type { Deps } from '../services/deps.js';
import { runSlaSweep } from '../services/sla/sweep.js';
import { guarded, type Schedule } from './guard.js';

/** Runs the SLA sweep every minute (reminders and escalations are claimed in the database, so every instance may). */
export function startSlaSchedule(deps: Deps, pattern = '* * * * *'): Schedule {
  const sweep = guarded(deps.log, 'sla sweep', () => runSlaSweep(deps, deps.roster.current(), deps.clock.now()));
  const job = new Cron(pattern, { timezone: deps.settings.timeZone, protect: true, unref: true }, sweep);
  return { stop: () => job.stop() };
}
