import { contactName, type Lead } from '../domain/model.js';
import { execute, showCard } from './actions.js';
import { formatTime, type Locale } from './i18n.js';
import { tm } from './i18n-follow-up.js';
import { type OwnerChoice, reassignForm } from './reassign-form.js';
import { facts, literal } from './text.js';

export interface EscalationCardView {
  lead: Lead;
  locale: Locale;
  timeZone: string;
  now: number;
  hubspotUrl: string;
  /** The other CSMs of the owner's team. */
  choices: OwnerChoice[];
  ownerName: string;
  /** The outcome of the last click, shown at the top. */
  notice?: string;
}

/** Sent to the owner's manager when an MQL stays unanswered: reassign it, or remind the owner. */
export function renderEscalationCard(v: EscalationCardView): object {
  const tx = tm(v.locale);
  const { lead } = v;
  const data = { leadId: lead.id, v: lead.version, src: 'escalation' };
  const waiting = lead.state === 'MQL';
  const buttons: object[] = [];
  if (waiting && v.choices.length)
    buttons.push(showCard(tx.reassign, reassignForm(tx.reassignTo, tx.reassignConfirm, v.choices, data, v.locale)));
  if (waiting) buttons.push(execute(tx.nudge, 'lead.nudge', data));
  buttons.push({ type: 'Action.OpenUrl', title: tx.openHubSpot, url: v.hubspotUrl });
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    metadata: { webUrl: v.hubspotUrl },
    body: [
      ...(v.notice ? [{ type: 'Container', style: 'emphasis', items: [literal(v.notice)] }] : []),
      {
        type: 'TextBlock',
        text: tx.escalationTitle(tx.duration(v.now - lead.mqlAt)),
        weight: 'Bolder',
        size: 'Medium',
        wrap: true,
        color: 'Attention',
      },
      literal(lead.owner.active === false ? tx.escalationBodyInactive(v.ownerName) : tx.escalationBody(v.ownerName)),
      facts([
        [tx.contact, [contactName(lead.contact), lead.contact.email].filter(Boolean).join(', ')],
        [tx.company, lead.company?.name],
        [tx.score, lead.contact.score == null ? null : String(lead.contact.score)],
        [tx.mqlSince, formatTime(lead.mqlAt, v.locale, v.timeZone)],
        [tx.owner, v.ownerName],
      ]),
      { type: 'ActionSet', actions: buttons },
    ],
  };
}
