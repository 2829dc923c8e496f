import type { DigestFigures } from '../domain/digest.js';
import type { RejectReason } from '../domain/reject-reasons.js';
import { contextLine } from './call-brief.js';
import { formatTime, type Locale, t } from './i18n.js';
import { type FollowUpTexts, tm } from './i18n-follow-up.js';
import { facts, literal, plain } from './text.js';

export interface DigestCardView {
  teamName: string;
  figures: DigestFigures;
  locale: Locale;
  timeZone: string;
  /** HubSpot record link per lead id. */
  links: Readonly<Record<string, string>>;
  /** Shown at the top (e.g. that the digest is paused). */
  notice?: string;
}

/** A FactSet fallback: clients that cannot draw a chart show the same numbers (labels are ours, values are numbers). */
const factSet = (rows: Array<[string, number]>) => ({
  type: 'FactSet',
  facts: rows.map(([title, value]) => ({ title, value: String(value) })),
});

function funnelChart(f: DigestFigures, tx: FollowUpTexts): object {
  const rows: Array<[string, number]> = [
    ['MQL', f.funnel.mql],
    ['SAL', f.funnel.sal],
    ['SQL', f.funnel.sql],
    ['Opportunity', f.funnel.opportunity],
  ];
  return {
    type: 'Chart.VerticalBar',
    title: tx.funnel,
    colorSet: 'categorical',
    xAxisTitle: tx.stage,
    yAxisTitle: tx.count,
    data: rows.map(([x, y]) => ({ x, y })),
    fallback: factSet([
      [tx.mql, f.funnel.mql],
      [tx.sal, f.funnel.sal],
      [tx.sql, f.funnel.sql],
      [tx.opportunity, f.funnel.opportunity],
    ]),
  };
}

function reasonsChart(f: DigestFigures, locale: Locale, tx: FollowUpTexts): object[] {
  const head = {
    type: 'TextBlock',
    text: `${tx.rejectReasons} (${tx.rejected}: ${f.rejected.count})`,
    weight: 'Bolder',
    wrap: true,
    separator: true,
    spacing: 'Medium',
  };
  if (!f.rejected.count)
    return [head, { type: 'TextBlock', text: tx.noRejections, wrap: true, isSubtle: true, spacing: 'None' }];
  const label = (r: string) => t(locale).reasons[r as RejectReason] ?? plain(r, 60);
  const rows = f.rejected.topReasons.map((r): [string, number] => [label(r.reason), r.count]);
  return [
    head,
    {
      type: 'Chart.Donut',
      colorSet: 'categorical',
      data: rows.map(([legend, value]) => ({ legend, value })),
      fallback: factSet(rows),
    },
  ];
}

const cell = (item: object) => ({ type: 'TableCell', items: [item] });
const header = (text: string) => cell({ type: 'TextBlock', text, weight: 'Bolder', wrap: true });

function perCsmTable(f: DigestFigures, tx: FollowUpTexts): object[] {
  const value = (c: DigestFigures['perCsm'][number]) => ({
    received: String(c.received),
    median: c.medianTimeToAcceptMs == null ? tx.none : tx.duration(c.medianTimeToAcceptMs),
    rate: c.acceptanceRate == null ? tx.none : tx.percent(c.acceptanceRate),
  });
  const rows = [...f.perCsm].sort((a, b) => a.name.localeCompare(b.name));
  return [
    { type: 'TextBlock', text: tx.perCsm, weight: 'Bolder', wrap: true, separator: true, spacing: 'Medium' },
    {
      type: 'Table',
      firstRowAsHeaders: true,
      showGridLines: false,
      columns: [{ width: 3 }, { width: 2 }, { width: 3 }, { width: 2 }],
      rows: [
        {
          type: 'TableRow',
          cells: [header(tx.csm), header(tx.received), header(tx.medianToAccept), header(tx.acceptanceRate)],
        },
        ...rows.map((c) => {
          const v = value(c);
          return {
            type: 'TableRow',
            cells: [cell(literal(c.name)), cell(literal(v.received)), cell(literal(v.median)), cell(literal(v.rate))],
          };
        }),
      ],
      // Clients without tables: one block per CSM.
      fallback: {
        type: 'Container',
        items: rows.map((c) => {
          const v = value(c);
          return {
            type: 'Container',
            spacing: 'Small',
            items: [
              literal(c.name, { weight: 'Bolder' }),
              facts([
                [tx.received, v.received],
                [tx.medianToAccept, v.median],
                [tx.acceptanceRate, v.rate],
              ]),
            ],
          };
        }),
      },
    },
  ];
}

