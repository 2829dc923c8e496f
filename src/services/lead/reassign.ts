import { decide } from '../../domain/lead.js';
import { type Actor, type Lead, type LeadEvent, type Owner, ownerName } from '../../domain/model.js';
import { type PermissionPolicy, type Role, roleOn } from '../../domain/permissions.js';
import { reassignTargets } from '../../domain/reassign.js';
import type { Roster } from '../../domain/roster.js';
import { IntegrationError } from '../../lib/integration-error.js';
import { permissionsOf } from '../../roster/permissions.js';
import type { Db } from '../../store/db.js';
import { enqueue, enqueueUnlessWaiting, type NewJob } from '../../store/jobs-repo.js';
import { addLeadEvent, getLead, restartSla, updateLeadIfVersion } from '../../store/leads-repo.js';
import type { Deps } from '../deps.js';
import { c4cOwner } from '../effects/c4c.js';
import { hubspotNote, hubspotOwner } from '../effects/hubspot.js';
import { slaReminder } from '../effects/sla.js';
import { refreshCards } from './card-refresh.js';
import { deliverCard } from './delivery.js';

export interface ReassignCommand {
  leadId: string;
  /** The lead version the card showed. */
  version: number;
  actor: Actor;
  newOwnerEmail: string;
  source?: 'card' | 'chat';
}

export type ReassignRefusal =
  | 'not_allowed'
  | 'stale'
  | 'conflict'
  | 'closed'
  | 'not_in_team'
  | 'same_owner'
  | 'unknown_owner'
  | 'owner_lookup_failed';
export type ReassignOutcome =
  | { kind: 'done'; lead: Lead; toName: string }
  | { kind: 'refused'; lead: Lead; why: ReassignRefusal }
  | { kind: 'not_found' };

/** Owner, their manager (from the roster) or an admin (roster or ADMIN_EMAILS). */
export const rosterPolicy = (deps: Deps, roster: Roster): PermissionPolicy =>
  permissionsOf(roster, deps.settings.permissions.admins);

function precheck(deps: Deps, lead: Lead, cmd: ReassignCommand, roster: Roster): ReassignRefusal | null {
  if (!roleOn(cmd.actor, lead, rosterPolicy(deps, roster))) return 'not_allowed';
  const d = decide(lead.state, { action: 'reassign' });
  if (!d.ok) return 'closed';
  if (lead.version !== cmd.version) return 'stale';
  const to = cmd.newOwnerEmail.toLowerCase();
  if (to === lead.owner.email?.toLowerCase()) return 'same_owner';
  if (!reassignTargets(roster, lead.owner.email, cmd.actor.email).includes(to)) return 'not_in_team';
  return null;
}

/**
 * "Weiterleiten" / "Neu zuweisen": the owner, their manager or an admin passes an open lead to another CSM of the
 * same team. The HubSpot owner id is looked up first; then owner, version, audit entry and every follow-up
 * (HubSpot owner, card for the new owner, refreshed old cards, 36One owner) are written in one transaction.
 */
