import { z } from 'zod';
import { renderErasedCard } from '../../cards/erased-card.js';
import { defineJob } from '../../outbox/job.js';
import { cardPostsOfLead, leadMessagesOf } from '../../store/card-posts-repo.js';
import { getConversation, setBlocked } from '../../store/conversations-repo.js';
import { enqueue, type Job, type NewJob } from '../../store/jobs-repo.js';
import { getLead } from '../../store/leads-repo.js';
import type { Deps } from '../deps.js';
import { localeFor } from '../locale.js';
import { cardFor, isBlocked } from './delivery.js';

/**
 * Replaces every posted copy of the lead card with the current state (Teams updates by activity id: idempotent).
 * `settled`: the job that queued this refresh, which has succeeded but is marked done only after its handler
 * returns; the card counts it as done, so it never shows "ausstehend" for it.
 */
export const refreshCards = defineJob({
  kind: 'teams.refresh',
  payload: z.object({ leadId: z.string(), settled: z.number().int().optional() }),
  async run(deps: Deps, { leadId, settled }) {
    const lead = await getLead(deps.store.db, leadId);
    if (!lead) return;
    const erased = lead.erasedAt != null;
    // An erased contact's reminders and escalations are replaced too: they name the person.
    const messages = erased ? await leadMessagesOf(deps.store.db, leadId) : [];
    for (const p of [...(await cardPostsOfLead(deps.store.db, leadId)), ...messages]) {
      const to = await getConversation(deps.store.db, p.conversationId);
      if (!to || to.blocked) continue;
      const card =
        erased || p.kind === 'reminder' || p.kind === 'escalation'
          ? renderErasedCard(await localeFor(deps, to))
          : await cardFor(deps, lead, to, p.kind, settled);
      try {
        await deps.teams.update(to, p.activityId, { card });
      } catch (err) {
        if (!isBlocked(err)) throw err;
        await setBlocked(deps.store.db, to.id, true, deps.clock.now());
      }
    }
  },
});

/** After a CRM step settled: queue `more` (what follows it) and a refresh of the lead's cards that counts `job` as done. */
export async function queueCardRefresh(deps: Deps, leadId: string, job: Job, more: NewJob[] = []): Promise<void> {
  await enqueue(deps.store.db, [...more, refreshCards.job({ leadId, settled: job.id })], deps.clock.now());
  deps.kick();
}
