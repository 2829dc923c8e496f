import { sql } from 'kysely';
import type { Bucket, RateLimit, StartLog, Taken } from '../lib/rate-limit.js';
import type { Db } from './db.js';
import type { Engine } from './schema.js';

/** Namespace of LeadBridge's budget locks among PostgreSQL advisory locks (two-key form; the key is the bucket's hash). */
const LOCK_SPACE = 8_008;
/** Every this many starts, the taking buckets' rows that left their longest window are deleted. */
const PRUNE_EVERY = 20;
/** Every this many starts, rows of every bucket older than an hour (the longest window) are deleted. */
const SWEEP_EVERY = 500;
const HOUR_MS = 3_600_000;
/** Starts stamped further ahead than this came from a clock that has since been set back: they no longer count. */
const AHEAD_MS = 60_000;

const longestOf = (limits: readonly RateLimit[]) => Math.max(1000, ...limits.map(([ms]) => ms));

/**
 * The earliest time one more start fits every bucket's limits, and the bucket that holds it back (none: now), in one
 * query: per limit, the max-th latest start within the window; one more is allowed once that one has left it.
 */
async function readyAt(db: Db, buckets: readonly Bucket[], now: number): Promise<{ at: number; key?: string }> {
  const checks = buckets.flatMap((b) => b.limits.map(([windowMs, max]) => ({ key: b.key, windowMs, max })));
  if (!checks.length) return { at: now };
  const columns = checks.map(
    (c, i) =>
      sql`(select at from rate_starts where bucket = ${c.key} and at > ${now - c.windowMs} and at <= ${now + AHEAD_MS}
        order by at desc limit 1 offset ${c.max - 1}) as ${sql.ref(`c${i}`)}`,
  );
  const { rows } = await sql<Record<string, number | string | null>>`select ${sql.join(columns)}`.execute(db);
  let ready: { at: number; key?: string } = { at: now };
  checks.forEach((c, i) => {
    const v = rows[0]?.[`c${i}`];
    if (v != null && Number(v) + c.windowMs > ready.at) ready = { at: Number(v) + c.windowMs, key: c.key };
  });
  return ready;
}

/**
 * Starts counted in the database the instances share, so a budget holds for the whole deployment. Each take is one
 * transaction; on PostgreSQL it holds an advisory lock per bucket (always in the order given), so two instances never
 * both take the last start of a window. On SQLite (one process) the single connection serialises the transactions.
 */
export function sharedStartLog(db: Db, engine: Engine): StartLog {
  let taken = 0;
  const lock = async (trx: Db, key: string, first: boolean) => {
    if (engine !== 'postgres') return;
    // A start lost in a crash only lets one more through: the commit need not wait for the disk.
    if (first)
      await sql`select set_config('synchronous_commit', 'off', true), pg_advisory_xact_lock(${LOCK_SPACE}, hashtext(${key}))`.execute(
        trx,
      );
    else await sql`select pg_advisory_xact_lock(${LOCK_SPACE}, hashtext(${key}))`.execute(trx);
  };
  return {
    take(buckets: readonly Bucket[], now: number): Promise<Taken> {
      const n = ++taken;
      return db.transaction().execute(async (trx) => {
        for (const [i, b] of buckets.entries()) await lock(trx, b.key, i === 0);
        const ready = await readyAt(trx, buckets, now);
        if (ready.at > now) return { ok: false, at: ready.at, key: ready.key! } as const;
        if (n % PRUNE_EVERY === 0)
          for (const b of buckets)
            await trx
              .deleteFrom('rate_starts')
              .where('bucket', '=', b.key)
              .where('at', '<=', now - longestOf(b.limits))
              .execute();
        if (n % SWEEP_EVERY === 0)
          await trx
            .deleteFrom('rate_starts')
            .where((eb) => eb.or([eb('at', '<=', now - HOUR_MS), eb('at', '>', now + AHEAD_MS)]))
            .execute();
        await trx
          .insertInto('rate_starts')
          .values(buckets.map((b) => ({ bucket: b.key, at: now })))
          .execute();
        return { ok: true } as const;
      });
    },
    async atLeast(key, windowMs, counted, now) {
      await db.transaction().execute(async (trx) => {
        await lock(trx, key, true);
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
