import { sql } from 'kysely';
import type { Db } from './db.js';
import type { Engine } from './schema.js';

/** A durable unit of outbound or background work (the outbox). */
export interface Job {
  id: number;
  kind: string;
  leadId: string | null;
  orderKey: string;
  payload: unknown;
  attempts: number;
  createdAt: number;
}

export interface NewJob {
  kind: string;
  leadId?: string | null;
  /** Jobs with the same key run one at a time, in insertion order. */
  orderKey: string;
  payload?: unknown;
  runAt?: number;
  /** Default: by kind (see priorityOf). */
  priority?: number;
}

/** `cancelled`: dropped because the lead's contact was erased (erasure-repo). */
export type JobStatus = 'pending' | 'done' | 'dead' | 'cancelled';

/** Adds jobs; call inside the transaction that makes the state change they follow from. */
export async function enqueue(db: Db, jobs: NewJob[], now: number): Promise<void> {
  if (jobs.length === 0) return;
  await db
    .insertInto('jobs')
    .values(
      jobs.map((j) => ({
        kind: j.kind,
        lead_id: j.leadId ?? null,
        order_key: j.orderKey,
        payload: JSON.stringify(j.payload ?? {}),
        status: 'pending',
        attempts: 0,
        run_at: j.runAt ?? now,
        lease_owner: null,
        lease_until: null,
        last_error: null,
        created_at: now,
        updated_at: now,
        done_at: null,
        priority: j.priority ?? priorityOf(j.kind),
      })),
    )
    .execute();
}

/** Job kinds are `<system>.<what>`: the system (teams, hubspot, c4c, contact) whose queue and worker share the job uses. */
export const systemOf = (kind: string): string => kind.split('.', 1)[0]!;

/** Cards first: a burst of evaluations must not keep already-made leads from reaching their owners. */
function priorityOf(kind: string): number {
  return kind.startsWith('teams.') ? 0 : 1;
}

/** Adds jobs of one kind except for order keys that already have one waiting untouched (coalesces bursts). */
export async function enqueueUnlessWaiting(db: Db, kind: string, jobs: NewJob[], now: number): Promise<number> {
  if (jobs.length === 0) return 0;
  const waiting = new Set(
    (
      await db
        .selectFrom('jobs')
        .select('order_key')
        .where('kind', '=', kind)
        .where('status', '=', 'pending')
        .where('lease_owner', 'is', null)
        .where('attempts', '=', 0)
        .where(
          'order_key',
          'in',
          jobs.map((j) => j.orderKey),
        )
        .execute()
    ).map((r) => r.order_key),
  );
  const fresh = jobs.filter((j) => !waiting.has(j.orderKey));
  await enqueue(
    db,
    fresh.map((j) => ({ ...j, kind })),
    now,
  );
  return fresh.length;
}

/**
 * Leases up to `limit` due jobs to `owner` (only jobs of `kind` when given). A job waits while an older job with the
 * same order key is pending, so effects for one lead run in order. On PostgreSQL rows are claimed with SKIP LOCKED, so
 * several instances never take the same job; an expired lease (a dead instance) makes a job claimable again.
 */
export async function claimJobs(
  db: Db,
  engine: Engine,
  owner: string,
  limit: number,
  now: number,
  leaseMs: number,
  kind?: string,
  skipSystems: string[] = [],
): Promise<Job[]> {
  const lock = engine === 'postgres' ? sql`for update skip locked` : sql``;
  // Job kinds are `<system>.<what>`; a system at its share of the worker's slots is skipped.
  const ofKind = sql.join(
    [
      kind === undefined ? sql`` : sql`and j.kind = ${kind}`,
      ...skipSystems.map((system) => sql`and j.kind not like ${`${system}.%`}`),
    ],
    sql` `,
  );
  const result = await sql<any>`
    update jobs set lease_owner = ${owner}, lease_until = ${now + leaseMs}, attempts = attempts + 1, updated_at = ${now}
    where id in (
      select j.id from jobs j
      where j.status = 'pending' and j.run_at <= ${now} and (j.lease_until is null or j.lease_until < ${now}) ${ofKind}
        and not exists (select 1 from jobs e where e.order_key = j.order_key and e.status = 'pending' and e.id < j.id)
      order by j.status, j.priority, j.run_at, j.id
      limit ${limit}
      ${lock}
    )
    returning id, kind, lead_id, order_key, payload, attempts, created_at`.execute(db);
  return result.rows.map((r) => ({
    id: Number(r.id),
    kind: r.kind,
    leadId: r.lead_id,
    orderKey: r.order_key,
    payload: JSON.parse(r.payload),
    attempts: Number(r.attempts),
    createdAt: Number(r.created_at),
  }));
}

