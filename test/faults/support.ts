/**
 * Shared kit for the fault tests: the in-process LeadBridge of `startWorld` (same stand-ins, same config), plus
 * - a controllable clock that starts at a fixed instant (`FAULT_WORLD_START`), so retry schedules of seconds, minutes or a
 *   day are fast-forwarded instead of slept through (`drain()` moves time to the next `run_at` the product itself chose,
 *   only while no job is running) and nothing depends on the hour the tests run at;
 * - the product's pino log lines, captured as objects (`logs`, `logged()`);
 * - readers for the outbox rows and for the cards per contact at the connector stand-in.
 */
import type { Clock } from '../../src/lib/clock.js';
import type { HubSpotStandin } from '../standins/hubspot.js';
import type { TeamsUser } from '../standins/teams-channel.js';
import type { CardView, TeamsConnector } from '../standins/teams-connector.js';
import { action, cardText } from '../support/cards.js';
import { startWorld, type World, type WorldOptions } from '../support/world.js';

export { PORTAL, scoreEvent, teamsUser, USERS } from '../support/world.js';

/** Where every fault world's clock starts: a Wednesday, 10:00 UTC (11:00 in Berlin), far from midnight and weekends. */
export const FAULT_WORLD_START = Date.parse('2026-11-25T10:00:00Z');

/**
 * A fixed starting instant, plus the real time elapsed since (so timeouts and polling behave), plus an offset the test
 * moves forward. Results never depend on the hour or date the tests run at.
 */
export class TestClock implements Clock {
  offset = 0;
  private readonly realStart = Date.now();
  private frozenAt: number | null = null;
  constructor(private readonly start = FAULT_WORLD_START) {}
  now(): number {
    return (this.frozenAt ?? this.start + (Date.now() - this.realStart)) + this.offset;
  }
  /** Stops real time from passing (only `advance` moves the clock), so a retry is never due before the test says so. */
  freeze(): void {
    this.frozenAt ??= this.start + (Date.now() - this.realStart);
  }
}

export interface LogLine {
  level: number;
  msg: string;
  [k: string]: unknown;
}

export interface JobRow {
  id: number;
  kind: string;
  leadId: string | null;
  orderKey: string;
  status: string;
  attempts: number;
  runAt: number;
  updatedAt: number;
  createdAt: number;
  doneAt: number | null;
  lastError: string | null;
  leaseOwner: string | null;
  leaseUntil: number | null;
}

export interface FaultWorld extends World {
  clock: TestClock;
  /** Every log line the product wrote (level info and up), parsed. */
  logs: LogLine[];
  /** Log lines with this message (and matching the optional predicate). */
  logged(msg: string, pred?: (l: LogLine) => boolean): LogLine[];
  /** Stops the worker (waiting for running jobs), moves the clock forward, starts the worker again. */
  advance(ms: number): Promise<void>;
  /**
   * Runs the outbox dry: waits while jobs are due or running; when every pending job waits for a later
   * `run_at` (or lease end) and none runs, moves the clock to the earliest one. Returns how much virtual time was skipped.
   */
  drain(timeoutMs?: number): Promise<{ skippedMs: number }>;
  /**
   * Waits until no job is due and none runs; returns the head job of each order key that waits, with `runAt` set to
   * when it becomes claimable (its run_at, or the end of a lease left behind when its result could not be recorded).
   */
  quiet(timeoutMs?: number): Promise<JobRow[]>;
  /** One step of `drain`: waits until no job is due or running, then moves the clock to the next `run_at`; null when nothing is pending. */
  step(timeoutMs?: number): Promise<number | null>;
  /** The outbox rows, oldest first. */
  jobs(filter?: { kind?: string; leadId?: string }): Promise<JobRow[]>;
}

export const LEAD_INBOX = {
  id: '19:leadinbox@thread.tacv2',
  name: 'Vertrieb',
  aadGroupId: 'group-1',
  channelId: '19:leadinbox@thread.tacv2',
  channelName: 'Lead-Eingang',
};

