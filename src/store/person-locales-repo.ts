import type { Db } from './db.js';

/** The language a person last used in Teams (from their own activities), by AAD object id or Teams user id. */
export async function findPersonLocale(db: Db, keys: Array<string | null | undefined>): Promise<string | null> {
  const known = keys.filter((k): k is string => !!k);
  if (!known.length) return null;
  const r = await db
    .selectFrom('person_locales')
    .select('locale')
    .where('person_key', 'in', known)
    .orderBy('updated_at', 'desc')
    .executeTakeFirst();
  return r?.locale ?? null;
}

export async function savePersonLocale(db: Db, key: string, locale: string, now: number): Promise<void> {
  await db
    .insertInto('person_locales')
    .values({ person_key: key, locale, updated_at: now })
    .onConflict((oc) => oc.column('person_key').doUpdateSet({ locale, updated_at: now }))
    .execute();
}
