/** HUBSPOT_CONTEXT_PROPERTIES: which HubSpot analytics properties the card's "why this lead" context reads. */
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';
import { DEFAULT_CONTEXT_PROPERTIES } from '../../src/domain/contact-context.js';

const props = (value?: string) =>
  loadConfig(value === undefined ? {} : { HUBSPOT_CONTEXT_PROPERTIES: value }).hubspot.contextProperties;

describe('HUBSPOT_CONTEXT_PROPERTIES', () => {
  it('defaults to the properties the issue names: source and drill-downs, conversions, engagement, MQL date', () => {
    expect(props()).toEqual([...DEFAULT_CONTEXT_PROPERTIES]);
    expect(props('')).toEqual([...DEFAULT_CONTEXT_PROPERTIES]);
    expect(DEFAULT_CONTEXT_PROPERTIES).toEqual([
      'hs_analytics_source',
      'hs_analytics_source_data_1',
      'hs_analytics_source_data_2',
      'recent_conversion_event_name',
      'recent_conversion_date',
      'first_conversion_event_name',
      'first_conversion_date',
      'num_conversion_events',
      'hs_analytics_num_page_views',
      'hs_analytics_last_url',
      'hs_email_last_email_name',
      'hs_email_last_click_date',
      'hs_email_last_open_date',
      'hs_lifecyclestage_marketingqualifiedlead_date',
    ]);
  });

  it('takes a subset (portals differ), or none', () => {
    expect(props(' hs_analytics_source , hs_analytics_num_page_views,hs_analytics_source ')).toEqual([
      'hs_analytics_source',
      'hs_analytics_num_page_views',
    ]);
    expect(props('none')).toEqual([]);
    expect(props('NONE')).toEqual([]);
  });

  it('refuses a property it could not show, naming it and the known ones', () => {
    expect(() => props('hs_analytics_source,firstname')).toThrow(ConfigError);
    expect(() => props('hs_analytics_source,firstname')).toThrow(
      /HUBSPOT_CONTEXT_PROPERTIES.*not a context property LeadBridge shows: firstname \(known: hs_analytics_source, /,
    );
  });
});
