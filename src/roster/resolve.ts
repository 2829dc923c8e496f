import { type Owner, ownerName } from '../domain/model.js';
import { Roster } from '../domain/roster.js';
import type { HubSpot } from '../hubspot/types.js';
import type { Log } from '../log.js';
import { loadRoster, type RosterFile } from './roster.js';

/** Builds the roster: listed members plus every HubSpot owner in the team's HubSpot teams (the manager is never a member). */
export function resolveRoster(file: RosterFile, owners: readonly Owner[], extraAdmins: readonly string[] = []): Roster {
  const names: Record<string, string> = {};
  for (const o of owners) if (o.email) names[o.email.toLowerCase()] = ownerName(o);
  const teams = file.teams.map((t) => {
    const ids = new Set(t.hubspotTeamIds);
    const fromHubSpot = owners
      .filter((o) => o.email && o.teams?.some((x) => ids.has(String(x.id))))
      .map((o) => o.email!.toLowerCase());
    return { name: t.name, manager: t.manager, members: [...t.members, ...fromHubSpot] };
  });
  return new Roster({ admins: [...file.admins, ...extraAdmins.map((a) => a.toLowerCase())], teams, names });
}

/** The current roster; `refresh` re-reads the file and HubSpot's owners, keeping the last good roster on failure. */
export interface RosterSource {
  current(): Roster;
  refresh(): Promise<Roster>;
}

export interface RosterSourceOptions {
  file: string;
  hubspot: Pick<HubSpot, 'listOwners'>;
  log: Log;
  /** ADMIN_EMAILS from the environment, merged with the file's admins. */
  admins?: readonly string[];
}

/** Reads the roster file at once (an invalid file stops the start); HubSpot teams are added by `refresh`. */
export function createRosterSource(o: RosterSourceOptions): RosterSource {
  let file: RosterFile = loadRoster(o.file);
  let owners: Owner[] = [];
  let roster = resolveRoster(file, owners, o.admins);
  return {
    current: () => roster,
    async refresh() {
      try {
        file = loadRoster(o.file);
      } catch (err) {
        o.log.error({ err: String(err) }, 'roster: file invalid; keeping the last good roster');
      }
      if (file.teams.some((t) => t.hubspotTeamIds.length)) {
        try {
          owners = await o.hubspot.listOwners();
        } catch (err) {
          o.log.warn({ err: String(err) }, 'roster: HubSpot owners unavailable; keeping the last known team members');
        }
      }
      roster = resolveRoster(file, owners, o.admins);
      return roster;
    },
  };
}

/** A fixed roster (tests, CLI). */
export const staticRosterSource = (roster: Roster): RosterSource => ({
  current: () => roster,
  refresh: async () => roster,
});
