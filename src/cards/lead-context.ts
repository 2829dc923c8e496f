/** The lead card's "why this lead" section: call brief, HubSpot's analytics facts, glossary terms explained in place. */
import { hasContext } from '../domain/contact-context.js';
import { findGlossaryEntry } from '../domain/glossary/index.js';
import { isOpen } from '../domain/lead.js';
import type { Lead } from '../domain/model.js';
import { definitionText, displayName, headline, SOURCE_GLOSSARY, texts } from '../knowledge/labels.js';
import { execute, showCard } from './actions.js';
import { agoWithDate, callBrief, pageLabel } from './call-brief.js';
import { sourceLabel } from './contact-source.js';
import type { Locale } from './i18n.js';
import { facts, literal, plain } from './text.js';

export interface LeadContextInput {
  lead: Lead;
  locale: Locale;
  timeZone: string;
  now: number;
  /** The Kundensegment as the card shows it, and its glossary entry. */
  segment: { label: string; glossaryId: string } | null;
  /** A glossary entry to explain in place (the answer to "Was heißt das?"). */
  explain?: string;
}

const T = {
  de: {
    why: 'Warum dieser Lead?',
    source: 'Quelle',
    recent: 'Letzte Conversion',
    first: 'Erste Conversion',
    conversions: 'Conversions',
    pageViews: 'Seitenaufrufe',
    lastPage: 'Zuletzt gesehen',
    emailClick: 'Letzter E-Mail-Klick',
    emailOpen: 'Letzte E-Mail geöffnet',
    becameMql: 'MQL laut HubSpot',
    whatMeans: 'Was heißt das?',
  },
  en: {
    why: 'Why this lead?',
    source: 'Original source',
    recent: 'Recent conversion',
    first: 'First conversion',
    conversions: 'Conversions',
    pageViews: 'Page views',
    lastPage: 'Last page seen',
    emailClick: 'Last email click',
    emailOpen: 'Last email open',
    becameMql: 'MQL in HubSpot since',
    whatMeans: 'What does that mean?',
  },
};

/** The glossary entries the card uses: MQL, Scoring, the Kundensegment, and Gated Asset when a conversion is shown. */
export function glossaryTermsOn(i: LeadContextInput): string[] {
  const ids = ['mql'];
  if (i.lead.contact.score != null) ids.push('scoring');
  if (i.segment) ids.push(i.segment.glossaryId);
  if (i.lead.contact.context?.recentConversion || i.lead.contact.context?.firstConversion) ids.push('gated-asset');
  return ids.filter((id) => findGlossaryEntry(id));
}

function factRows(i: LeadContextInput): object[] {
  const c = i.lead.contact.context;
  if (!hasContext(c)) return [];
  const tx = T[i.locale];
  const at = (ms: number | null | undefined) => (ms ? agoWithDate(ms, i.locale, i.timeZone, i.now) : '');
  const event = (name: string | null | undefined, ms: number | null | undefined) =>
    [plain(name, 80), at(ms)].filter(Boolean).join(' – ');
  const clickNewer =
    c.lastEmailClickAt != null && (c.lastEmailOpenAt == null || c.lastEmailClickAt >= c.lastEmailOpenAt);
  const email = clickNewer ? c.lastEmailClickAt : c.lastEmailOpenAt;
  const rows: Array<[string, string | null | undefined]> = [
    [tx.source, sourceLabel(c, i.locale)],
    [tx.recent, event(c.recentConversion, c.recentConversionAt)],
    [
      tx.first,
      c.firstConversion && c.firstConversion !== c.recentConversion
        ? event(c.firstConversion, c.firstConversionAt)
        : '',
    ],
    [tx.conversions, c.conversions ? String(c.conversions) : ''],
    [tx.pageViews, c.pageViews ? String(c.pageViews) : ''],
    [clickNewer ? tx.emailClick : tx.emailOpen, email ? event(c.lastEmailName, email) : ''],
    [tx.becameMql, at(c.becameMqlAt)],
  ];
  const out: object[] = [facts(rows)];
  const page = pageLabel(c.lastPageUrl);
  if (page && c.lastPageUrl) out.push(linkRow(tx.lastPage, page, c.lastPageUrl));
  return out;
}

/** A label/value row whose value opens `url` (shown literally, never as markdown). */
function linkRow(label: string, text: string, url: string): object {
  return {
    type: 'ColumnSet',
    spacing: 'None',
    columns: [
      {
        type: 'Column',
        width: 'auto',
        items: [{ type: 'RichTextBlock', inlines: [{ type: 'TextRun', text: `${label}:`, weight: 'Bolder' }] }],
      },
      {
        type: 'Column',
        width: 'stretch',
        items: [
          {
            type: 'RichTextBlock',
            inlines: [{ type: 'TextRun', text, color: 'Accent', selectAction: { type: 'Action.OpenUrl', url } }],
          },
        ],
      },
    ],
  };
}

/** The glossary's answer, shown in place on the card of whoever asked. */
function explanation(id: string | undefined, locale: Locale): object[] {
  const e = id ? findGlossaryEntry(id) : undefined;
  if (!e) return [];
  const body = e.inClarification ? texts(locale).inClarification(e.inClarification.with) : definitionText(e, locale);
  return [
    {
      type: 'Container',
      style: 'emphasis',
      spacing: 'Small',
      items: [
        { type: 'TextBlock', text: headline(e, locale), weight: 'Bolder', wrap: true },
        { type: 'TextBlock', text: body, wrap: true, spacing: 'None' },
        { type: 'TextBlock', text: SOURCE_GLOSSARY, wrap: true, size: 'Small', isSubtle: true, spacing: 'None' },
      ],
    },
  ];
}

/**
 * The section; nothing but the glossary action when HubSpot knows nothing about the contact or the lead is closed
 * (the brief prepares a call, which a closed lead no longer needs).
 */
export function leadContextSection(i: LeadContextInput): object[] {
  const tx = T[i.locale];
  const open = isOpen(i.lead.state);
  const brief = !open
    ? []
    : callBrief({
        context: i.lead.contact.context,
        company: i.lead.company?.name,
        segment: i.segment?.label,
        locale: i.locale,
        timeZone: i.timeZone,
        now: i.now,
      });
  const items: object[] = [];
  if (open && (brief.length || hasContext(i.lead.contact.context))) {
    items.push({ type: 'TextBlock', text: tx.why, weight: 'Bolder', wrap: true });
    if (brief.length) items.push({ ...literal(brief.join(' ')), spacing: 'None' });
  }
  items.push(...explanation(i.explain, i.locale));
  if (open) items.push(...factRows(i));
  const terms = glossaryTermsOn(i);
  if (terms.length) {
    const data = { leadId: i.lead.id, v: i.lead.version };
    const buttons = terms.map((id) =>
      execute(displayName(findGlossaryEntry(id)!, i.locale), 'glossary.explain', { ...data, term: id }),
    );
    items.push({
      type: 'ActionSet',
      spacing: 'Small',
      actions: [showCard(tx.whatMeans, { type: 'AdaptiveCard', version: '1.5', body: [], actions: buttons })],
    });
  }
  return [{ type: 'Container', separator: true, spacing: 'Medium', items }];
}
