import { BANT_CRITERIA, type BantValue, bantYesCount } from '../domain/bant.js';
import { classifyKundensegment, segmentLabel } from '../domain/classification/kundensegment.js';
import { availableActions, isOpen, MIN_BANT_YES_FOR_OPPORTUNITY } from '../domain/lead.js';
import { contactName, type Lead, type LeadEvent } from '../domain/model.js';
import type { RejectReason } from '../domain/reject-reasons.js';
import { execute, showCard } from './actions.js';
import { bantValueLabel, formatTime, type Locale, type Texts, t } from './i18n.js';
import { leadContextSection } from './lead-context.js';
import { forwardAction, forwardedNote, type OwnerChoice } from './reassign-form.js';
import { facts, literal, plain } from './text.js';

export type SyncState = { status: 'ok' | 'pending' | 'failed' | 'none'; detail?: string };

export interface LeadCardView {
  lead: Lead;
  events: LeadEvent[];
  locale: Locale;
  timeZone: string;
  hubspotUrl: string;
  /** `c4cConversion`: marking the 36One lead converted after its opportunity (a failure there is not a failed handover). */
  sync: { hubspot: SyncState; c4c: SyncState | 'off'; c4cConversion?: SyncState };
  rejectReasons: RejectReason[];
  /** Teams user ids (29:…) that get a fresh card when they look at it: the owner. */
  refreshUserIds: string[];
  /** Set when the card sits in the lead inbox because the owner cannot be reached. */
  inboxFor?: string;
  /** A refusal or hint shown at the top. */
  notice?: string;
  /** Dead 36One/HubSpot effects an admin may retry. */
  retryable?: boolean;
  /** Team CSMs the lead may be forwarded to ("Weiterleiten"); none: no button. */
  forwardTargets?: OwnerChoice[];
  /** Now, for relative dates ("vor 2 Tagen"); without it the "why this lead" section uses `lead.updatedAt`. */
  now?: number;
  /** A glossary entry id explained in place ("Was heißt das?"), for the one who asked. */
  explain?: string;
}

/** The lead card: Adaptive Card 1.5, Universal Actions with Action.Submit fallback, updated in place after every action. */
export function renderLeadCard(v: LeadCardView): object {
  const tx = t(v.locale);
  const { lead } = v;
  const time = (ms: number) => formatTime(ms, v.locale, v.timeZone);
  const data = { leadId: lead.id, v: lead.version };
  const actions = availableActions(lead.state);
  const seg = lead.company
    ? classifyKundensegment({ annualRevenue: lead.company.annualRevenue, employees: lead.company.employees })
    : null;
  const body: object[] = [];
  if (v.notice) body.push({ type: 'Container', style: 'warning', items: [literal(v.notice)] });
  body.push(
    literal(`${lead.state === 'MQL' ? tx.newMql : tx.lead}: ${contactName(lead.contact)}`, {
      weight: 'Bolder',
      size: 'Medium',
    }),
  );
  body.push({
    type: 'TextBlock',
    text: `${tx.state}: ${tx.states[lead.state]}`,
    wrap: true,
    spacing: 'None',
    isSubtle: true,
  });
  const forwarded = forwardedNote(v.events, v.locale, v.timeZone);
  if (forwarded) body.push({ ...literal(forwarded, { isSubtle: true }), spacing: 'None' });
  if (v.inboxFor)
    body.push({ type: 'TextBlock', text: tx.forOwner(plain(v.inboxFor)), wrap: true, color: 'Attention' });
  if (lead.owner.active === false) {
    const who = plain(lead.owner.name ?? lead.owner.email ?? tx.noOwner);
    const forward = isOpen(lead.state) && actions.includes('reassign') && v.forwardTargets?.length;
    body.push({ type: 'TextBlock', text: tx.ownerInactive(who, !!forward), wrap: true, color: 'Attention' });
  }
  body.push(
    facts([
      [tx.contact, [contactName(lead.contact), lead.contact.email].filter(Boolean).join(', ')],
      [tx.jobTitle, lead.contact.jobTitle],
      [tx.company, lead.company?.name],
      [tx.segment, seg ? segmentLabel(seg.segment, v.locale) : null],
      [tx.score, lead.contact.score == null ? null : String(lead.contact.score)],
      [tx.mqlSince, time(lead.mqlAt)],
      [tx.consent, lead.contact.consent ?? tx.consentUnknown],
      [tx.owner, lead.owner.name ?? lead.owner.email ?? tx.noOwner],
    ]),
  );
  body.push(
    ...leadContextSection({
      lead,
      locale: v.locale,
      timeZone: v.timeZone,
      now: v.now ?? lead.updatedAt,
      segment: seg
        ? {
            label: segmentLabel(seg.segment, v.locale),
            glossaryId: `kundensegment-${seg.segment.toLowerCase().replace(/_/g, '-')}`,
          }
        : null,
      explain: v.explain,
    }),
  );
  body.push({ type: 'TextBlock', text: syncLine(v, tx), wrap: true, size: 'Small', spacing: 'Small' });
  const noAccount = noAccountLine(v, tx);
  if (noAccount) body.push({ ...literal(noAccount, { size: 'Small', color: 'Warning' }), spacing: 'None' });
  if (lead.state === 'SAL' || lead.state === 'SQL') body.push(...bantForm(v, tx, time));
  else if (lead.bant) body.push(bantSummary(v, tx, time));
  body.push(...history(v.events, tx, time));

  const buttons: object[] = [];
  if (actions.includes('accept')) buttons.push(execute(tx.accept, 'lead.accept', data, { style: 'positive' }));
  if (actions.includes('saveBant')) buttons.push(execute(tx.saveBant, 'lead.saveBant', data));
  if (actions.includes('qualify')) buttons.push(execute(tx.qualify, 'lead.qualify', data));
  if (actions.includes('convert')) {
    const enough = bantYesCount(lead.bant) >= MIN_BANT_YES_FOR_OPPORTUNITY;
    buttons.push(execute(tx.convert, 'lead.convert', data, { isEnabled: enough, style: 'positive' }));
  }
  if (actions.includes('reassign') && v.forwardTargets?.length)
    buttons.push(forwardAction(data, v.forwardTargets, v.locale));
  if (actions.includes('reject')) buttons.push(showCard(tx.reject, rejectForm(v, tx, data)));
  if (v.retryable) buttons.push(execute(tx.retry, 'lead.retry', data));
  if (buttons.length) body.push({ type: 'ActionSet', actions: buttons });
  body.push({ type: 'ActionSet', actions: [{ type: 'Action.OpenUrl', title: tx.openInHubSpot, url: v.hubspotUrl }] });

  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    ...(v.refreshUserIds.length
      ? {
          refresh: {
            action: execute('refresh', 'lead.refresh', { leadId: lead.id }, {}, false),
            userIds: v.refreshUserIds.slice(0, 60),
          },
        }
      : {}),
    metadata: { webUrl: v.hubspotUrl },
    body,
  };
}

