import { dueSlot } from '../../domain/digest-slot.js';
import { claimDigest, pausedManagers } from '../../store/digests-repo.js';
import { enqueue } from '../../store/jobs-repo.js';
import type { Deps } from '../deps.js';
import { sendDigest } from '../effects/digest.js';

/**
 * Claims today's digest for every manager who has not paused it, if today's run time has passed, and enqueues
 * its send in the same transaction. The (manager, day) key makes this safe to call from every instance, at every
 * tick and at every start (a bot that was down at 08:00 catches up the same day); returns how many it claimed.
 */
export async function runDigestRound(deps: Deps, now: number, instanceId = 'leadbridge'): Promise<number> {
  const slot = dueSlot(deps.settings.digestCron, deps.settings.timeZone, now);
  if (!slot) return 0;
  const paused = await pausedManagers(deps.store.db);
  let claimed = 0;
  for (const managerEmail of deps.roster.current().managers()) {
    if (paused.has(managerEmail)) continue;
    const won = await deps.store.db.transaction().execute(async (trx) => {
      if (
        !(await claimDigest(trx, { managerEmail, day: slot.day, since: slot.since, until: now, by: instanceId }, now))
      )
        return false;
      await enqueue(trx, [sendDigest.job({ managerEmail, day: slot.day, since: slot.since, until: now })], now);
      return true;
    });
    if (won) claimed++;
  }
  if (claimed) {
    deps.log.info({ day: slot.day, claimed, instanceId }, 'digest: claimed and queued');
    deps.kick();
  }
  return claimed;
}
