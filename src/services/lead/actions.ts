import { type BantAnswers, bantSummaryText, mergeBant } from '../../domain/bant.js';
import { decide, type LeadAction, type Refusal } from '../../domain/lead.js';
import type { Actor, Lead } from '../../domain/model.js';
import { roleOn } from '../../domain/permissions.js';
import type { RejectReason } from '../../domain/reject-reasons.js';
import { enqueue, type NewJob } from '../../store/jobs-repo.js';
import { addLeadEvent, getLead, updateLeadIfVersion } from '../../store/leads-repo.js';
import type { Deps } from '../deps.js';
import { c4cOpportunity, c4cStatus } from '../effects/c4c.js';
import { hubspotNote, hubspotSync } from '../effects/hubspot.js';
import { refreshCards } from './card-refresh.js';

export interface ActCommand {
  leadId: string;
  /** The lead version the card showed; a different stored version means the click came from a stale card. */
  version: number;
  actor: Actor;
  action: Exclude<LeadAction, 'reassign'>;
  reason?: RejectReason;
  note?: string;
  bant?: BantAnswers;
  source: 'card' | 'chat';
}

export type ActOutcome =
  | { kind: 'done'; lead: Lead }
  | { kind: 'refused'; lead: Lead; why: 'not_allowed' | 'stale' | 'conflict' | Refusal['code'] }
  | { kind: 'not_found' };

/**
 * Applies a card action: authorises, checks the card's version, decides with the transition rules, and
 * writes the new state, the audit entry and the outbox effects in one transaction. Of two concurrent
 * clicks exactly one wins; the other gets the final state.
 */
export async function actOnLead(deps: Deps, cmd: ActCommand): Promise<ActOutcome> {
  const { store, clock } = deps;
  const outcome = await store.db.transaction().execute(async (trx): Promise<ActOutcome> => {
    const lead = await getLead(trx, cmd.leadId);
    if (!lead) return { kind: 'not_found' };
    if (!roleOn(cmd.actor, lead, deps.settings.permissions)) return { kind: 'refused', lead, why: 'not_allowed' };
    if (lead.version !== cmd.version) return { kind: 'refused', lead, why: 'stale' };
    const now = clock.now();
    const bant =
      cmd.action === 'saveBant' || cmd.action === 'convert' || cmd.action === 'qualify'
        ? cmd.bant
          ? mergeBant(lead.bant, cmd.bant, cmd.actor.name, now)
          : lead.bant
        : lead.bant;
    const d = decide(lead.state, { action: cmd.action, reason: cmd.reason, bant });
    if (!d.ok) return { kind: 'refused', lead, why: d.refusal.code };
    const next: Lead = {
      ...lead,
      state: d.to,
      version: lead.version + 1,
      bant,
      updatedAt: now,
      acceptedAt: cmd.action === 'accept' ? now : lead.acceptedAt,
      closedAt: d.to === 'REJECTED' || d.to === 'OPPORTUNITY' ? now : lead.closedAt,
      rejectReason: cmd.action === 'reject' ? cmd.reason! : lead.rejectReason,
      rejectNote: cmd.action === 'reject' ? cmd.note?.slice(0, 500) || null : lead.rejectNote,
    };
    if (!(await updateLeadIfVersion(trx, next, lead.version))) {
      return { kind: 'refused', lead: (await getLead(trx, lead.id))!, why: 'conflict' };
    }
    await addLeadEvent(trx, lead.id, {
      at: now,
      actor: { id: cmd.actor.id, name: cmd.actor.name },
      action: cmd.action,
      fromState: lead.state,
      toState: d.to,
      source: cmd.source,
      detail: {
        ...(cmd.reason ? { reason: cmd.reason } : {}),
        ...(cmd.note ? { note: cmd.note.slice(0, 500) } : {}),
        version: next.version,
      },
    });
    await enqueue(trx, effectsOf(deps, cmd, next, now), now);
    return { kind: 'done', lead: next };
  });
  if (outcome.kind === 'done') deps.kick();
  else if (outcome.kind === 'refused' && outcome.why === 'conflict')
    deps.log.info({ leadId: cmd.leadId, action: cmd.action }, 'concurrent action lost');
  return outcome;
}

/** The outbound work that follows a transition: CRMs first, then every posted card. */
function effectsOf(deps: Deps, cmd: ActCommand, lead: Lead, now: number): NewJob[] {
  const leadId = lead.id;
  const who = cmd.actor.name;
  const sync = hubspotSync.job({ leadId });
  const note = (text: string) => hubspotNote.job({ leadId, text, at: now });
  const c4c = (job: NewJob) => (deps.salesCloud ? [job] : []);
  const crm = ((): NewJob[] => {
    switch (cmd.action) {
      case 'accept':
        return [
          sync,
          note(`LeadBridge: Lead angenommen (SAL) von ${who}.`),
          ...c4c(c4cStatus.job({ leadId, change: { kind: 'accepted' } })),
        ];
      case 'reject':
        return [
          sync,
          note(`LeadBridge: Lead abgelehnt von ${who}. Grund: ${cmd.reason}${cmd.note ? ` – ${cmd.note}` : ''}`),
          ...c4c(c4cStatus.job({ leadId, change: { kind: 'rejected', reason: cmd.reason!, note: cmd.note } })),
        ];
      case 'saveBant':
        return [note(`LeadBridge: BANT gespeichert von ${who}.\n${bantSummaryText(lead.bant)}`)];
      case 'qualify':
        return [
          sync,
          note(`LeadBridge: Als SQL qualifiziert von ${who}.\n${bantSummaryText(lead.bant)}`),
          ...c4c(c4cStatus.job({ leadId, change: { kind: 'qualified' } })),
        ];
      case 'convert':
        return [
          sync,
          note(`LeadBridge: Opportunity angelegt von ${who}.\n${bantSummaryText(lead.bant)}`),
          ...c4c(c4cOpportunity.job({ leadId })),
        ];
    }
  })();
  return [...crm, refreshCards.job({ leadId })];
}
