import type { Roster } from '../../domain/roster.js';
import { dueSlaSteps } from '../../domain/sla.js';
import { enqueue, type NewJob } from '../../store/jobs-repo.js';
import { markSlaStep, slaCandidates } from '../../store/sla-repo.js';
import type { Deps } from '../deps.js';
import { slaEscalation, slaReminder } from '../effects/sla.js';

export interface SweepResult {
  reminded: number;
  escalated: number;
}

/**
 * One pass of the answer SLA: for every MQL past its reminder or escalation time, marks the step on the lead
 * with a conditional UPDATE (… WHERE reminded_at IS NULL AND state = 'MQL') and enqueues the send in the same
 * transaction. So each is sent once, across restarts and instances, and never after the lead was acted on.
 */
export async function runSlaSweep(deps: Deps, roster: Roster, now: number): Promise<SweepResult> {
  const policy = deps.settings.sla;
  const result: SweepResult = { reminded: 0, escalated: 0 };
  for (const c of await slaCandidates(deps.store.db, policy, now)) {
    const steps = dueSlaSteps(
      { state: 'MQL', remindedAt: c.remindedAt, escalatedAt: c.escalatedAt },
      c.startedAt,
      now,
      policy,
    );
    if (!steps.length) continue;
    const managers = roster.managersOf(c.ownerEmail);
    const done = await deps.store.db.transaction().execute(async (trx) => {
      const jobs: NewJob[] = [];
      const out = { reminded: 0, escalated: 0 };
      if (steps.includes('remind') && (await markSlaStep(trx, c.id, 'reminded_at', c.startedAt, now))) {
        jobs.push(slaReminder.job({ leadId: c.id }));
        out.reminded = 1;
      }
      if (steps.includes('escalate') && (await markSlaStep(trx, c.id, 'escalated_at', c.startedAt, now))) {
        for (const managerEmail of managers) jobs.push(slaEscalation.job({ leadId: c.id, managerEmail }));
        out.escalated = 1;
      }
      await enqueue(trx, jobs, now);
      return out;
    });
    if (done.escalated && !managers.length)
      deps.log.warn(
        { leadId: c.id, owner: c.ownerEmail },
        'sla: escalation due but the owner has no manager in the roster',
      );
    result.reminded += done.reminded;
    result.escalated += done.escalated;
  }
  if (result.reminded || result.escalated) {
    deps.log.info(result, 'sla: reminders and escalations queued');
    deps.kick();
  }
  return result;
}