/** Marks a job done, only if this owner still holds it. */
export async function completeJob(db: Db, id: number, owner: string, now: number): Promise<boolean> {
  return (await completeJobs(db, [id], owner, now)) === 1;
}

/** Marks jobs done in one statement (a finished batch), those this owner still holds; returns how many. */
export async function completeJobs(db: Db, ids: number[], owner: string, now: number): Promise<number> {
  if (ids.length === 0) return 0;
  const r = await db
    .updateTable('jobs')
    .set({ status: 'done', done_at: now, updated_at: now, lease_owner: null, lease_until: null, last_error: null })
    .where('id', 'in', ids)
    .where('lease_owner', '=', owner)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

export async function retryJobLater(
  db: Db,
  id: number,
  owner: string,
  runAt: number,
  error: string,
  now: number,
): Promise<void> {
  await db
    .updateTable('jobs')
    .set({ run_at: runAt, last_error: error.slice(0, 1000), updated_at: now, lease_owner: null, lease_until: null })
    .where('id', '=', id)
    .where('lease_owner', '=', owner)
    .execute();
}

/** Gives up on a job (permanent failure or out of time); it stays visible with its reason. */
export async function killJob(db: Db, id: number, owner: string, error: string, now: number): Promise<void> {
  await db
    .updateTable('jobs')
    .set({
      status: 'dead',
      last_error: error.slice(0, 1000),
      updated_at: now,
      done_at: now,
      lease_owner: null,
      lease_until: null,
    })
    .where('id', '=', id)
    .where('lease_owner', '=', owner)
    .execute();
}

/** Puts a dead job back in the queue (an admin's "retry"). */
export async function reviveJob(db: Db, id: number, now: number): Promise<boolean> {
  const r = await db
    .updateTable('jobs')
    .set({ status: 'pending', run_at: now, attempts: 0, created_at: now, updated_at: now, done_at: null })
    .where('id', '=', id)
    .where('status', '=', 'dead')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export interface JobSummary {
  id: number;
  kind: string;
  status: JobStatus;
  lastError: string | null;
  attempts: number;
}

export async function jobsOfLead(db: Db, leadId: string): Promise<JobSummary[]> {
  const rows = await db
    .selectFrom('jobs')
    .select(['id', 'kind', 'status', 'last_error', 'attempts'])
    .where('lead_id', '=', leadId)
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    id: Number(r.id),
    kind: r.kind,
    status: r.status as JobStatus,
    lastError: r.last_error,
    attempts: r.attempts,
  }));
}

export async function outboxStats(
  db: Db,
  now: number,
): Promise<{ pending: number; dead: number; oldestAgeMs: number }> {
  const r = await db
    .selectFrom('jobs')
    .select((eb) => [
      eb.fn.count<number>('id').filterWhere('status', '=', 'pending').as('pending'),
      eb.fn.count<number>('id').filterWhere('status', '=', 'dead').as('dead'),
      eb.fn.min<number>('created_at').filterWhere('status', '=', 'pending').as('oldest'),
    ])
    .executeTakeFirstOrThrow();
  return {
    pending: Number(r.pending),
    dead: Number(r.dead),
    oldestAgeMs: r.oldest == null ? 0 : now - Number(r.oldest),
  };
}

/** Extends the leases of jobs still running, so a slow effect is not taken over by another instance. */
export async function renewLeases(db: Db, owner: string, ids: number[], until: number): Promise<void> {
  if (ids.length === 0) return;
  await db
    .updateTable('jobs')
    .set({ lease_until: until })
    .where('lease_owner', '=', owner)
    .where('id', 'in', ids)
    .where('status', '=', 'pending')
    .execute();
}

/** Frees every lease: only for an embedded (single-instance) database at start, where no other owner can be alive. */
export async function releaseAllLeases(db: Db): Promise<number> {
  const r = await db
    .updateTable('jobs')
    .set({ lease_owner: null, lease_until: null })
    .where('status', '=', 'pending')
    .where('lease_owner', 'is not', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}
