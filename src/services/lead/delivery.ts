import { z } from 'zod';
import { isOpen } from '../../domain/lead.js';
import type { Lead } from '../../domain/model.js';
import { IntegrationError } from '../../lib/integration-error.js';
import { defineJob } from '../../outbox/job.js';
import { findCardPost, recordCardPost } from '../../store/card-posts-repo.js';
import {
  type Conversation,
  findPersonalByEmail,
  installedTeams,
  saveConversation,
  setBlocked,
} from '../../store/conversations-repo.js';
import { enqueue } from '../../store/jobs-repo.js';
import { getLead, openLeadsOfOwner } from '../../store/leads-repo.js';
import type { Deps } from '../deps.js';
import { localeFor } from '../locale.js';
import { findLeadInbox, passOver } from './inbox.js';
import { renderLead } from './view.js';

export interface DeliveryHooks {
  /** Called once a card reached Teams (for the event-to-card latency metric). */
  onDelivered?(lead: Lead, receivedAt: number | undefined, where: 'owner' | 'inbox'): void;
}

/** Teams refused: the person blocked the bot (or removed it). */
export const isBlocked = (err: unknown) =>
  err instanceof IntegrationError && err.system === 'teams' && err.status === 403;

/** The lead card as posted there (a card in the lead inbox names the owner it waits for). */
export async function cardFor(
  deps: Deps,
  lead: Lead,
  to: Conversation,
  kind: 'owner' | 'inbox',
  settled?: number,
): Promise<object> {
  const locale = await localeFor(deps, to);
  // An inactive owner is named by the card's "no longer active" line, not as the one it waits for.
  const waitsFor = kind === 'inbox' && lead.owner.active !== false;
  const inboxFor = waitsFor ? (lead.owner.name ?? lead.owner.email ?? undefined) : undefined;
  return renderLead(deps, lead, locale, { inboxFor }, settled);
}

/**
 * Posts the lead card to its owner's personal chat (opened by the bot when the owner is a member of a team it is
 * installed in); an owner the bot cannot reach (not installed, or blocked) gets it in the lead inbox channel,
 * naming them, and their own copy once they install. A lead whose owner is archived in HubSpot (no longer active)
 * goes to a manager of the owner's teams instead, else to the lead inbox — never to the former owner.
 */
export const deliverCard = defineJob({
  kind: 'teams.deliver',
  payload: z.object({ leadId: z.string(), receivedAt: z.number().optional() }),
  async run(deps: Deps & DeliveryHooks, { leadId, receivedAt }) {
    const lead = await getLead(deps.store.db, leadId);
    if (!lead || !isOpen(lead.state)) return;
    const inactive = lead.owner.active === false;
    const email = lead.owner.email;
    const owner = !email ? null : inactive ? await reachManager(deps, email) : await reachPerson(deps, email);
    if (owner && !owner.blocked) {
      if (await findCardPost(deps.store.db, lead.id, owner.id)) return;
      try {
        await post(deps, lead, owner, 'owner');
        deps.onDelivered?.(lead, receivedAt, 'owner');
        return;
      } catch (err) {
        if (!isBlocked(err)) throw err;
        deps.log.warn({ leadId, to: owner.email }, 'recipient blocked the bot; using the lead inbox');
        await setBlocked(deps.store.db, owner.id, true, deps.clock.now());
      }
    } else if (inactive) {
      deps.log.warn({ leadId, owner: email }, 'owner no longer active and no manager reachable; using the lead inbox');
    }
    const inbox = await findLeadInbox(deps);
    if (!inbox) {
      deps.log.warn(
        { leadId, owner: lead.owner.email },
        'owner not reachable and no lead inbox: the card waits until the owner installs the bot',
      );
      return;
    }
    if (await findCardPost(deps.store.db, lead.id, inbox.id)) return;
    await post(deps, lead, inbox, 'inbox');
    deps.onDelivered?.(lead, receivedAt, 'inbox');
  },
});

async function post(deps: Deps, lead: Lead, to: Conversation, kind: 'owner' | 'inbox'): Promise<void> {
  const card = await cardFor(deps, lead, to, kind);
  const activityId = await deps.teams.send(to, {
    card,
    summary: `MQL: ${lead.contact.firstName ?? ''} ${lead.contact.lastName ?? ''}`.trim(),
  });
  // Recorded the moment Teams answers: a crash after this line cannot make a second card. The card is already
  // in Teams, so a database that is briefly away (a restart) is waited for rather than failing into a resend.
  await untilStored(() =>
    recordCardPost(deps.store.db, {
      leadId: lead.id,
      conversationId: to.id,
      activityId,
      kind,
      postedAt: deps.clock.now(),
    }),
  );
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

/**
 * Where a person is reached: their personal chat (blocked or not: the caller decides); else, when they are a member
 * of a team the bot is installed in, a 1:1 chat the bot opens with them, stored as their personal chat so later
 * cards reuse it; else null. Refusals (403, 404) are logged and passed over; passing trouble (429, 5xx) is thrown.
 */
export async function reachPerson(deps: Deps, email: string): Promise<Conversation | null> {
  const personal = await findPersonalByEmail(deps.store.db, email);
  if (personal || !deps.directory) return personal;
  for (const team of await installedTeams(deps.store.db)) {
    try {
      const member = await deps.directory.findMember(team, email);
      if (!member) continue;
      const chat = await deps.directory.openPersonalChat(team, member);
      await rememberConversation(deps, { ...chat, email: chat.email ?? email });
      deps.log.info({ email, team: team.name, conversationId: chat.id }, 'opened a 1:1 chat with a team member');
      return (await findPersonalByEmail(deps.store.db, email)) ?? chat;
    } catch (err) {
      if (!passOver(err)) throw err;
      deps.log.warn(
        { email, team: team.name, teamId: team.id, status: (err as IntegrationError).status, err: String(err) },
        'could not open a 1:1 chat with a team member; trying the next team, else the lead inbox',
      );
    }
  }
  return null;
}

/**
 * Where a lead of a former (archived) owner goes: the chat of the first manager of the owner's roster teams the bot
 * can reach and who has not blocked it; null when there is none.
 */
export async function reachManager(deps: Deps, ownerEmail: string): Promise<Conversation | null> {
  for (const manager of deps.roster.current().managersOf(ownerEmail)) {
    const chat = await reachPerson(deps, manager);
    if (chat && !chat.blocked) return chat;
  }
  return null;
}

/**
 * Remembers where a user (or channel) can be reached. A user who installs the bot gets the open
 * leads that had to wait in the lead inbox (or nowhere) until now (a former owner gets none).
 */
export async function rememberConversation(deps: Deps, conv: Conversation): Promise<number> {
  const now = deps.clock.now();
  await saveConversation(deps.store.db, conv, now);
  if (conv.kind !== 'personal' || !conv.email) return 0;
  const waiting: Lead[] = [];
  // A manager also gets the open leads of their team's former (archived) owners that found nobody before.
  const former = [];
  for (const member of deps.roster.current().membersOf(conv.email))
    former.push(...(await openLeadsOfOwner(deps.store.db, member)).filter((l) => l.owner.active === false));
  const own = (await openLeadsOfOwner(deps.store.db, conv.email)).filter((l) => l.owner.active !== false);
  for (const lead of [...own, ...former]) {
    if (!(await findCardPost(deps.store.db, lead.id, conv.id))) waiting.push(lead);
  }
  await enqueue(
    deps.store.db,
    waiting.map((l) => deliverCard.job({ leadId: l.id })),
    now,
  );
  if (waiting.length) deps.kick();
  return waiting.length;
}
