import { contactName, type Lead } from '../domain/model.js';
import { execute } from './actions.js';
import { contextLine } from './call-brief.js';
import { type Locale, t } from './i18n.js';
import { literal } from './text.js';

const hours = (ms: number) => Math.max(0, Math.round(ms / 3_600_000));

/** "Meine Leads": open leads, oldest first, each with its state, why it is a lead (one line) and a button that shows its card. */
export function myLeadsCard(leads: Lead[], locale: Locale, now: number, timeZone: string): object {
  const tx = t(locale);
  const title = locale === 'de' ? `Deine offenen Leads (${leads.length})` : `Your open leads (${leads.length})`;
  const empty = locale === 'de' ? 'Keine offenen Leads.' : 'No open leads.';
  const open = locale === 'de' ? 'Karte zeigen' : 'Show card';
  const sorted = [...leads].sort((a, b) => a.mqlAt - b.mqlAt);
  const why = (l: Lead) => {
    const line = contextLine(l.contact.context, locale, timeZone, now);
    return line ? [{ ...literal(line, { size: 'Small' }), spacing: 'None' }] : [];
  };
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    body: [
      { type: 'TextBlock', text: title, weight: 'Bolder', size: 'Medium', wrap: true },
      ...(sorted.length === 0 ? [{ type: 'TextBlock', text: empty, wrap: true }] : []),
      ...sorted.slice(0, 25).map((l) => ({
        type: 'Container',
        separator: true,
        items: [
          literal(`${contactName(l.contact)}${l.company?.name ? ` – ${l.company.name}` : ''}`, { weight: 'Bolder' }),
          {
            type: 'TextBlock',
            text: `${tx.states[l.state]} · ${hours(now - l.mqlAt)} h`,
            isSubtle: true,
            spacing: 'None',
            wrap: true,
          },
          ...why(l),
          { type: 'ActionSet', actions: [execute(open, 'lead.refresh', { leadId: l.id })] },
        ],
      })),
    ],
  };
}
