import type { ContactContext } from '../domain/contact-context.js';
import type { Locale } from './i18n.js';
import { plain } from './text.js';

/**
 * HubSpot's Original source (`hs_analytics_source`) as a person reads it. Codes: HubSpot's VisitSource values
 * (DIRECT_TRAFFIC, EMAIL_MARKETING, OFFLINE, ORGANIC_SEARCH, OTHER_CAMPAIGNS, PAID_SEARCH, PAID_SOCIAL, REFERRALS,
 * SOCIAL_MEDIA — HubSpot's CRM UI source, customer-data-objects/property/VisitSourceTypes); labels after HubSpot's
 * "Understand Original and Latest source properties" (knowledge.hubspot.com/properties/understand-source-properties).
 * AI_REFERRALS: HubSpot's "AI referrals" source (knowledge.hubspot.com/reports/understand-hubspots-traffic-sources-in-
 * the-traffic-analytics-tool); the code spelling is taken from public code reading it — unverified, hence the fallback.
 */
export const SOURCE_CODES = [
  'ORGANIC_SEARCH',
  'PAID_SEARCH',
  'EMAIL_MARKETING',
  'SOCIAL_MEDIA',
  'REFERRALS',
  'OTHER_CAMPAIGNS',
  'DIRECT_TRAFFIC',
  'OFFLINE',
  'PAID_SOCIAL',
  'AI_REFERRALS',
] as const;
export type SourceCode = (typeof SOURCE_CODES)[number];

/** `label`: the fact on the card; `via`: how the brief says it ("kam über …"). */
const SOURCES: Record<Locale, Record<SourceCode, { label: string; via: string }>> = {
  de: {
    ORGANIC_SEARCH: { label: 'Organische Suche', via: 'die organische Suche' },
    PAID_SEARCH: { label: 'Suchanzeige (Paid Search)', via: 'eine Suchanzeige' },
    EMAIL_MARKETING: { label: 'E-Mail-Marketing', via: 'eine Marketing-E-Mail' },
    SOCIAL_MEDIA: { label: 'Social Media (organisch)', via: 'Social Media' },
    REFERRALS: { label: 'Verweis von einer anderen Website', via: 'einen Link auf einer anderen Website' },
    OTHER_CAMPAIGNS: { label: 'Sonstige Kampagne', via: 'eine Kampagne' },
    DIRECT_TRAFFIC: { label: 'Direktzugriff auf die Website', via: 'den direkten Aufruf der Website' },
    OFFLINE: { label: 'Offline-Quelle (Import, CRM, API)', via: 'eine Offline-Quelle' },
    PAID_SOCIAL: { label: 'Paid Social (Social-Media-Anzeige)', via: 'eine Social-Media-Anzeige' },
    AI_REFERRALS: { label: 'KI-Assistent (AI Referral)', via: 'einen KI-Assistenten' },
  },
  en: {
    ORGANIC_SEARCH: { label: 'Organic search', via: 'organic search' },
    PAID_SEARCH: { label: 'Paid search (search ad)', via: 'a search ad' },
    EMAIL_MARKETING: { label: 'Email marketing', via: 'a marketing email' },
    SOCIAL_MEDIA: { label: 'Organic social', via: 'social media' },
    REFERRALS: { label: 'Referral from another website', via: 'a link on another website' },
    OTHER_CAMPAIGNS: { label: 'Other campaign', via: 'a campaign' },
    DIRECT_TRAFFIC: { label: 'Direct traffic', via: 'visiting the website directly' },
    OFFLINE: { label: 'Offline source (import, CRM, API)', via: 'an offline source' },
    PAID_SOCIAL: { label: 'Paid social (social media ad)', via: 'a social media ad' },
    AI_REFERRALS: { label: 'AI assistant (AI referral)', via: 'an AI assistant' },
  },
};

/** Sites the drill-downs name (search engines, social networks, AI assistants), as people write them. */
const SITES: Array<[RegExp, string]> = [
  [/\bgoogle\b/i, 'Google'],
  [/\bbing\b/i, 'Bing'],
  [/\byahoo\b/i, 'Yahoo'],
  [/\bduckduckgo\b/i, 'DuckDuckGo'],
  [/\becosia\b/i, 'Ecosia'],
  [/\blinkedin\b|\blnkd\.in\b/i, 'LinkedIn'],
  [/\bxing\b/i, 'XING'],
  [/\bfacebook\b|\bfb\b/i, 'Facebook'],
  [/\binstagram\b/i, 'Instagram'],
  [/\btwitter\b|^x(\.com)?$|\bt\.co\b/i, 'X (Twitter)'],
  [/\byoutube\b/i, 'YouTube'],
  [/\bchatgpt\b|\bopenai\b/i, 'ChatGPT'],
  [/\bperplexity\b/i, 'Perplexity'],
  [/\bgemini\b/i, 'Gemini'],
  [/\bcopilot\b/i, 'Copilot'],
  [/\bclaude\b/i, 'Claude'],
];

