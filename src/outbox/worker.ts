import { randomUUID } from 'node:crypto';
import type { Clock } from '../lib/clock.js';
import { IntegrationError } from '../lib/integration-error.js';
import type { Log } from '../log.js';
import type { Store } from '../store/db.js';
import {
  claimJobs,
  completeJob,
  completeJobs,
  type Job,
  killJob,
  releaseAllLeases,
  renewLeases,
  retryJobLater,
  systemOf,
} from '../store/jobs-repo.js';
import { MAX_RETRY_WINDOW_MS, nextDelayMs } from './backoff.js';
import type { Foreground } from './foreground.js';

export type JobHandler = (job: Job) => Promise<void>;

/** Runs several jobs of one kind at once, in one worker slot (e.g. one HubSpot batch read for many contacts). */
export interface BatchHandler {
  /** Most jobs handed over at once. */
  max: number;
  /** One result per job, in order: undefined = done; anything else = that job failed with it (retried or given up on its own). */
  handle(jobs: Job[]): Promise<Array<unknown | undefined>>;
}

export interface WorkerOptions {
  store: Store;
  handlers: Record<string, JobHandler>;
  /** Kinds run in batches: a claimed job of such a kind takes up to `max - 1` more due jobs of its kind into its slot. */
  batchHandlers?: Record<string, BatchHandler>;
  log: Log;
  clock: Clock;
  concurrency: number;
  /**
   * Slots one system (the kind's prefix: teams, hubspot, c4c, contact) may hold at once (default concurrency − 2), so
   * an outage of one, whose jobs hang in timeouts and retries, cannot occupy every slot and stall the others.
   */
  maxPerSystem?: number;
  pollMs: number;
  leaseMs?: number;
  instanceId?: string;
  /** Called once a job is given up, so its failure can be shown (e.g. on the lead card). */
  onDead?: (job: Job, reason: string) => Promise<void>;
  onOutcome?: (job: Job, outcome: 'done' | 'retry' | 'dead', ms: number) => void;
  /** Requests people wait for: no new jobs start while one is in flight (bounded, see Foreground). */
  foreground?: Foreground;
}

/** Runs outbox jobs: claims due ones, executes them, retries transient failures with backoff. */
export class OutboxWorker {
  readonly instanceId: string;
  private running = false;
  /** Slots in use: a batch is one slot, whatever its size. */
  private inflight = 0;
  private wake?: () => void;
  /** A kick that came while the loop was not idle (claiming, or yielding to the foreground): claim again at once. */
  private kicked = false;
  private loop?: Promise<void>;
  private readonly leaseMs: number;
  private readonly running_ = new Set<number>();
  private renewTimer?: NodeJS.Timeout;
  private refill?: NodeJS.Timeout;
  /** Slots in use per system (see maxPerSystem). */
  private readonly bySystem = new Map<string, number>();

  constructor(private readonly o: WorkerOptions) {
    this.instanceId = o.instanceId ?? `lb-${randomUUID().slice(0, 8)}`;
    this.leaseMs = o.leaseMs ?? 30_000;
  }

  /** Starts claiming. On the embedded database there is only this instance, so leases left by a crash are freed at once. */
  async start(): Promise<void> {
    if (this.running) return;
    if (this.o.store.engine === 'sqlite') {
      const freed = await releaseAllLeases(this.o.store.db);
      if (freed) this.o.log.info({ freed }, 'outbox: took over jobs left running by a previous process');
    }
    this.running = true;
    // Running jobs keep their lease alive; a dead instance's lease expires and another instance takes over.
    this.renewTimer = setInterval(
      () => {
        void renewLeases(this.o.store.db, this.instanceId, [...this.running_], this.o.clock.now() + this.leaseMs).catch(
          () => {},
        );
      },
      Math.max(50, Math.floor(this.leaseMs / 3)),
    );
    this.renewTimer.unref();
    this.loop = this.run();
  }

  /** Stops claiming and waits for running jobs to finish. */
  async stop(): Promise<void> {
    this.running = false;
    clearInterval(this.renewTimer);
    this.kick();
    await this.loop;
    while (this.inflight > 0) await sleep(10);
  }

