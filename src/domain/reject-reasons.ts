/** Why a CSM rejects a lead. The codes are stable; labels are configurable per language. */
export const REJECT_REASONS = [
  'no_budget',
  'wrong_contact',
  'existing_opportunity',
  'competitor',
  'no_interest',
  'other',
] as const;
export type RejectReason = (typeof REJECT_REASONS)[number];
