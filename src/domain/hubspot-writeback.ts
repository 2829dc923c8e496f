import type { Lead } from './model.js';

/**
 * HubSpot's default lifecycle order (the `lifecyclestage` options by display order, `other` last); a stage may only
 * move forward (the API refuses going back), so a contact in `other` is never moved.
 */
export const LIFECYCLE_ORDER = [
  'subscriber',
  'lead',
  'marketingqualifiedlead',
  'salesqualifiedlead',
  'opportunity',
  'customer',
  'evangelist',
  'other',
];

export interface WriteBackRule {
  stages: { sql: string; opportunity: string };
  leadStatus: { accepted: string; rejected: string; opportunity: string };
  rejectReasonProperty?: string;
}

/**
 * The contact properties that mirror a lead's state, as absolute values (a retry writes the same thing).
 * `currentStage` is the contact's stage now; the stage is only ever moved forward.
 */
export function writeBackProperties(
  lead: Lead,
  currentStage: string | null | undefined,
  rule: WriteBackRule,
): Record<string, string> {
  const props: Record<string, string> = {};
  let stage: string | undefined;
  switch (lead.state) {
    case 'SAL':
      props.hs_lead_status = rule.leadStatus.accepted;
      break;
    case 'SQL':
      props.hs_lead_status = rule.leadStatus.accepted;
      stage = rule.stages.sql;
      break;
    case 'OPPORTUNITY':
      props.hs_lead_status = rule.leadStatus.opportunity;
      stage = rule.stages.opportunity;
      break;
    case 'REJECTED':
      props.hs_lead_status = rule.leadStatus.rejected;
      if (rule.rejectReasonProperty && lead.rejectReason) props[rule.rejectReasonProperty] = lead.rejectReason;
      break;
    case 'MQL':
      break;
  }
  if (stage && isForward(currentStage, stage)) props.lifecyclestage = stage;
  return props;
}

function isForward(from: string | null | undefined, to: string): boolean {
  if (!from) return true;
  const a = LIFECYCLE_ORDER.indexOf(from);
  const b = LIFECYCLE_ORDER.indexOf(to);
  // A portal's custom stage has no known place: leave it alone rather than risk moving it back.
  if (a < 0 || b < 0) return false;
  return b > a;
}