export async function reassignLead(deps: Deps, cmd: ReassignCommand, roster: Roster): Promise<ReassignOutcome> {
  const first = await getLead(deps.store.db, cmd.leadId);
  if (!first) return { kind: 'not_found' };
  const early = precheck(deps, first, cmd, roster);
  if (early) return { kind: 'refused', lead: first, why: early };
  let owner: Owner | null;
  try {
    owner = await deps.hubspot.findOwnerByEmail(cmd.newOwnerEmail.toLowerCase());
  } catch (err) {
    if (!(err instanceof IntegrationError)) throw err;
    deps.log.warn({ leadId: cmd.leadId, err: err.message }, 'reassign: HubSpot owner lookup failed');
    return { kind: 'refused', lead: first, why: 'owner_lookup_failed' };
  }
  if (!owner) return { kind: 'refused', lead: first, why: 'unknown_owner' };
  const toEmail = cmd.newOwnerEmail.toLowerCase();
  const toName = ownerName(owner);

  const outcome = await deps.store.db.transaction().execute(async (trx): Promise<ReassignOutcome> => {
    const lead = await getLead(trx, cmd.leadId);
    if (!lead) return { kind: 'not_found' };
    const why = precheck(deps, lead, cmd, roster);
    if (why) return { kind: 'refused', lead, why };
    const now = deps.clock.now();
    const waiting = lead.state === 'MQL';
    const next: Lead = {
      ...lead,
      owner: { id: owner.id, email: toEmail, name: toName },
      version: lead.version + 1,
      updatedAt: now,
      // The new owner gets a fresh answer SLA.
      ...(waiting ? { remindedAt: null, escalatedAt: null } : {}),
    };
    if (!(await updateLeadIfVersion(trx, next, lead.version)))
      return { kind: 'refused', lead: (await getLead(trx, lead.id))!, why: 'conflict' };
    if (waiting) await restartSla(trx, lead.id, now);
    const fromName = lead.owner.name ?? lead.owner.email ?? '–';
    await auditKeepingState(trx, lead, cmd.actor, now, 'reassign', cmd.source ?? 'card', {
      fromName,
      fromEmail: lead.owner.email,
      toName,
      toEmail,
      version: next.version,
    });
    const note = `LeadBridge: Lead weitergeleitet von ${fromName} an ${toName} (durch ${cmd.actor.name}).`;
    await enqueue(trx, effectsOf(deps, lead.id, { id: owner.id, email: toEmail }, note, now), now);
    return { kind: 'done', lead: next, toName };
  });
  if (outcome.kind === 'done') {
    deps.kick();
    deps.slaChanged?.();
  }
  return outcome;
}

/** The audit entry of an action that leaves the lead in its state (reassign, nudge). */
function auditKeepingState(
  db: Db,
  lead: Lead,
  actor: Actor,
  at: number,
  action: string,
  source: LeadEvent['source'],
  detail: Record<string, unknown>,
): Promise<void> {
  const entry = { at, actor: { id: actor.id, name: actor.name }, action, source, detail };
  return addLeadEvent(db, lead.id, { ...entry, fromState: lead.state, toState: lead.state });
}

function effectsOf(
  deps: Deps,
  leadId: string,
  owner: { id: string; email: string },
  text: string,
  now: number,
): NewJob[] {
  return [
    hubspotOwner.job({ leadId, ownerId: owner.id }),
    hubspotNote.job({ leadId, text, at: now }),
    // Old copies first ("weitergeleitet an …"), then the new owner's own card.
    refreshCards.job({ leadId }),
    deliverCard.job({ leadId }),
    ...(deps.salesCloud ? [c4cOwner.job({ leadId, ownerEmail: owner.email })] : []),
  ];
}

export type NudgeOutcome =
  | { kind: 'done'; lead: Lead; role: Role }
  | { kind: 'refused'; lead: Lead; why: 'not_allowed' | 'closed' | 'no_owner' }
  | { kind: 'not_found' };

/** "Erinnern": a manager or admin has the owner reminded of an open lead now (a repeated click while one waits is ignored). */
export async function nudgeOwner(
  deps: Deps,
  cmd: { leadId: string; actor: Actor },
  roster: Roster,
): Promise<NudgeOutcome> {
  const outcome = await deps.store.db.transaction().execute(async (trx): Promise<NudgeOutcome> => {
    const lead = await getLead(trx, cmd.leadId);
    if (!lead) return { kind: 'not_found' };
    const role = roleOn(cmd.actor, lead, rosterPolicy(deps, roster));
    if (role !== 'manager' && role !== 'admin') return { kind: 'refused', lead, why: 'not_allowed' };
    if (!decide(lead.state, { action: 'reassign' }).ok) return { kind: 'refused', lead, why: 'closed' };
    if (!lead.owner.email) return { kind: 'refused', lead, why: 'no_owner' };
    const now = deps.clock.now();
    const added = await enqueueUnlessWaiting(
      trx,
      slaReminder.kind,
      [slaReminder.job({ leadId: lead.id, nudgedBy: cmd.actor.name })],
      now,
    );
    if (added) {
      await auditKeepingState(trx, lead, cmd.actor, now, 'nudge', 'card', { ownerEmail: lead.owner.email });
    }
    return { kind: 'done', lead, role };
  });
  if (outcome.kind === 'done') deps.kick();
  return outcome;
}
