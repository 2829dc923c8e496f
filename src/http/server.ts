import restify, { type Server } from 'restify';
import type { Log } from '../log.js';

export interface Routes {
  messages(req: restify.Request, res: restify.Response): Promise<void>;
  webhook(req: restify.Request, res: restify.Response): Promise<void>;
  ready(): Promise<boolean>;
  metrics?(): Promise<{ contentType: string; body: string }>;
}

/** The HTTP surface: Bot Framework messages, HubSpot webhooks, health and metrics. */
export function createServer(routes: Routes, o: { log: Log; maxBodyBytes: number }): Server {
  const server = restify.createServer({ name: 'leadbridge', handleUncaughtExceptions: false });
  const limit = { maxBodySize: o.maxBodyBytes, mapParams: false };
  server.on('restifyError', (req, res, err, next) => {
    // Client mistakes (too large, bad JSON) get restify's status with a short JSON message, never a stack.
    res.json(err.statusCode ?? 500, { error: err.name ?? 'Error', message: err.statusCode && err.statusCode < 500 ? err.message : 'internal error' });
    if (!err.statusCode || err.statusCode >= 500) o.log.error({ err: String(err), url: req.url }, 'request failed');
    return next(false);
  });

  server.post('/api/messages', restify.plugins.bodyParser(limit), async (req, res) => {
    await routes.messages(req, res);
  });
  server.post('/api/hubspot/webhook', restify.plugins.bodyReader(limit), async (req, res) => {
    await routes.webhook(req, res);
  });
  server.get('/healthz', async (_req, res) => { res.send(200, { status: 'ok' }); });
  server.get('/readyz', async (_req, res) => {
    const ok = await routes.ready();
    res.send(ok ? 200 : 503, { status: ok ? 'ready' : 'store unreachable' });
  });
  if (routes.metrics) {
    server.get('/metrics', async (_req, res) => {
      const m = await routes.metrics!();
      res.setHeader('content-type', m.contentType);
      res.sendRaw(200, m.body);
    });
  }
  return server;
}

export function listen(server: Server, port: number, host = '0.0.0.0'): Promise<number> {
  return new Promise((resolve) => server.listen(port, host, () => resolve((server.address() as { port: number }).port)));
}
