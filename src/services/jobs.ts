import { jobTables } from '../outbox/job.js';
import type { BatchHandler, JobHandler } from '../outbox/worker.js';
import { enqueue, type Job } from '../store/jobs-repo.js';
import type { Deps } from './deps.js';
import { c4cConvertLead, c4cEnsureLead, c4cOpportunity, c4cOwner, c4cStatus } from './effects/c4c.js';
import { sendDigest } from './effects/digest.js';
import { hubspotNote, hubspotOwner, hubspotSync } from './effects/hubspot.js';
import { slaEscalation, slaReminder } from './effects/sla.js';
import { refreshCards } from './lead/card-refresh.js';
import { type DeliveryHooks, deliverCard } from './lead/delivery.js';
import { evaluateContact } from './lead/evaluate-contact.js';
import { eraseContactJob } from './privacy/erasure.js';

/** Every outbox job kind LeadBridge runs. */
export const JOBS = [
  evaluateContact,
  deliverCard,
  refreshCards,
  hubspotSync,
  hubspotNote,
  hubspotOwner,
  c4cEnsureLead,
  c4cStatus,
  c4cOpportunity,
  c4cConvertLead,
  c4cOwner,
  sendDigest,
  slaReminder,
  slaEscalation,
  eraseContactJob,
] as const;

type Runs = Deps & DeliveryHooks;

/** Which function runs each outbox job kind (a kind listed twice fails here, at start). */
export function jobHandlers(deps: Deps, hooks: DeliveryHooks = {}): Record<string, JobHandler> {
  return jobTables<Runs>(JOBS, { ...deps, ...hooks }).handlers;
}

/** Job kinds the worker runs in batches (taking precedence over their single handlers). */
export function jobBatchHandlers(deps: Deps): Record<string, BatchHandler> {
  return jobTables<Runs>(JOBS, deps).batchHandlers;
}

/** A lead's job given up: its cards are refreshed, so they show the failure (and an admin's retry button). */
export function refreshCardsWhenDead(deps: Deps): (job: Job) => Promise<void> {
  return async (job) => {
    if (!job.leadId || job.kind === refreshCards.kind) return;
    await enqueue(deps.store.db, [refreshCards.job({ leadId: job.leadId })], deps.clock.now());
    deps.kick();
  };
}
