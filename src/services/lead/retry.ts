import type { Actor, Lead } from '../../domain/model.js';
import { jobsOfLead, reviveJob } from '../../store/jobs-repo.js';
import type { Deps } from '../deps.js';

/** An admin puts a lead's failed CRM effects back in the queue; null when the actor is not an admin. */
export async function retryFailedEffects(deps: Deps, lead: Lead, actor: Actor): Promise<number | null> {
  if (!actor.email || !deps.settings.permissions.admins.includes(actor.email.toLowerCase())) return null;
  if (lead.erasedAt != null) return 0; // its failed effects were cancelled with the erasure
  let revived = 0;
  for (const j of await jobsOfLead(deps.store.db, lead.id)) {
    if (j.status === 'dead' && (await reviveJob(deps.store.db, j.id, deps.clock.now()))) revived++;
  }
  deps.log.info({ leadId: lead.id, revived, actor: actor.email }, 'failed effects retried by an admin');
  if (revived) deps.kick();
  return revived;
}
