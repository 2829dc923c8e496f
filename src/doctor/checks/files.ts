/** The configuration itself and the files it names (as strict as the bot's start). */

import { loadC4cMapping } from '../../c4c/mapping.js';
import { type Config, ConfigError, loadConfig } from '../../config.js';
import { loadRoster } from '../../roster/roster.js';
import { type Check, type CheckResult, fail, ok } from '../types.js';

const CONFIG = 'Configuration';

/** The environment through the bot's own zod checks: the config, or one failed line naming every bad variable. */
export function checkConfiguration(env: Record<string, string | undefined>): { config?: Config; result: CheckResult } {
  try {
    const config = loadConfig(env);
    return { config, result: { name: CONFIG, ...ok(`valid (NODE_ENV=${config.env})`) } };
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    const problems = err.message
      .split('\n')
      .slice(1)
      .map((l) => l.trim())
      .filter(Boolean);
    return {
      result: {
        name: CONFIG,
        ...fail(
          problems.join('; '),
          'set the named environment variables (README: Configuration), then run the doctor again',
        ),
      },
    };
  }
}

/** A file the bot loads at start: loaded the same way, described when valid, its problem named when not. */
function fileCheck<T>(id: string, name: string, load: () => T, describe: (loaded: T) => string, fix: string): Check {
  return {
    id,
    name,
    async run() {
      try {
        return ok(describe(load()));
      } catch (err) {
        return fail((err as Error).message.replace(/\n/g, '; '), fix);
      }
    },
  };
}

export const rosterFileCheck = (file: string): Check =>
  fileCheck(
    'roster',
    'Roster file',
    () => loadRoster(file),
    (r) => `${file}: ${r.teams.length} team(s), ${r.admins.length} admin(s)`,
    'correct the file (the bot refuses to start with it); see the comments at its top',
  );

export const c4cMappingCheck = (file: string, load = () => loadC4cMapping(file)): Check =>
  fileCheck(
    'c4c.mapping',
    '36One mapping file',
    load,
    (m) => `${file}: ${Object.keys(m.owners).length} owner(s) mapped, account look-up ${m.account.lookup}`,
    'correct C4C_MAPPING_FILE (the bot refuses to start with it); see config/c4c-mapping.yaml',
  );