function syncLine(v: LeadCardView, tx: Texts): string {
  const mark = (s: SyncState) =>
    s.status === 'ok'
      ? '✓'
      : s.status === 'pending'
        ? tx.pending
        : s.status === 'failed'
          ? `${tx.failed} – ${plain(s.detail, 160)}`
          : '–';
  const c4c =
    v.sync.c4c === 'off'
      ? tx.c4cOff
      : `36One ${v.sync.c4c.status === 'ok' && v.lead.c4cLeadId ? `✓ Lead ${v.lead.c4cLeadId}${accountPart(v, tx)}${opportunityPart(v, tx)}` : mark(v.sync.c4c)}`;
  const noOwner = v.sync.c4c !== 'off' && v.lead.c4cOwnerMapped === false ? ` · ${tx.c4cNoOwner}` : '';
  return `${tx.sync}: HubSpot ${mark(v.sync.hubspot)} · ${c4c}${noOwner}`;
}

/** ` · Account 1000123` once the 36One handover put an account on the lead. */
function accountPart(v: LeadCardView, tx: Texts): string {
  return v.lead.c4cAccountId
    ? ` · ${tx.c4cAccount(plain(v.lead.c4cAccountId, 40), v.lead.c4cAccountMatch === 'name')}`
    : '';
}

/** ` · Opportunity 8801 angelegt`, and ` · Lead nicht als konvertiert markiert: <Grund>` when 36One refused that step. */
function opportunityPart(v: LeadCardView, tx: Texts): string {
  if (!v.lead.c4cOpportunityId) return '';
  const conversion = v.sync.c4cConversion;
  const refused =
    conversion?.status === 'failed'
      ? ` · ${tx.c4cNotConverted(plain(conversion.detail?.replace(/^36One: /, '') ?? '–', 160))}`
      : '';
  return ` · ${tx.c4cOpportunity(plain(v.lead.c4cOpportunityId, 40))}${refused}`;
}

