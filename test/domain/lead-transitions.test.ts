import { describe, expect, it } from 'vitest';
import type { BantAnswers } from '../../src/domain/bant.js';
import { decide, LEAD_ACTIONS, LEAD_STATES, type LeadAction, type LeadState } from '../../src/domain/lead.js';

const two: BantAnswers = { budget: { value: 'yes' }, need: { value: 'yes' }, authority: { value: 'no' } };
const one: BantAnswers = { budget: { value: 'yes' }, need: { value: 'unknown' } };

// Every state × action, with enough BANT and a reason: the expected target, or the refusal code.
// A closed lead refuses every action.
const CLOSED = Object.fromEntries(LEAD_ACTIONS.map((a) => [a, 'closed'])) as Record<LeadAction, string>;
const TABLE: Record<LeadState, Record<LeadAction, LeadState | string>> = {
  MQL: {
    accept: 'SAL',
    reject: 'REJECTED',
    saveBant: 'wrong_state',
    qualify: 'wrong_state',
    convert: 'wrong_state',
    reassign: 'MQL',
  },
  SAL: {
    accept: 'wrong_state',
    reject: 'REJECTED',
    saveBant: 'SAL',
    qualify: 'SQL',
    convert: 'OPPORTUNITY',
    reassign: 'SAL',
  },
  SQL: {
    accept: 'wrong_state',
    reject: 'REJECTED',
    saveBant: 'SQL',
    qualify: 'wrong_state',
    convert: 'OPPORTUNITY',
    reassign: 'SQL',
  },
  OPPORTUNITY: CLOSED,
  REJECTED: CLOSED,
  ERASED: CLOSED,
};

describe('lead transitions', () => {
  for (const state of LEAD_STATES) {
    for (const action of LEAD_ACTIONS) {
      it(`${state} × ${action} → ${TABLE[state][action]}`, () => {
        const d = decide(state, { action, reason: 'no_budget', bant: two });
        expect(d.ok ? d.to : d.refusal.code).toBe(TABLE[state][action]);
      });
    }
  }

  it('refuses an opportunity with only one BANT "yes"', () => {
    const d = decide('SQL', { action: 'convert', bant: one });
    expect(d).toEqual({ ok: false, refusal: { code: 'bant_insufficient', yes: 1, needed: 2 } });
  });

  it('refuses a rejection without a reason', () => {
    expect(decide('MQL', { action: 'reject' })).toEqual({ ok: false, refusal: { code: 'reason_required' } });
  });
});
