import { z } from 'zod';
import { type Locale, t } from '../../cards/i18n.js';
import { BANT_CRITERIA, type BantAnswers, bantYesCount } from '../../domain/bant.js';
import { MIN_BANT_YES_FOR_OPPORTUNITY } from '../../domain/lead.js';
import type { Lead } from '../../domain/model.js';
import { roleOn } from '../../domain/permissions.js';
import { REJECT_REASONS } from '../../domain/reject-reasons.js';
import type { Deps } from '../../services/deps.js';
import { type ActCommand, type ActOutcome, actOnLead } from '../../services/lead/actions.js';
import { retryFailedEffects } from '../../services/lead/retry.js';
import { renderLead } from '../../services/lead/view.js';
import { getLead } from '../../store/leads-repo.js';
import { type ActionGroup, type ActionTurn, type CardReply, defineAction } from './action.js';

const bantValue = z.enum(['yes', 'no', 'unknown']).optional();
const note = z.string().max(300).optional();
/** The lead card's data and inputs. Unknown keys are dropped. */
const LeadActionData = z.object({
  leadId: z.string().uuid(),
  v: z.coerce.number().int().positive().optional(),
  reason: z.enum(REJECT_REASONS).optional(),
  note: z.string().max(500).optional(),
  bant_budget: bantValue,
  bant_authority: bantValue,
  bant_need: bantValue,
  bant_timeframe: bantValue,
  bant_budget_note: note,
  bant_authority_note: note,
  bant_need_note: note,
  bant_timeframe_note: note,
  bant_closeDate: z.union([z.string().regex(/^\d{4}-\d{2}-\d{2}$/), z.literal('')]).optional(),
});
type LeadActionData = z.infer<typeof LeadActionData>;

function bantFrom(d: LeadActionData): BantAnswers | undefined {
  const out: BantAnswers = {};
  for (const c of BANT_CRITERIA) {
    const value = d[`bant_${c}`];
    if (value) out[c] = { value, note: d[`bant_${c}_note`]?.trim() || undefined };
  }
  if (d.bant_closeDate !== undefined) out.expectedCloseDate = d.bant_closeDate;
  return Object.keys(out).length ? out : undefined;
}

function noticeOf(o: Extract<ActOutcome, { kind: 'refused' }>, locale: Locale): string {
  const r = t(locale).refused;
  switch (o.why) {
    case 'not_allowed':
      return r.notOwner;
    case 'stale':
      return r.stale;
    case 'conflict':
      return r.conflict;
    case 'closed':
      return r.closed;
    case 'reason_required':
      return r.reasonRequired;
    case 'bant_insufficient':
      return t(locale).convertNeeds(bantYesCount(o.lead.bant), MIN_BANT_YES_FOR_OPPORTUNITY);
    default:
      return r.wrongState;
  }
}

/** An action on the stored lead the data names; a lead that is gone is refused. */
const onLead = (run: (deps: Deps, turn: ActionTurn, lead: Lead, d: LeadActionData) => Promise<CardReply>) =>
  defineAction({
    data: LeadActionData,
    async run(deps, turn, d) {
      const lead = await getLead(deps.store.db, d.leadId);
      return lead ? run(deps, turn, lead, d) : t(turn.locale).refused.notFound;
    },
  });

/** A state transition (or saving BANT) through the lead rules; a refusal shows the current card with the reason. */
const transition = (action: ActCommand['action']) =>
  onLead(async (deps, turn, lead, d) => {
    const { locale } = turn;
    const actor = await turn.actor();
    if (d.v === undefined) return `${t(locale).refused.invalid}: v`;
    const outcome = await actOnLead(deps, {
      leadId: lead.id,
      version: d.v,
      actor,
      action,
      reason: d.reason,
      note: d.note,
      bant: bantFrom(d),
      source: 'card',
    });
    if (outcome.kind === 'not_found') return t(locale).refused.notFound;
    if (outcome.kind === 'done') return renderLead(deps, outcome.lead, locale);
    if (outcome.why === 'not_allowed')
      deps.log.info(
        { leadId: lead.id, actor: actor.email, verb: turn.verb, role: roleOn(actor, lead, deps.settings.permissions) },
        'card action refused: not allowed',
      );
    return renderLead(deps, outcome.lead, locale, { notice: noticeOf(outcome, locale) });
  });

/** The lead card's buttons (and its Universal Actions refresh). */
export const leadActions = {
  'lead.refresh': onLead((deps, turn, lead) => renderLead(deps, lead, turn.locale)),
  'lead.accept': transition('accept'),
  'lead.reject': transition('reject'),
  'lead.saveBant': transition('saveBant'),
  'lead.qualify': transition('qualify'),
  'lead.convert': transition('convert'),
  'lead.retry': onLead(async (deps, turn, lead) => {
    const revived = await retryFailedEffects(deps, lead, await turn.actor());
    return renderLead(deps, lead, turn.locale, revived === null ? { notice: t(turn.locale).refused.notOwner } : {});
  }),
} satisfies ActionGroup;
