import { z } from 'zod';
import {
  businessHours,
  contextProperties,
  csv,
  duration,
  glossaryModel,
  optional,
  timeZone,
  unsetOr,
} from './config/fields.js';
import { DEFAULT_DIGEST_CRON, isValidCron } from './domain/digest-slot.js';
import { REJECT_REASONS } from './domain/reject-reasons.js';

/** The environment contract (README and env/ document the same names), one section after the other. */
const EnvSchema = z.object({
  NODE_ENV: z.string().default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3978),
  DATABASE_URL: z
    .string()
    .default('sqlite:./data/leadbridge.db')
    .refine((u) => /^(sqlite:|postgres(ql)?:\/\/)/.test(u), 'must start with sqlite: or postgres://'),
  PUBLIC_BASE_URL: z.string().url().default('http://127.0.0.1:3978'),
  HUBSPOT_ACCESS_TOKEN: z.string().default(''),
  HUBSPOT_CLIENT_SECRET: z.string().default(''),
  HUBSPOT_BASE_URL: z.string().url().default('https://api.hubapi.com'),
  HUBSPOT_PORTAL_ID: z.preprocess((v) => (v === '' ? undefined : v), z.coerce.number().int().positive().optional()),
  HUBSPOT_APP_URL: z.string().url().default('https://app.hubspot.com'),
  HUBSPOT_SCORE_PROPERTY: z.string().min(1).default('hubspotscore'),
  HUBSPOT_CONTEXT_PROPERTIES: contextProperties,
  MQL_SCORE_THRESHOLD: z.coerce.number().min(0).default(75),
  HUBSPOT_MQL_STAGE: z.string().default('marketingqualifiedlead'),
  HUBSPOT_SQL_STAGE: z.string().default('salesqualifiedlead'),
  HUBSPOT_OPPORTUNITY_STAGE: z.string().default('opportunity'),
  HUBSPOT_STATUS_ACCEPTED: z.string().default('IN_PROGRESS'),
  HUBSPOT_STATUS_REJECTED: z.string().default('UNQUALIFIED'),
  HUBSPOT_STATUS_OPPORTUNITY: z.string().default('OPEN_DEAL'),
  HUBSPOT_REJECT_REASON_PROPERTY: optional,
  HUBSPOT_REQUESTS_PER_10S: unsetOr(z.coerce.number().int().min(0)),
  /** Replaced by HUBSPOT_REQUESTS_PER_10S (×10); still read so existing set-ups keep their pacing. */
  HUBSPOT_MAX_REQUESTS_PER_SECOND: unsetOr(z.coerce.number().min(0)),
  HUBSPOT_TIMEOUT_MS: z.coerce.number().int().positive().default(10_000),
  BOT_ID: optional,
  BOT_PASSWORD: optional,
  BOT_TENANT_ID: optional.pipe(
    z
      .string()
      .regex(/^[0-9a-f]{8}-([0-9a-f]{4}-){3}[0-9a-f]{12}$/i, 'must be the tenant id (a GUID), not a domain name')
      .optional(),
  ),
  // New Azure Bot registrations are single-tenant or a user-assigned managed identity (Azure spells it UserAssignedMSI).
  BOT_TYPE: z.preprocess(
    (v) => (typeof v === 'string' && v.trim().toLowerCase() === 'userassignedmsi' ? 'UserAssignedMsi' : v || undefined),
    z.enum(['SingleTenant', 'MultiTenant', 'UserAssignedMsi']).default('SingleTenant'),
  ),
  DEFAULT_LOCALE: z.enum(['de', 'en']).default('de'),
  LEAD_INBOX_CHANNEL_ID: optional,
  LEAD_INBOX_LOCALE: optional.pipe(z.enum(['de', 'en']).optional()),
  ADMIN_EMAILS: csv,
  REJECT_REASONS: z
    .string()
    .default(REJECT_REASONS.join(','))
    .transform((s) =>
      s
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.enum(REJECT_REASONS)).min(1)),
  C4C_BASE_URL: optional.pipe(z.string().url().optional()),
  C4C_USERNAME: z.string().default(''),
  C4C_PASSWORD: z.string().default(''),
  C4C_MAPPING_FILE: z.string().default('config/c4c-mapping.yaml'),
  WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(8),
  WORKER_POLL_MS: z.coerce.number().int().min(10).default(500),
  WORKER_LEASE_MS: z.coerce.number().int().min(1000).default(30_000),
  WEBHOOK_MAX_BYTES: z.coerce.number().int().min(1024).default(1_000_000),
  // HubSpot retries a webhook for up to a day, so deduplication needs at least two days of stored events.
  RETENTION_DAYS: z.coerce
    .number()
    .int()
    .min(2, 'must be at least 2 (webhook deduplication needs the last days)')
    .default(30),
  // Closed leads keep the contact's personal data this long, then it is pseudonymised (PRIVACY.md).
  LEAD_RETENTION_DAYS: z.coerce.number().int().min(1, 'must be at least 1').default(365),
  METRICS_TOKEN: optional.pipe(
    z.string().min(16, 'must be at least 16 characters (e.g. `openssl rand -hex 32`)').optional(),
  ),
  HUBSPOT_ACCOUNT_TIMEZONE: timeZone('UTC'),
  DIGEST_TIMEZONE: timeZone('Europe/Berlin'),
  // Roster, daily digest, answer SLA and Teams pacing
  ROSTER_FILE: z.string().trim().min(1).default('config/roster.yaml'),
  DIGEST_CRON: z
    .string()
    .trim()
    .default(DEFAULT_DIGEST_CRON)
    .refine(isValidCron, 'invalid cron pattern (e.g. "0 8 * * 1-5")'),
  SLA_REMIND_AFTER: duration('4h'),
  SLA_ESCALATE_AFTER: duration('24h'),
  BUSINESS_HOURS: businessHours('Mon-Fri 08:00-18:00'),
  /** Teams allows 50 requests/s per app and tenant (learn.microsoft.com/microsoftteams/platform/bots/how-to/rate-limit); 40 keeps 20 % headroom. */
  TEAMS_MAX_SENDS_PER_SECOND: z.coerce.number().int().min(0).default(40),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  // Optional language model for unsure glossary answers (README "Glossary answers: the optional AI fallback")
  AZURE_OPENAI_ENDPOINT: optional.pipe(z.string().url().optional()),
  AZURE_OPENAI_API_KEY: optional,
  AZURE_OPENAI_DEPLOYMENT: optional,
  // The latest GA version of the Azure OpenAI inference API (learn.microsoft.com/azure/ai-services/openai/reference)
  AZURE_OPENAI_API_VERSION: z.string().trim().min(1).default('2024-10-21'),
  OPENAI_API_KEY: optional,
  OPENAI_MODEL: z.string().trim().min(1).default('gpt-4o-mini'),
  OPENAI_BASE_URL: optional.pipe(z.string().url().optional()),
  GLOSSARY_MODEL_TIMEOUT_MS: z.coerce.number().int().min(100).max(30_000).default(4000),
});

