import type { Db } from './db.js';

export interface CardPost {
  leadId: string;
  conversationId: string;
  activityId: string;
  kind: 'owner' | 'inbox';
  postedAt: number;
}

/** A card post or lead message row (the two tables share their columns). */
interface PostRow {
  lead_id: string;
  conversation_id: string;
  activity_id: string;
  kind: string;
  posted_at: number | string;
}
const postOf = <T extends CardPost | LeadMessage>(r: PostRow): T =>
  ({
    leadId: r.lead_id,
    conversationId: r.conversation_id,
    activityId: r.activity_id,
    kind: r.kind,
    postedAt: Number(r.posted_at),
  }) as T;

export async function recordCardPost(db: Db, p: CardPost): Promise<void> {
  await db
    .insertInto('card_posts')
    .values({
      lead_id: p.leadId,
      conversation_id: p.conversationId,
      activity_id: p.activityId,
      kind: p.kind,
      posted_at: p.postedAt,
    })
    .onConflict((oc) =>
      oc
        .columns(['lead_id', 'conversation_id'])
        .doUpdateSet({ activity_id: p.activityId, posted_at: p.postedAt, kind: p.kind }),
    )
    .execute();
}

export async function cardPostsOfLead(db: Db, leadId: string): Promise<CardPost[]> {
  const rows = await db.selectFrom('card_posts').selectAll().where('lead_id', '=', leadId).orderBy('id').execute();
  return rows.map((r) => postOf<CardPost>(r));
}

export async function findCardPost(db: Db, leadId: string, conversationId: string): Promise<CardPost | null> {
  const r = await db
    .selectFrom('card_posts')
    .selectAll()
    .where('lead_id', '=', leadId)
    .where('conversation_id', '=', conversationId)
    .executeTakeFirst();
  return r ? postOf<CardPost>(r) : null;
}

/** A reminder or escalation about a lead, as posted (so it can be replaced when the contact is erased). */
export interface LeadMessage {
  leadId: string;
  conversationId: string;
  activityId: string;
  kind: 'reminder' | 'escalation';
  postedAt: number;
}

export async function recordLeadMessage(db: Db, m: LeadMessage): Promise<void> {
  await db
    .insertInto('lead_messages')
    .values({
      lead_id: m.leadId,
      conversation_id: m.conversationId,
      activity_id: m.activityId,
      kind: m.kind,
      posted_at: m.postedAt,
    })
    .execute();
}

export async function leadMessagesOf(db: Db, leadId: string): Promise<LeadMessage[]> {
  const rows = await db.selectFrom('lead_messages').selectAll().where('lead_id', '=', leadId).orderBy('id').execute();
  return rows.map((r) => postOf<LeadMessage>(r));
}
