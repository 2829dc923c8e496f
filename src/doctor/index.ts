/**
 * The go-live checks (`leadbridge doctor`, and once at the bot's start): configuration, database, HubSpot, 36One, Teams.
 * Results are data; printing and logging are the callers' business.
 */
import type { Config } from '../config.js';
import type { Log } from '../log.js';
import type { Store } from '../store/db.js';
import { c4cChecks } from './checks/c4c.js';
import { databaseCheck } from './checks/database.js';
import { checkConfiguration, rosterFileCheck } from './checks/files.js';
import { hubspotChecks } from './checks/hubspot.js';
import { teamsCheck } from './checks/teams.js';
import { DEFAULT_CHECK_TIMEOUT_MS, runChecks } from './runner.js';

export { DEFAULT_CHECK_TIMEOUT_MS };

import type { Check, CheckResult } from './types.js';

export type { CheckResult, CheckStatus } from './types.js';

export interface GoLiveOptions {
  /** The bot's open store; without it the database is opened (not migrated) for the check. */
  store?: Store;
  timeoutMs?: number;
  signal?: AbortSignal;
}

/** Every check for a valid configuration, in report order. */
export function goLiveChecks(config: Config, o: GoLiveOptions = {}): Check[] {
  return [
    databaseCheck(config.databaseUrl, o.store),
    rosterFileCheck(config.roster.file),
    ...hubspotChecks(config.hubspot, {
      clientSecret: config.hubspot.clientSecret,
      rosterFile: config.roster.file,
      rejectReasons: config.rejectReasons,
    }),
    ...c4cChecks(config.c4c, { timeoutMs: o.timeoutMs ?? DEFAULT_CHECK_TIMEOUT_MS }),
    teamsCheck(config.bot),
  ];
}

/** The doctor: the environment through the bot's config checks, then every check (none when the configuration is invalid). */
export async function runDoctor(
  env: Record<string, string | undefined>,
  o: GoLiveOptions = {},
): Promise<CheckResult[]> {
  const { config, result } = checkConfiguration(env);
  if (!config) return [result];
  return [result, ...(await runChecks(goLiveChecks(config, o), { timeoutMs: o.timeoutMs, signal: o.signal }))];
}

/** At the bot's start, in the background: each failure becomes a warning; nothing stops the bot. */
export async function logGoLiveChecks(
  config: Config,
  log: Log,
  o: GoLiveOptions & { store: Store },
): Promise<CheckResult[]> {
  const results = await runChecks(goLiveChecks(config, o), { timeoutMs: o.timeoutMs, signal: o.signal });
  if (o.signal?.aborted) return results;
  for (const r of results)
    if (r.status === 'fail')
      log.warn({ check: r.name, detail: r.detail, fix: r.fix }, `go-live check failed: ${r.name}: ${r.detail}`);
  const count = (s: CheckResult['status']) => results.filter((r) => r.status === s).length;
  log.info(
    { passed: count('ok'), failed: count('fail'), notCheckable: count('skip') },
    'go-live checks done (`npx leadbridge doctor` shows them)',
  );
  return results;
}
