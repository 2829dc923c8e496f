/**
 * Why a contact is an MQL, as HubSpot's own analytics tell it: source, conversions, engagement. Read in the same
 * batch read as the contact and kept on the lead with the contact snapshot. Every field may be absent.
 */
export interface ContactContext {
  /** `hs_analytics_source`: a code such as ORGANIC_SEARCH (Original source). */
  source?: string | null;
  /** `hs_analytics_source_data_1` / `_2`: HubSpot's drill-downs of the source (site, campaign, e-mail name, …). */
  sourceDrillDown1?: string | null;
  sourceDrillDown2?: string | null;
  recentConversion?: string | null;
  recentConversionAt?: number | null;
  firstConversion?: string | null;
  firstConversionAt?: number | null;
  conversions?: number | null;
  pageViews?: number | null;
  lastPageUrl?: string | null;
  lastEmailName?: string | null;
  lastEmailClickAt?: number | null;
  lastEmailOpenAt?: number | null;
  /** When HubSpot set the lifecycle stage to MQL. */
  becameMqlAt?: number | null;
}

export type ContextField = keyof ContactContext;
export type ContextValueKind = 'text' | 'number' | 'date' | 'url';

/** The HubSpot contact property behind each field, and how its value is read. */
export const CONTEXT_PROPERTIES: Readonly<Record<string, { field: ContextField; kind: ContextValueKind }>> = {
  hs_analytics_source: { field: 'source', kind: 'text' },
  hs_analytics_source_data_1: { field: 'sourceDrillDown1', kind: 'text' },
  hs_analytics_source_data_2: { field: 'sourceDrillDown2', kind: 'text' },
  recent_conversion_event_name: { field: 'recentConversion', kind: 'text' },
  recent_conversion_date: { field: 'recentConversionAt', kind: 'date' },
  first_conversion_event_name: { field: 'firstConversion', kind: 'text' },
  first_conversion_date: { field: 'firstConversionAt', kind: 'date' },
  num_conversion_events: { field: 'conversions', kind: 'number' },
  hs_analytics_num_page_views: { field: 'pageViews', kind: 'number' },
  hs_analytics_last_url: { field: 'lastPageUrl', kind: 'url' },
  hs_email_last_email_name: { field: 'lastEmailName', kind: 'text' },
  hs_email_last_click_date: { field: 'lastEmailClickAt', kind: 'date' },
  hs_email_last_open_date: { field: 'lastEmailOpenAt', kind: 'date' },
  hs_lifecyclestage_marketingqualifiedlead_date: { field: 'becameMqlAt', kind: 'date' },
};

/** `HUBSPOT_CONTEXT_PROPERTIES` when unset: every property above. */
export const DEFAULT_CONTEXT_PROPERTIES: readonly string[] = Object.keys(CONTEXT_PROPERTIES);

/** True when the context has at least one value worth showing (a count of 0 or an empty text is none). */
export function hasContext(c: ContactContext | null | undefined): c is ContactContext {
  return !!c && Object.values(c).some((v) => v != null && v !== '' && v !== 0);
}
