import type { InboxEvent } from '../store/inbox-repo.js';
import { storeInboxEvents } from '../store/inbox-repo.js';
import { enqueueUnlessWaiting } from '../store/jobs-repo.js';
import type { Deps } from './deps.js';
import { JOB, orderKey } from './job-kinds.js';

export interface IntakeResult { received: number; stored: number; duplicates: number; triggers: number }

/** Contact events that can make a contact an MQL; everything else is stored and acknowledged, then left alone. */
const TRIGGERS = /^contact\.(creation|propertyChange|merge|restore|associationChange)$/;

/**
 * Durably stores a verified webhook batch and schedules one evaluation per contact, in one transaction.
 * Events are only triggers: the evaluation re-reads the contact from HubSpot.
 */
export async function acceptWebhookEvents(deps: Deps, events: InboxEvent[]): Promise<IntakeResult> {
  const now = deps.clock.now();
  const result = await deps.store.db.transaction().execute(async (trx) => {
    const fresh = await storeInboxEvents(trx, events, now);
    const contacts = new Map<string, { portalId: number; contactId: string }>();
    for (const e of fresh) {
      if (!TRIGGERS.test(e.subscriptionType) || !e.objectId) continue;
      contacts.set(`${e.portalId}:${e.objectId}`, { portalId: e.portalId, contactId: e.objectId });
    }
    const triggers = await enqueueUnlessWaiting(trx, JOB.evaluateContact, [...contacts.values()].map((c) => ({
      kind: JOB.evaluateContact, orderKey: orderKey.contact(c.portalId, c.contactId), payload: { ...c, receivedAt: now },
    })), now);
    return { received: events.length, stored: fresh.length, duplicates: events.length - fresh.length, triggers };
  });
  if (result.triggers > 0) deps.kick();
  return result;
}
