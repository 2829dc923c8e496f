import { Cron } from 'croner';
import type { Deps } from '../services/deps.js';
import { pseudonymiseExpiredLeads } from '../services/privacy/retention.js';
import { flushErasure } from '../store/erasure-repo.js';
import { pruneBefore } from '../store/retention-repo.js';
import { guarded, type Schedule } from './guard.js';

const DAY_MS = 86_400_000;

/** The nightly housekeeping: what `runRetention` does, at 03:17 in `timeZone`. */
export function startRetentionSchedule(deps: Deps, days: number, timeZone: string, leadDays = 365): Schedule {
  const run = guarded(deps.log, 'retention', () => runRetention(deps, days, leadDays));
  const cron = new Cron('17 3 * * *', { protect: true, unref: true, timezone: timeZone }, run);
  return { stop: () => cron.stop() };
}

/**
 * Deletes finished jobs and webhook events older than `days`, and pseudonymises closed leads closed more than
 * `leadDays` ago (their cards are replaced like an erased contact's).
 */
export async function runRetention(deps: Deps, days: number, leadDays: number): Promise<void> {
  const pruned = await pruneBefore(deps.store.db, deps.clock.now() - days * DAY_MS);
  const pseudonymised = await pseudonymiseExpiredLeads(deps, leadDays);
  await flushErasure(deps.store);
  deps.log.info(
    { ...pruned, days, pseudonymisedLeads: pseudonymised, leadDays },
    'retention: deleted finished jobs and old webhook events, pseudonymised closed leads past the limit',
  );
}
