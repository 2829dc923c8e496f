/** A team of CSMs (Contact Owners) and its manager. Emails are lower-case. */
export interface RosterTeam {
  name: string;
  manager: string;
  members: readonly string[];
}

export interface RosterInput {
  admins: readonly string[];
  teams: readonly RosterTeam[];
  /** Display names by email (from HubSpot owners), when known. */
  names?: Readonly<Record<string, string>>;
}

const norm = (email: string | null | undefined) => (email ?? '').trim().toLowerCase();

/** Who manages whom, and who is an admin: the basis for digests, escalations and reassignment. */
export class Roster {
  readonly teams: readonly RosterTeam[];
  private readonly admins: ReadonlySet<string>;
  private readonly names: ReadonlyMap<string, string>;

  constructor(input: RosterInput) {
    this.teams = input.teams.map((t) => ({
      name: t.name,
      manager: norm(t.manager),
      members: [...new Set(t.members.map(norm))].filter((m) => m && m !== norm(t.manager)),
    }));
    this.admins = new Set(input.admins.map(norm));
    this.names = new Map(Object.entries(input.names ?? {}).map(([k, v]) => [norm(k), v]));
  }

  /** The teams a person belongs to, as member or as manager. */
  teamsOf(email: string): RosterTeam[] {
    const e = norm(email);
    return this.teams.filter((t) => t.manager === e || t.members.includes(e));
  }

  /** The teams this person manages. */
  managedTeams(managerEmail: string): RosterTeam[] {
    const e = norm(managerEmail);
    return this.teams.filter((t) => t.manager === e);
  }

  team(name: string): RosterTeam | undefined {
    const n = name.trim().toLowerCase();
    return this.teams.find((t) => t.name.toLowerCase() === n);
  }

  isManagerOf(managerEmail: string, ownerEmail: string): boolean {
    const o = norm(ownerEmail);
    return this.managedTeams(managerEmail).some((t) => t.members.includes(o));
  }

  /** The CSMs of every team this person manages (empty for a non-manager). */
  membersOf(managerEmail: string): string[] {
    return [...new Set(this.managedTeams(managerEmail).flatMap((t) => t.members))];
  }

  /** The managers of the teams a CSM is a member of. */
  managersOf(ownerEmail: string | null | undefined): string[] {
    const o = norm(ownerEmail);
    return [...new Set(this.teams.filter((t) => t.members.includes(o)).map((t) => t.manager))];
  }

  managers(): string[] {
    return [...new Set(this.teams.map((t) => t.manager))];
  }

  isAdmin(email: string | null | undefined): boolean {
    return this.admins.has(norm(email));
  }

  adminEmails(): string[] {
    return [...this.admins];
  }

  /** A display name for an email: HubSpot's owner name when known, else `fallback`, else the email. */
  nameOf(email: string, fallback?: string | null): string {
    return this.names.get(norm(email)) ?? fallback ?? norm(email);
  }
}
