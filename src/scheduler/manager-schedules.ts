import { Cron } from 'croner';
import type { Deps } from '../services/deps.js';
import { startDigestSchedule } from './digest-schedule.js';
import { guarded, type Schedule } from './guard.js';
import { startSlaSchedule } from './sla-schedule.js';

/**
 * Everything managers need on a clock: the roster refresh (file + HubSpot owner teams, every 15 minutes and at
 * start), the daily digest (with catch-up at start) and the SLA sweep (every minute).
 */
export async function startManagerSchedules(deps: Deps, o: { instanceId?: string; rosterCron?: string } = {}): Promise<Schedule> {
  const refresh = guarded(deps.log, 'roster refresh', () => deps.roster.refresh());
  await refresh();
  const roster = new Cron(o.rosterCron ?? '*/15 * * * *', { protect: true, unref: true }, refresh);
  const digest = await startDigestSchedule(deps, o.instanceId);
  const sla = startSlaSchedule(deps);
  return { stop: () => { roster.stop(); digest.stop(); sla.stop(); } };
}
