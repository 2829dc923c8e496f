import type { LeadEvent } from '../domain/model.js';
import { execute, showCard } from './actions.js';
import { formatTime, type Locale } from './i18n.js';
import { tm } from './i18n-follow-up.js';

export interface OwnerChoice {
  email: string;
  name: string;
}

/** The CSM picker and its confirm button (verb `lead.reassign`; the chosen email arrives as `newOwner`). */
export function reassignForm(
  title: string,
  confirm: string,
  choices: OwnerChoice[],
  data: Record<string, unknown>,
  locale: Locale,
): object {
  const tx = tm(locale);
  return {
    type: 'AdaptiveCard',
    version: '1.5',
    body: [
      {
        type: 'Input.ChoiceSet',
        id: 'newOwner',
        label: title,
        style: 'compact',
        isRequired: true,
        errorMessage: tx.chooseOwner,
        choices: choices.map((c) => ({ title: c.name, value: c.email })),
      },
    ],
    actions: [execute(confirm, 'lead.reassign', data)],
  };
}

/** "Weiterleiten" for the lead card: a ShowCard with the team's CSMs; `data` is the card's {leadId, v}. */
export function forwardAction(data: { leadId: string; v: number }, choices: OwnerChoice[], locale: Locale): object {
  const tx = tm(locale);
  return showCard(tx.forward, reassignForm(tx.forwardTo, tx.forwardConfirm, choices, data, locale));
}

/** "Weitergeleitet an … von … am …" from the latest reassignment in the audit trail, or null. */
export function forwardedNote(events: readonly LeadEvent[], locale: Locale, timeZone: string): string | null {
  const e = [...events].reverse().find((x) => x.action === 'reassign');
  if (!e) return null;
  const to =
    typeof e.detail?.toName === 'string'
      ? e.detail.toName
      : typeof e.detail?.toEmail === 'string'
        ? e.detail.toEmail
        : '?';
  return tm(locale).forwarded(to, e.actor.name ?? e.actor.id, formatTime(e.at, locale, timeZone));
}
