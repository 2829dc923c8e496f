import type { BatchHandler, JobHandler } from '../outbox/worker.js';
import type { Deps } from './deps.js';
import { c4cConvertLead, c4cEnsureLead, c4cOpportunity, c4cOwner, c4cStatus } from './effects/c4c.js';
import { hubspotNote, hubspotOwner, hubspotSync } from './effects/hubspot.js';
import { deliverCard, refreshCards, type DeliveryHooks } from './effects/teams.js';
import { EVALUATE_BATCH_MAX, evaluateContact, evaluateContacts } from './lead/evaluate-contact.js';
import { JOB } from './job-kinds.js';

/** Which function runs each outbox job kind. */
export function jobHandlers(deps: Deps, hooks: DeliveryHooks = {}): Record<string, JobHandler> {
  return {
    [JOB.evaluateContact]: (j) => evaluateContact(deps, j),
    [JOB.deliverCard]: (j) => deliverCard(deps, j, hooks),
    [JOB.refreshCards]: (j) => refreshCards(deps, j),
    [JOB.hubspotSync]: (j) => hubspotSync(deps, j),
    [JOB.hubspotNote]: (j) => hubspotNote(deps, j),
    [JOB.hubspotOwner]: (j) => hubspotOwner(deps, j),
    [JOB.c4cEnsureLead]: (j) => c4cEnsureLead(deps, j),
    [JOB.c4cStatus]: (j) => c4cStatus(deps, j),
    [JOB.c4cOpportunity]: (j) => c4cOpportunity(deps, j),
    [JOB.c4cConvertLead]: (j) => c4cConvertLead(deps, j),
    [JOB.c4cOwner]: (j) => c4cOwner(deps, j),
  };
}

/** Job kinds the worker runs in batches (taking precedence over their single handlers above). */
export function jobBatchHandlers(deps: Deps): Record<string, BatchHandler> {
  return {
    [JOB.evaluateContact]: { max: EVALUATE_BATCH_MAX, handle: (jobs) => evaluateContacts(deps, jobs) },
  };
}
