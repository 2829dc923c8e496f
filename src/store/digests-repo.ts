import type { Db } from './db.js';

export interface DigestClaim {
  managerEmail: string;
  day: string;
  since: number;
  until: number;
  by: string;
}

/** Claims the digest of one manager for one day; false when it is already claimed (by this or any instance). */
export async function claimDigest(db: Db, c: DigestClaim, now: number): Promise<boolean> {
  const r = await db
    .insertInto('digests')
    .values({
      manager_email: c.managerEmail.toLowerCase(),
      day: c.day,
      window_start: c.since,
      window_end: c.until,
      claimed_at: now,
      claimed_by: c.by,
      sent_at: null,
      activity_id: null,
    })
    .onConflict((oc) => oc.columns(['manager_email', 'day']).doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) === 1;
}

export interface DigestRecord {
  managerEmail: string;
  day: string;
  since: number;
  until: number;
  sentAt: number | null;
  activityId: string | null;
}

export async function getDigest(db: Db, managerEmail: string, day: string): Promise<DigestRecord | null> {
  const r = await db
    .selectFrom('digests')
    .selectAll()
    .where('manager_email', '=', managerEmail.toLowerCase())
    .where('day', '=', day)
    .executeTakeFirst();
  return r
    ? {
        managerEmail: r.manager_email,
        day: r.day,
        since: Number(r.window_start),
        until: Number(r.window_end),
        sentAt: r.sent_at == null ? null : Number(r.sent_at),
        activityId: r.activity_id,
      }
    : null;
}

/** Recorded the moment Teams answers: a crash after this cannot send the digest twice. */
export async function markDigestSent(
  db: Db,
  managerEmail: string,
  day: string,
  activityId: string,
  now: number,
): Promise<void> {
  await db
    .updateTable('digests')
    .set({ sent_at: now, activity_id: activityId })
    .where('manager_email', '=', managerEmail.toLowerCase())
    .where('day', '=', day)
    .execute();
}

export async function setDigestPaused(db: Db, managerEmail: string, paused: boolean, now: number): Promise<void> {
  const row = { manager_email: managerEmail.toLowerCase(), paused: paused ? 1 : 0, updated_at: now };
  await db
    .insertInto('digest_prefs')
    .values(row)
    .onConflict((oc) => oc.column('manager_email').doUpdateSet({ paused: row.paused, updated_at: now }))
    .execute();
}

/** The managers (lower-case emails) who paused their digest. */
export async function pausedManagers(db: Db): Promise<Set<string>> {
  const rows = await db.selectFrom('digest_prefs').select('manager_email').where('paused', '=', 1).execute();
  return new Set(rows.map((r) => r.manager_email));
}
