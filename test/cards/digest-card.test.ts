import * as AC from 'adaptivecards';
import { describe, expect, it } from 'vitest';
import { type DigestCardView, renderDigestCard } from '../../src/cards/digest-card.js';
import { renderEscalationCard } from '../../src/cards/escalation-card.js';
import { formatDuration } from '../../src/cards/i18n-follow-up.js';
import { forwardAction, forwardedNote } from '../../src/cards/reassign-form.js';
import type { DigestFigures } from '../../src/domain/digest.js';
import { cardActions, cardText } from '../support/cards.js';
import { berlin, ev, HOUR, makeLead, TZ } from '../support/team-world.js';

const figures: DigestFigures = {
  since: berlin('2025-03-07 08:00'),
  until: berlin('2025-03-10 08:00'),
  funnel: { mql: 8, sal: 4, sql: 2, opportunity: 1 },
  rejected: {
    count: 3,
    topReasons: [
      { reason: 'no_budget', count: 2 },
      { reason: 'competitor', count: 1 },
    ],
  },
  waitingLongest: [
    {
      leadId: 'l1',
      contact: '**[click](http://evil)**',
      company: 'Musterfirma GmbH',
      ownerEmail: 'meganb@example.com',
      ownerName: 'Megan Bowen',
      mqlAt: 0,
      ageMs: 94 * HOUR,
    },
  ],
  slaBreaches: [
    {
      leadId: 'l1',
      contact: 'Jonas Schmidt',
      ownerEmail: 'meganb@example.com',
      ownerName: 'Megan Bowen',
      dueAt: berlin('2025-03-06 14:00'),
      answeredAt: null,
    },
  ],
  perCsm: [
    {
      email: 'meganb@example.com',
      name: 'Megan Bowen',
      received: 4,
      accepted: 1,
      medianTimeToAcceptMs: HOUR,
      acceptanceRate: 0.25,
    },
    {
      email: 'alexw@example.com',
      name: 'Alex Wilber',
      received: 4,
      accepted: 2,
      medianTimeToAcceptMs: 1.5 * HOUR,
      acceptanceRate: 0.5,
    },
  ],
};
const view = (over: Partial<DigestCardView> = {}): DigestCardView => ({
  teamName: 'CSM Nord',
  figures,
  locale: 'de',
  timeZone: TZ,
  links: { l1: 'https://app.hubspot.com/contacts/1/contact/1001' },
  ...over,
});

const find = (card: any, type: string): any[] => {
  const out: any[] = [];
  const walk = (n: any) => {
    if (!n || typeof n !== 'object') return;
    if (Array.isArray(n)) return n.forEach(walk);
    if (n.type === type) out.push(n);
    Object.values(n).forEach(walk);
  };
  walk(card);
  return out;
};

/** Parses with the Adaptive Cards SDK as a client without chart support would. */
function parseLikeAClient(card: object) {
  const parsed = new AC.AdaptiveCard();
  const ctx = new AC.SerializationContext();
  parsed.parse(card, ctx);
  const events = Array.from({ length: ctx.eventCount }, (_, i) => ctx.getEventAt(i));
  return { json: parsed.toJSON() as any, events };
}

