import { describe, expect, it } from 'vitest';
import { instrumentClient } from '../../src/metrics/instrument-client.js';
import { createMetrics } from '../../src/metrics.js';
import { sample } from './scrape.js';

const scrape = async (m: ReturnType<typeof createMetrics>) => (await m.render()).body;

describe('metrics (own registry, values change with the hooks)', () => {
  it('renders Prometheus text with its content type, and two instances do not clash', async () => {
    const a = createMetrics({ processMetrics: false });
    const b = createMetrics({ processMetrics: false });
    a.webhookCounted({ received: 3, duplicates: 1, rejected: 0 });
    const r = await a.render();
    expect(r.contentType).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(sample(r.body, 'leadbridge_webhook_events_received_total')).toBe(3);
    expect(sample(await scrape(b), 'leadbridge_webhook_events_received_total')).toBe(0);
  });

  it('counts webhook events received, deduplicated and rejected requests', async () => {
    const m = createMetrics({ processMetrics: false });
    m.webhookCounted({ received: 100, duplicates: 4, rejected: 0 });
    m.webhookCounted({ received: 0, duplicates: 0, rejected: 1 });
    m.webhookCounted({ received: 2, duplicates: 2, rejected: 0 });
    const t = await scrape(m);
    expect(sample(t, 'leadbridge_webhook_events_received_total')).toBe(102);
    expect(sample(t, 'leadbridge_webhook_events_deduplicated_total')).toBe(6);
    expect(sample(t, 'leadbridge_webhook_requests_rejected_total')).toBe(1);
  });

  it('counts sends by system and outcome from the worker hook (system = kind before the dot)', async () => {
    const m = createMetrics({ processMetrics: false });
    const before = await scrape(m);
    expect(sample(before, 'leadbridge_sends_total', { system: 'c4c', outcome: 'dead' })).toBe(0);
    m.jobOutcome({ kind: 'teams.deliver' }, 'done', 12);
    m.jobOutcome({ kind: 'teams.refresh' }, 'done', 8);
    m.jobOutcome({ kind: 'hubspot.sync' }, 'retry', 40);
    m.jobOutcome({ kind: 'c4c.ensureLead' }, 'dead', 900);
    m.jobOutcome({ kind: 'contact.evaluate' }, 'done', 30);
    const t = await scrape(m);
    expect(sample(t, 'leadbridge_sends_total', { system: 'teams', outcome: 'done' })).toBe(2);
    expect(sample(t, 'leadbridge_sends_total', { system: 'hubspot', outcome: 'retry' })).toBe(1);
    expect(sample(t, 'leadbridge_sends_total', { system: 'c4c', outcome: 'dead' })).toBe(1);
    expect(sample(t, 'leadbridge_sends_total', { system: 'contact', outcome: 'done' })).toBeUndefined();
    expect(sample(t, 'leadbridge_outbox_jobs_total', { kind: 'contact.evaluate', outcome: 'done' })).toBe(1);
    expect(sample(t, 'leadbridge_outbox_job_duration_seconds_count', { system: 'hubspot' })).toBe(1);
    expect(sample(t, 'leadbridge_outbox_job_duration_seconds_sum', { system: 'c4c' })).toBeCloseTo(0.9);
    expect(sample(t, 'leadbridge_outbox_job_duration_seconds_bucket', { system: 'teams', le: '0.01' })).toBe(1);
  });

  it('observes event-to-card latency against the product clock, skipping cards without a receive time', async () => {
    let now = 1_000_000;
    const m = createMetrics({ processMetrics: false, now: () => now });
    now += 250;
    m.cardDelivered({}, 1_000_000, 'owner');
    m.cardDelivered({}, undefined, 'owner');
    now += 4750;
    m.cardDelivered({}, 1_000_000, 'inbox');
    const t = await scrape(m);
    expect(sample(t, 'leadbridge_event_to_card_seconds_count', { where: 'owner' })).toBe(1);
    expect(sample(t, 'leadbridge_event_to_card_seconds_bucket', { where: 'owner', le: '0.3' })).toBe(1);
    expect(sample(t, 'leadbridge_event_to_card_seconds_bucket', { where: 'owner', le: '0.2' })).toBe(0);
    expect(sample(t, 'leadbridge_event_to_card_seconds_sum', { where: 'inbox' })).toBe(5);
  });

  it('times integration calls and counts failures, through instrument() and a wrapped client', async () => {
    const m = createMetrics({ processMetrics: false });
    await m.instrument('c4c', 'createLead', async () => 'ok');
    await expect(
      m.instrument('c4c', 'createLead', async () => {
        throw new Error('503');
      }),
    ).rejects.toThrow('503');
    const client = {
      base: 'https://x',
      async getContact(id: string) {
        return { id };
      },
      async updateContact() {
        throw new Error('429');
      },
      recordUrl(id: string) {
        return `${this.base}/${id}`;
      },
    };
    const hs = instrumentClient(m, 'hubspot', client);
    expect(await hs.getContact('1')).toEqual({ id: '1' });
    await expect(hs.updateContact()).rejects.toThrow('429');
    expect(hs.recordUrl('7')).toBe('https://x/7');
    const t = await scrape(m);
    expect(
      sample(t, 'leadbridge_integration_call_duration_seconds_count', { system: 'c4c', operation: 'createLead' }),
    ).toBe(2);
    expect(sample(t, 'leadbridge_integration_call_errors_total', { system: 'c4c', operation: 'createLead' })).toBe(1);
    expect(
      sample(t, 'leadbridge_integration_call_duration_seconds_count', { system: 'hubspot', operation: 'getContact' }),
    ).toBe(1);
    expect(
      sample(t, 'leadbridge_integration_call_errors_total', { system: 'hubspot', operation: 'updateContact' }),
    ).toBe(1);
    expect(
      sample(t, 'leadbridge_integration_call_duration_seconds_count', { system: 'hubspot', operation: 'recordUrl' }),
    ).toBeUndefined();
  });

  it('reads leads by state and the outbox at scrape time; a failing source keeps the last value and is counted', async () => {
    let counts: Record<string, number> = { MQL: 2, SAL: 1 };
    let outbox = { pending: 5, dead: 1, oldestAgeMs: 1500 };
    let fail = false;
    let outboxReads = 0;
    const m = createMetrics({
      processMetrics: false,
      collect: {
        leadsByState: async () => {
          if (fail) throw new Error('db down');
          return counts;
        },
        outbox: async () => {
          outboxReads++;
          if (fail) throw new Error('db down');
          return outbox;
        },
      },
    });
    let t = await scrape(m);
    expect(sample(t, 'leadbridge_leads', { state: 'MQL' })).toBe(2);
    expect(sample(t, 'leadbridge_leads', { state: 'REJECTED' })).toBe(0);
    expect(sample(t, 'leadbridge_outbox_pending')).toBe(5);
    expect(sample(t, 'leadbridge_outbox_dead')).toBe(1);
    expect(sample(t, 'leadbridge_outbox_oldest_age_seconds')).toBe(1.5);
    expect(outboxReads).toBe(1);

    counts = { SAL: 3 };
    outbox = { pending: 0, dead: 0, oldestAgeMs: 0 };
    t = await scrape(m);
    expect(sample(t, 'leadbridge_leads', { state: 'MQL' })).toBe(0);
    expect(sample(t, 'leadbridge_leads', { state: 'SAL' })).toBe(3);
    expect(sample(t, 'leadbridge_outbox_pending')).toBe(0);
    expect(outboxReads).toBe(2);

    fail = true;
    t = await scrape(m);
    expect(sample(t, 'leadbridge_leads', { state: 'SAL' })).toBe(3);
    expect(sample(t, 'leadbridge_metrics_collect_errors_total', { source: 'leads' })).toBe(1);
    expect(sample(t, 'leadbridge_metrics_collect_errors_total', { source: 'outbox' })).toBe(1);
  });

  it('adds the Node process metrics by default', async () => {
    const t = await scrape(createMetrics());
    expect(sample(t, 'leadbridge_process_resident_memory_bytes')).toBeGreaterThan(0);
  });
});
