import { sql } from 'kysely';
import type { Db } from './db.js';

/** An MQL whose reminder or escalation may be due, with the start of its SLA clock. */
export interface SlaCandidate {
  id: string;
  ownerEmail: string | null;
  remindedAt: number | null;
  escalatedAt: number | null;
  startedAt: number;
}

export interface SlaDelays {
  remindAfterMs: number;
  escalateAfterMs: number;
}

/** The SLA clock starts when the lead reached its current owner, else when it became an MQL. */
const slaStart = sql<number>`coalesce(sla_started_at, mql_at)`;

/**
 * MQLs whose reminder (escalation) is not sent and whose SLA started at least `remindAfterMs` (`escalateAfterMs`)
 * ago: business time never runs faster than the wall clock, so no step can be due earlier. Oldest MQL first.
 */
export async function slaCandidates(db: Db, o: SlaDelays, now: number): Promise<SlaCandidate[]> {
  const rows = await db
    .selectFrom('leads')
    .select(['id', 'owner_email', 'reminded_at', 'escalated_at', slaStart.as('started')])
    .where('state', '=', 'MQL')
    .where((eb) =>
      eb.or([
        eb.and([eb('reminded_at', 'is', null), eb(slaStart, '<=', now - o.remindAfterMs)]),
        eb.and([eb('escalated_at', 'is', null), eb(slaStart, '<=', now - o.escalateAfterMs)]),
      ]),
    )
    .orderBy('mql_at')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    ownerEmail: r.owner_email,
    remindedAt: r.reminded_at,
    escalatedAt: r.escalated_at,
    startedAt: Number(r.started),
  }));
}

/**
 * Marks a reminder or escalation as sent, only if it is not yet and the lead is still an MQL on the same SLA clock:
 * of several instances exactly one wins. true for the winner.
 */
export async function markSlaStep(
  db: Db,
  leadId: string,
  step: 'reminded_at' | 'escalated_at',
  startedAt: number,
  now: number,
): Promise<boolean> {
  const r = await db
    .updateTable('leads')
    .set({ [step]: now })
    .where('id', '=', leadId)
    .where('state', '=', 'MQL')
    .where(step, 'is', null)
    .where(slaStart, '=', startedAt)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/**
 * The earliest SLA clock start among open MQLs still waiting for their reminder, and for their escalation (null: none).
 * A later start never has an earlier due time, so these two decide when the next step is due.
 */
export async function earliestSlaStarts(db: Db): Promise<{ remind: number | null; escalate: number | null }> {
  const row = await db
    .selectFrom('leads')
    .select((eb) => [
      eb.fn.min(eb.case().when('reminded_at', 'is', null).then(slaStart).end()).as('remind'),
      eb.fn.min(eb.case().when('escalated_at', 'is', null).then(slaStart).end()).as('escalate'),
    ])
    .where('state', '=', 'MQL')
    .where((eb) => eb.or([eb('reminded_at', 'is', null), eb('escalated_at', 'is', null)]))
    .executeTakeFirst();
  const num = (v: unknown) => (v == null ? null : Number(v));
  return { remind: num(row?.remind), escalate: num(row?.escalate) };
}
