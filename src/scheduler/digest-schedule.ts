import { Cron } from 'croner';
import type { Deps } from '../services/deps.js';
import { runDigestRound } from '../services/digest/round.js';
import { guarded, type Schedule } from './guard.js';

/**
 * Runs the digest round at DIGEST_CRON in the digest time zone, and once at start: a bot that was down at the
 * scheduled time sends the missed digest when it comes back the same day. Safe on every instance.
 */
export async function startDigestSchedule(deps: Deps, instanceId?: string): Promise<Schedule> {
  const round = guarded(deps.log, 'digest round', () => runDigestRound(deps, deps.clock.now(), instanceId));
  await round();
  const job = new Cron(
    deps.settings.digestCron,
    { timezone: deps.settings.timeZone, protect: true, unref: true },
    round,
  );
  return { stop: () => job.stop() };
}
