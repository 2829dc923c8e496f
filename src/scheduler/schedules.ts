import { Cron } from 'croner';
import type { Deps } from '../services/deps.js';
import { startDigestSchedule } from './digest-schedule.js';
import { guarded, type Schedule } from './guard.js';
import { startRetentionSchedule } from './retention-schedule.js';
import { startSlaSchedule } from './sla-schedule.js';

export interface ScheduleOptions {
  instanceId?: string;
  rosterCron?: string;
  /** Days finished jobs and webhook events are kept; without it, nothing is pruned. */
  retentionDays?: number;
  /** Days closed leads keep the contact's personal data (default 365); used with `retentionDays`. */
  leadRetentionDays?: number;
}

/**
 * Everything on a clock: the roster refresh (file + HubSpot owner teams, every 15 minutes and at start), the daily
 * digest (with catch-up at start), the SLA sweep (when the next step is due, and every minute) and the nightly retention.
 */
export async function startSchedules(deps: Deps, o: ScheduleOptions = {}): Promise<Schedule & { slaChanged(): void }> {
  const refresh = guarded(deps.log, 'roster refresh', () => deps.roster.refresh());
  await refresh();
  const roster = new Cron(o.rosterCron ?? '*/15 * * * *', { protect: true, unref: true }, refresh);
  const sla = startSlaSchedule(deps);
  const schedules = [
    { stop: () => roster.stop() },
    await startDigestSchedule(deps, o.instanceId),
    sla,
    ...(o.retentionDays === undefined
      ? []
      : [startRetentionSchedule(deps, o.retentionDays, deps.settings.timeZone, o.leadRetentionDays)]),
  ];
  return {
    slaChanged: () => sla.rearm(),
    stop: () => {
      for (const s of schedules) s.stop();
    },
  };
}