  /** New work was enqueued: look now instead of at the next poll. */
  kick(): void {
    if (this.wake) this.wake();
    else this.kicked = true;
  }

  private async run(): Promise<void> {
    while (this.running) {
      let claimed: Job[] = [];
      this.kicked = false;
      if (this.o.foreground?.busy) await this.o.foreground.quiet();
      if (!this.running) break;
      // Still busy after the wait: take one job at a time, so background work trickles on without crowding out people.
      const open = this.o.foreground?.busy
        ? Math.min(1, this.o.concurrency - this.inflight)
        : this.o.concurrency - this.inflight;
      const { free, skip } = this.share(open);
      if (free > 0) {
        try {
          claimed = await claimJobs(
            this.o.store.db,
            this.o.store.engine,
            this.instanceId,
            free,
            this.o.clock.now(),
            this.leaseMs,
            undefined,
            skip,
          );
        } catch (err) {
          this.o.log.warn({ err: String(err) }, 'outbox: claiming jobs failed; retrying');
        }
      }
      for (const slot of this.slots(claimed)) {
        this.inflight++;
        const system = systemOf(slot[0]!.kind);
        this.bySystem.set(system, (this.bySystem.get(system) ?? 0) + 1);
        for (const job of slot) this.running_.add(job.id);
        void this.executeSlot(slot).finally(() => {
          this.inflight--;
          this.bySystem.set(system, this.bySystem.get(system)! - 1);
          for (const job of slot) this.running_.delete(job.id);
          this.freed();
        });
      }
      if ((claimed.length === 0 && !this.kicked) || this.inflight >= this.o.concurrency) await this.idle();
    }
  }

  /**
   * A slot is free. Claiming costs a query, so slots are refilled in groups: at once when half the slots
   * are free, otherwise within 5 ms, together with whatever else finishes meanwhile.
   */
  private freed(): void {
    if (this.inflight <= this.o.concurrency / 2) {
      clearTimeout(this.refill);
      this.refill = undefined;
      this.kick();
      return;
    }
    this.refill ??= setTimeout(() => {
      this.refill = undefined;
      this.kick();
    }, 5);
  }

  /**
   * Systems at their share of the slots are skipped when claiming. The share is soft (one claim may take a system
   * past it), so claims stay grouped; once past, the system gets no new slot until it is back under its share.
   */
  private share(open: number): { free: number; skip: string[] } {
    const cap = this.o.maxPerSystem ?? Math.max(1, this.o.concurrency - 2);
    return { free: open, skip: [...this.bySystem].filter(([, n]) => n >= cap).map(([system]) => system) };
  }

  private idle(): Promise<void> {
    return new Promise((resolve) => {
      const t = setTimeout(done, this.o.pollMs);
      function done() {
        clearTimeout(t);
        resolve();
      }
      this.wake = () => {
        this.wake = undefined;
        done();
      };
    });
  }

  /** One slot per job, except that claimed jobs of a batch kind share one (up to its `max`). */
  private slots(claimed: Job[]): Job[][] {
    const slots: Job[][] = [];
    const open = new Map<string, Job[]>();
    for (const job of claimed) {
      const batch = this.o.batchHandlers?.[job.kind];
      if (!batch) {
        slots.push([job]);
        continue;
      }
      let jobs = open.get(job.kind);
      if (!jobs || jobs.length >= batch.max) {
        jobs = [];
        open.set(job.kind, jobs);
        slots.push(jobs);
      }
      jobs.push(job);
    }
    return slots;
  }

  private executeSlot(slot: Job[]): Promise<void> {
    const batch = this.o.batchHandlers?.[slot[0]!.kind];
    return batch ? this.executeBatch(slot, batch) : this.execute(slot[0]!);
  }

