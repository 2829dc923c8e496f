import type { Clock } from '../lib/clock.js';
import type { MetricSources } from '../metrics.js';
import type { Store } from '../store/db.js';
import { outboxStats } from '../store/jobs-repo.js';
import { countLeadsByState } from '../store/leads-repo.js';

/** The scrape-time figures read from the store: leads per state and the outbox. */
export function storeSources(store: Store, clock: Clock): Required<MetricSources> {
  return {
    leadsByState: () => countLeadsByState(store.db),
    outbox: () => outboxStats(store.db, clock.now()),
  };
}
