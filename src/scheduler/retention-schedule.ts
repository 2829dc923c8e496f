import { Cron } from 'croner';
import type { Deps } from '../services/deps.js';
import { pruneBefore } from '../store/retention-repo.js';
import { guarded, type Schedule } from './guard.js';

const DAY_MS = 86_400_000;

/** Nightly housekeeping (03:17 in `timeZone`): finished jobs and webhook events older than `days` are deleted. */
export function startRetentionSchedule(deps: Deps, days: number, timeZone: string): Schedule {
  const prune = guarded(deps.log, 'retention', async () => {
    const pruned = await pruneBefore(deps.store.db, deps.clock.now() - days * DAY_MS);
    deps.log.info({ ...pruned, days }, 'retention: deleted finished jobs and old webhook events');
  });
  const cron = new Cron('17 3 * * *', { protect: true, unref: true, timezone: timeZone }, prune);
  return { stop: () => cron.stop() };
}
