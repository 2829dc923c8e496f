import type { Lead } from '../../domain/model.js';
import { findCardPost } from '../../store/card-posts-repo.js';
import { saveConversation, type Conversation } from '../../store/conversations-repo.js';
import { enqueue } from '../../store/jobs-repo.js';
import { openLeadsOfOwner } from '../../store/leads-repo.js';
import type { Deps } from '../deps.js';
import { JOB, orderKey } from '../job-kinds.js';

/**
 * Remembers where a user (or channel) can be reached. A user who installs the bot gets the open
 * leads that had to wait in the lead inbox (or nowhere) until now.
 */
export async function rememberConversation(deps: Deps, conv: Conversation): Promise<number> {
  const now = deps.clock.now();
  await saveConversation(deps.store.db, conv, now);
  if (conv.kind !== 'personal' || !conv.email) return 0;
  const waiting: Lead[] = [];
  for (const lead of await openLeadsOfOwner(deps.store.db, conv.email)) {
    if (!(await findCardPost(deps.store.db, lead.id, conv.id))) waiting.push(lead);
  }
  await enqueue(deps.store.db, waiting.map((l) => ({ kind: JOB.deliverCard, leadId: l.id, orderKey: orderKey.teams(l.id), payload: { leadId: l.id } })), now);
  if (waiting.length) deps.kick();
  return waiting.length;
}