/** "36One: kein eindeutiger Account für <Firma>": shown literally (the name comes from HubSpot). */
function noAccountLine(v: LeadCardView, tx: Texts): string | undefined {
  const m = v.lead.c4cAccountMatch;
  if (v.sync.c4c === 'off' || v.lead.c4cAccountId || (m !== 'none' && m !== 'ambiguous')) return undefined;
  return tx.c4cNoAccount(v.lead.company?.name || v.lead.company?.id || '–', m === 'ambiguous');
}

function bantForm(v: LeadCardView, tx: Texts, time: (ms: number) => string): object[] {
  const bant = v.lead.bant ?? {};
  const yes = bantYesCount(v.lead.bant);
  const items: object[] = [{ type: 'TextBlock', text: tx.bant, weight: 'Bolder', separator: true, wrap: true }];
  for (const c of BANT_CRITERIA) {
    const a = bant[c];
    items.push({
      type: 'Input.ChoiceSet',
      id: `bant_${c}`,
      label: tx.criteria[c],
      style: 'compact',
      value: a?.value ?? 'unknown',
      choices: (['yes', 'no', 'unknown'] as BantValue[]).map((x) => ({ title: bantValueLabel(x, tx), value: x })),
    });
    items.push({
      type: 'Input.Text',
      id: `bant_${c}_note`,
      placeholder: tx.note,
      value: a?.note ?? '',
      maxLength: 300,
      spacing: 'None',
    });
    if (a?.by && a.at)
      items.push({
        type: 'TextBlock',
        text: tx.answeredBy(plain(a.by), time(a.at)),
        size: 'Small',
        isSubtle: true,
        spacing: 'None',
        wrap: true,
      });
  }
  items.push({ type: 'Input.Date', id: 'bant_closeDate', label: tx.closeDate, value: bant.expectedCloseDate ?? '' });
  if (yes < MIN_BANT_YES_FOR_OPPORTUNITY)
    items.push({
      type: 'TextBlock',
      text: tx.convertNeeds(yes, MIN_BANT_YES_FOR_OPPORTUNITY),
      wrap: true,
      size: 'Small',
      color: 'Warning',
    });
  return items;
}

function bantSummary(v: LeadCardView, tx: Texts, time: (ms: number) => string): object {
  const bant = v.lead.bant ?? {};
  return {
    type: 'Container',
    separator: true,
    items: [
      { type: 'TextBlock', text: tx.bant, weight: 'Bolder' },
      facts(
        BANT_CRITERIA.map((c) => [
          tx.criteria[c],
          bant[c]
            ? `${bantValueLabel(bant[c]!.value, tx)}${bant[c]!.note ? ` – ${bant[c]!.note}` : ''}${bant[c]!.at ? ` (${bant[c]!.by ?? ''}, ${time(bant[c]!.at!)})` : ''}`
            : tx.unknown,
        ]),
      ),
      ...(bant.expectedCloseDate ? [facts([[tx.closeDate, bant.expectedCloseDate]])] : []),
    ],
  };
}

function history(events: LeadEvent[], tx: Texts, time: (ms: number) => string): object[] {
  const shown = events.filter((e) => e.action !== 'refresh').slice(-6);
  if (!shown.length) return [];
  return [
    { type: 'TextBlock', text: tx.history, weight: 'Bolder', separator: true, spacing: 'Medium' },
    ...shown.map((e) => {
      const reason =
        e.detail && typeof e.detail.reason === 'string'
          ? ` – ${tx.reasons[e.detail.reason as RejectReason] ?? e.detail.reason}`
          : '';
      const note = e.detail && typeof e.detail.note === 'string' && e.detail.note ? `: ${e.detail.note}` : '';
      const to = e.detail && typeof e.detail.toName === 'string' ? ` → ${e.detail.toName}` : '';
      return literal(
        `${tx.actions[e.action] ?? e.action}${to}${reason}${note} – ${e.actor.name ?? e.actor.id}, ${time(e.at)}`,
        { size: 'Small' },
      );
    }),
  ];
}

function rejectForm(v: LeadCardView, tx: Texts, data: Record<string, unknown>): object {
  return {
    type: 'AdaptiveCard',
    version: '1.5',
    body: [
      {
        type: 'Input.ChoiceSet',
        id: 'reason',
        label: tx.reason,
        isRequired: true,
        errorMessage: tx.refused.reasonRequired,
        style: 'expanded',
        choices: v.rejectReasons.map((r) => ({ title: tx.reasons[r], value: r })),
      },
      { type: 'Input.Text', id: 'note', label: tx.note, isMultiline: true, maxLength: 500 },
    ],
    actions: [execute(tx.rejectConfirm, 'lead.reject', data, { style: 'destructive' })],
  };
}
