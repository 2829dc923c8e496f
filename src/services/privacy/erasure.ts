import { z } from 'zod';
import { ERASURE_REASONS, type ErasureReason } from '../../domain/privacy.js';
import { defineJob } from '../../outbox/job.js';
import { cardPostsOfLead, leadMessagesOf } from '../../store/card-posts-repo.js';
import type { Db } from '../../store/db.js';
import {
  cancelWaitingEvaluations,
  deleteWebhookEventsOfContact,
  eraseLeadRows,
  flushErasure,
  unerasedLeadsOfContact,
} from '../../store/erasure-repo.js';
import { enqueue, type NewJob } from '../../store/jobs-repo.js';
import { addLeadEvent } from '../../store/leads-repo.js';
import type { Deps } from '../deps.js';
import { refreshCards } from '../lead/card-refresh.js';

/** What an erasure needs: the store and the clock (the CLI runs it without HubSpot or Teams). */
export type ErasureDeps = Pick<Deps, 'store' | 'clock' | 'log' | 'kick'>;

export interface ErasureResult {
  /** Leads whose data was erased now (0 when it already was: a repeated erasure changes nothing). */
  leads: number;
  /** Posted cards queued to be replaced by the neutral card. */
  cards: number;
  webhookEvents: number;
}

/** The queue of a contact's evaluations: the erasure joins it, so it runs after an evaluation already running. */
export const contactQueue = (portalId: number, contactId: string) => `contact:${portalId}:${contactId}`;

/**
 * Erases the leads in one transaction, with an audit entry each ("erased", no personal data) and a refresh of their
 * posted cards, which then show the neutral card. `cardPriority` 1 keeps a nightly retention run behind new leads' cards.
 */
async function eraseInTransaction(
  trx: Db,
  leadIds: string[],
  now: number,
  reason: ErasureReason,
  cardPriority?: number,
): Promise<{ leads: number; cards: number }> {
  const erased = await eraseLeadRows(trx, leadIds, now, reason);
  const refreshes: NewJob[] = [];
  let cards = 0;
  for (const l of erased) {
    await addLeadEvent(trx, l.id, {
      at: now,
      actor: { id: 'system', name: 'LeadBridge' },
      action: 'erased',
      fromState: l.fromState,
      toState: l.toState,
      source: 'system',
      detail: { erasure: reason },
    });
    const posts = (await cardPostsOfLead(trx, l.id)).length + (await leadMessagesOf(trx, l.id)).length;
    cards += posts;
    if (posts)
      refreshes.push({ ...refreshCards.job({ leadId: l.id }), ...(cardPriority ? { priority: cardPriority } : {}) });
  }
  await enqueue(trx, refreshes, now);
  return { leads: erased.length, cards };
}

/**
 * Erases everything LeadBridge holds about a HubSpot contact (every lead of it, any cycle; any portal when none is
 * given): personal columns, audit free text, outbox payloads and stored webhook events; pending work for it is
 * cancelled and its cards are replaced. Idempotent: a second call finds nothing left and changes nothing.
 */
export async function eraseContact(
  deps: ErasureDeps,
  target: { portalId?: number; contactId: string },
  reason: ErasureReason,
): Promise<ErasureResult> {
  const now = deps.clock.now();
  const result = await deps.store.db.transaction().execute(async (trx) => {
    const ids = await unerasedLeadsOfContact(trx, target.contactId, target.portalId);
    const { leads, cards } = await eraseInTransaction(trx, ids, now, reason);
    if (target.portalId !== undefined)
      await cancelWaitingEvaluations(trx, contactQueue(target.portalId, target.contactId), now);
    const webhookEvents = await deleteWebhookEventsOfContact(trx, target.contactId, target.portalId);
    return { leads, cards, webhookEvents };
  });
  await flushErasure(deps.store);
  if (result.cards) deps.kick();
  // Ids and counts only: the log never carries the person's data.
  deps.log.info({ contactId: target.contactId, reason, ...result }, 'privacy: contact erased');
  return result;
}

/** Pseudonymises these leads the same way (retention); returns how many were erased now. */
export async function eraseLeads(deps: ErasureDeps, leadIds: string[], reason: ErasureReason): Promise<number> {
  const now = deps.clock.now();
  const { leads, cards } = await deps.store.db
    .transaction()
    .execute((trx) => eraseInTransaction(trx, leadIds, now, reason, 1));
  if (cards) deps.kick();
  return leads;
}

/** HubSpot erased or deleted a contact: the durable job that erases it here (queued with the webhook's events). */
export const eraseContactJob = defineJob({
  kind: 'contact.erase',
  payload: z.object({
    portalId: z.number(),
    contactId: z.string(),
    reason: z.enum(ERASURE_REASONS),
  }),
  orderKey: ({ portalId, contactId }) => contactQueue(portalId, contactId),
  async run(deps: Deps, { portalId, contactId, reason }) {
    await eraseContact(deps, { portalId, contactId }, reason);
  },
});
