import type { Server } from 'restify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, listen } from '../../src/http/server.js';
import { webhookRoute } from '../../src/http/webhook-route.js';
import { instrumentClient } from '../../src/metrics/instrument-client.js';
import { storeSources } from '../../src/metrics/store-sources.js';
import { createMetrics, type Metrics } from '../../src/metrics.js';
import { OutboxWorker } from '../../src/outbox/worker.js';
import { jobHandlers } from '../../src/services/jobs.js';
import { action } from '../support/cards.js';
import {
  PUBLIC_BASE_URL,
  postSignedWebhook,
  SECRET,
  scoreEvent,
  startWorld,
  USERS,
  type World,
} from '../support/world.js';
import { sample } from './scrape.js';

/**
 * The hooks wired as the composition root wires them (webhook onCounted, worker onOutcome,
 * onDelivered, instrumented HubSpot client, /metrics route), against the real store and stand-ins.
 */
describe('metrics wired to a running LeadBridge (SQLite file, stand-ins over HTTP)', () => {
  let w: World;
  let m: Metrics;
  let worker: OutboxWorker;
  let server: Server;
  let url: string;

  beforeAll(async () => {
    w = await startWorld({ overrides: { worker: false } });
    const deps = w.lb.deps;
    m = createMetrics({
      now: () => deps.clock.now(),
      collect: storeSources(deps.store, deps.clock),
      processMetrics: false,
    });
    const measured = { ...deps, hubspot: instrumentClient(m, 'hubspot', deps.hubspot) };
    worker = new OutboxWorker({
      store: deps.store,
      log: deps.log,
      clock: deps.clock,
      concurrency: 4,
      pollMs: 20,
      handlers: jobHandlers(measured, { onDelivered: m.cardDelivered }),
      onOutcome: m.jobOutcome,
    });
    await worker.start();
    server = createServer(
      {
        messages: async (_req, res) => {
          res.send(404);
        },
        webhook: webhookRoute(deps, {
          clientSecret: SECRET,
          publicBaseUrl: PUBLIC_BASE_URL,
          onCounted: m.webhookCounted,
        }),
        ready: async () => true,
        metrics: () => m.render(),
      },
      { log: deps.log, maxBodyBytes: 1_000_000 },
    );
    url = `http://127.0.0.1:${await listen(server, 0, '127.0.0.1')}`;
  });
  afterAll(async () => {
    server?.close();
    await worker?.stop();
    await w?.close();
  });

  const post = async (events: object[], secret = SECRET) =>
    (await postSignedWebhook(url, events, { timestamp: Date.now(), secret })).status;
  const scrape = async () => {
    const r = await fetch(`${url}/metrics`);
    expect(r.headers.get('content-type')).toMatch(/^text\/plain/);
    return r.text();
  };

  it('counts webhooks, then the MQL lead, its card and the event-to-card time', async () => {
    const t0 = await scrape();
    expect(sample(t0, 'leadbridge_webhook_events_received_total')).toBe(0);
    expect(sample(t0, 'leadbridge_leads', { state: 'MQL' })).toBe(0);

    await w.teams.conversationUpdateMembersAdded(USERS.alex);
    const ev = scoreEvent('1001');
    expect(await post([ev])).toBe(200);
    expect(await post([ev, scoreEvent('1003')])).toBe(200);
    expect(await post([scoreEvent('1003')], 'wrong-secret')).toBe(401);
    const conv = w.connector.personalConversationId(USERS.alex.id);
    await w.connector.waitFor(
      (e) => e.conversationId === conv && JSON.stringify(e.activity).includes('Felix'),
      10_000,
      { since: 0 },
    );
    await w.connector.waitFor(
      (e) => e.conversationId === conv && JSON.stringify(e.activity).includes('Jonas'),
      10_000,
      { since: 0 },
    );
    await w.settle();

    const t = await scrape();
    expect(sample(t, 'leadbridge_webhook_events_received_total')).toBe(3);
    expect(sample(t, 'leadbridge_webhook_events_deduplicated_total')).toBe(1);
    expect(sample(t, 'leadbridge_webhook_requests_rejected_total')).toBe(1);
    expect(sample(t, 'leadbridge_leads', { state: 'MQL' })).toBe(2);
    expect(sample(t, 'leadbridge_outbox_pending')).toBe(0);
    expect(sample(t, 'leadbridge_outbox_oldest_age_seconds')).toBe(0);
    expect(sample(t, 'leadbridge_sends_total', { system: 'teams', outcome: 'done' })).toBe(2);
    expect(sample(t, 'leadbridge_outbox_jobs_total', { kind: 'contact.evaluate', outcome: 'done' })).toBe(2);
    expect(sample(t, 'leadbridge_event_to_card_seconds_count', { where: 'owner' })).toBe(2);
    // One batch read per evaluation here (this worker has no batch handlers: each job is its own batch of one).
    expect(
      sample(t, 'leadbridge_integration_call_duration_seconds_count', { system: 'hubspot', operation: 'getContacts' }),
    ).toBe(2);
  });

  it('shows an accept moving a lead to SAL and a failing HubSpot write as retry and call error', async () => {
    const conv = w.connector.personalConversationId(USERS.alex.id);
    const e = await w.connector.waitFor(
      (x) => x.conversationId === conv && x.kind === 'sent' && JSON.stringify(x.activity).includes('Jonas'),
      10_000,
      { since: 0 },
    );
    const card = (e.activity.attachments as any[])[0].content;
    w.hubspot.fault({ method: 'PATCH', path: '/crm/v3/objects/contacts/', status: 500, times: 1 });
    const accept = action(card, 'Annehmen');
    const res = await w.teams.cardAction(
      USERS.alex,
      { verb: accept.verb!, data: accept.data },
      { replyToId: e.activityId },
    );
    expect(res.status).toBe(200);

    const deadline = Date.now() + 10_000;
    let t = await scrape();
    while (!sample(t, 'leadbridge_sends_total', { system: 'hubspot', outcome: 'retry' }) && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 50));
      t = await scrape();
    }
    expect(sample(t, 'leadbridge_leads', { state: 'SAL' })).toBe(1);
    expect(sample(t, 'leadbridge_leads', { state: 'MQL' })).toBe(1);
    expect(sample(t, 'leadbridge_sends_total', { system: 'hubspot', outcome: 'retry' })).toBe(1);
    expect(
      sample(t, 'leadbridge_integration_call_errors_total', { system: 'hubspot', operation: 'updateContact' }),
    ).toBe(1);
    // The retry waits for its backoff, so the outbox is not empty and its oldest effect has an age.
    expect(sample(t, 'leadbridge_outbox_pending')).toBeGreaterThanOrEqual(1);
    expect(sample(t, 'leadbridge_outbox_oldest_age_seconds')).toBeGreaterThanOrEqual(0);
  });
});
