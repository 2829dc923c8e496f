import { z } from 'zod';
import { renderEscalationCard } from '../../cards/escalation-card.js';
import type { toLocale } from '../../cards/i18n.js';
import { tm } from '../../cards/i18n-follow-up.js';
import { plain } from '../../cards/text.js';
import { isOpen } from '../../domain/lead.js';
import { contactName, type Lead } from '../../domain/model.js';
import { defineJob } from '../../outbox/job.js';
import { findCardPost, recordLeadMessage } from '../../store/card-posts-repo.js';
import { findPersonalByEmail } from '../../store/conversations-repo.js';
import { getLead } from '../../store/leads-repo.js';
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

/** Reminds the owner of a lead still waiting for an answer (or when their manager clicked "Erinnern"). */
export const slaReminder = defineJob({
  kind: 'teams.remind',
  payload: z.object({ leadId: z.string(), nudgedBy: z.string().optional() }),
  async run(deps: Deps, { leadId, nudgedBy }) {
    const lead = await getLead(deps.store.db, leadId);
    // Acted on since the reminder was queued: nothing to remind of.
    if (!lead || (nudgedBy ? !isOpen(lead.state) : lead.state !== 'MQL') || !lead.owner.email) return;
    const to = await findPersonalByEmail(deps.store.db, lead.owner.email);
    if (!to || to.blocked) {
      deps.log.warn({ leadId, owner: lead.owner.email }, 'sla: owner not reachable in chat; reminder not sent');
      return;
    }
    const locale = await localeFor(deps, to);
    const tx = tm(locale);
    const label = md(leadLabel(lead));
    const head = nudgedBy
      ? tx.nudged(md(nudgedBy), label)
      : tx.reminder(label, tx.duration(deps.clock.now() - lead.mqlAt));
    const post = await findCardPost(deps.store.db, lead.id, to.id);
    const links = [
      ...(post ? [`[${tx.openCard}](${teamsMessageLink(post.conversationId, post.activityId)})`] : []),
      `[${tx.openHubSpot}](${deps.hubspot.recordUrl(lead.portalId, 'contact', lead.contactId)})`,
    ];
    const activityId = await deps.teams.send(to, {
      text: `${head}\n\n${links.join(' · ')}\n\n${tx.myLeadsHint}`,
      summary: head.slice(0, 200),
    });
    await remember(deps, lead.id, to.id, activityId, 'reminder');
  },
});

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
    const card = await renderEscalation(deps, lead, locale, managerEmail);
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
