import type { SlaPolicy } from '../domain/sla.js';
import type { RosterSource } from '../roster/resolve.js';
import type { Deps } from './deps.js';

export interface ManagerSettings {
  /** When the daily digest goes out (croner pattern, read in `deps.settings.timeZone`). */
  digestCron: string;
  sla: SlaPolicy;
}

/** What the manager features need on top of the lead services: the roster and their settings. */
export interface ManagerDeps extends Deps {
  roster: RosterSource;
  manager: ManagerSettings;
}
