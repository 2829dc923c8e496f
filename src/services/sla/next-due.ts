import { slaDeadlines } from '../../domain/sla.js';
import { earliestSlaStarts } from '../../store/sla-repo.js';
import type { Deps } from '../deps.js';

/** When the next reminder or escalation of an open MQL is due (null: none is waiting). */
export async function nextSlaDue(deps: Pick<Deps, 'store' | 'settings'>): Promise<number | null> {
  const policy = deps.settings.sla;
  const starts = await earliestSlaStarts(deps.store.db);
  const due: number[] = [];
  if (starts.remind != null) due.push(slaDeadlines(starts.remind, policy).remindAt);
  if (starts.escalate != null) due.push(slaDeadlines(starts.escalate, policy).escalateAt);
  return due.length ? Math.min(...due) : null;
}
