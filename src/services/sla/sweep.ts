import { sql } from 'kysely';
import type { Roster } from '../../domain/roster.js';
import { dueSlaSteps } from '../../domain/sla.js';
import { managerDb } from '../../store/digests-repo.js';
import { enqueue, type NewJob } from '../../store/jobs-repo.js';
import { slaEscalation, slaReminder } from '../effects/sla.js';
import type { Deps } from '../deps.js';

export interface SweepResult { reminded: number; escalated: number }

/**
 * One pass of the answer SLA: for every MQL past its reminder or escalation time, marks the step on the lead
 * with a conditional UPDATE (… WHERE reminded_at IS NULL AND state = 'MQL') and enqueues the send in the same
 * transaction. So each is sent once, across restarts and instances, and never after the lead was acted on.
 */
export async function runSlaSweep(deps: Deps, roster: Roster, now: number): Promise<SweepResult> {
  const policy = deps.settings.sla;
  const mdb = managerDb(deps.store.db);
  const start = sql<number>`coalesce(sla_started_at, mql_at)`;
  // Business time never runs faster than the wall clock: a step cannot be due before start + its duration.
  const candidates = await mdb.selectFrom('leads')
    .select(['id', 'state', 'owner_email', 'reminded_at', 'escalated_at', start.as('started')])
    .where('state', '=', 'MQL')
    .where((eb) => eb.or([
      eb.and([eb('reminded_at', 'is', null), eb(start, '<=', now - policy.remindAfterMs)]),
      eb.and([eb('escalated_at', 'is', null), eb(start, '<=', now - policy.escalateAfterMs)]),
    ]))
    .orderBy('mql_at').execute();

  const result: SweepResult = { reminded: 0, escalated: 0 };
  for (const c of candidates) {
    const startedAt = Number(c.started);
    const steps = dueSlaSteps({ state: 'MQL', remindedAt: c.reminded_at, escalatedAt: c.escalated_at }, startedAt, now, policy);
    if (!steps.length) continue;
    const managers = roster.managersOf(c.owner_email);
    const done = await deps.store.db.transaction().execute(async (trx) => {
      const t = managerDb(trx);
      const jobs: NewJob[] = [];
      const mark = async (column: 'reminded_at' | 'escalated_at') => {
        const r = await t.updateTable('leads').set({ [column]: now })
          .where('id', '=', c.id).where('state', '=', 'MQL').where(column, 'is', null)
          .where(sql<number>`coalesce(sla_started_at, mql_at)`, '=', startedAt)
          .executeTakeFirst();
        return Number(r.numUpdatedRows) === 1;
      };
      const out = { reminded: 0, escalated: 0 };
      if (steps.includes('remind') && (await mark('reminded_at'))) {
        jobs.push(slaReminder.job({ leadId: c.id }));
        out.reminded = 1;
      }
      if (steps.includes('escalate') && (await mark('escalated_at'))) {
        for (const managerEmail of managers) {
          jobs.push(slaEscalation.job({ leadId: c.id, managerEmail }));
        }
        out.escalated = 1;
      }
      await enqueue(trx, jobs, now);
      return out;
    });
    if (done.escalated && !managers.length) deps.log.warn({ leadId: c.id, owner: c.owner_email }, 'sla: escalation due but the owner has no manager in the roster');
    result.reminded += done.reminded;
    result.escalated += done.escalated;
  }
  if (result.reminded || result.escalated) {
    deps.log.info(result, 'sla: reminders and escalations queued');
    deps.kick();
  }
  return result;
}