describe('digest card', () => {
  it('is Adaptive Card 1.5 with a funnel bar chart and a reasons donut, in German by default', () => {
    const card: any = renderDigestCard(view());
    expect(card.version).toBe('1.5');
    const [bar] = find(card, 'Chart.VerticalBar');
    expect(bar.data).toEqual([
      { x: 'MQL', y: 8 },
      { x: 'SAL', y: 4 },
      { x: 'SQL', y: 2 },
      { x: 'Opportunity', y: 1 },
    ]);
    const [donut] = find(card, 'Chart.Donut');
    expect(donut.data).toEqual([
      { legend: 'Kein Budget', value: 2 },
      { legend: 'Wettbewerber', value: 1 },
    ]);
    const text = cardText(card);
    expect(text).toContain('Tageszusammenfassung CSM Nord');
    expect(text).toContain('Zeitraum: 07.03.2025, 08:00 – 10.03.2025, 08:00');
    expect(text).toContain('SLA verletzt: 1');
    expect(text).toContain('Megan Bowen · wartet seit 3 T 22 Std');
    expect(text).toMatch(/Alex Wilber[\s\S]*1,5 Std[\s\S]*50 %[\s\S]*Megan Bowen[\s\S]*1 Std[\s\S]*25 %/);
  });

  it('every chart has a FactSet fallback, which a client without charts shows instead', () => {
    const card: any = renderDigestCard(view());
    for (const chart of [...find(card, 'Chart.VerticalBar'), ...find(card, 'Chart.Donut')])
      expect(chart.fallback.type).toBe('FactSet');
    const { json, events } = parseLikeAClient(card);
    expect(events.map((e) => e.message).filter((m) => !/Chart\.(VerticalBar|Donut)/.test(m))).toEqual([]);
    const facts = find(json, 'FactSet');
    expect(facts[0].facts).toEqual([
      { title: 'Neue MQLs', value: '8' },
      { title: 'Angenommen (SAL)', value: '4' },
      { title: 'SQL', value: '2' },
      { title: 'Opportunities', value: '1' },
    ]);
    expect(facts[1].facts).toEqual([
      { title: 'Kein Budget', value: '2' },
      { title: 'Wettbewerber', value: '1' },
    ]);
    expect(find(json, 'Table')).toHaveLength(1);
  });

  it('has an English variant', () => {
    const text = cardText(renderDigestCard(view({ locale: 'en' })));
    expect(text).toContain('Daily digest CSM Nord');
    expect(text).toContain('Megan Bowen · waiting for 3 d 22 h');
    expect(text).toContain('25%');
    const [donut] = find(renderDigestCard(view({ locale: 'en' })), 'Chart.Donut');
    expect(donut.data[0].legend).toBe('No budget');
  });

  it('shows names literally and links waiting leads to HubSpot', () => {
    const card: any = renderDigestCard(view());
    const run = find(card, 'TextRun').find((r) => r.text.startsWith('**[click]'));
    expect(run.selectAction).toEqual({
      type: 'Action.OpenUrl',
      url: 'https://app.hubspot.com/contacts/1/contact/1001',
    });
    expect(find(card, 'TextBlock').some((b) => b.text.includes('evil'))).toBe(false);
  });

  it('says so when nothing was rejected or is waiting', () => {
    const empty = { ...figures, rejected: { count: 0, topReasons: [] }, waitingLongest: [], slaBreaches: [] };
    const card = renderDigestCard(view({ figures: empty }));
    expect(find(card, 'Chart.Donut')).toHaveLength(0);
    expect(cardText(card)).toContain('Keine Ablehnungen im Zeitraum.');
    expect(cardText(card)).toContain('Keine offenen MQLs.');
  });

  it.each([
    [45 * 60_000, '45 Min', '45 min'],
    [1.5 * HOUR, '1,5 Std', '1.5 h'],
    [30 * HOUR, '30 Std', '30 h'],
    [71.6 * HOUR, '3 T', '3 d'],
    [50 * HOUR, '2 T 2 Std', '2 d 2 h'],
  ])('formats %d ms', (ms, de, en) => {
    expect([formatDuration(ms, 'de'), formatDuration(ms, 'en')]).toEqual([de, en]);
  });
});

describe('escalation card and forward form', () => {
  const lead = makeLead({ ownerEmail: 'alexw@example.com', mqlAt: berlin('2025-03-07 17:00'), version: 3 });
  it('offers "Neu zuweisen" with the team\'s CSMs and "Erinnern", both Action.Execute with {leadId, v}', () => {
    const card = renderEscalationCard({
      lead,
      locale: 'de',
      timeZone: TZ,
      now: berlin('2025-03-12 11:00'),
      hubspotUrl: 'https://h/1',
      ownerName: 'Alex Wilber',
      choices: [{ email: 'meganb@example.com', name: 'Megan Bowen' }],
    });
    expect(cardText(card)).toContain('Eskalation: MQL seit 4 T 18 Std unbeantwortet');
    const actions = cardActions(card);
    expect(actions.map((a) => [a.type, a.title])).toEqual([
      ['Action.ShowCard', 'Neu zuweisen'],
      ['Action.Execute', 'Zuweisen'],
      ['Action.Execute', 'Erinnern'],
      ['Action.OpenUrl', 'In HubSpot öffnen'],
    ]);
    const assign = actions.find((a) => a.title === 'Zuweisen')!;
    expect([assign.verb, assign.data]).toEqual(['lead.reassign', { leadId: lead.id, v: 3, src: 'escalation' }]);
    expect(actions.find((a) => a.title === 'Erinnern')!.verb).toBe('lead.nudge');
    const [choice] = find(card, 'Input.ChoiceSet');
    expect([choice.id, choice.choices]).toEqual(['newOwner', [{ title: 'Megan Bowen', value: 'meganb@example.com' }]]);
    expect(parseLikeAClient(card).events).toEqual([]);
  });

  it('"Weiterleiten" / "Forward" for the lead card, and the note on old copies', () => {
    const de = forwardAction({ leadId: lead.id, v: 3 }, [{ email: 'meganb@example.com', name: 'Megan Bowen' }], 'de');
    expect(cardActions(de).map((a) => a.title)).toEqual(['Weiterleiten', 'Weiterleiten']);
    expect(cardActions(forwardAction({ leadId: lead.id, v: 3 }, [], 'en')).map((a) => a.title)).toEqual([
      'Forward',
      'Forward',
    ]);
    const events = [
      ev(berlin('2025-03-10 10:15'), 'reassign', 'MQL', 'MQL', {
        toName: 'Megan Bowen',
        toEmail: 'meganb@example.com',
      }),
    ];
    events[0]!.actor = { id: 'a', name: 'Alex Wilber' };
    expect(forwardedNote(events, 'de', TZ)).toBe('Weitergeleitet an Megan Bowen von Alex Wilber am 10.03.2025, 10:15');
    expect(forwardedNote([], 'de', TZ)).toBeNull();
  });
});
