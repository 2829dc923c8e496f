/**
 * "Why this lead?": HubSpot's source codes as readable text in both languages (unknown codes cleaned up), nothing
 * shown for empty properties, dates and relative days in the reader's time zone (fixed instants), a deterministic
 * call brief, the same context as one line in the digest and "meine Leads", and a card under Teams' size limit.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { callBrief, contextLine } from '../../src/cards/call-brief.js';
import { cleanCode, SOURCE_CODES, sourceLabel, sourceVia } from '../../src/cards/contact-source.js';
import { renderDigestCard } from '../../src/cards/digest-card.js';
import { formatDay } from '../../src/cards/i18n.js';
import { type LeadCardView, renderLeadCard } from '../../src/cards/lead-card.js';
import { myLeadsCard } from '../../src/cards/my-leads-card.js';
import { relativeDay } from '../../src/cards/relative-day.js';
import type { ContactContext } from '../../src/domain/contact-context.js';
import { DEFAULT_CONTEXT_PROPERTIES } from '../../src/domain/contact-context.js';
import { digestFigures } from '../../src/domain/digest.js';
import { type Lead, newMqlLead } from '../../src/domain/model.js';
import { REJECT_REASONS } from '../../src/domain/reject-reasons.js';
import { contactContextOf } from '../../src/hubspot/contact-context.js';
import { cardActions, cardText } from '../support/cards.js';

const LOCALES = ['de', 'en'] as const;
const BERLIN = 'Europe/Berlin';
/** Sunday 6 December 2026, 08:30 in Berlin (07:30 UTC). */
const NOW = Date.parse('2026-12-06T07:30:00Z');
const DAY = 86_400_000;

const FULL: ContactContext = {
  source: 'ORGANIC_SEARCH',
  sourceDrillDown1: 'google',
  sourceDrillDown2: 'unknown keywords (SSL)',
  recentConversion: 'Whitepaper KI im Vertrieb',
  recentConversionAt: NOW - 2 * DAY,
  firstConversion: 'Newsletter-Anmeldung',
  firstConversionAt: NOW - 90 * DAY,
  conversions: 3,
  pageViews: 17,
  lastPageUrl: 'https://www.example.com/loesungen/crm/',
  lastEmailName: 'Newsletter Dezember',
  lastEmailClickAt: NOW - 5 * DAY,
  lastEmailOpenAt: NOW - 6 * DAY,
  becameMqlAt: NOW - 60_000,
};

function lead(context: ContactContext | null, over: Partial<Lead> = {}): Lead {
  const start = newMqlLead(
    {
      id: '3f1c2d4e-5a6b-4c7d-8e9f-0a1b2c3d4e5f',
      portalId: 1,
      contactId: '901',
      cycle: 1,
      owner: { id: '77', email: 'alex@example.com', name: 'Alex Wilber' },
      contact: { id: '901', firstName: 'Julia', lastName: 'Neumann', score: 80, context },
      company: { id: '5', name: 'Musterbau GmbH', annualRevenue: 85_000_000, employees: 400 },
    },
    NOW - 3_600_000,
  );
  return { ...start, ...over };
}

const view = (l: Lead, over: Partial<LeadCardView> = {}): LeadCardView => ({
  lead: l,
  events: [],
  locale: 'de',
  timeZone: BERLIN,
  hubspotUrl: 'https://app.hubspot.com/contacts/1/record/0-1/901',
  sync: { hubspot: { status: 'ok' }, c4c: 'off' },
  rejectReasons: [...REJECT_REASONS],
  refreshUserIds: ['29:owner'],
  now: NOW,
  ...over,
});

