import type { Db } from './db.js';

/** A place LeadBridge can post to proactively: a user's personal chat or a team channel. */
export interface Conversation {
  id: string;
  kind: 'personal' | 'channel';
  userId: string | null;
  aadObjectId: string | null;
  email: string | null;
  upn: string | null;
  name: string | null;
  tenantId: string | null;
  locale: string | null;
  teamId: string | null;
  /** The Bot Framework conversation reference, opaque outside src/bot. */
  reference: unknown;
  blocked: boolean;
}

export async function saveConversation(db: Db, c: Conversation, now: number): Promise<void> {
  const row = {
    id: c.id,
    kind: c.kind,
    user_id: c.userId,
    aad_object_id: c.aadObjectId,
    email: c.email?.toLowerCase() ?? null,
    upn: c.upn?.toLowerCase() ?? null,
    name: c.name,
    tenant_id: c.tenantId,
    locale: c.locale,
    team_id: c.teamId,
    reference_json: JSON.stringify(c.reference),
    blocked: c.blocked ? 1 : 0,
    updated_at: now,
  };
  const { id: _id, ...update } = row;
  await db
    .insertInto('conversations')
    .values({ ...row, created_at: now })
    .onConflict((oc) => oc.column('id').doUpdateSet(update))
    .execute();
}

const toConversation = (r: any): Conversation => ({
  id: r.id,
  kind: r.kind,
  userId: r.user_id,
  aadObjectId: r.aad_object_id,
  email: r.email,
  upn: r.upn,
  name: r.name,
  tenantId: r.tenant_id,
  locale: r.locale,
  teamId: r.team_id,
  reference: JSON.parse(r.reference_json),
  blocked: r.blocked === 1,
});

export async function getConversation(db: Db, id: string): Promise<Conversation | null> {
  const r = await db.selectFrom('conversations').selectAll().where('id', '=', id).executeTakeFirst();
  return r ? toConversation(r) : null;
}

/** The personal chat of the user with this email (or UPN). */
export async function findPersonalByEmail(db: Db, email: string): Promise<Conversation | null> {
  const e = email.toLowerCase();
  const r = await db
    .selectFrom('conversations')
    .selectAll()
    .where('kind', '=', 'personal')
    .where((w) => w.or([w('email', '=', e), w('upn', '=', e)]))
    .orderBy('updated_at', 'desc')
    .executeTakeFirst();
  return r ? toConversation(r) : null;
}

export async function findPersonalByAad(db: Db, aadObjectId: string): Promise<Conversation | null> {
  const r = await db
    .selectFrom('conversations')
    .selectAll()
    .where('kind', '=', 'personal')
    .where('aad_object_id', '=', aadObjectId)
    .executeTakeFirst();
  return r ? toConversation(r) : null;
}

/** The stored General channel of every team the bot was installed in, first installed first. */
export async function installedTeams(db: Db): Promise<Conversation[]> {
  const rows = await db
    .selectFrom('conversations')
    .selectAll()
    .where('kind', '=', 'channel')
    .whereRef('id', '=', 'team_id')
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map(toConversation);
}

export async function findChannel(db: Db, channelId: string): Promise<Conversation | null> {
  const r = await db
    .selectFrom('conversations')
    .selectAll()
    .where('kind', '=', 'channel')
    .where('id', '=', channelId)
    .executeTakeFirst();
  return r ? toConversation(r) : null;
}

export async function setBlocked(db: Db, id: string, blocked: boolean, now: number): Promise<void> {
  await db
    .updateTable('conversations')
    .set({ blocked: blocked ? 1 : 0, updated_at: now })
    .where('id', '=', id)
    .execute();
}
