import type { Roster } from './roster.js';

/**
 * Who a lead may be passed to: the other CSMs of the current owner's teams. A lead without a (known) owner
 * may go to the CSMs of the teams the actor manages, or of any team for an admin.
 */
export function reassignTargets(roster: Roster, currentOwner: string | null, actorEmail: string | null): string[] {
  const owner = currentOwner?.toLowerCase() ?? null;
  let teams = owner ? roster.teamsOf(owner) : [];
  if (!teams.length && actorEmail)
    teams = roster.isAdmin(actorEmail) ? [...roster.teams] : roster.managedTeams(actorEmail);
  return [...new Set(teams.flatMap((t) => t.members))].filter((m) => m !== owner);
}
