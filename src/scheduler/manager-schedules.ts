import { Cron } from 'croner';
import type { ManagerDeps } from '../services/manager-deps.js';
import { startDigestSchedule } from './digest-schedule.js';
import { guarded, type Schedule } from './guard.js';
import { startSlaSchedule } from './sla-schedule.js';
import { pruneBefore } from '../store/retention-repo.js';

const DAY_MS = 86_400_000;

/**
 * Everything managers need on a clock: the roster refresh (file + HubSpot owner teams, every 15 minutes and at
 * start), the daily digest (with catch-up at start) and the SLA sweep (every minute).
 */
export async function startManagerSchedules(deps: ManagerDeps, o: { instanceId?: string; rosterCron?: string; retentionDays?: number } = {}): Promise<Schedule> {
  const refresh = guarded(deps.log, 'roster refresh', () => deps.roster.refresh());
  await refresh();
  const roster = new Cron(o.rosterCron ?? '*/15 * * * *', { protect: true, unref: true }, refresh);
  const digest = await startDigestSchedule(deps, o.instanceId);
  const sla = startSlaSchedule(deps);
  const retention = startRetentionSchedule(deps, o.retentionDays ?? 30);
  return { stop: () => { roster.stop(); digest.stop(); sla.stop(); retention.stop(); } };
}

/** Nightly housekeeping: finished jobs and webhook events older than the retention period are deleted. */
function startRetentionSchedule(deps: ManagerDeps, days: number): Cron {
  return new Cron('17 3 * * *', { protect: true, unref: true, timezone: deps.manager.sla.timeZone }, guarded(deps.log, 'retention', async () => {
    const pruned = await pruneBefore(deps.store.db, deps.clock.now() - days * DAY_MS);
    deps.log.info({ ...pruned, days }, 'retention: deleted finished jobs and old webhook events');
  }));
}
