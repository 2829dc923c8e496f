import { z } from 'zod';
import type { Locale } from '../../cards/i18n.js';
import { tm } from '../../cards/i18n-follow-up.js';
import type { Deps } from '../../services/deps.js';
import { renderEscalation } from '../../services/effects/sla.js';
import { nudgeOwner, reassignLead } from '../../services/lead/reassign.js';
import { renderLead } from '../../services/lead/view.js';
import { getLead } from '../../store/leads-repo.js';
import { type ActionGroup, defineAction } from './action.js';

/** The data of `lead.reassign` / `lead.nudge` (Teams merges the ChoiceSet `newOwner` into it). */
const ReassignData = z
  .object({
    leadId: z.string().uuid(),
    v: z.coerce.number().int().positive(),
    newOwner: z.string().trim().toLowerCase().email().optional(),
    /** Where the button was: the lead card (default) or the manager's escalation card. */
    src: z.enum(['card', 'escalation']).default('card'),
  })
  .passthrough();
type ReassignData = z.infer<typeof ReassignData>;

/** The clicked card again (lead card or escalation card) with the outcome as its notice. */
async function show(
  deps: Deps,
  d: ReassignData,
  locale: Locale,
  actorEmail: string | null,
  notice: string,
): Promise<object | string> {
  const lead = await getLead(deps.store.db, d.leadId);
  if (!lead) return tm(locale).refused.not_found;
  return d.src === 'escalation'
    ? renderEscalation(deps, lead, locale, actorEmail, notice)
    : renderLead(deps, lead, locale, { notice });
}

/** "Weiterleiten" / "Neu zuweisen" and "Erinnern": roster-checked in the service. */
export const reassignActions = {
  'lead.reassign': defineAction({
    data: ReassignData,
    async run(deps, { locale, actor: who }, d) {
      const tx = tm(locale);
      const actor = await who();
      if (!d.newOwner) return `${tx.refused.invalid}: newOwner – ${tx.chooseOwner}`;
      const o = await reassignLead(
        deps,
        { leadId: d.leadId, version: d.v, actor, newOwnerEmail: d.newOwner, source: 'card' },
        deps.roster.current(),
      );
      if (o.kind === 'not_found') return tx.refused.not_found;
      if (o.kind === 'refused') deps.log.info({ leadId: d.leadId, actor: actor.email, why: o.why }, 'reassign refused');
      return show(deps, d, locale, actor.email, o.kind === 'done' ? tx.reassigned(o.toName) : tx.refused[o.why]);
    },
  }),
  'lead.nudge': defineAction({
    data: ReassignData,
    async run(deps, { locale, actor: who }, d) {
      const tx = tm(locale);
      const actor = await who();
      const o = await nudgeOwner(deps, { leadId: d.leadId, actor }, deps.roster.current());
      if (o.kind === 'not_found') return tx.refused.not_found;
      if (o.kind === 'refused')
        return show(deps, d, locale, actor.email, o.why === 'closed' ? tx.refused.closed : tx.refused.not_allowed);
      return show(deps, d, locale, actor.email, tx.nudgeSent(o.lead.owner.name ?? o.lead.owner.email ?? '–'));
    },
  }),
} satisfies ActionGroup;
