import type { IgnoreReason, WebhookEvent } from '../../hubspot/webhook-events.js';
import { cancelWaitingEvaluations } from '../../store/erasure-repo.js';
import { storeInboxEvents } from '../../store/inbox-repo.js';
import { enqueueUnlessWaiting } from '../../store/jobs-repo.js';
import type { Deps } from '../deps.js';
import { contactQueue, eraseContactJob } from '../privacy/erasure.js';
import { evaluateContact } from './evaluate-contact.js';

export interface IgnoredEvent {
  portalId: number;
  type: string;
  reason: IgnoreReason;
}

export interface IntakeResult {
  received: number;
  stored: number;
  duplicates: number;
  /** New events that name no contact to evaluate: stored and acknowledged, then left alone. */
  ignored: IgnoredEvent[];
  /** Portals of the new events that are evaluated. */
  usedPortals: number[];
}

/**
 * Durably stores verified webhook batches and schedules one evaluation per contact, all in one transaction.
 * Events are only triggers: the evaluation re-reads the contact from HubSpot. A contact HubSpot erased or deleted
 * gets an erasure instead, and its waiting evaluations are cancelled. Returns one result per batch.
 */
export async function acceptWebhookBatches(deps: Deps, batches: WebhookEvent[][]): Promise<IntakeResult[]> {
  const now = deps.clock.now();
  const { results, evaluations } = await deps.store.db.transaction().execute(async (trx) => {
    const fresh = new Set(await storeInboxEvents(trx, batches.flat(), now));
    const contacts = new Map<string, { portalId: number; contactId: string }>();
    const erasures = new Map<
      string,
      { portalId: number; contactId: string; reason: 'privacy_deletion' | 'deletion' }
    >();
    for (const e of fresh) {
      if (e.contactId) contacts.set(`${e.portalId}:${e.contactId}`, { portalId: e.portalId, contactId: e.contactId });
      if (e.erase) {
        const key = `${e.portalId}:${e.erase.contactId}`;
        // A privacy deletion comes with a plain deletion: the stronger reason is recorded.
        if (erasures.get(key)?.reason !== 'privacy_deletion') erasures.set(key, { portalId: e.portalId, ...e.erase });
      }
    }
    for (const key of erasures.keys()) contacts.delete(key);
    for (const c of erasures.values()) await cancelWaitingEvaluations(trx, contactQueue(c.portalId, c.contactId), now);
    const evaluations =
      (await enqueueUnlessWaiting(
        trx,
        evaluateContact.kind,
        [...contacts.values()].map((c) => evaluateContact.job({ ...c, receivedAt: now })),
        now,
      )) +
      (await enqueueUnlessWaiting(
        trx,
        eraseContactJob.kind,
        [...erasures.values()].map((c) => eraseContactJob.job(c)),
        now,
      ));
    const results = batches.map((events): IntakeResult => {
      const stored = events.filter((e) => fresh.has(e));
      return {
        received: events.length,
        stored: stored.length,
        duplicates: events.length - stored.length,
        ignored: stored.flatMap((e) =>
          e.ignored ? [{ portalId: e.portalId, type: e.subscriptionType, reason: e.ignored }] : [],
        ),
        usedPortals: [...new Set(stored.filter((e) => e.contactId || e.erase).map((e) => e.portalId))],
      };
    });
    return { results, evaluations };
  });
  if (evaluations > 0) deps.kick();
  return results;
}

/**
 * Group commit: requests that arrive while a transaction is being written wait for the next one and share
 * it, so a burst of single-event webhooks costs one transaction per group instead of one per request.
 * Each caller's promise settles when its events are committed (or rejects, and HubSpot retries).
 */
export function groupCommitIntake(deps: Deps, maxEventsPerGroup = 1_000) {
  type Waiting = { events: WebhookEvent[]; resolve(r: IntakeResult): void; reject(e: unknown): void };
  let queue: Waiting[] = [];
  let writing = false;

  async function drain(): Promise<void> {
    writing = true;
    while (queue.length > 0) {
      let n = 0,
        size = 0;
      while (n < queue.length && (n === 0 || size + queue[n]!.events.length <= maxEventsPerGroup))
        size += queue[n++]!.events.length;
      const group = queue.slice(0, n);
      queue = queue.slice(n);
      try {
        const results = await acceptWebhookBatches(
          deps,
          group.map((w) => w.events),
        );
        for (const [i, w] of group.entries()) w.resolve(results[i]!);
      } catch (err) {
        // One batch the database refuses must not fail the others that shared its transaction: retry each alone,
        // side by side (with the database down they all fail at once instead of one connection timeout after another).
        if (group.length === 1) group[0]!.reject(err);
        else
          await Promise.all(
            group.map((w) => acceptWebhookBatches(deps, [w.events]).then((r) => w.resolve(r[0]!), w.reject)),
          );
      }
    }
    writing = false;
  }

  return (events: WebhookEvent[]): Promise<IntakeResult> =>
    new Promise((resolve, reject) => {
      queue.push({ events, resolve, reject });
      // Let the requests already read in this turn of the event loop join the first group.
      if (!writing) {
        writing = true;
        setImmediate(() => void drain());
      }
    });
}
