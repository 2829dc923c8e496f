/**
 * Every card action verb LeadBridge's cards send. The bot's action table (src/bot/card-actions/) must handle each one,
 * and card builders take a `Verb`, so a button without a handler does not compile.
 */
export const VERBS = {
  'lead.refresh': 'show the lead card as it is now (also the card refresh of Universal Actions)',
  'lead.accept': 'Annehmen: MQL → SAL',
  'lead.reject': 'Ablehnen, with a reason and a note',
  'lead.saveBant': 'save the BANT answers',
  'lead.qualify': 'Qualifizieren: SAL → SQL',
  'lead.convert': 'Opportunity anlegen: SQL → Opportunity',
  'lead.retry': 'retry dead CRM effects (admin)',
  'lead.reassign': 'Weiterleiten / Neu zuweisen: a new Contact Owner (the chosen e-mail arrives as `newOwner`)',
  'lead.nudge': 'Erinnern: remind the owner (escalation card)',
  'glossary.explain': '„Was heißt das?“: the lead card again with a glossary term (`term`) explained in place',
} as const;

export type Verb = keyof typeof VERBS;

export const ALL_VERBS = Object.keys(VERBS) as Verb[];
