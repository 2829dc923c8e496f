import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import { LEAD_STATES } from './domain/lead.js';

/** The systems LeadBridge sends to; an outbox job's system is its kind before the dot (`teams.deliver` → teams). */
export const SEND_SYSTEMS = ['teams', 'hubspot', 'c4c'] as const;
export type SendSystem = (typeof SEND_SYSTEMS)[number];
export type JobOutcome = 'done' | 'retry' | 'dead';

/** What the scrape reads from the store each time (both optional; a failing source keeps its last value). */
export interface MetricSources {
  /** Number of leads per state, e.g. `{ MQL: 3, SAL: 1 }`; states not named read 0. */
  leadsByState?: () => Promise<Record<string, number>>;
  /** The outbox as `outboxStats` reports it. */
  outbox?: () => Promise<{ pending: number; dead: number; oldestAgeMs: number }>;
}

export interface MetricsOptions {
  /** Epoch milliseconds, the clock the product runs on (event-to-card compares with `receivedAt`). */
  now?: () => number;
  collect?: MetricSources;
  /** Node process metrics (CPU, RSS, heap, event-loop lag) with the `leadbridge_` prefix; default true. */
  processMetrics?: boolean;
}

/** The Prometheus metrics of one LeadBridge instance, on a registry of its own. */
/** What one webhook request did: events received and deduplicated, requests refused, events acknowledged unused. */
export interface WebhookCounts {
  received: number;
  duplicates: number;
  rejected: number;
  ignored?: Array<{ type: string; reason: string }>;
}

export interface Metrics {
  readonly registry: Registry;
  /** Feeds the webhook counters; pass as `webhookRoute`'s `onCounted`. */
  webhookCounted(c: WebhookCounts): void;
  /** Feeds the send/job counters and durations; pass as the worker's `onOutcome`. */
  jobOutcome(job: { kind: string }, outcome: JobOutcome, ms: number): void;
  /** Observes webhook-received → card-posted; pass as `DeliveryHooks.onDelivered`. */
  cardDelivered(lead: unknown, receivedAt: number | undefined, where?: 'owner' | 'inbox'): void;
  /** Counts a Teams activity ignored because it came from outside BOT_TENANT_ID (`other_tenant`) or named no tenant. */
  teamsActivityIgnored(reason: 'other_tenant' | 'no_tenant'): void;
  /** Times one call to HubSpot or 36One and counts it as an error when it throws. */
  instrument<T>(system: 'hubspot' | 'c4c', operation: string, fn: () => Promise<T>): Promise<T>;
  /** The text exposition for `GET /metrics`. */
  render(): Promise<{ contentType: string; body: string }>;
}

const P = 'leadbridge_';
const systemOf = (kind: string) => kind.split('.')[0] ?? kind;
/** HubSpot's webhook subscription types (object scopes × changes, webhooks API docs); anything else is `other`, so labels stay few. */
const SUBSCRIPTION_TYPE =
  /^(contact|company|deal|ticket|product|line_item|conversation|object)\.(creation|deletion|propertyChange|merge|restore|associationChange|privacyDeletion|newMessage)$/;
const typeLabel = (t: string) => (SUBSCRIPTION_TYPE.test(t) ? t : 'other');
const isSendSystem = (s: string): s is SendSystem => (SEND_SYSTEMS as readonly string[]).includes(s);