export type Config = ReturnType<typeof toConfig>;

function toConfig(e: z.infer<typeof EnvSchema>) {
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    databaseUrl: e.DATABASE_URL,
    publicBaseUrl: e.PUBLIC_BASE_URL.replace(/\/+$/, ''),
    defaultLocale: e.DEFAULT_LOCALE,
    timeZone: e.DIGEST_TIMEZONE,
    logLevel: e.LOG_LEVEL,
    webhookMaxBytes: e.WEBHOOK_MAX_BYTES,
    /** Who may read GET /metrics: bearer token if set; otherwise open in development, not served in production. */
    metrics: e.METRICS_TOKEN
      ? { mode: 'token' as const, token: e.METRICS_TOKEN }
      : e.NODE_ENV === 'production'
        ? { mode: 'off' as const, reason: 'METRICS_TOKEN is unset and NODE_ENV=production' }
        : { mode: 'open' as const },
    admins: e.ADMIN_EMAILS.map((a) => a.toLowerCase()),
    rejectReasons: e.REJECT_REASONS,
    leadInboxChannelId: e.LEAD_INBOX_CHANNEL_ID,
    /** The customer's tenant: activities from any other tenant are ignored (also with authentication off). */
    tenantId: e.BOT_TENANT_ID?.toLowerCase(),
    /** Channel posts have no reader's language: they use this one. */
    leadInboxLocale: e.LEAD_INBOX_LOCALE ?? e.DEFAULT_LOCALE,
    roster: { file: e.ROSTER_FILE },
    /** The daily digest's time (read in `timeZone`). */
    digest: { cron: e.DIGEST_CRON },
    /** Business hours are read in `timeZone` too. */
    sla: {
      remindAfterMs: e.SLA_REMIND_AFTER,
      escalateAfterMs: e.SLA_ESCALATE_AFTER,
      hours: e.BUSINESS_HOURS,
      timeZone: e.DIGEST_TIMEZONE,
    },
    /** App-wide Teams sends and updates per second (0 = no app-wide limit). */
    teams: { maxSendsPerSecond: e.TEAMS_MAX_SENDS_PER_SECOND },
    worker: { concurrency: e.WORKER_CONCURRENCY, pollMs: e.WORKER_POLL_MS, leaseMs: e.WORKER_LEASE_MS },
    retentionDays: e.RETENTION_DAYS,
    /** Days a closed lead keeps the contact's personal data before it is pseudonymised. */
    leadRetentionDays: e.LEAD_RETENTION_DAYS,
    hubspot: {
      accessToken: e.HUBSPOT_ACCESS_TOKEN,
      clientSecret: e.HUBSPOT_CLIENT_SECRET,
      baseUrl: e.HUBSPOT_BASE_URL.replace(/\/+$/, ''),
      appUrl: e.HUBSPOT_APP_URL.replace(/\/+$/, ''),
      portalId: e.HUBSPOT_PORTAL_ID,
      scoreProperty: e.HUBSPOT_SCORE_PROPERTY,
      /** Analytics properties read with each contact for the card's "why this lead" context. */
      contextProperties: e.HUBSPOT_CONTEXT_PROPERTIES,
      mqlThreshold: e.MQL_SCORE_THRESHOLD,
      timeoutMs: e.HUBSPOT_TIMEOUT_MS,
      accountTimeZone: e.HUBSPOT_ACCOUNT_TIMEZONE,
      /** Undefined: 100 per 10 s, then as HubSpot's rate-limit headers say; 0 = no pacing. */
      requestsPer10s:
        e.HUBSPOT_REQUESTS_PER_10S ??
        (e.HUBSPOT_MAX_REQUESTS_PER_SECOND === undefined
          ? undefined
          : Math.round(e.HUBSPOT_MAX_REQUESTS_PER_SECOND * 10)),
      rejectReasonProperty: e.HUBSPOT_REJECT_REASON_PROPERTY,
      stages: { mql: e.HUBSPOT_MQL_STAGE, sql: e.HUBSPOT_SQL_STAGE, opportunity: e.HUBSPOT_OPPORTUNITY_STAGE },
      leadStatus: {
        accepted: e.HUBSPOT_STATUS_ACCEPTED,
        rejected: e.HUBSPOT_STATUS_REJECTED,
        opportunity: e.HUBSPOT_STATUS_OPPORTUNITY,
      },
    },
    bot: e.BOT_ID
      ? { appId: e.BOT_ID, password: e.BOT_PASSWORD, tenantId: e.BOT_TENANT_ID, type: e.BOT_TYPE }
      : undefined,
    /** Undefined unless configured: then no question ever leaves LeadBridge. */
    glossaryModel: glossaryModel(e).config,
    c4c: e.C4C_BASE_URL
      ? { baseUrl: e.C4C_BASE_URL, username: e.C4C_USERNAME, password: e.C4C_PASSWORD, mappingFile: e.C4C_MAPPING_FILE }
      : undefined,
  };
}

