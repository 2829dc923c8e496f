import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { z, type ZodIssue } from 'zod';

const email = z.string({ invalid_type_error: 'invalid email' }).trim().toLowerCase().email('invalid email');

const team = z.object({
  name: z.string().trim().min(1, 'required'),
  manager: email,
  /** HubSpot team ids: every HubSpot owner in one of these teams is a member. */
  hubspotTeamIds: z.array(z.union([z.string().trim().min(1), z.number().int()]).transform(String)).default([]),
  /** Owner emails, in addition to the HubSpot teams. */
  members: z.array(email).default([]),
}).strict().refine((t) => t.hubspotTeamIds.length + t.members.length > 0, { message: 'needs members or hubspotTeamIds', path: ['members'] });

const schema = z.object({
  admins: z.array(email).default([]),
  teams: z.array(team).default([]),
}).strict().superRefine((r, ctx) => {
  const seen = new Set<string>();
  r.teams.forEach((t, i) => {
    const key = t.name.toLowerCase();
    if (seen.has(key)) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['teams', i, 'name'], message: `duplicate team name "${t.name}"` });
    seen.add(key);
  });
});

/** The roster file as written: admins and teams (manager, members, HubSpot team ids). */
export type RosterFile = z.output<typeof schema>;

const pathOf = (path: Array<string | number>) =>
  path.reduce<string>((s, p) => (typeof p === 'number' ? `${s}[${p}]` : s ? `${s}.${p}` : p), '') || '(root)';

function describe(i: ZodIssue): string {
  if (i.code === 'unrecognized_keys') return `unknown key(s) ${i.keys.join(', ')}`;
  if (i.code === 'invalid_type') return i.received === 'undefined' ? 'required' : `expected ${i.expected}, got ${i.received}`;
  return i.message;
}

/** Validates already-parsed roster data; `source` names the file in error messages (`config/roster.yaml: teams[1].manager: invalid email`). */
export function parseRoster(data: unknown, source = 'roster'): RosterFile {
  const result = schema.safeParse(data ?? {});
  if (result.success) return result.data;
  throw new Error(result.error.issues.map((i) => `${source}: ${pathOf(i.path)}: ${describe(i)}`).join('\n'));
}

/** Reads and validates the roster YAML (who manages which CSMs, who is an admin). */
export function loadRoster(filePath: string): RosterFile {
  let data: unknown;
  try {
    data = parseYaml(readFileSync(filePath, 'utf8'));
  } catch (err) {
    throw new Error(`${filePath}: cannot read roster: ${(err as Error).message}`);
  }
  return parseRoster(data, filePath);
}
