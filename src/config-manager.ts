import { z } from 'zod';
import { parseBusinessHours, parseDuration, type SlaPolicy } from './domain/sla.js';
import { DEFAULT_DIGEST_CRON, isValidCron } from './domain/digest-slot.js';

const duration = (fallback: string) => z.string().trim().default(fallback).transform((s, ctx) => {
  try {
    return parseDuration(s);
  } catch (err) {
    ctx.addIssue({ code: z.ZodIssueCode.custom, message: (err as Error).message });
    return z.NEVER;
  }
});

/** The manager features' part of the environment contract (spread into EnvSchema in config.ts). */
export const managerEnv = {
  ROSTER_FILE: z.string().trim().min(1).default('config/roster.yaml'),
  DIGEST_CRON: z.string().trim().default(DEFAULT_DIGEST_CRON).refine(isValidCron, 'invalid cron pattern (e.g. "0 8 * * 1-5")'),
  SLA_REMIND_AFTER: duration('4h'),
  SLA_ESCALATE_AFTER: duration('24h'),
  BUSINESS_HOURS: z.string().trim().default('Mon-Fri 08:00-18:00').transform((s, ctx) => {
    try {
      return parseBusinessHours(s);
    } catch (err) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, message: (err as Error).message });
      return z.NEVER;
    }
  }),
  TEAMS_MAX_SENDS_PER_SECOND: z.coerce.number().int().min(0).default(20),
};

const managerEnvSchema = z.object(managerEnv);
export type ManagerEnv = z.output<typeof managerEnvSchema>;

/** The `manager` section of the config; `timeZone` is DIGEST_TIMEZONE (business hours are read there too). */
export function toManagerConfig(e: ManagerEnv, timeZone: string) {
  const sla: SlaPolicy = { remindAfterMs: e.SLA_REMIND_AFTER, escalateAfterMs: e.SLA_ESCALATE_AFTER, hours: e.BUSINESS_HOURS, timeZone };
  return { rosterFile: e.ROSTER_FILE, digestCron: e.DIGEST_CRON, sla, teamsMaxSendsPerSecond: e.TEAMS_MAX_SENDS_PER_SECOND };
}

export type ManagerConfig = ReturnType<typeof toManagerConfig>;
