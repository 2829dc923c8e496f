import type { JobHandler } from '../outbox/worker.js';
import { sendDigest } from './effects/digest.js';
import { sendSlaEscalation, sendSlaReminder } from './effects/sla.js';
import { MANAGER_JOB } from './job-kinds-manager.js';
import type { Deps } from './deps.js';

/** Which function runs each manager job kind (merge with `jobHandlers(deps)`). */
export function managerJobHandlers(deps: Deps): Record<string, JobHandler> {
  return {
    [MANAGER_JOB.digest]: (j) => sendDigest(deps, j),
    [MANAGER_JOB.slaReminder]: (j) => sendSlaReminder(deps, j),
    [MANAGER_JOB.slaEscalation]: (j) => sendSlaEscalation(deps, j),
  };
}