export class ConfigError extends Error {}

/** What botbuilder's ConfigurationServiceClientCredentialFactory asserts (it throws a stack trace instead of naming the variable). */
function botCredentialProblems(bot: NonNullable<Config['bot']>): string[] {
  const problems: string[] = [];
  if (bot.type !== 'MultiTenant' && !bot.tenantId)
    problems.push(
      `BOT_TENANT_ID: required when BOT_TYPE=${bot.type} (the Microsoft Entra tenant id of the bot registration)`,
    );
  if (bot.type === 'UserAssignedMsi' && bot.password)
    problems.push(
      'BOT_PASSWORD: must be empty when BOT_TYPE=UserAssignedMsi (the managed identity has no secret; BOT_ID is its client id)',
    );
  if (bot.type !== 'UserAssignedMsi' && !bot.password)
    problems.push(`BOT_PASSWORD: required when BOT_ID is set and BOT_TYPE=${bot.type}`);
  return problems;
}

/** Reads and validates the environment; every problem is named in one message. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.') || '(env)'}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  if (parsed.data.HUBSPOT_REQUESTS_PER_10S !== undefined && parsed.data.HUBSPOT_MAX_REQUESTS_PER_SECOND !== undefined) {
    throw new ConfigError(
      'Invalid configuration:\n  HUBSPOT_MAX_REQUESTS_PER_SECOND: replaced by HUBSPOT_REQUESTS_PER_10S; set only HUBSPOT_REQUESTS_PER_10S',
    );
  }
  const modelProblems = glossaryModel(parsed.data).problems;
  if (modelProblems.length)
    throw new ConfigError(`Invalid configuration:\n${modelProblems.map((p) => `  ${p}`).join('\n')}`);
  const config = toConfig(parsed.data);
  if (config.env === 'production' && !config.bot) {
    throw new ConfigError(
      'Invalid configuration:\n  BOT_ID: required when NODE_ENV=production (Bot Framework authentication must be on)',
    );
  }
  const botProblems = config.bot ? botCredentialProblems(config.bot) : [];
  if (botProblems.length)
    throw new ConfigError(`Invalid configuration:\n${botProblems.map((p) => `  ${p}`).join('\n')}`);
  return config;
}
