import type { Clock } from '../lib/clock.js';
import type { Store } from '../store/db.js';
import { outboxStats } from '../store/jobs-repo.js';
import type { MetricSources } from '../metrics.js';

/** The scrape-time figures read from the store: leads per state and the outbox. */
export function storeSources(store: Store, clock: Clock): Required<MetricSources> {
  return {
    async leadsByState() {
      const rows = await store.db.selectFrom('leads').select((eb) => ['state', eb.fn.countAll<number>().as('n')]).groupBy('state').execute();
      return Object.fromEntries(rows.map((r) => [r.state, Number(r.n)]));
    },
    outbox: () => outboxStats(store.db, clock.now()),
  };
}