/** A lead name that opens the HubSpot record; the name is shown literally (never as markdown). */
function linkedName(text: string, url: string | undefined): object {
  return {
    type: 'RichTextBlock',
    inlines: [
      {
        type: 'TextRun',
        text: plain(text, 200),
        weight: 'Bolder',
        ...(url ? { selectAction: { type: 'Action.OpenUrl', url } } : {}),
      },
    ],
  };
}

function waiting(v: DigestCardView, tx: FollowUpTexts): object[] {
  const out: object[] = [
    { type: 'TextBlock', text: tx.waitingLongest, weight: 'Bolder', wrap: true, separator: true, spacing: 'Medium' },
  ];
  if (!v.figures.waitingLongest.length)
    return [...out, { type: 'TextBlock', text: tx.noneWaiting, wrap: true, isSubtle: true, spacing: 'None' }];
  for (const w of v.figures.waitingLongest) {
    out.push(linkedName(`${w.contact}${w.company ? ` – ${w.company}` : ''}`, v.links[w.leadId]));
    out.push({
      ...literal(tx.waitingLine(w.ownerName, tx.duration(w.ageMs)), { isSubtle: true, size: 'Small' }),
      spacing: 'None',
    });
    const why = contextLine(w.context, v.locale, v.timeZone, v.figures.until);
    if (why) out.push({ ...literal(why, { size: 'Small' }), spacing: 'None' });
  }
  return out;
}

function breaches(v: DigestCardView, tx: FollowUpTexts): object[] {
  const list = v.figures.slaBreaches;
  const out: object[] = [
    {
      type: 'TextBlock',
      text: `${tx.slaBreaches}: ${list.length}`,
      weight: 'Bolder',
      wrap: true,
      separator: true,
      spacing: 'Medium',
    },
  ];
  if (!list.length)
    return [...out, { type: 'TextBlock', text: tx.noBreaches, wrap: true, isSubtle: true, spacing: 'None' }];
  for (const b of list.slice(0, 5)) {
    out.push(linkedName(b.contact, v.links[b.leadId]));
    out.push({
      ...literal(tx.breachLine(b.ownerName, formatTime(b.dueAt, v.locale, v.timeZone)), {
        isSubtle: true,
        size: 'Small',
      }),
      spacing: 'None',
    });
  }
  return out;
}

/** The manager's digest: Adaptive Card 1.5 with a funnel bar chart and a reasons donut (each with a FactSet fallback). */
export function renderDigestCard(v: DigestCardView): object {
  const tx = tm(v.locale);
  const f = v.figures;
  const time = (ms: number) => formatTime(ms, v.locale, v.timeZone);
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    body: [
      ...(v.notice ? [{ type: 'Container', style: 'warning', items: [literal(v.notice)] }] : []),
      literal(tx.digestTitle(v.teamName), { weight: 'Bolder', size: 'Medium' }),
      { type: 'TextBlock', text: tx.window(time(f.since), time(f.until)), wrap: true, isSubtle: true, spacing: 'None' },
      funnelChart(f, tx),
      ...reasonsChart(f, v.locale, tx),
      ...breaches(v, tx),
      ...waiting(v, tx),
      ...perCsmTable(f, tx),
    ],
  };
}