export async function startFaultWorld(o: Omit<WorldOptions, 'logSink'> = {}): Promise<FaultWorld> {
  const logs: LogLine[] = [];
  const echo = process.env.TEST_LOG_LEVEL && process.env.TEST_LOG_LEVEL !== 'silent';
  const clock = new TestClock();
  const world = await startWorld({
    ...o,
    env: { LOG_LEVEL: 'info', ...o.env },
    logSink: {
      write(s: string) {
        logs.push(JSON.parse(s));
        if (echo) process.stdout.write(s);
      },
    },
    // No manager schedules (digest, SLA sweeps): fast-forwarding the clock by hours would otherwise fire them.
    overrides: { ...o.overrides, clock, schedules: false },
  });
  const { lb } = world;

  async function jobs(filter: { kind?: string; leadId?: string } = {}): Promise<JobRow[]> {
    let q = lb.store.db.selectFrom('jobs').selectAll();
    if (filter.kind) q = q.where('kind', '=', filter.kind);
    if (filter.leadId) q = q.where('lead_id', '=', filter.leadId);
    const rows = await q.orderBy('id').execute();
    return rows.map((r) => ({
      id: Number(r.id),
      kind: r.kind,
      leadId: r.lead_id,
      orderKey: r.order_key,
      status: r.status,
      attempts: Number(r.attempts),
      runAt: Number(r.run_at),
      updatedAt: Number(r.updated_at),
      createdAt: Number(r.created_at),
      doneAt: r.done_at == null ? null : Number(r.done_at),
      lastError: r.last_error,
      leaseOwner: r.lease_owner,
      leaseUntil: r.lease_until == null ? null : Number(r.lease_until),
    }));
  }

  async function advance(ms: number) {
    await lb.worker.stop();
    clock.offset += ms;
    await lb.worker.start();
  }

  const w: FaultWorld = {
    ...world,
    clock,
    logs,
    jobs,
    advance,
    logged: (msg, pred = () => true) => logs.filter((l) => l.msg === msg && pred(l)),
    async quiet(timeoutMs = 30_000) {
      const until = Date.now() + timeoutMs;
      for (;;) {
        const pending = (await jobs()).filter((j) => j.status === 'pending');
        const now = clock.now();
        const running = (lb.worker as unknown as { inflight: number }).inflight > 0;
        // Only the oldest pending job of each order key can run; the others wait for it.
        const heads = pending.filter((j) => !pending.some((e) => e.orderKey === j.orderKey && e.id < j.id));
        // A job is due when its run_at has come and no live lease holds it. A lease held while nothing runs in this
        // worker is one whose result could not be recorded (database down): it frees itself when it expires.
        const live = (j: JobRow) => j.leaseOwner !== null && (j.leaseUntil ?? 0) >= now;
        const busy = running || heads.some((j) => !live(j) && j.runAt <= now);
        if (!busy) return heads.map((j) => ({ ...j, runAt: live(j) ? Math.max(j.runAt, j.leaseUntil! + 1) : j.runAt }));
        if (Date.now() > until) {
          throw new Error(
            `outbox still busy after ${timeoutMs} ms: ${JSON.stringify(pending.map((j) => ({ id: j.id, kind: j.kind, attempts: j.attempts, inMs: j.runAt - clock.now(), leased: !!j.leaseOwner, lastError: j.lastError })))}`,
          );
        }
        await sleep(25);
      }
    },
    async step(timeoutMs = 30_000) {
      const heads = await w.quiet(timeoutMs);
      if (heads.length === 0) return null;
      const skip = Math.min(...heads.map((j) => j.runAt)) - clock.now() + 1;
      await advance(skip);
      return skip;
    },
    async drain(timeoutMs = 30_000) {
      const until = Date.now() + timeoutMs;
      let skippedMs = 0;
      for (;;) {
        const skipped = await w.step(Math.max(1, until - Date.now()));
        if (skipped === null) return { skippedMs };
        skippedMs += skipped;
      }
    },
  };
  return w;
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Polls `probe` until it returns a truthy value; throws naming `what` (and the last value) after `timeoutMs`. */
export async function waitUntil<T>(
  what: string,
  probe: () => T | Promise<T>,
  timeoutMs = 10_000,
  everyMs = 25,
): Promise<NonNullable<T>> {
  const until = Date.now() + timeoutMs;
  let last: T | undefined;
  for (;;) {
    last = await probe();
    if (last) return last as NonNullable<T>;
    if (Date.now() > until)
      throw new Error(`timed out after ${timeoutMs} ms waiting for: ${what} (last: ${JSON.stringify(last)})`);
    await sleep(everyMs);
  }
}

/**
 * Adds MQL contacts named `Kontakt<id> Test` (score 85, stage MQL), each with the given owner and company,
 * so cards, notes and 36One leads can be counted per contact.
 */
export function addMqlContacts(
  hubspot: HubSpotStandin,
  specs: Array<{ id: string; ownerId?: string; companyId?: string }>,
): void {
  for (const s of specs) {
    hubspot.addContact({
      id: s.id,
      ...(s.companyId ? { companyId: s.companyId } : {}),
      properties: {
        firstname: `Kontakt${s.id}`,
        lastname: 'Test',
        email: `k${s.id}@example.org`,
        hubspotscore: 85,
        lifecyclestage: 'marketingqualifiedlead',
        hs_lead_status: 'NEW',
        ...(s.ownerId ? { hubspot_owner_id: s.ownerId } : {}),
      },
    });
  }
}

/** Current cards at the connector stand-in, grouped by the `Kontakt<id>` they show. */
export function cardsByContact(connector: TeamsConnector, conversationId?: string): Map<string, CardView[]> {
  const out = new Map<string, CardView[]>();
  for (const c of connector.cards(conversationId)) {
    const m = /Kontakt(\d+)/.exec(cardText(c.card));
    if (!m) continue;
    out.set(m[1]!, [...(out.get(m[1]!) ?? []), c]);
  }
  return out;
}

/** Asserts-friendly summary: contact id → number of cards (every contact in `ids`, 0 when none). */
export function cardCounts(connector: TeamsConnector, ids: string[]): Record<string, number> {
  const by = cardsByContact(connector);
  return Object.fromEntries(ids.map((id) => [id, by.get(id)?.length ?? 0]));
}

/** The one card of a contact (throws when there is none or more than one). */
export function onlyCard(connector: TeamsConnector, contactId: string): CardView {
  const cards = cardsByContact(connector).get(contactId) ?? [];
  if (cards.length !== 1) throw new Error(`expected exactly one card for Kontakt${contactId}, found ${cards.length}`);
  return cards[0]!;
}

/** Clicks a button on a posted card as `user`; returns the card the bot answered with (or its text reply). */
export async function click(
  w: World,
  user: TeamsUser,
  posted: CardView,
  title: string,
  inputs: Record<string, unknown> = {},
): Promise<any> {
  const a = action(posted.card, title);
  const res = await w.teams.cardAction(
    user,
    { verb: a.verb!, data: { ...a.data, ...inputs } },
    { replyToId: posted.activityId },
  );
  if (res.status !== 200) throw new Error(`card action "${title}" answered ${res.status}: ${JSON.stringify(res.body)}`);
  return (res.body as any)?.value;
}

/** Lead rows per contact (to prove no lead was lost and none doubled). */
export async function leadsByContact(w: World, ids: string[]): Promise<Record<string, number>> {
  const rows = await w.lb.store.db.selectFrom('leads').select(['contact_id']).where('contact_id', 'in', ids).execute();
  const out: Record<string, number> = Object.fromEntries(ids.map((id) => [id, 0]));
  for (const r of rows) out[r.contact_id] = (out[r.contact_id] ?? 0) + 1;
  return out;
}

export async function leadIdOf(w: World, contactId: string): Promise<string> {
  const r = await w.lb.store.db
    .selectFrom('leads')
    .select(['id'])
    .where('contact_id', '=', contactId)
    .executeTakeFirstOrThrow();
  return r.id;
}

/** `{id: n}` for each id: what the count maps should look like. */
export const each = (ids: string[], n: number) => Object.fromEntries(ids.map((id) => [id, n]));
