import { createHash, timingSafeEqual } from 'node:crypto';
import restify, { type Server } from 'restify';
import type { Log } from '../log.js';

export interface Routes {
  messages(req: restify.Request, res: restify.Response): Promise<void>;
  webhook(req: restify.Request, res: restify.Response): Promise<void>;
  ready(): Promise<boolean>;
  metrics?(): Promise<{ contentType: string; body: string }>;
}

/**
 * Who may read `GET /metrics`: `open` (anyone; development and tests), `token` (only with
 * `Authorization: Bearer <token>`), `off` (not served, 404).
 */
export type MetricsAccess = { mode: 'open' } | { mode: 'token'; token: string } | { mode: 'off'; reason?: string };

/** True when `header` is `Bearer <token>`; compares SHA-256 digests in constant time. */
export function bearerMatches(header: string | undefined, token: string): boolean {
  const m = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(header ?? '');
  const digest = (s: string) => createHash('sha256').update(s, 'utf8').digest();
  // Always compare (also without a header), so the answer time says nothing about the token.
  const same = timingSafeEqual(digest(m?.[1] ?? ''), digest(token));
  return Boolean(m) && token.length > 0 && same;
}

/** The HTTP surface: Bot Framework messages, HubSpot webhooks, health and metrics. */
export function createServer(routes: Routes, o: { log: Log; maxBodyBytes: number; metrics?: MetricsAccess }): Server {
  const server = restify.createServer({ name: 'leadbridge', handleUncaughtExceptions: false });
  const limit = { maxBodySize: o.maxBodyBytes, mapParams: false };
  server.on('restifyError', (req, res, err, next) => {
    // Client mistakes (too large, bad JSON) get restify's status with a short JSON message, never a stack.
    res.json(err.statusCode ?? 500, {
      error: err.name ?? 'Error',
      message: err.statusCode && err.statusCode < 500 ? err.message : 'internal error',
    });
    if (!err.statusCode || err.statusCode >= 500) o.log.error({ err: String(err), url: req.url }, 'request failed');
    return next(false);
  });

  // Bot Framework sends JSON only. restify's generic bodyParser would hand multipart bodies to formidable,
  // which skips maxBodySize and writes uploads to the temp directory, so other bodies are refused unread.
  const jsonOnly: restify.RequestHandler = (req, res, next) => {
    const type = req.getContentType();
    if (type === 'application/json' || /^application\/[\w.+-]*\+json$/.test(type)) return next();
    res.json(415, { error: 'UnsupportedMediaType', message: 'only application/json request bodies are accepted' });
    return next(false);
  };
  server.post('/api/messages', jsonOnly, restify.plugins.jsonBodyParser(limit), async (req, res) => {
    await routes.messages(req, res);
  });
  server.post('/api/hubspot/webhook', restify.plugins.bodyReader(limit), async (req, res) => {
    await routes.webhook(req, res);
  });
  server.get('/healthz', async (_req, res) => {
    res.send(200, { status: 'ok' });
  });
  server.get('/readyz', async (_req, res) => {
    const ok = await routes.ready();
    res.send(ok ? 200 : 503, { status: ok ? 'ready' : 'store unreachable' });
  });
  const access: MetricsAccess = o.metrics ?? { mode: 'open' };
  if (routes.metrics && access.mode === 'off') {
    o.log.info({ metrics: 'off' }, `GET /metrics is not served${access.reason ? `: ${access.reason}` : ''}`);
  } else if (routes.metrics) {
    server.get('/metrics', async (req, res) => {
      if (access.mode === 'token' && !bearerMatches(req.header('authorization'), access.token)) {
        res.setHeader('WWW-Authenticate', 'Bearer realm="metrics"');
        res.json(401, { error: 'Unauthorized', message: 'GET /metrics needs Authorization: Bearer <METRICS_TOKEN>' });
        return;
      }
      const m = await routes.metrics!();
      res.setHeader('content-type', m.contentType);
      res.sendRaw(200, m.body);
    });
  }
  return server;
}

export function listen(server: Server, port: number, host = '0.0.0.0'): Promise<number> {
  return new Promise((resolve) =>
    server.listen(port, host, () => resolve((server.address() as { port: number }).port)),
  );
}