  /**
   * Tops the batch up with more due jobs of its kind (they join `jobs`, so the slot's bookkeeping covers them), runs it,
   * then completes, retries or gives up each job on its own, exactly as a single job would be.
   */
  private async executeBatch(jobs: Job[], batch: BatchHandler): Promise<void> {
    const { store, log, clock } = this.o;
    const kind = jobs[0]!.kind;
    if (jobs.length < batch.max && this.running) {
      try {
        const more = await claimJobs(
          store.db,
          store.engine,
          this.instanceId,
          batch.max - jobs.length,
          clock.now(),
          this.leaseMs,
          kind,
        );
        for (const job of more) {
          jobs.push(job);
          this.running_.add(job.id);
        }
      } catch (err) {
        log.warn({ err: String(err), kind }, 'outbox: claiming more jobs for a batch failed; running it as it is');
      }
    }
    jobs.sort((x, y) => x.id - y.id); // oldest first (claims return rows in no particular order)
    const started = clock.now();
    let results: Array<unknown | undefined>;
    try {
      results = await batch.handle(jobs);
      if (results.length !== jobs.length)
        throw new Error(`the ${kind} batch handler gave ${results.length} results for ${jobs.length} jobs`);
    } catch (err) {
      results = jobs.map(() => err);
    }
    // Jobs that failed together retry together (one time and one jitter for the batch), so the retry is again one batch.
    const failedAt = clock.now();
    const jitter = Math.random();
    const done = jobs.filter((_, i) => results[i] === undefined);
    try {
      // One statement for the whole batch's successes: on the hot path of webhook traffic.
      await completeJobs(
        store.db,
        done.map((j) => j.id),
        this.instanceId,
        clock.now(),
      );
      for (const job of done) this.o.onOutcome?.(job, 'done', clock.now() - started);
    } catch (err) {
      // Not recorded: the jobs stay leased and run again once the lease expires (their effects are idempotent).
      log.error({ err: String(err), jobIds: done.map((j) => j.id) }, 'outbox: recording finished jobs failed');
    }
    await Promise.all(
      jobs.map(async (job, i) => {
        if (results[i] === undefined) return;
        await this.fail(job, results[i], started, { now: failedAt, random: () => jitter }).catch((e) =>
          log.error({ err: String(e), jobId: job.id }, 'outbox: recording a failure failed'),
        );
      }),
    );
  }

  private async execute(job: Job): Promise<void> {
    const { store, handlers, log, clock } = this.o;
    const started = clock.now();
    const handler = handlers[job.kind];
    try {
      if (!handler) throw new IntegrationError('teams', `no handler for job kind ${job.kind}`, { permanent: true });
      await handler(job);
      await completeJob(store.db, job.id, this.instanceId, clock.now());
      this.o.onOutcome?.(job, 'done', clock.now() - started);
    } catch (err) {
      await this.fail(job, err, started).catch((e) =>
        log.error({ err: String(e), jobId: job.id }, 'outbox: recording a failure failed'),
      );
    }
  }

  private async fail(
    job: Job,
    err: unknown,
    started: number,
    at: { now?: number; random?: () => number } = {},
  ): Promise<void> {
    const { store, log, clock } = this.o;
    const now = at.now ?? clock.now();
    const ie = err instanceof IntegrationError ? err : undefined;
    const reason = ie?.message ?? (err instanceof Error ? err.message : String(err));
    const outOfTime = now - job.createdAt > MAX_RETRY_WINDOW_MS;
    if (ie?.permanent || outOfTime) {
      log.error(
        { jobId: job.id, kind: job.kind, leadId: job.leadId, attempts: job.attempts, reason },
        'outbox: effect failed for good',
      );
      await killJob(store.db, job.id, this.instanceId, reason, now);
      this.o.onOutcome?.(job, 'dead', now - started);
      await this.o.onDead?.(job, reason);
      return;
    }
    const delay = nextDelayMs(job.attempts, ie?.retryAfterMs, at.random);
    log.warn(
      { jobId: job.id, kind: job.kind, leadId: job.leadId, attempts: job.attempts, retryInMs: delay, reason },
      'outbox: effect failed; will retry',
    );
    await retryJobLater(store.db, job.id, this.instanceId, now + delay, reason, now);
    this.o.onOutcome?.(job, 'retry', now - started);
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
