import type { Db } from './db.js';
import type { PeopleTable } from './schema.js';

/** A Teams user as the member API described them (migration 0007). */
export interface Person {
  tenantId: string;
  aadObjectId: string;
  /** The Teams user id (`29:…`) the member API was asked with. */
  userId: string;
  email: string | null;
  upn: string | null;
  name: string | null;
  /** When Teams was last asked (epoch ms). */
  checkedAt: number;
}

const toPerson = (r: PeopleTable): Person => ({
  tenantId: r.tenant_id,
  aadObjectId: r.aad_object_id,
  userId: r.user_id,
  email: r.email,
  upn: r.upn,
  name: r.name,
  checkedAt: Number(r.checked_at),
});

export async function savePerson(db: Db, p: Person): Promise<void> {
  const row: PeopleTable = {
    tenant_id: p.tenantId,
    aad_object_id: p.aadObjectId,
    user_id: p.userId,
    email: p.email?.toLowerCase() ?? null,
    upn: p.upn?.toLowerCase() ?? null,
    name: p.name,
    checked_at: p.checkedAt,
  };
  const { tenant_id: _t, aad_object_id: _a, ...update } = row;
  await db
    .insertInto('people')
    .values(row)
    .onConflict((oc) => oc.columns(['tenant_id', 'aad_object_id']).doUpdateSet(update))
    .execute();
}

/** The person with this Entra object id, or (when the activity carries none) with this Teams user id. */
export async function findPerson(
  db: Db,
  tenantId: string,
  key: { aadObjectId?: string; userId: string },
): Promise<Person | null> {
  let q = db.selectFrom('people').selectAll().where('tenant_id', '=', tenantId);
  q = key.aadObjectId ? q.where('aad_object_id', '=', key.aadObjectId) : q.where('user_id', '=', key.userId);
  const r = await q.executeTakeFirst();
  return r ? toPerson(r) : null;
}
