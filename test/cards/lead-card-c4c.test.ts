import { describe, expect, it } from 'vitest';
import { LEAD_VIEWS } from '../../scripts/render-cards/samples.js';
import { type LeadCardView, renderLeadCard, type SyncState } from '../../src/cards/lead-card.js';
import { cardText } from '../support/cards.js';

const base = LEAD_VIEWS['lead-opportunity']!.view;
const REASON = '36One: Status 05 cannot be set for lead 8000123 (STATUS_NOT_ALLOWED, HTTP 403)';

function syncLine(locale: 'de' | 'en', c4cConversion?: SyncState, over: Partial<LeadCardView['lead']> = {}): string {
  const view: LeadCardView = {
    ...base,
    locale,
    lead: { ...base.lead, c4cOpportunityId: '8101', ...over },
    sync: { ...base.sync, c4cConversion },
  };
  return (
    cardText(renderLeadCard(view))
      .split('\n')
      .find((l) => l.startsWith(locale === 'de' ? 'Abgleich:' : 'Sync:')) ?? ''
  );
}

describe('lead card: the 36One opportunity and its conversion step', () => {
  it('refused conversion: the opportunity counts as created and the card says why the lead is not converted', () => {
    const failed: SyncState = { status: 'failed', detail: REASON };
    expect(syncLine('de', failed)).toBe(
      'Abgleich: HubSpot ✓ · 36One ✓ Lead 8000123 · Opportunity 8101 angelegt · Lead nicht als konvertiert markiert: Status 05 cannot be set for lead 8000123 (STATUS_NOT_ALLOWED, HTTP 403)',
    );
    expect(syncLine('en', failed)).toBe(
      'Sync: HubSpot ✓ · 36One ✓ Lead 8000123 · Opportunity 8101 created · lead not marked converted: Status 05 cannot be set for lead 8000123 (STATUS_NOT_ALLOWED, HTTP 403)',
    );
  });

  it('converted, skipped or still running: just the opportunity; no opportunity yet: nothing about it', () => {
    for (const s of [{ status: 'ok' }, { status: 'pending' }, { status: 'none' }, undefined] as Array<
      SyncState | undefined
    >) {
      expect(syncLine('de', s)).toBe('Abgleich: HubSpot ✓ · 36One ✓ Lead 8000123 · Opportunity 8101 angelegt');
    }
    expect(syncLine('en', { status: 'failed', detail: REASON }, { c4cOpportunityId: null })).toBe(
      'Sync: HubSpot ✓ · 36One ✓ Lead 8000123',
    );
  });
});