/** Text nobody should ever read on a card. */
const NEVER = /undefined|\bnull\b|NaN|\[object|„“|“”|\(\)/;

describe('source codes', () => {
  it.each(LOCALES)('every HubSpot source code reads as words (%s), never as the code', (locale) => {
    for (const code of SOURCE_CODES) {
      const label = sourceLabel({ source: code }, locale)!;
      const via = sourceVia({ source: code }, locale)!;
      for (const text of [label, via]) {
        expect(text, code).toMatch(/^[\p{L}„“"( ]/u);
        expect(text, code).not.toMatch(/_|[A-Z]{4,}_?/);
        expect(text, code).not.toMatch(NEVER);
        expect(text.toUpperCase(), code).not.toBe(code);
      }
    }
    // Ten different sources read as ten different texts.
    expect(new Set(SOURCE_CODES.map((c) => sourceLabel({ source: c }, locale))).size).toBe(SOURCE_CODES.length);
  });

  it('the two languages differ where the words do', () => {
    expect(sourceLabel({ source: 'ORGANIC_SEARCH' }, 'de')).toBe('Organische Suche');
    expect(sourceLabel({ source: 'ORGANIC_SEARCH' }, 'en')).toBe('Organic search');
    expect(sourceLabel({ source: 'DIRECT_TRAFFIC' }, 'de')).toBe('Direktzugriff auf die Website');
    expect(sourceLabel({ source: 'DIRECT_TRAFFIC' }, 'en')).toBe('Direct traffic');
  });

  it('an unknown code falls back to a cleaned-up label; nothing for an empty one', () => {
    expect(cleanCode('SOME_NEW_CODE')).toBe('Some new code');
    for (const locale of LOCALES) {
      expect(sourceLabel({ source: 'SOME_NEW_CODE' }, locale)).toBe('Some new code');
      expect(sourceVia({ source: 'SOME_NEW_CODE' }, locale)).toMatch(/^[„“]Some new code[“”]$/);
      expect(sourceLabel({ source: 'some-new.code' }, locale)).toBe('Some new code');
      for (const empty of [null, undefined, '', '  ', '___'])
        expect(sourceLabel({ source: empty as string }, locale), String(empty)).toBeUndefined();
      expect(sourceLabel(null, locale)).toBeUndefined();
    }
  });

  it('drill-downs add the site, the referring domain or the e-mail; unhelpful ones are left out', () => {
    expect(sourceLabel(FULL, 'de')).toBe('Organische Suche (Google)');
    // Either drill-down may name the site.
    expect(sourceLabel({ source: 'ORGANIC_SEARCH', sourceDrillDown2: 'www.bing.com' }, 'en')).toBe(
      'Organic search (Bing)',
    );
    expect(sourceLabel({ source: 'PAID_SOCIAL', sourceDrillDown1: 'LinkedIn' }, 'de')).toBe('Paid Social (LinkedIn)');
    expect(sourceLabel({ source: 'REFERRALS', sourceDrillDown1: 'www.heise.de' }, 'de')).toBe(
      'Verweis von einer anderen Website (heise.de)',
    );
    expect(sourceLabel({ source: 'EMAIL_MARKETING', sourceDrillDown2: 'Newsletter März' }, 'de')).toBe(
      'E-Mail-Marketing („Newsletter März“)',
    );
    expect(sourceLabel({ source: 'OFFLINE', sourceDrillDown1: 'IMPORT' }, 'en')).toBe('Offline source (import)');
    expect(sourceLabel({ source: 'OFFLINE', sourceDrillDown1: 'SOMETHING_ELSE' }, 'en')).toBe(
      'Offline source (import, CRM, API)',
    );
    expect(sourceLabel({ source: 'ORGANIC_SEARCH', sourceDrillDown1: 'unknown keywords (SSL)' }, 'de')).toBe(
      'Organische Suche',
    );
    expect(sourceVia({ source: 'AI_REFERRALS', sourceDrillDown1: 'chatgpt.com' }, 'de')).toBe(
      'einen KI-Assistenten (ChatGPT)',
    );
  });
});

describe('HubSpot properties → context', () => {
  it('reads the documented value shapes and drops empty, malformed and missing ones', () => {
    const props = {
      hs_analytics_source: 'PAID_SEARCH',
      hs_analytics_source_data_1: '',
      hs_analytics_source_data_2: null,
      recent_conversion_event_name: '  Demo anfragen  ',
      recent_conversion_date: '2026-12-04T07:30:00.000Z',
      first_conversion_date: '1700000000000',
      num_conversion_events: '4',
      hs_analytics_num_page_views: 'not a number',
      hs_analytics_last_url: 'javascript:alert(1)',
      hs_email_last_email_name: 'null',
      hs_email_last_click_date: 'yesterday',
      hs_lifecyclestage_marketingqualifiedlead_date: '2026-12-06',
    };
    expect(contactContextOf(props, DEFAULT_CONTEXT_PROPERTIES)).toEqual({
      source: 'PAID_SEARCH',
      recentConversion: 'Demo anfragen',
      recentConversionAt: Date.parse('2026-12-04T07:30:00.000Z'),
      firstConversionAt: 1_700_000_000_000,
      conversions: 4,
      becameMqlAt: Date.parse('2026-12-06'),
    });
    // Only the configured properties count; nothing at all is null.
    expect(contactContextOf(props, ['hs_analytics_source'])).toEqual({ source: 'PAID_SEARCH' });
    expect(contactContextOf({}, DEFAULT_CONTEXT_PROPERTIES)).toBeNull();
    expect(contactContextOf(props, [])).toBeNull();
  });
});

describe('dates in the reader’s time zone (fixed clock)', () => {
  it('relative days count calendar days where the reader is', () => {
    expect(relativeDay(NOW - 2 * DAY, NOW, 'de', BERLIN)).toBe('vor 2 Tagen');
    expect(relativeDay(NOW - 2 * DAY, NOW, 'en', BERLIN)).toBe('2 days ago');
    expect(relativeDay(NOW - 60_000, NOW, 'de', BERLIN)).toBe('heute');
    expect(relativeDay(NOW - 21 * DAY, NOW, 'de', BERLIN)).toBe('vor 3 Wochen');
    expect(relativeDay(NOW - 90 * DAY, NOW, 'en', BERLIN)).toBe('3 months ago');
    // Saturday 5 December, 00:30 in Berlin is still Friday 23:30 in UTC.
    const justAfterMidnight = Date.parse('2026-12-04T23:30:00Z');
    expect(relativeDay(justAfterMidnight, NOW, 'de', BERLIN)).toBe('gestern');
    expect(relativeDay(justAfterMidnight, NOW, 'de', 'UTC')).toBe('vor 2 Tagen');
    expect(formatDay(justAfterMidnight, 'de', BERLIN)).toBe('05.12.2026');
    expect(formatDay(justAfterMidnight, 'de', 'UTC')).toBe('04.12.2026');
    expect(formatDay(justAfterMidnight, 'en', 'America/New_York')).toBe('04/12/2026');
    // A date after "now" (clocks differ) is today, never "in 1 day".
    expect(relativeDay(NOW + 3_600_000, NOW, 'en', BERLIN)).toBe('today');
  });

  it('the card shows the conversion relative and dated in the configured time zone', () => {
    const text = cardText(
      renderLeadCard(view(lead({ ...FULL, recentConversionAt: Date.parse('2026-12-04T23:30:00Z') }))),
    );
    expect(text).toContain('Whitepaper KI im Vertrieb – gestern (05.12.2026)');
    const utc = cardText(
      renderLeadCard(
        view(lead({ ...FULL, recentConversionAt: Date.parse('2026-12-04T23:30:00Z') }), { timeZone: 'UTC' }),
      ),
    );
    expect(utc).toContain('Whitepaper KI im Vertrieb – vor 2 Tagen (04.12.2026)');
  });
});

describe('call brief', () => {
  const input = (locale: 'de' | 'en', context: ContactContext | null = FULL) => ({
    context,
    company: 'Musterbau GmbH',
    segment: 'Midmarket',
    locale,
    timeZone: BERLIN,
    now: NOW,
  });

  it('two or three plain sentences from the facts, the same every time', () => {
    const de = callBrief(input('de'));
    expect(de).toEqual([
      'Hat vor 2 Tagen das Formular „Whitepaper KI im Vertrieb“ abgeschickt (3. Conversion, zuerst „Newsletter-Anmeldung“), kam über die organische Suche (Google).',
      '17 Seitenaufrufe, zuletzt /loesungen/crm; Marketing-E-Mail „Newsletter Dezember“ vor 5 Tagen geklickt.',
      'Musterbau GmbH gehört zum Kundensegment Midmarket.',
    ]);
    expect(callBrief(input('de'))).toEqual(de);
    const en = callBrief(input('en'));
    expect(en[0]).toBe(
      'Submitted the form “Whitepaper KI im Vertrieb” 2 days ago (conversion no. 3, first “Newsletter-Anmeldung”), came in via organic search (Google).',
    );
    expect(en[1]).toBe(
      '17 page views, last /loesungen/crm; clicked the marketing email “Newsletter Dezember” 5 days ago.',
    );
  });

  it('works with whatever part is known, and says nothing when nothing is', () => {
    expect(callBrief(input('de', { source: 'PAID_SOCIAL', sourceDrillDown1: 'linkedin' }))).toEqual([
      'Kam über eine Social-Media-Anzeige (LinkedIn).',
      'Musterbau GmbH gehört zum Kundensegment Midmarket.',
    ]);
    expect(callBrief(input('en', { recentConversion: 'Kontakt', conversions: 1, lastEmailOpenAt: NOW - DAY }))).toEqual(
      [
        'Submitted the form “Kontakt” (first conversion).',
        'Opened a marketing email yesterday.',
        'Musterbau GmbH is in the customer segment Midmarket.',
      ],
    );
    expect(callBrief(input('de', { lastEmailOpenAt: NOW - DAY }))[0]).toBe('Marketing-E-Mail gestern geöffnet.');
    expect(callBrief(input('de', null))).toEqual([]);
    expect(callBrief(input('de', {}))).toEqual([]);
  });

  it('is composed in code from the facts only: the brief’s modules import no model, client or network', () => {
    const files = ['call-brief.ts', 'contact-source.ts', 'relative-day.ts', 'lead-context.ts'];
    for (const f of files) {
      const src = readFileSync(new URL(`../../src/cards/${f}`, import.meta.url), 'utf8');
      const imports = [...src.matchAll(/from '([^']+)'/g)].map((m) => m[1]!);
      for (const i of imports)
        expect(i, `${f} imports ${i}`).toMatch(/^\.\/|^\.\.\/domain\/|^\.\.\/knowledge\/labels\.js$/);
    }
  });
});

describe('lead card', () => {
  it.each(LOCALES)('with full analytics (%s): brief, facts, link to the last page, glossary terms', (locale) => {
    const card = renderLeadCard(view(lead(FULL), { locale }));
    const text = cardText(card);
    expect(text).toContain(locale === 'de' ? 'Warum dieser Lead?' : 'Why this lead?');
    expect(text).toContain(locale === 'de' ? 'Organische Suche (Google)' : 'Organic search (Google)');
    expect(text).not.toMatch(NEVER);
    expect(text).not.toContain('ORGANIC_SEARCH');
    const json = JSON.stringify(card);
    expect(json).toContain('"url":"https://www.example.com/loesungen/crm/"');
    const terms = cardActions(card).filter((a) => a.verb === 'glossary.explain');
    expect(terms.map((a) => a.data.term)).toEqual(['mql', 'scoring', 'kundensegment-midmarket', 'gated-asset']);
    expect(terms.every((a) => a.data.leadId === lead(FULL).id)).toBe(true);
  });

  it.each(LOCALES)('without analytics (%s): no section text, no empty labels, still the glossary action', (locale) => {
    for (const context of [null, {}, { source: '', pageViews: 0, recentConversion: '' } as ContactContext]) {
      const card = renderLeadCard(view(lead(context), { locale }));
      const text = cardText(card);
      expect(text).not.toContain(locale === 'de' ? 'Warum dieser Lead?' : 'Why this lead?');
      expect(text).not.toMatch(NEVER);
      expect(cardActions(card).map((a) => a.verb)).toContain('glossary.explain');
    }
  });

  it('a closed lead no longer shows the brief (there is no call to prepare); SAL and SQL still do', () => {
    for (const state of ['REJECTED', 'OPPORTUNITY'] as const) {
      const text = cardText(renderLeadCard(view(lead(FULL, { state, closedAt: NOW }))));
      expect(text, state).not.toContain('Warum dieser Lead?');
      expect(text, state).not.toContain('Organische Suche');
    }
    for (const state of ['SAL', 'SQL'] as const)
      expect(cardText(renderLeadCard(view(lead(FULL, { state })))), state).toContain('Warum dieser Lead?');
  });

  it('„Was heißt das?“ shows the glossary’s answer in place', () => {
    const text = cardText(renderLeadCard(view(lead(FULL), { explain: 'gated-asset' })));
    expect(text).toContain('Gated Assets sind Bestandteile einer Marketing-Kampagne');
    expect(text).toContain('Quelle: Glossar Leadmanagement');
    const en = cardText(renderLeadCard(view(lead(FULL), { locale: 'en', explain: 'mql' })));
    expect(en).toContain('A marketing qualified lead (MQL) is a lead');
    // An unknown id explains nothing (the action refuses it before).
    expect(cardText(renderLeadCard(view(lead(FULL), { explain: 'nope' })))).not.toContain('Quelle: Glossar');
  });

  it('stays under Teams’ message size limit with the longest values', () => {
    const long = (n: number) => 'Ä'.repeat(n);
    const longest: ContactContext = {
      source: 'X'.repeat(80),
      sourceDrillDown1: long(500),
      sourceDrillDown2: long(500),
      recentConversion: long(500),
      recentConversionAt: NOW - DAY,
      firstConversion: long(499),
      firstConversionAt: NOW - 400 * DAY,
      conversions: 999_999,
      pageViews: 9_999_999,
      lastPageUrl: `https://www.example.com/${'a'.repeat(970)}`,
      lastEmailName: long(500),
      lastEmailClickAt: NOW - DAY,
      lastEmailOpenAt: NOW,
      becameMqlAt: NOW,
    };
    const l = lead(longest, {
      contact: {
        id: '901',
        firstName: long(300),
        lastName: long(300),
        email: `${'a'.repeat(200)}@example.com`,
        jobTitle: long(300),
        consent: long(300),
        score: 100,
        context: longest,
      },
      company: { id: '5', name: long(300), annualRevenue: 85_000_000, employees: 400 },
    });
    for (const locale of LOCALES) {
      const card = renderLeadCard(
        view(l, {
          locale,
          explain: 'scoring-verhaltensbezogen',
          notice: long(300),
          inboxFor: long(200),
          refreshUserIds: Array.from({ length: 60 }, (_, i) => `29:${'u'.repeat(60)}${i}`),
          forwardTargets: Array.from({ length: 20 }, (_, i) => ({ email: `csm${i}@example.com`, name: long(60) })),
        }),
      );
      // The strictest figure Microsoft documents for a message posted to Teams: about 28 KB (Teams connector,
      // "message size limit"; the bot limit in "Format your bot messages" is 40 KB, lately 100 KB), counted as the
      // Teams stand-in counts it: the activity's UTF-8 bytes (test/standins/teams-connector-routes.ts).
      const activity = {
        type: 'message',
        attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: card }],
      };
      const bytes = Buffer.byteLength(JSON.stringify(activity));
      expect(bytes).toBeLessThan(28 * 1024);
    }
  });
});

describe('digest and „meine Leads“', () => {
  it('show the same context as one line per lead, and nothing for leads without it', () => {
    const withContext = lead(FULL);
    const without = lead(null, { id: '4f1c2d4e-5a6b-4c7d-8e9f-0a1b2c3d4e5f', contactId: '902' });
    const line = contextLine(FULL, 'de', BERLIN, NOW);
    expect(line).toBe('Organische Suche (Google) · „Whitepaper KI im Vertrieb“ vor 2 Tagen · 17 Seitenaufrufe');
    expect(contextLine(FULL, 'en', BERLIN, NOW)).toBe(
      'Organic search (Google) · “Whitepaper KI im Vertrieb” 2 days ago · 17 page views',
    );
    expect(contextLine(null, 'de', BERLIN, NOW)).toBe('');

    const mine = cardText(myLeadsCard([withContext, without], 'de', NOW, BERLIN));
    expect(mine).toContain(line);
    expect(mine).not.toMatch(NEVER);

    const figures = digestFigures({
      leads: [withContext, without],
      events: {},
      members: ['alex@example.com'],
      since: NOW - DAY,
      now: NOW,
    });
    const digest = cardText(renderDigestCard({ teamName: 'Nord', figures, locale: 'de', timeZone: BERLIN, links: {} }));
    expect(digest).toContain(line);
    expect(digest.split(line).length).toBe(2);
    expect(digest).not.toMatch(/undefined|\bnull\b|NaN/);
  });
});
