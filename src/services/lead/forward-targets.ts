import type { Lead } from '../../domain/model.js';
import { reassignTargets } from '../../domain/reassign.js';
import type { Roster } from '../../domain/roster.js';
import type { Deps } from '../deps.js';

/** The lead card's "Weiterleiten" choices; none for a lead without owner. */
export function leadForwardTargets(deps: Deps, lead: Lead): Array<{ email: string; name: string }> {
  return lead.owner.email ? forwardTargetsFor(deps.roster.current(), lead) : [];
}

/** The CSMs a lead may be forwarded to, with names (for the ChoiceSet on the lead card and escalation). */
export function forwardTargetsFor(
  roster: Roster,
  lead: Lead,
  actorEmail: string | null = null,
): Array<{ email: string; name: string }> {
  return reassignTargets(roster, lead.owner.email, actorEmail)
    .map((email) => ({ email, name: roster.nameOf(email) }))
    .sort((a, b) => a.name.localeCompare(b.name));
}