/** Builds the metrics on a fresh registry, so tests and several instances in one process never clash. */
export function createMetrics(o: MetricsOptions = {}): Metrics {
  const now = o.now ?? Date.now;
  const registry = new Registry();
  const registers = [registry];
  if (o.processMetrics !== false) collectDefaultMetrics({ register: registry, prefix: P });

  const received = new Counter({
    name: `${P}webhook_events_received_total`,
    help: 'HubSpot webhook events in accepted requests (duplicates included).',
    registers,
  });
  const deduplicated = new Counter({
    name: `${P}webhook_events_deduplicated_total`,
    help: 'HubSpot webhook events dropped as already seen.',
    registers,
  });
  const rejected = new Counter({
    name: `${P}webhook_requests_rejected_total`,
    help: 'HubSpot webhook requests refused (bad signature or invalid body).',
    registers,
  });
  const ignored = new Counter({
    name: `${P}webhook_events_ignored_total`,
    help: 'New HubSpot webhook events acknowledged but not evaluated, by subscription type and reason.',
    labelNames: ['type', 'reason'],
    registers,
  });

  // Every scrape reads the store once: the gauges below (and the error counter) share one read.
  const sources = o.collect ?? {};
  let outbox: { pending: number; dead: number; oldestAgeMs: number } | undefined;
  let leads: Record<string, number> | undefined;
  let reading: Promise<void> | undefined;
  const readStore = () => {
    if (!reading) {
      const read = Promise.all([
        sources.leadsByState?.().then(
          (v) => {
            leads = v;
          },
          () => collectErrors.inc({ source: 'leads' }),
        ),
        sources.outbox?.().then(
          (v) => {
            outbox = v;
          },
          () => collectErrors.inc({ source: 'outbox' }),
        ),
      ]).then(() => undefined);
      reading = read;
      void read.finally(() => {
        if (reading === read) reading = undefined;
      });
    }
    return reading;
  };
  const collectErrors = new Counter({
    name: `${P}metrics_collect_errors_total`,
    help: 'Scrapes in which reading a figure from the store failed (the last value is kept).',
    labelNames: ['source'],
    registers,
    async collect() {
      await readStore();
    },
  });
  new Gauge({
    name: `${P}leads`,
    help: 'Leads by state, read from the store at scrape time.',
    labelNames: ['state'],
    registers,
    async collect() {
      await readStore();
      if (!leads) return;
      this.reset();
      for (const state of LEAD_STATES) this.set({ state }, 0);
      for (const [state, n] of Object.entries(leads)) this.set({ state }, n);
    },
  });
  new Gauge({
    name: `${P}outbox_pending`,
    help: 'Outbox effects waiting to run (including retries).',
    registers,
    async collect() {
      await readStore();
      if (outbox) this.set(outbox.pending);
    },
  });
  new Gauge({
    name: `${P}outbox_dead`,
    help: 'Outbox effects given up, waiting for an admin retry.',
    registers,
    async collect() {
      await readStore();
      if (outbox) this.set(outbox.dead);
    },
  });
  new Gauge({
    name: `${P}outbox_oldest_age_seconds`,
    help: 'Age of the oldest pending outbox effect (0 when empty).',
    registers,
    async collect() {
      await readStore();
      if (outbox) this.set(outbox.oldestAgeMs / 1000);
    },
  });

  const sends = new Counter({
    name: `${P}sends_total`,
    help: 'Outbox sends to Teams, HubSpot and 36One by outcome.',
    labelNames: ['system', 'outcome'],
    registers,
  });
  const jobs = new Counter({
    name: `${P}outbox_jobs_total`,
    help: 'Outbox jobs run, by kind and outcome.',
    labelNames: ['kind', 'outcome'],
    registers,
  });
  const jobSeconds = new Histogram({
    name: `${P}outbox_job_duration_seconds`,
    help: 'Time one outbox job took, by system (kind before the dot).',
    labelNames: ['system'],
    registers,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
  });
  for (const system of SEND_SYSTEMS) for (const outcome of ['done', 'retry', 'dead']) sends.inc({ system, outcome }, 0);

  const callSeconds = new Histogram({
    name: `${P}integration_call_duration_seconds`,
    help: 'Latency of single HubSpot / 36One calls.',
    labelNames: ['system', 'operation'],
    registers,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  });
  const callErrors = new Counter({
    name: `${P}integration_call_errors_total`,
    help: 'HubSpot / 36One calls that failed.',
    labelNames: ['system', 'operation'],
    registers,
  });

  const eventToCard = new Histogram({
    name: `${P}event_to_card_seconds`,
    help: 'From the webhook being accepted to the lead card posted in Teams.',
    labelNames: ['where'],
    registers,
    buckets: [0.05, 0.1, 0.2, 0.3, 0.5, 1, 2, 5, 10, 30, 60, 300, 900],
  });

  const teamsIgnored = new Counter({
    name: `${P}teams_activities_ignored_total`,
    help: 'Teams activities ignored because they came from outside BOT_TENANT_ID.',
    labelNames: ['reason'],
    registers,
  });
  for (const reason of ['other_tenant', 'no_tenant']) teamsIgnored.inc({ reason }, 0);

  return {
    registry,
    webhookCounted(c) {
      if (c.received) received.inc(c.received);
      if (c.duplicates) deduplicated.inc(c.duplicates);
      if (c.rejected) rejected.inc(c.rejected);
      for (const e of c.ignored ?? []) ignored.inc({ type: typeLabel(e.type), reason: e.reason });
    },
    jobOutcome(job, outcome, ms) {
      const system = systemOf(job.kind);
      jobs.inc({ kind: job.kind, outcome });
      jobSeconds.observe({ system }, Math.max(0, ms) / 1000);
      if (isSendSystem(system)) sends.inc({ system, outcome });
    },
    cardDelivered(_lead, receivedAt, where = 'owner') {
      if (receivedAt === undefined) return;
      eventToCard.observe({ where }, Math.max(0, now() - receivedAt) / 1000);
    },
    teamsActivityIgnored(reason) {
      teamsIgnored.inc({ reason });
    },
    async instrument(system, operation, fn) {
      const end = callSeconds.startTimer({ system, operation });
      try {
        return await fn();
      } catch (err) {
        callErrors.inc({ system, operation });
        throw err;
      } finally {
        end();
      }
    },
    async render() {
      return { contentType: registry.contentType, body: await registry.metrics() };
    },
  };
}