/** HubSpot's offline drill-downs (how the record came in), as people read them. */
const OFFLINE_KINDS: Record<Locale, Record<string, string>> = {
  de: { IMPORT: 'Import', API: 'API', CRM_UI: 'manuell im CRM angelegt', INTEGRATION: 'Integration', SALES: 'Sales' },
  en: { IMPORT: 'import', API: 'API', CRM_UI: 'created in the CRM', INTEGRATION: 'integration', SALES: 'Sales' },
};

/** "SOME_NEW_CODE" → "Some new code": a code HubSpot adds later still reads as words, never as a raw code. */
export function cleanCode(code: string): string {
  const words = plain(code, 80)
    .replace(/[_\-.]+/g, ' ')
    .trim()
    .toLowerCase();
  return words ? words[0]!.toUpperCase() + words.slice(1) : '';
}

const isKnown = (code: string): code is SourceCode => (SOURCE_CODES as readonly string[]).includes(code);

/** A site named in either drill-down (HubSpot's order of the two differs between sources and portals: unverified). */
function siteOf(c: ContactContext): string | undefined {
  for (const v of [c.sourceDrillDown1, c.sourceDrillDown2]) {
    if (!v) continue;
    const hit = SITES.find(([re]) => re.test(v));
    if (hit) return hit[1];
  }
  return undefined;
}

const quoted = (s: string, locale: Locale) => (locale === 'de' ? `„${s}“` : `“${s}”`);
const hostLike = (s: string) => /^[a-z0-9-]+(\.[a-z0-9-]+)+$/i.test(s);

/** The drill-down that helps a reader, per source; undefined when none does. */
function detailOf(code: string, c: ContactContext, locale: Locale): string | undefined {
  const d1 = plain(c.sourceDrillDown1, 80);
  const d2 = plain(c.sourceDrillDown2, 80);
  switch (code) {
    case 'ORGANIC_SEARCH':
    case 'PAID_SEARCH':
    case 'SOCIAL_MEDIA':
    case 'PAID_SOCIAL':
    case 'AI_REFERRALS':
      return siteOf(c);
    case 'REFERRALS': {
      const host = [d1, d2].find(hostLike);
      return host?.replace(/^www\./i, '');
    }
    case 'EMAIL_MARKETING':
      return d2 || d1 ? quoted(d2 || d1, locale) : undefined;
    case 'OTHER_CAMPAIGNS':
      return d1 ? quoted(d1, locale) : undefined;
    case 'OFFLINE':
      return OFFLINE_KINDS[locale][d1.toUpperCase()];
    default:
      return undefined;
  }
}

/** The Original source as a fact: "Organische Suche (Google)"; undefined when the contact has none. */
export function sourceLabel(c: ContactContext | null | undefined, locale: Locale): string | undefined {
  const code = plain(c?.source, 80).toUpperCase();
  if (!c || !code) return undefined;
  const label = isKnown(code) ? SOURCES[locale][code].label : cleanCode(code);
  if (!label) return undefined;
  const detail = detailOf(code, c, locale);
  // The drill-down replaces the label's own explanation: "Paid Social (LinkedIn)", not "Paid Social (…) (LinkedIn)".
  return detail ? `${label.replace(/\s*\(.*\)$/, '')} (${detail})` : label;
}

/** The Original source as the brief says it: "die organische Suche (Google)"; undefined when there is none. */
export function sourceVia(c: ContactContext | null | undefined, locale: Locale): string | undefined {
  const code = plain(c?.source, 80).toUpperCase();
  if (!c || !code) return undefined;
  const cleaned = isKnown(code) ? '' : cleanCode(code);
  if (!isKnown(code) && !cleaned) return undefined;
  const via = isKnown(code) ? SOURCES[locale][code].via : quoted(cleaned, locale);
  const detail = detailOf(code, c, locale);
  return detail ? `${via} (${detail})` : via;
}
