/** Outbox job kinds for managers: the daily digest, SLA reminder and escalation (all Teams sends). */
export const MANAGER_JOB = {
  digest: 'teams.digest',
  slaReminder: 'teams.remind',
  slaEscalation: 'teams.escalate',
} as const;

export const managerOrderKey = {
  digest: (managerEmail: string) => `digest:${managerEmail.toLowerCase()}`,
};
