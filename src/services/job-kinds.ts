/** Outbox job kinds and the order key each runs under (one queue per lead and system, so a slow CRM blocks only itself). */
export const JOB = {
  evaluateContact: 'contact.evaluate',
  deliverCard: 'teams.deliver',
  refreshCards: 'teams.refresh',
  hubspotSync: 'hubspot.sync',
  hubspotNote: 'hubspot.note',
  hubspotOwner: 'hubspot.owner',
  c4cEnsureLead: 'c4c.ensureLead',
  c4cStatus: 'c4c.status',
  c4cOwner: 'c4c.owner',
  c4cOpportunity: 'c4c.opportunity',
  /** Marks the 36One lead converted after its opportunity: its own job, so a refusal leaves the opportunity standing. */
  c4cConvertLead: 'c4c.convertLead',
} as const;

export const orderKey = {
  contact: (portalId: number, contactId: string) => `contact:${portalId}:${contactId}`,
  teams: (leadId: string) => `teams:${leadId}`,
  hubspot: (leadId: string) => `hubspot:${leadId}`,
  c4c: (leadId: string) => `c4c:${leadId}`,
};

/**
 * Replaces every posted copy of the lead's card. `settled`: the job that enqueued this refresh, which has succeeded but
 * is marked done only after its handler returns; the card counts it as done, so it never shows "ausstehend" for it.
 */
export const refreshCardsJob = (leadId: string, settled?: number) => ({
  kind: JOB.refreshCards, leadId, orderKey: orderKey.teams(leadId), payload: settled === undefined ? { leadId } : { leadId, settled },
});

export const systemOfJob = (kind: string) => kind.split('.')[0] as 'contact' | 'teams' | 'hubspot' | 'c4c';
