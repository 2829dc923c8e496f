import { describe, expect, it } from 'vitest';
import { LIFECYCLE_ORDER, writeBackProperties } from '../../src/domain/hubspot-writeback.js';
import type { Lead } from '../../src/domain/model.js';
import { isMql, nextCycle } from '../../src/domain/mql.js';
import { LIFECYCLE_STAGES } from '../standins/hubspot-schema.js';

const rule = { threshold: 75, mqlStage: 'marketingqualifiedlead' };

describe('MQL detection', () => {
  it.each([
    [{ score: 75 }, true],
    [{ score: 74.9 }, false],
    [{ score: 100, lifecycleStage: 'lead' }, true],
    [{ lifecycleStage: 'marketingqualifiedlead', score: 10 }, true],
    [{ lifecycleStage: 'lead', score: null }, false],
    [{ score: Number.NaN }, false],
    [{}, false],
  ])('%o → %s', (facts, expected) => expect(isMql(facts, rule)).toBe(expected));

  it('starts a new cycle only after a closed lead and a drop below the bar', () => {
    expect(nextCycle({ cycle: 1, lastLeadClosed: null }, true)).toBe(1);
    expect(nextCycle({ cycle: 1, lastLeadClosed: false }, false)).toBe(1);
    expect(nextCycle({ cycle: 1, lastLeadClosed: true }, true)).toBe(1);
    expect(nextCycle({ cycle: 1, lastLeadClosed: true }, false)).toBe(2);
  });
});

describe('HubSpot write-back', () => {
  const wb = {
    stages: { sql: 'salesqualifiedlead', opportunity: 'opportunity' },
    leadStatus: { accepted: 'IN_PROGRESS', rejected: 'UNQUALIFIED', opportunity: 'OPEN_DEAL' },
    rejectReasonProperty: 'lb_reason',
  };
  const lead = (state: Lead['state']) => ({ state, rejectReason: 'competitor' }) as Lead;
  it('maps each state to absolute properties', () => {
    expect(writeBackProperties(lead('SAL'), 'marketingqualifiedlead', wb)).toEqual({ hs_lead_status: 'IN_PROGRESS' });
    expect(writeBackProperties(lead('REJECTED'), 'marketingqualifiedlead', wb)).toEqual({
      hs_lead_status: 'UNQUALIFIED',
      lb_reason: 'competitor',
    });
    expect(writeBackProperties(lead('SQL'), 'marketingqualifiedlead', wb)).toEqual({
      hs_lead_status: 'IN_PROGRESS',
      lifecyclestage: 'salesqualifiedlead',
    });
    expect(writeBackProperties(lead('OPPORTUNITY'), 'salesqualifiedlead', wb)).toEqual({
      hs_lead_status: 'OPEN_DEAL',
      lifecyclestage: 'opportunity',
    });
  });
  it('never moves the lifecycle stage backwards or off a custom stage', () => {
    expect(writeBackProperties(lead('SQL'), 'customer', wb).lifecyclestage).toBeUndefined();
    expect(writeBackProperties(lead('OPPORTUNITY'), 'opportunity', wb).lifecyclestage).toBeUndefined();
    expect(writeBackProperties(lead('SQL'), 'my_custom_stage', wb).lifecyclestage).toBeUndefined();
  });
  it("knows HubSpot's default stages in HubSpot's order, `other` last: a contact in `other` is not moved", () => {
    expect(LIFECYCLE_ORDER).toEqual(LIFECYCLE_STAGES); // the stand-in's list carries HubSpot's documented order
    expect(writeBackProperties(lead('OPPORTUNITY'), 'other', wb)).toEqual({ hs_lead_status: 'OPEN_DEAL' });
    expect(writeBackProperties(lead('SQL'), 'lead', wb).lifecyclestage).toBe('salesqualifiedlead');
  });
});
