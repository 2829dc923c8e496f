/** Every CLI sub-command. */
import type { CommandRegistry } from '../registry.js';
import { askCommand } from './ask.js';
import { digestCommand } from './digest.js';
import { doctorCommand } from './doctor.js';
import { eraseCommand, exportCommand, type OpenStore } from './privacy.js';

/** The configured database alone (export and erase need neither HubSpot nor Teams); the log stays quiet. */
const openConfiguredStore: OpenStore = async () => {
  const [{ loadConfig }, { openStore }, { createLog }, { systemClock }] = await Promise.all([
    import('../../config.js'),
    import('../../store/db.js'),
    import('../../log.js'),
    import('../../lib/clock.js'),
  ]);
  return { store: await openStore(loadConfig().databaseUrl), clock: systemClock, log: createLog('silent') };
};

export function registerCommands(registry: CommandRegistry): CommandRegistry {
  return registry
    .register(askCommand)
    .register(
      digestCommand(async () => {
        // Only `digest` needs the store and HubSpot: build them on demand, without the worker or the schedules.
        const [{ buildLeadBridge }, { loadConfig }, { createLog }] = await Promise.all([
          import('../../app.js'),
          import('../../config.js'),
          import('../../log.js'),
        ]);
        const lb = await buildLeadBridge(loadConfig(), createLog('warn'), {
          worker: false,
          schedules: false,
          goLiveChecks: false,
        });
        return { deps: lb.deps, close: () => lb.close() };
      }),
    )
    .register(doctorCommand(() => process.env))
    .register(exportCommand(openConfiguredStore))
    .register(eraseCommand(openConfiguredStore));
}
