import { z } from 'zod';
import type { Locale } from '../../cards/i18n.js';
import { tm } from '../../cards/i18n-follow-up.js';
import type { Actor } from '../../domain/model.js';
import { getLead } from '../../store/leads-repo.js';
import { renderEscalation } from '../effects/sla.js';
import { renderLead } from './view.js';
import type { Deps } from '../deps.js';
import { nudgeOwner, reassignLead } from './reassign.js';

/** The Action.Execute data of `lead.reassign` / `lead.nudge` (Teams merges the ChoiceSet `newOwner` into it). */
export const ManagerActionData = z.object({
  leadId: z.string().uuid(),
  v: z.coerce.number().int().positive(),
  newOwner: z.string().trim().toLowerCase().email().optional(),
  /** Where the button was: the lead card (default) or the manager's escalation card. */
  src: z.enum(['card', 'escalation']).default('card'),
}).passthrough();

export const MANAGER_VERBS = ['lead.reassign', 'lead.nudge'] as const;
export type ManagerVerb = (typeof MANAGER_VERBS)[number];
export const isManagerVerb = (verb: string): verb is ManagerVerb => (MANAGER_VERBS as readonly string[]).includes(verb);

/**
 * Handles "Weiterleiten"/"Neu zuweisen" (`lead.reassign`) and "Erinnern" (`lead.nudge`) and returns what replaces
 * the clicked card: the lead card, or the escalation card, with the outcome as a notice; a string for bad input.
 */
export async function handleManagerAction(deps: Deps, actor: Actor, verb: ManagerVerb, raw: unknown, locale: Locale): Promise<object | string> {
  const tx = tm(locale);
  const parsed = ManagerActionData.safeParse(raw);
  if (!parsed.success) {
    const i = parsed.error.issues[0]!;
    return `${tx.refused.invalid}: ${i.path.join('.') || 'data'} – ${i.message}`;
  }
  const d = parsed.data;
  const roster = deps.roster.current();
  const show = async (leadId: string, notice: string) => {
    const lead = await getLead(deps.store.db, leadId);
    if (!lead) return tx.refused.not_found;
    return d.src === 'escalation' ? renderEscalation(deps, lead, locale, actor.email, notice) : renderLead(deps, lead, locale, { notice });
  };
  if (verb === 'lead.reassign') {
    if (!d.newOwner) return `${tx.refused.invalid}: newOwner – ${tx.chooseOwner}`;
    const o = await reassignLead(deps, { leadId: d.leadId, version: d.v, actor, newOwnerEmail: d.newOwner, source: 'card' }, roster);
    if (o.kind === 'not_found') return tx.refused.not_found;
    if (o.kind === 'refused') deps.log.info({ leadId: d.leadId, actor: actor.email, why: o.why }, 'reassign refused');
    return show(d.leadId, o.kind === 'done' ? tx.reassigned(o.toName) : tx.refused[o.why]);
  }
  const o = await nudgeOwner(deps, { leadId: d.leadId, actor }, roster);
  if (o.kind === 'not_found') return tx.refused.not_found;
  if (o.kind === 'refused') return show(d.leadId, o.why === 'closed' ? tx.refused.closed : tx.refused.not_allowed);
  return show(d.leadId, tx.nudgeSent(o.lead.owner.name ?? o.lead.owner.email ?? '–'));
}
