import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { RateLimit, StartLog, StartRequest, Taken } from '../lib/rate-limit.js';
import type { Db } from './db.js';
import type { Engine } from './schema.js';

/** Namespace of LeadBridge's budget locks among PostgreSQL advisory locks (two-key form; the key is the lock's hash). */
const LOCK_SPACE = 8_008;
/** Every this many takes, the taking buckets' rows that left their longest window are deleted. */
const PRUNE_EVERY = 20;
/** Every this many takes, rows of every bucket older than an hour (the longest window) are deleted. */
const SWEEP_EVERY = 500;
const HOUR_MS = 3_600_000;
/** Starts stamped further ahead than this came from a clock that has since been set back: they no longer count. */
const AHEAD_MS = 60_000;
/** A held start not finished after this long belongs to an instance that stopped: it counts at its start again. */
const HOLD_MAX_MS = 30_000;

const longestOf = (limits: readonly RateLimit[]) => Math.max(1000, ...limits.map(([ms]) => ms));

interface Window {
  key: string;
  windowMs: number;
  max: number;
  /** Starts within the window before this take, and the oldest of them. */
  count: number;
  oldest: number | null;
  /** Granted in this take. */
  granted: number;
}

/** Per bucket and limit: how many starts the window holds and the oldest of them, in one query. */
async function readWindows(db: Db, requests: readonly StartRequest[], now: number): Promise<Map<string, Window[]>> {
  const windows = new Map<string, Window[]>();
  for (const r of requests)
    for (const b of r)
      if (!windows.has(b.key))
        windows.set(
          b.key,
          b.limits.map(([windowMs, max]) => ({ key: b.key, windowMs, max, count: 0, oldest: null, granted: 0 })),
        );
  const all = [...windows.values()].flat();
  if (!all.length) return windows;
  const columns = all.flatMap((w, i) => {
    // A held start (in flight) counts as now.
    const holding = sql`open = 1 and at > ${now - HOLD_MAX_MS}`;
    const where = sql`bucket = ${w.key} and at <= ${now + AHEAD_MS} and (at > ${now - w.windowMs} or (${holding}))`;
    return [
      sql`(select count(*) from rate_starts where ${where}) as ${sql.ref(`n${i}`)}`,
      sql`(select min(case when ${holding} then ${now} else at end) from rate_starts where ${where}) as ${sql.ref(`o${i}`)}`,
    ];
  });
  const { rows } = await sql<Record<string, number | string | null>>`select ${sql.join(columns)}`.execute(db);
  all.forEach((w, i) => {
    w.count = Number(rows[0]?.[`n${i}`] ?? 0);
    const o = rows[0]?.[`o${i}`];
    w.oldest = o == null ? null : Number(o);
  });
  return windows;
}

/**
 * Starts counted in the database the instances share, so a budget holds for the whole deployment. One take decides
 * many requests in one transaction under one lock (`lockKey`: all of Teams' buckets, or HubSpot's): on PostgreSQL an
 * advisory lock, so two instances never both take the last start of a window; on SQLite (one process) the single
 * connection serialises the transactions.
 */
export function sharedStartLog(db: Db, engine: Engine, lockKey: string): StartLog {
  let takes = 0;
  /** Finished starts not yet written, with the latest end among them (written as the end of all: never too early). */
  let finished: string[] = [];
  let finishedAt = 0;
  let flushing: Promise<void> | undefined;
  const writeFinished = async (trx: Db) => {
    if (!finished.length) return;
    const refs = finished;
    const at = finishedAt;
    finished = [];
    finishedAt = 0;
    await trx.updateTable('rate_starts').set({ at, open: 0 }).where('ref', 'in', refs).execute();
  };
  const lock = async (trx: Db) => {
    if (engine !== 'postgres') return;
    // A start lost in a crash only lets one more through: the commit need not wait for the disk.
    await sql`select set_config('synchronous_commit', 'off', true), pg_advisory_xact_lock(${LOCK_SPACE}, hashtext(${lockKey}))`.execute(
      trx,
    );
  };
  return {
    take(requests: readonly StartRequest[], now: number, hold = false): Promise<Taken[]> {
      const n = ++takes;
      return db.transaction().execute(async (trx) => {
        await lock(trx);
        await writeFinished(trx);
        const windows = await readWindows(trx, requests, now);
        const results: Taken[] = requests.map((r) => {
          const ws = r.flatMap((b) => windows.get(b.key)!);
          const full = ws.filter((w) => w.count + w.granted >= w.max);
          if (full.length) {
            // Room comes back when the oldest start of the window leaves it (this take's own starts are at `now`).
            const at = (w: Window) => (w.count ? w.oldest! : now) + w.windowMs;
            const worst = full.reduce((a, b) => (at(b) > at(a) ? b : a));
            return { ok: false, at: at(worst), key: worst.key };
          }
          for (const w of ws) w.granted++;
          return { ok: true, ref: randomUUID() };
        });
        const rows = requests.flatMap((r, i) => {
          const t = results[i]!;
          return t.ok ? r.map((b) => ({ bucket: b.key, at: now, open: hold ? 1 : 0, ref: hold ? t.ref : null })) : [];
        });
        if (!rows.length) return results;
        if (n % PRUNE_EVERY === 0)
          for (const [key, ws] of windows)
            await trx
              .deleteFrom('rate_starts')
              .where('bucket', '=', key)
              .where('at', '<=', now - longestOf(ws.map((w) => [w.windowMs, w.max] as const)))
              .execute();
        if (n % SWEEP_EVERY === 0)
          await trx
            .deleteFrom('rate_starts')
            .where((eb) => eb.or([eb('at', '<=', now - HOUR_MS), eb('at', '>', now + AHEAD_MS)]))
            .execute();
        await trx.insertInto('rate_starts').values(rows).execute();
        return results;
      });
    },
    finish(refs, now) {
      finished.push(...refs);
      finishedAt = Math.max(finishedAt, now);
      // Written soon, in one statement for all finished meanwhile (or by the next take, whichever comes first).
      flushing ??= new Promise<void>((resolve) => setImmediate(resolve))
        .then(() => db.transaction().execute(writeFinished))
        .catch(() => undefined)
        .finally(() => {
          flushing = undefined;
        });
      return flushing;
    },
    async atLeast(key, windowMs, counted, now) {
      await db.transaction().execute(async (trx) => {
        await lock(trx);
        const row = await trx
          .selectFrom('rate_starts')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('bucket', '=', key)
          .where('at', '>', now - windowMs)
          .where('at', '<=', now + AHEAD_MS)
          .executeTakeFirst();
        const missing = counted - Number(row?.n ?? 0);
        if (missing > 0)
          await trx
            .insertInto('rate_starts')
            .values(Array.from({ length: missing }, () => ({ bucket: key, at: now })))
            .execute();
      });
    },
  };
}
