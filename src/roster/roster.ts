import { z } from 'zod';
import { loadYamlConfig, parseConfig } from '../lib/yaml-config.js';

const email = z.string({ required_error: 'required' }).trim().toLowerCase().email('invalid email');

const team = z
  .object({
    name: z.string({ required_error: 'required' }).trim().min(1, 'required'),
    manager: email,
    /** HubSpot team ids: every HubSpot owner in one of these teams is a member. */
    hubspotTeamIds: z.array(z.union([z.string().trim().min(1), z.number().int()]).transform(String)).default([]),
    /** Owner emails, in addition to the HubSpot teams. */
    members: z.array(email).default([]),
  })
  .strict()
  .refine((t) => t.hubspotTeamIds.length + t.members.length > 0, {
    message: 'needs members or hubspotTeamIds',
    path: ['members'],
  });

// An empty file is an empty roster.
const schema = z.preprocess(
  (data) => data ?? {},
  z
    .object({
      admins: z.array(email).default([]),
      teams: z.array(team).default([]),
    })
    .strict()
    .superRefine((r, ctx) => {
      const seen = new Set<string>();
      r.teams.forEach((t, i) => {
        const key = t.name.toLowerCase();
        if (seen.has(key))
          ctx.addIssue({
            code: z.ZodIssueCode.custom,
            path: ['teams', i, 'name'],
            message: `duplicate team name "${t.name}"`,
          });
        seen.add(key);
      });
    }),
);

/** The roster file as written: admins and teams (manager, members, HubSpot team ids). */
export type RosterFile = z.output<typeof schema>;

/** Validates already-parsed roster data; `source` names the file in error messages (`config/roster.yaml: teams[1].manager: invalid email`). */
export function parseRoster(data: unknown, source = 'roster'): RosterFile {
  return parseConfig(data, schema, source);
}

/** Reads and validates the roster YAML (who manages which CSMs, who is an admin). */
export function loadRoster(filePath: string): RosterFile {
  return loadYamlConfig(filePath, schema, 'roster');
}
