import { readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';
import { bearerMatches, createServer, listen } from '../../src/http/server.js';
import { createLog } from '../../src/log.js';
import { startWorld, USERS, useWorld, type World } from '../support/world.js';

const TOKEN = 'metrics-scrape-token-0123456789abcdef';
const BOT = {
  BOT_ID: '11111111-2222-3333-4444-555555555555',
  BOT_PASSWORD: 'secret',
  BOT_TENANT_ID: '99999999-8888-4777-8666-555555555555',
};

const scrape = (url: string, authorization?: string) =>
  fetch(`${url}/metrics`, { headers: authorization ? { authorization } : {} });

async function expectRefused(r: Response) {
  expect(r.status).toBe(401);
  expect(r.headers.get('www-authenticate')).toMatch(/^Bearer\b/);
  const text = await r.text();
  expect(JSON.parse(text)).toEqual({ error: 'Unauthorized', message: expect.stringMatching(/Bearer/) });
  expect(text).not.toContain(TOKEN);
  expect(text).not.toMatch(/leadbridge_/);
}

describe('GET /metrics with METRICS_TOKEN set (real server)', () => {
  const w = useWorld({ env: { METRICS_TOKEN: TOKEN } });

  it('refuses a request without Authorization (401, WWW-Authenticate: Bearer, JSON error)', async () => {
    await expectRefused(await scrape(w.url));
  });

  it('refuses a wrong token, of any length, and other schemes', async () => {
    await expectRefused(await scrape(w.url, 'Bearer wrong'));
    await expectRefused(await scrape(w.url, `Bearer ${TOKEN.slice(0, -1)}x`)); // same length, last character differs
    await expectRefused(await scrape(w.url, `Bearer ${TOKEN}x`));
    await expectRefused(await scrape(w.url, `Basic ${Buffer.from(`x:${TOKEN}`).toString('base64')}`));
    await expectRefused(await scrape(w.url, TOKEN));
    await expectRefused(await scrape(w.url, 'Bearer '));
  });

  it('serves Prometheus text for the right token', async () => {
    const r = await scrape(w.url, `Bearer ${TOKEN}`);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toMatch(/^text\/plain/);
    const body = await r.text();
    expect(body).toMatch(/^# TYPE leadbridge_webhook_events_received_total counter$/m);
    expect(body).toMatch(/^leadbridge_webhook_events_received_total 0$/m);
    expect((await scrape(w.url, `bearer ${TOKEN}`)).status).toBe(200); // the scheme is case-insensitive
  });

  it('leaves health and readiness open', async () => {
    expect((await fetch(`${w.url}/healthz`)).status).toBe(200);
    expect((await fetch(`${w.url}/readyz`)).status).toBe(200);
  });
});

describe('POST /api/messages takes JSON only (the body limit cannot be bypassed with multipart)', () => {
  const w = useWorld({ env: { WEBHOOK_MAX_BYTES: '20000', METRICS_TOKEN: TOKEN } });

  it('refuses a multipart upload larger than the limit with 415, unread, and writes no file', async () => {
    const uploads = () => new Set(readdirSync(tmpdir()).filter((f) => f.startsWith('upload_')));
    const before = uploads();
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(200_000)]), 'big.bin');
    const r = await fetch(`${w.url}/api/messages`, { method: 'POST', body: form });
    expect(r.status).toBe(415);
    expect(await r.json()).toEqual({
      error: 'UnsupportedMediaType',
      message: expect.stringMatching(/application\/json/),
    });
    expect([...uploads()].filter((f) => !before.has(f))).toEqual([]);
  });

  it('still reads JSON (with a charset) up to the limit and answers 413 above it', async () => {
    const post = (body: string) =>
      fetch(`${w.url}/api/messages`, {
        method: 'POST',
        body,
        headers: { 'content-type': 'application/json; charset=utf-8' },
      });
    expect((await post(JSON.stringify({ type: 'message', text: 'x'.repeat(30_000) }))).status).toBe(413);
    expect((await post('{"type": "message", ')).status).toBe(400); // parsed as JSON, not refused as another type
    // The Teams stand-in posts activities as Bot Framework does (application/json; charset=utf-8).
    await w.teams.conversationUpdateMembersAdded(USERS.alex);
    expect((await w.teams.message(USERS.alex, 'Was ist ein MQL?')).status).toBe(200);
  });
});

