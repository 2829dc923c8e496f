import { z } from 'zod';
import { isOpen } from '../../domain/lead.js';
import type { Lead } from '../../domain/model.js';
import { IntegrationError } from '../../lib/integration-error.js';
import { cardPostsOfLead, findCardPost, recordCardPost } from '../../store/card-posts-repo.js';
import { getConversation, setBlocked, type Conversation } from '../../store/conversations-repo.js';
import type { Job } from '../../store/jobs-repo.js';
import { getLead } from '../../store/leads-repo.js';
import type { Deps } from '../deps.js';
import { findLeadInbox } from '../lead/inbox.js';
import { renderLead } from '../lead/view.js';
import { localeFor, reachPerson } from '../lead/recipients.js';

const LeadPayload = z.object({ leadId: z.string(), receivedAt: z.number().optional() });
const RefreshPayload = z.object({ leadId: z.string(), settled: z.number().int().optional() });

export interface DeliveryHooks {
  /** Called once a card reached Teams (for the event-to-card latency metric). */
  onDelivered?(lead: Lead, receivedAt: number | undefined, where: 'owner' | 'inbox'): void;
}

const isBlocked = (err: unknown) => err instanceof IntegrationError && err.system === 'teams' && err.status === 403;

/**
 * Posts the lead card to its owner's personal chat (opened by the bot when the owner is a member of a team it is
 * installed in); an owner the bot cannot reach (not installed, or blocked) gets it in the lead inbox channel,
 * naming them, and their own copy once they install.
 */
export async function deliverCard(deps: Deps, job: Job, hooks: DeliveryHooks = {}): Promise<void> {
  const { leadId, receivedAt } = LeadPayload.parse(job.payload);
  const lead = await getLead(deps.store.db, leadId);
  if (!lead || !isOpen(lead.state)) return;
  const owner = lead.owner.email ? await reachPerson(deps, lead.owner.email) : null;
  if (owner && !owner.blocked) {
    if (await findCardPost(deps.store.db, lead.id, owner.id)) return;
    try {
      await post(deps, lead, owner, 'owner');
      hooks.onDelivered?.(lead, receivedAt, 'owner');
      return;
    } catch (err) {
      if (!isBlocked(err)) throw err;
      deps.log.warn({ leadId, owner: lead.owner.email }, 'owner blocked the bot; using the lead inbox');
      await setBlocked(deps.store.db, owner.id, true, deps.clock.now());
    }
  }
  const inbox = await findLeadInbox(deps);
  if (!inbox) {
    deps.log.warn({ leadId, owner: lead.owner.email }, 'owner not reachable and no lead inbox: the card waits until the owner installs the bot');
    return;
  }
  if (await findCardPost(deps.store.db, lead.id, inbox.id)) return;
  await post(deps, lead, inbox, 'inbox');
  hooks.onDelivered?.(lead, receivedAt, 'inbox');
}

async function post(deps: Deps, lead: Lead, to: Conversation, kind: 'owner' | 'inbox'): Promise<void> {
  const locale = await localeFor(deps, to);
  const inboxFor = kind === 'inbox' ? lead.owner.name ?? lead.owner.email ?? undefined : undefined;
  const card = await renderLead(deps, lead, locale, { inboxFor });
  const activityId = await deps.teams.send(to, { card, summary: `MQL: ${lead.contact.firstName ?? ''} ${lead.contact.lastName ?? ''}`.trim() });
  // Recorded the moment Teams answers: a crash after this line cannot make a second card. The card is already
  // in Teams, so a database that is briefly away (a restart) is waited for rather than failing into a resend.
  await untilStored(() => recordCardPost(deps.store.db, { leadId: lead.id, conversationId: to.id, activityId, kind, postedAt: deps.clock.now() }));
}

async function untilStored(write: () => Promise<void>, budgetMs = 30_000): Promise<void> {
  const until = Date.now() + budgetMs;
  for (let delay = 100; ; delay = Math.min(delay * 2, 2_000)) {
    try {
      return await write();
    } catch (err) {
      if (Date.now() + delay > until) throw err;
      await new Promise((r) => setTimeout(r, delay));
    }
  }
}

/** Replaces every posted copy of the lead card with the current state (Teams updates by activity id: idempotent). */
export async function refreshCards(deps: Deps, job: Job): Promise<void> {
  const { leadId, settled } = RefreshPayload.parse(job.payload);
  const lead = await getLead(deps.store.db, leadId);
  if (!lead) return;
  for (const p of await cardPostsOfLead(deps.store.db, leadId)) {
    const to = await getConversation(deps.store.db, p.conversationId);
    if (!to || to.blocked) continue;
    const locale = await localeFor(deps, to);
    const inboxFor = p.kind === 'inbox' ? lead.owner.name ?? lead.owner.email ?? undefined : undefined;
    const card = await renderLead(deps, lead, locale, { inboxFor }, settled);
    try {
      await deps.teams.update(to, p.activityId, { card });
    } catch (err) {
      if (!isBlocked(err)) throw err;
      await setBlocked(deps.store.db, to.id, true, deps.clock.now());
    }
  }
}
