import { type BantAnswers, bantYesCount } from './bant.js';
import type { RejectReason } from './reject-reasons.js';

/**
 * Where a lead stands in the customer's funnel (see the glossary: MQL → SAL → SQL → Opportunity). ERASED: an open lead
 * whose contact was erased (closed; a rejected lead or an opportunity keeps its state when erased).
 */
export const LEAD_STATES = ['MQL', 'SAL', 'SQL', 'OPPORTUNITY', 'REJECTED', 'ERASED'] as const;
export type LeadState = (typeof LEAD_STATES)[number];

/** What a person can do to a lead from its card. */
export const LEAD_ACTIONS = ['accept', 'reject', 'saveBant', 'qualify', 'convert', 'reassign'] as const;
export type LeadAction = (typeof LEAD_ACTIONS)[number];

export const OPEN_STATES: readonly LeadState[] = ['MQL', 'SAL', 'SQL'];
export const isOpen = (s: LeadState) => OPEN_STATES.includes(s);

/** An Opportunity needs at least this many BANT criteria answered "yes" (glossary: "mindestens zwei BANT-Kriterien"). */
export const MIN_BANT_YES_FOR_OPPORTUNITY = 2;

export type Refusal =
  | { code: 'closed'; state: LeadState }
  | { code: 'wrong_state'; state: LeadState; action: LeadAction }
  | { code: 'bant_insufficient'; yes: number; needed: number }
  | { code: 'reason_required' };

export type Decision = { ok: true; to: LeadState } | { ok: false; refusal: Refusal };

export interface ActionInput {
  action: LeadAction;
  bant?: BantAnswers | null;
  reason?: RejectReason;
}

/** The one place that says which action is allowed in which state, and where it leads. */
export function decide(state: LeadState, input: ActionInput): Decision {
  if (!isOpen(state)) return { ok: false, refusal: { code: 'closed', state } };
  const refuse = (): Decision => ({ ok: false, refusal: { code: 'wrong_state', state, action: input.action } });
  switch (input.action) {
    case 'accept':
      return state === 'MQL' ? { ok: true, to: 'SAL' } : refuse();
    case 'reject':
      return input.reason ? { ok: true, to: 'REJECTED' } : { ok: false, refusal: { code: 'reason_required' } };
    case 'saveBant':
      return state === 'MQL' ? refuse() : { ok: true, to: state };
    case 'qualify':
      return state === 'SAL' ? { ok: true, to: 'SQL' } : refuse();
    case 'convert': {
      if (state === 'MQL') return refuse();
      const yes = bantYesCount(input.bant);
      return yes >= MIN_BANT_YES_FOR_OPPORTUNITY
        ? { ok: true, to: 'OPPORTUNITY' }
        : { ok: false, refusal: { code: 'bant_insufficient', yes, needed: MIN_BANT_YES_FOR_OPPORTUNITY } };
    }
    case 'reassign':
      return { ok: true, to: state };
  }
}

/** The actions a card offers in a state (the server still decides with `decide`). */
export function availableActions(state: LeadState): LeadAction[] {
  return LEAD_ACTIONS.filter((action) => {
    const d = decide(state, { action, reason: 'other', bant: ALL_YES });
    return d.ok;
  });
}

const ALL_YES: BantAnswers = {
  budget: { value: 'yes' },
  authority: { value: 'yes' },
  need: { value: 'yes' },
  timeframe: { value: 'yes' },
};
