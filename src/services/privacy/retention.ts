import { leadsPastRetention } from '../../store/erasure-repo.js';
import { type ErasureDeps, eraseLeads } from './erasure.js';

const DAY_MS = 86_400_000;

/**
 * Pseudonymises the closed leads (rejected, opportunity) closed more than `days` ago, the same way as an erasure, in
 * chunks of one transaction each (so no transaction holds the database for long). Returns how many were pseudonymised.
 */
export async function pseudonymiseExpiredLeads(deps: ErasureDeps, days: number, chunk = 200): Promise<number> {
  const before = deps.clock.now() - days * DAY_MS;
  let total = 0;
  for (;;) {
    const ids = await leadsPastRetention(deps.store.db, before, chunk);
    if (ids.length === 0) break;
    const n = await eraseLeads(deps, ids, 'retention');
    total += n;
    if (ids.length < chunk || n === 0) break;
  }
  return total;
}
