import type { z } from 'zod';
import { type Job, type NewJob, systemOf } from '../store/jobs-repo.js';
import type { BatchHandler, JobHandler } from './worker.js';

/** A payload with a lead runs in that lead's queue of its system by default; any other payload names its queue. */
type QueueOf<P> = P extends { leadId: string }
  ? { orderKey?: (payload: P) => string }
  : { orderKey: (payload: P) => string };

export type JobSpec<S extends z.ZodTypeAny, D> = QueueOf<z.output<S>> & {
  /** `<system>.<what>`; stored with every job, so never renamed. */
  kind: string;
  payload: S;
  /** 0 is claimed before 1; default: Teams jobs 0, the rest 1 (see jobs-repo). */
  priority?: number;
  run(deps: D, payload: z.output<S>, job: Job): Promise<void>;
  /** Runs claimed jobs of this kind together (up to `max`), taking precedence over `run`. */
  batch?: { max: number; run(deps: D, jobs: Job[]): Promise<Array<unknown | undefined>> };
};

/** One outbox job kind: producers build its rows with `job(payload)`, the worker runs it with `handler(deps)`. */
export interface JobDefinition<P, D> {
  readonly kind: string;
  job(payload: P, o?: { runAt?: number }): NewJob;
  handler(deps: D): JobHandler;
  batchHandler(deps: D): BatchHandler | undefined;
}

const leadOf = (payload: unknown): string | null => {
  const leadId = (payload as { leadId?: unknown } | null)?.leadId;
  return typeof leadId === 'string' ? leadId : null;
};

/** A job kind in one place: name, payload schema, queue, priority and handler (graphile-worker's task list, typed). */
export function defineJob<S extends z.ZodTypeAny, D>(spec: JobSpec<S, D>): JobDefinition<z.input<S>, D> {
  const orderKey = spec.orderKey as ((p: unknown) => string) | undefined;
  return {
    kind: spec.kind,
    job(payload, o = {}) {
      const leadId = leadOf(payload);
      return {
        kind: spec.kind,
        leadId,
        payload,
        runAt: o.runAt,
        priority: spec.priority,
        orderKey: orderKey ? orderKey(payload) : `${systemOf(spec.kind)}:${leadId}`,
      };
    },
    handler: (deps) => async (job) => spec.run(deps, spec.payload.parse(job.payload), job),
    batchHandler: (deps) => spec.batch && { max: spec.batch.max, handle: (jobs) => spec.batch!.run(deps, jobs) },
  };
}

export interface JobTables {
  handlers: Record<string, JobHandler>;
  batchHandlers: Record<string, BatchHandler>;
}

/** The worker's handler tables for a job list; a kind listed twice fails here, at start. */
export function jobTables<D>(list: ReadonlyArray<JobDefinition<any, D>>, deps: D): JobTables {
  const handlers: Record<string, JobHandler> = {};
  const batchHandlers: Record<string, BatchHandler> = {};
  for (const def of list) {
    if (handlers[def.kind]) throw new Error(`job kind ${def.kind} is registered twice`);
    handlers[def.kind] = def.handler(deps);
    const batch = def.batchHandler(deps);
    if (batch) batchHandlers[def.kind] = batch;
  }
  return { handlers, batchHandlers };
}
