import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseWebhookBatch } from '../../src/hubspot/webhook-events.js';
import { scoreEvent, USERS, useWorld } from '../support/world.js';

describe('HTTP surface: refusals are clear and never a stack trace', () => {
  const w = useWorld({ env: { WEBHOOK_MAX_BYTES: '20000' } });

  it('answers health and readiness', async () => {
    expect(await (await fetch(`${w.url}/healthz`)).json()).toEqual({ status: 'ok' });
    expect(await (await fetch(`${w.url}/readyz`)).json()).toEqual({ status: 'ready' });
  });

  it('serves Prometheus metrics that move with the traffic', async () => {
    const scrape = async () => (await fetch(`${w.url}/metrics`)).text();
    const before = await scrape();
    expect(before).toMatch(/^leadbridge_webhook_events_received_total 0$/m);
    await w.webhook([scoreEvent('1006')]);
    await w.settle();
    const after = await scrape();
    expect(after).toMatch(/^leadbridge_webhook_events_received_total 1$/m);
    expect(after).toMatch(/^leadbridge_leads\{state="MQL"\} 1$/m);
    expect(after).toMatch(/leadbridge_outbox_pending(_jobs)? 0/);
  });

  it('refuses an unsigned, a wrongly signed and a replayed webhook with 401 and stores nothing', async () => {
    const count = async () => (await w.lb.store.db.selectFrom('webhook_events').select('id').execute()).length;
    const storedBefore = await count();
    const body = JSON.stringify([scoreEvent('1001')]);
    const unsigned = await fetch(`${w.url}/api/hubspot/webhook`, {
      method: 'POST',
      body,
      headers: { 'content-type': 'application/json' },
    });
    expect(unsigned.status).toBe(401);
    expect((await w.webhook([scoreEvent('1001')], { secret: 'wrong' })).status).toBe(401);
    const replay = await w.webhook([scoreEvent('1001')], { timestamp: Date.now() - 6 * 60_000 });
    expect(replay).toMatchObject({ status: 401, body: { message: expect.stringMatching(/older than 5 minutes/) } });
    expect(await count()).toBe(storedBefore);
  });

  it('answers 400 with the first problem for a malformed batch', async () => {
    const r = await w.webhook('[{"eventId": "x"}]');
    expect(r.status).toBe(400);
    expect(r.body.message).toMatch(/\[0\]\.eventId/);
    expect(JSON.stringify(r.body)).not.toMatch(/at .*\.ts:\d+/);
  });

  it('answers 413 for a body over the limit', async () => {
    const big = JSON.stringify(Array.from({ length: 100 }, () => scoreEvent('1001', 'x'.repeat(300))));
    const r = await w.webhook(big);
    expect(r.status).toBe(413);
    const msg = await fetch(`${w.url}/api/messages`, {
      method: 'POST',
      body: JSON.stringify({ type: 'message', text: 'x'.repeat(30_000) }),
      headers: { 'content-type': 'application/json' },
    });
    expect(msg.status).toBe(413);
  });

  it('refuses bad card action data with a message, not an error', async () => {
    await w.teams.conversationUpdateMembersAdded(USERS.alex);
    const cases = [
      { leadId: 'not-a-uuid', v: 1 },
      { leadId: crypto.randomUUID(), v: 1 },
      { leadId: crypto.randomUUID(), v: 'x' },
      {},
    ];
    for (const data of cases) {
      const r = await w.teams.cardAction(USERS.alex, { verb: 'lead.accept', data });
      expect(r.status).toBe(200);
      expect((r.body as any).type).toBe('application/vnd.microsoft.activity.message');
      expect(String((r.body as any).value)).toMatch(/ungültig|gibt es nicht/);
    }
  });

  it('survives arbitrary chat text (long, control characters, emoji only)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.string({ maxLength: 3000 }),
          fc.constant('😀😀😀'),
          fc.constant('\u0000\u0007\u001b[31m'),
          fc.constant('<at>LeadBridge</at> <b>hi</b>'),
        ),
        async (text) => {
          const r = await w.teams.message(USERS.alex, text);
          expect(r.status).toBeLessThan(300);
        },
      ),
      { numRuns: 25 },
    );
  });
});

describe('webhook parser properties', () => {
  it('never throws and always answers ok or a message, for any input', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.json(),
          fc
            .array(fc.record({ eventId: fc.anything(), portalId: fc.anything(), subscriptionType: fc.string() }), {
              maxLength: 5,
            })
            .map((x) => JSON.stringify(x)),
        ),
        (raw) => {
          const r = parseWebhookBatch(raw);
          expect(r.ok || (typeof r.message === 'string' && r.message.length > 0)).toBe(true);
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('Bot Framework authentication', () => {
  const w = useWorld({
    env: {
      BOT_ID: '11111111-2222-3333-4444-555555555555',
      BOT_PASSWORD: 'secret',
      BOT_TENANT_ID: '99999999-8888-4777-8666-555555555555',
    },
  });

  it('refuses activities with a missing or forged token (401)', async () => {
    const activity = {
      type: 'message',
      id: '1',
      text: 'hi',
      channelId: 'msteams',
      serviceUrl: w.connector.serviceUrl,
      from: { id: '29:x' },
      conversation: { id: 'a:1' },
      recipient: { id: '28:b' },
    };
    const post = (auth?: string) =>
      fetch(`${w.url}/api/messages`, {
        method: 'POST',
        body: JSON.stringify(activity),
        headers: { 'content-type': 'application/json', ...(auth ? { authorization: auth } : {}) },
      });
    expect((await post()).status).toBe(401);
    const header = Buffer.from(JSON.stringify({ alg: 'RS256', typ: 'JWT', kid: 'nope' })).toString('base64url');
    const payload = Buffer.from(
      JSON.stringify({
        iss: 'https://evil.example.com',
        aud: 'someone-else',
        exp: Math.floor(Date.now() / 1000) + 600,
      }),
    ).toString('base64url');
    expect((await post(`Bearer ${header}.${payload}.c2ln`)).status).toBe(401);
  });
});
