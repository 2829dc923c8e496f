import { z } from 'zod';
import { renderEscalationCard } from '../../cards/escalation-card.js';
import type { toLocale } from '../../cards/i18n.js';
import { tm } from '../../cards/i18n-follow-up.js';
import { plain } from '../../cards/text.js';
import { isOpen } from '../../domain/lead.js';
import { contactName, type Lead } from '../../domain/model.js';
import { defineJob } from '../../outbox/job.js';
import { findCardPost, recordLeadMessage } from '../../store/card-posts-repo.js';
import { type Conversation, findPersonalByEmail } from '../../store/conversations-repo.js';
import { getLead, markOwnerInactive } from '../../store/leads-repo.js';
import type { Deps } from '../deps.js';
import { forwardTargetsFor } from '../lead/forward-targets.js';
import { localeFor } from '../locale.js';

/** A name from HubSpot, safe in a markdown chat message: no HTML, no emphasis, no links. */
const md = (s: string) =>
  plain(s, 200)
    .replace(/[<>]/g, '')
    .replace(/[\\`*_[\]~#|]/g, (c) => `\\${c}`);

/** A Teams deep link to a posted message (best effort: opens the chat at the card). */
export const teamsMessageLink = (conversationId: string, activityId: string) =>
  `https://teams.microsoft.com/l/message/${encodeURIComponent(conversationId)}/${encodeURIComponent(activityId)}?context=${encodeURIComponent('{"contextType":"chat"}')}`;

const leadLabel = (lead: Lead) => `${contactName(lead.contact)}${lead.company?.name ? ` (${lead.company.name})` : ''}`;

/** The message names the contact: remembered, so an erasure can replace it (a failure here does not resend it). */
async function remember(
  deps: Deps,
  leadId: string,
  conversationId: string,
  activityId: string,
  kind: 'reminder' | 'escalation',
): Promise<void> {
  await recordLeadMessage(deps.store.db, {
    leadId,
    conversationId,
    activityId,
    kind,
    postedAt: deps.clock.now(),
  }).catch((err) => deps.log.warn({ leadId, kind, err: String(err) }, 'sla: could not remember the posted message'));
}

/**
 * Reminds the owner of a lead still waiting for an answer (or when their manager clicked "Erinnern"); a lead whose
 * owner is no longer active reminds the first of the owner's managers reachable in chat (the one who has its card).
 */
export const slaReminder = defineJob({
  kind: 'teams.remind',
  payload: z.object({ leadId: z.string(), nudgedBy: z.string().optional() }),
  async run(deps: Deps, { leadId, nudgedBy }) {
    const lead = await getLead(deps.store.db, leadId);
    // Acted on since the reminder was queued: nothing to remind of.
    if (!lead || (nudgedBy ? !isOpen(lead.state) : lead.state !== 'MQL') || !lead.owner.email) return;
    const inactive = !(await ownerStillActive(deps, lead));
    const to = inactive
      ? await reachableManager(deps, lead.owner.email)
      : await findPersonalByEmail(deps.store.db, lead.owner.email);
    if (!to || to.blocked) {
      const who = inactive ? 'owner no longer active and no manager reachable in chat' : 'owner not reachable in chat';
      deps.log.warn({ leadId, owner: lead.owner.email }, `sla: ${who}; reminder not sent`);
      return;
    }
    const locale = await localeFor(deps, to);
    const tx = tm(locale);
    const label = md(leadLabel(lead));
    const age = tx.duration(deps.clock.now() - lead.mqlAt);
    const ownerName = md(lead.owner.name ?? lead.owner.email);
    const head = nudgedBy
      ? tx.nudged(md(nudgedBy), label)
      : inactive
        ? tx.reminderInactive(label, ownerName, age)
        : tx.reminder(label, age);
    const post = await findCardPost(deps.store.db, lead.id, to.id);
    const links = [
      ...(post ? [`[${tx.openCard}](${teamsMessageLink(post.conversationId, post.activityId)})`] : []),
      `[${tx.openHubSpot}](${deps.hubspot.recordUrl(lead.portalId, 'contact', lead.contactId)})`,
    ];
    // The manager's "meine Leads" does not list a former owner's lead: no hint there.
    const hint = inactive ? '' : `\n\n${tx.myLeadsHint}`;
    const activityId = await deps.teams.send(to, {
      text: `${head}\n\n${links.join(' · ')}${hint}`,
      summary: head.slice(0, 200),
    });
    await remember(deps, lead.id, to.id, activityId, 'reminder');
  },
});

/**
 * Whether the lead's owner is still active: an owner archived in HubSpot after the lead was made is noticed here (from
 * the cached owner list) and the lead marked, so the reminder goes to a manager. A failed read keeps what the lead says.
 */
async function ownerStillActive(deps: Deps, lead: Lead): Promise<boolean> {
  if (lead.owner.active === false) return false;
  if (!lead.owner.id) return true;
  const owner = await deps.hubspot.getOwner(lead.owner.id).catch(() => undefined);
  if (!owner?.archived) return true;
  await markOwnerInactive(deps.store.db, lead.id);
  deps.log.info({ leadId: lead.id, owner: lead.owner.email }, 'sla: owner archived in HubSpot since the lead was made');
  return false;
}

/** The chat of the first of the owner's managers who installed the bot and has not blocked it. */
async function reachableManager(deps: Deps, ownerEmail: string): Promise<Conversation | null> {
  for (const manager of deps.roster.current().managersOf(ownerEmail)) {
    const chat = await findPersonalByEmail(deps.store.db, manager);
    if (chat && !chat.blocked) return chat;
  }
  return null;
}

/** Tells the owner's manager that an MQL stays unanswered, with "Neu zuweisen" and "Erinnern". */
export const slaEscalation = defineJob({
  kind: 'teams.escalate',
  payload: z.object({ leadId: z.string(), managerEmail: z.string().email() }),
  async run(deps: Deps, { leadId, managerEmail }) {
    const lead = await getLead(deps.store.db, leadId);
    if (lead?.state !== 'MQL') return;
    const to = await findPersonalByEmail(deps.store.db, managerEmail);
    if (!to || to.blocked) {
      deps.log.warn({ leadId, manager: managerEmail }, 'sla: manager not reachable in chat; escalation not sent');
      return;
    }
    const locale = await localeFor(deps, to);
    // The card says so when the owner has been archived in HubSpot meanwhile.
    const active = await ownerStillActive(deps, lead);
    const shown = active ? lead : { ...lead, owner: { ...lead.owner, active: false } };
    const card = await renderEscalation(deps, shown, locale, managerEmail);
    const activityId = await deps.teams.send(to, {
      card,
      summary: tm(locale).escalationTitle(tm(locale).duration(deps.clock.now() - lead.mqlAt)),
    });
    await remember(deps, lead.id, to.id, activityId, 'escalation');
  },
});

/** The escalation card for a lead as it stands now. */
export function renderEscalation(
  deps: Deps,
  lead: Lead,
  locale: ReturnType<typeof toLocale>,
  actorEmail: string | null,
  notice?: string,
): object {
  const roster = deps.roster.current();
  return renderEscalationCard({
    lead,
    locale,
    timeZone: deps.settings.timeZone,
    now: deps.clock.now(),
    notice,
    hubspotUrl: deps.hubspot.recordUrl(lead.portalId, 'contact', lead.contactId),
    choices: forwardTargetsFor(roster, lead, actorEmail),
    ownerName: lead.owner.email ? roster.nameOf(lead.owner.email, lead.owner.name) : (lead.owner.name ?? '–'),
  });
}