describe('GET /metrics in production', () => {
  let off: World;
  let withToken: World;
  beforeAll(async () => {
    off = await startWorld({ env: { NODE_ENV: 'production', ...BOT } });
    withToken = await startWorld({ env: { NODE_ENV: 'production', ...BOT, METRICS_TOKEN: TOKEN } });
  });
  afterAll(async () => {
    await Promise.all([off?.close(), withToken?.close()]);
  });

  it('is not served without METRICS_TOKEN (404, with or without a header)', async () => {
    for (const auth of [undefined, `Bearer ${TOKEN}`]) {
      const r = await scrape(off.url, auth);
      expect(r.status).toBe(404);
      expect(await r.text()).not.toMatch(/leadbridge_/);
    }
    expect((await fetch(`${off.url}/healthz`)).status).toBe(200);
  });

  it('is served with METRICS_TOKEN to the right bearer only', async () => {
    await expectRefused(await scrape(withToken.url));
    const r = await scrape(withToken.url, `Bearer ${TOKEN}`);
    expect(r.status).toBe(200);
    expect(await r.text()).toMatch(/^leadbridge_webhook_events_received_total 0$/m);
  });
});

describe('METRICS_TOKEN configuration', () => {
  it('chooses open (development), off (production) or token', () => {
    expect(loadConfig({}).metrics).toEqual({ mode: 'open' });
    expect(loadConfig({ METRICS_TOKEN: '   ' }).metrics).toEqual({ mode: 'open' });
    expect(loadConfig({ NODE_ENV: 'production', ...BOT }).metrics).toMatchObject({ mode: 'off' });
    expect(loadConfig({ NODE_ENV: 'production', ...BOT, METRICS_TOKEN: TOKEN }).metrics).toEqual({
      mode: 'token',
      token: TOKEN,
    });
  });

  it('refuses a short token by name, without echoing it', () => {
    let err: unknown;
    try {
      loadConfig({ METRICS_TOKEN: 'short-secret' });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ConfigError);
    expect((err as Error).message).toMatch(/METRICS_TOKEN: must be at least 16 characters/);
    expect((err as Error).message).not.toContain('short-secret');
  });

  it('says once at start-up that /metrics is off', async () => {
    const lines: string[] = [];
    const log = createLog(
      'info',
      new Writable({
        write(chunk, _enc, cb) {
          lines.push(String(chunk));
          cb();
        },
      }),
    );
    const config = loadConfig({ NODE_ENV: 'production', ...BOT });
    const server = createServer(
      {
        messages: async (_req, res) => {
          res.send(404);
        },
        webhook: async (_req, res) => {
          res.send(404);
        },
        ready: async () => true,
        metrics: async () => ({ contentType: 'text/plain', body: 'x 1\n' }),
      },
      { log, maxBodyBytes: 1024, metrics: config.metrics },
    );
    const url = `http://127.0.0.1:${await listen(server, 0, '127.0.0.1')}`;
    try {
      expect((await scrape(url)).status).toBe(404);
      expect((await scrape(url)).status).toBe(404);
      const said = lines.filter((l) => l.includes('/metrics'));
      expect(said).toHaveLength(1);
      expect(JSON.parse(said[0]!).msg).toBe(
        'GET /metrics is not served: METRICS_TOKEN is unset and NODE_ENV=production',
      );
    } finally {
      server.close();
    }
  });
});

describe('bearerMatches', () => {
  it('accepts only the exact token after the Bearer scheme', () => {
    expect(bearerMatches(`Bearer ${TOKEN}`, TOKEN)).toBe(true);
    expect(bearerMatches(`Bearer  ${TOKEN} `, TOKEN)).toBe(true);
    for (const h of [
      undefined,
      '',
      'Bearer',
      `Bearer ${TOKEN} extra`,
      `Token ${TOKEN}`,
      `Bearer ${TOKEN.toUpperCase()}`,
      `Bearer ${TOKEN.slice(1)}`,
    ]) {
      expect(bearerMatches(h, TOKEN), String(h)).toBe(false);
    }
    expect(bearerMatches('Bearer ', '')).toBe(false);
  });
});
