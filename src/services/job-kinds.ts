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
} as const;

export const orderKey = {
  contact: (portalId: number, contactId: string) => `contact:${portalId}:${contactId}`,
  teams: (leadId: string) => `teams:${leadId}`,
  hubspot: (leadId: string) => `hubspot:${leadId}`,
  c4c: (leadId: string) => `c4c:${leadId}`,
};

export const systemOfJob = (kind: string) => kind.split('.')[0] as 'contact' | 'teams' | 'hubspot' | 'c4c';
