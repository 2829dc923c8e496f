import type { Application, TurnState } from '@microsoft/teams-ai';
import type { TurnContext } from 'botbuilder';
import { z } from 'zod';
import { tc } from '../cards/i18n-chat.js';
import { t, type Locale } from '../cards/i18n.js';
import { BANT_CRITERIA, bantYesCount, type BantAnswers } from '../domain/bant.js';
import { MIN_BANT_YES_FOR_OPPORTUNITY } from '../domain/lead.js';
import { REJECT_REASONS } from '../domain/reject-reasons.js';
import { roleOn } from '../domain/permissions.js';
import type { Deps } from '../services/deps.js';
import { actOnLead, type ActOutcome } from '../services/lead/actions.js';
import { renderLead } from '../services/lead/view.js';
import { retryFailedEffects } from '../services/lead/retry.js';
import { getLead } from '../store/leads-repo.js';
import { resolveActor } from './actor.js';
import { handleManagerAction, isManagerVerb } from '../services/lead/reassign-actions.js';
import { turnLocale } from './conversations.js';

const bantValue = z.enum(['yes', 'no', 'unknown']).optional();
const note = z.string().max(300).optional();
/** Every Action.Execute payload is validated; Teams merges the card's inputs into it. Unknown keys are dropped. */
const ActionData = z.object({
  leadId: z.string().uuid(),
  v: z.coerce.number().int().positive().optional(),
  reason: z.enum(REJECT_REASONS).optional(),
  note: z.string().max(500).optional(),
  bant_budget: bantValue, bant_authority: bantValue, bant_need: bantValue, bant_timeframe: bantValue,
  bant_budget_note: note, bant_authority_note: note, bant_need_note: note, bant_timeframe_note: note,
  bant_closeDate: z.union([z.string().regex(/^\d{4}-\d{2}-\d{2}$/), z.literal('')]).optional(),
});
type ActionData = z.infer<typeof ActionData>;

const VERB_ACTION = { 'lead.accept': 'accept', 'lead.reject': 'reject', 'lead.saveBant': 'saveBant', 'lead.qualify': 'qualify', 'lead.convert': 'convert' } as const;

function bantFrom(d: ActionData): BantAnswers | undefined {
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
    case 'not_allowed': return r.notOwner;
    case 'stale': return r.stale;
    case 'conflict': return r.conflict;
    case 'closed': return r.closed;
    case 'reason_required': return r.reasonRequired;
    case 'bant_insufficient': return t(locale).convertNeeds(bantYesCount(o.lead.bant), MIN_BANT_YES_FOR_OPPORTUNITY);
    default: return r.wrongState;
  }
}

/** Handles one lead card action and returns the card to show in its place. */
export async function handleLeadAction(deps: Deps, ctx: TurnContext, verb: string, raw: unknown): Promise<object | string> {
  const locale = await turnLocale(deps, ctx);
  // "Weiterleiten" / "Neu zuweisen" (lead.reassign) and "Erinnern" (lead.nudge): roster-checked in the service.
  if (isManagerVerb(verb)) return handleManagerAction(deps, await resolveActor(deps, ctx), verb, raw, locale);
  const parsed = ActionData.safeParse(raw);
  if (!parsed.success) {
    const i = parsed.error.issues[0]!;
    return `${t(locale).refused.invalid}: ${i.path.join('.') || 'data'} – ${i.message}`;
  }
  const d = parsed.data;
  const lead = await getLead(deps.store.db, d.leadId);
  if (!lead) return t(locale).refused.notFound;
  if (verb === 'lead.refresh') return renderLead(deps, lead, locale);
  const actor = await resolveActor(deps, ctx);
  if (verb === 'lead.retry') {
    const revived = await retryFailedEffects(deps, lead, actor);
    return renderLead(deps, lead, locale, revived === null ? { notice: t(locale).refused.notOwner } : {});
  }
  const action = VERB_ACTION[verb as keyof typeof VERB_ACTION];
  if (!action) return tc(locale).unknownAction(verb);
  if (d.v === undefined) return `${t(locale).refused.invalid}: v`;
  const outcome = await actOnLead(deps, { leadId: lead.id, version: d.v, actor, action, reason: d.reason, note: d.note, bant: bantFrom(d), source: 'card' });
  if (outcome.kind === 'not_found') return t(locale).refused.notFound;
  if (outcome.kind === 'done') return renderLead(deps, outcome.lead, locale);
  if (outcome.why === 'not_allowed') deps.log.info({ leadId: lead.id, actor: actor.email, verb, role: roleOn(actor, lead, deps.settings.permissions) }, 'card action refused: not allowed');
  return renderLead(deps, outcome.lead, locale, { notice: noticeOf(outcome, locale) });
}

export function registerCardActions(app: Application<TurnState>, deps: Deps): void {
  app.adaptiveCards.actionExecute(/^lead\./, async (ctx, _state, data) => {
    const verb = (ctx.activity.value as { action?: { verb?: string } })?.action?.verb ?? '';
    const result = await handleLeadAction(deps, ctx, verb, data);
    // The outbox updates every posted copy (with its refresh); the invoke answer only replaces the clicker's
    // view. Without `refresh` here, teams-ai does not also update the message synchronously inside the invoke.
    if (typeof result === 'string') return result;
    const { refresh: _refresh, ...card } = result as Record<string, unknown>;
    return card as any;
  });
  // Clients without Universal Actions send Action.Submit: same handling, the card is replaced by an update.
  app.adaptiveCards.actionSubmit(/^lead\./, async (ctx, _state, data) => {
    const result = await handleLeadAction(deps, ctx, String((data as { verb?: string }).verb), data);
    if (typeof result === 'string') await ctx.sendActivity(result);
    else if (ctx.activity.replyToId) await ctx.updateActivity({ id: ctx.activity.replyToId, type: 'message', attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: result }] });
  });
}
