import type { Lead, LeadEvent } from '../domain/model.js';
import type { Db } from './db.js';
import { toLead, toLeadEvent } from './leads-repo.js';

/** Everything LeadBridge stores about one HubSpot contact, as `leadbridge export` prints it. */
export interface ContactExport {
  contactId: string;
  exportedAt: string;
  leads: Array<{
    lead: Lead & { erasedReason: string | null };
    history: LeadEvent[];
    /** The lead's outbox jobs: what was (or is to be) sent to HubSpot, 36One and Teams about it. */
    outbox: Array<{
      id: number;
      kind: string;
      status: string;
      createdAt: string;
      doneAt: string | null;
      payload: unknown;
      lastError: string | null;
    }>;
    /** Where its card (and reminders, escalations) were posted in Teams. */
    cards: Array<{ conversationId: string; where: string; postedAt: string; conversationName: string | null }>;
  }>;
  /** Stored HubSpot webhook events about the contact (kept for deduplication, deleted after RETENTION_DAYS). */
  webhookEvents: Array<{
    subscriptionType: string;
    propertyName: string | null;
    propertyValue: string | null;
    occurredAt: string;
    receivedAt: string;
    payload: unknown;
  }>;
}

const iso = (ms: number | null) => (ms == null ? null : new Date(Number(ms)).toISOString());

/** Reads everything about a contact (any portal); leads oldest first. */
export async function exportContact(db: Db, contactId: string, now: number): Promise<ContactExport> {
  const rows = await db
    .selectFrom('leads')
    .selectAll()
    .where('contact_id', '=', contactId)
    .orderBy('created_at')
    .execute();
  const leads: ContactExport['leads'] = [];
  for (const r of rows) {
    const [events, jobs, posts, messages] = await Promise.all([
      db.selectFrom('lead_events').selectAll().where('lead_id', '=', r.id).orderBy('at').orderBy('id').execute(),
      db.selectFrom('jobs').selectAll().where('lead_id', '=', r.id).orderBy('id').execute(),
      db
        .selectFrom('card_posts as p')
        .leftJoin('conversations as c', 'c.id', 'p.conversation_id')
        .select(['p.conversation_id', 'p.kind', 'p.posted_at', 'c.name'])
        .where('p.lead_id', '=', r.id)
        .orderBy('p.id')
        .execute(),
      db
        .selectFrom('lead_messages as m')
        .leftJoin('conversations as c', 'c.id', 'm.conversation_id')
        .select(['m.conversation_id', 'm.kind', 'm.posted_at', 'c.name'])
        .where('m.lead_id', '=', r.id)
        .orderBy('m.id')
        .execute(),
    ]);
    leads.push({
      lead: { ...toLead(r), erasedAt: r.erased_at == null ? null : Number(r.erased_at), erasedReason: r.erased_reason },
      history: events.map(toLeadEvent),
      outbox: jobs.map((j) => ({
        id: Number(j.id),
        kind: j.kind,
        status: j.status,
        createdAt: iso(j.created_at)!,
        doneAt: iso(j.done_at),
        payload: JSON.parse(j.payload),
        lastError: j.last_error,
      })),
      cards: [
        ...posts.map((p) => ({
          conversationId: p.conversation_id,
          where: p.kind === 'inbox' ? 'lead inbox channel' : "owner's chat",
          postedAt: iso(p.posted_at)!,
          conversationName: p.name ?? null,
        })),
        ...messages.map((m) => ({
          conversationId: m.conversation_id,
          where: m.kind === 'escalation' ? "escalation in the manager's chat" : "reminder in the owner's chat",
          postedAt: iso(m.posted_at)!,
          conversationName: m.name ?? null,
        })),
      ],
    });
  }
  const events = await db
    .selectFrom('webhook_events')
    .selectAll()
    .where('object_id', '=', contactId)
    .orderBy('id')
    .execute();
  return {
    contactId,
    exportedAt: new Date(now).toISOString(),
    leads,
    webhookEvents: events.map((e) => ({
      subscriptionType: e.subscription_type,
      propertyName: e.property_name,
      propertyValue: e.property_value,
      occurredAt: iso(e.occurred_at)!,
      receivedAt: iso(e.received_at)!,
      payload: JSON.parse(e.payload),
    })),
  };
}
