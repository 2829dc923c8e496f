/** Baseline for webhook ingest: a bare restify 11 server that only parses the JSON body and answers 200. */
import restify from 'restify';
import { serveIpc } from './lib/serve-ipc.js';

const server = restify.createServer({ name: 'bare', handleUncaughtExceptions: false });
server.post(
  '/api/hubspot/webhook',
  restify.plugins.bodyParser({ maxBodySize: 1_000_000, mapParams: false }),
  async (req, res) => {
    res.send(200, { received: Array.isArray(req.body) ? req.body.length : 1 });
  },
);
const port = await new Promise<number>((r) =>
  server.listen(0, '127.0.0.1', () => r((server.address() as { port: number }).port)),
);
serveIpc(port, {
  stop: async () => {
    server.close();
  },
});
