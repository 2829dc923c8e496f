import type { PermissionPolicy } from '../domain/permissions.js';
import type { Roster } from '../domain/roster.js';
import type { RosterSource } from './resolve.js';

/** Who may act on others' leads by this roster: its admins plus `admins` (ADMIN_EMAILS), and each team's manager. */
export function permissionsOf(roster: Roster, admins: readonly string[]): PermissionPolicy {
  return {
    admins: [...new Set([...admins, ...roster.adminEmails()])],
    isManagerOf: (manager, owner) => roster.isManagerOf(manager, owner),
  };
}

/** `permissionsOf` the current roster, read at each check (the roster is refreshed while the bot runs). */
export function rosterPermissions(source: RosterSource, admins: readonly string[]): PermissionPolicy {
  return {
    get admins() {
      return permissionsOf(source.current(), admins).admins;
    },
    isManagerOf: (manager, owner) => source.current().isManagerOf(manager, owner),
  };
}
