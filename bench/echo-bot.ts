/** Baseline for chat: a plain @microsoft/teams-ai echo bot on the same adapter type (TeamsAdapter, auth off) and HTTP stack. */
import { Application, TeamsAdapter, type TurnState } from '@microsoft/teams-ai';
import restify from 'restify';
import { serveIpc } from './lib/serve-ipc.js';

const adapter = new TeamsAdapter({});
const app = new Application<TurnState>({
  adapter,
  startTypingTimer: false,
  removeRecipientMention: true,
  longRunningMessages: false,
} as any);
app.activity('message', async (ctx) => {
  await ctx.sendActivity(`Echo: ${ctx.activity.text ?? ''}`);
});

const server = restify.createServer({ name: 'echo', handleUncaughtExceptions: false });
server.post(
  '/api/messages',
  restify.plugins.bodyParser({ maxBodySize: 1_000_000, mapParams: false }),
  async (req, res) => {
    await adapter.process(req as any, res as any, (ctx) => app.run(ctx).then(() => undefined));
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
