/**
 * Runs the 36One stand-in standalone: `npx tsx test/standins/run-c4c.ts --port 3981 [--username U --password P]
 * [--plain-single]` (`--plain-single`: single entities as plain OData v2 `{"d":{…}}` instead of C4C's `d.results`).
 */
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { startC4cStandin } from './c4c.js';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '3981' },
    username: { type: 'string' },
    password: { type: 'string' },
    'plain-single': { type: 'boolean' },
  },
});
const port = z.coerce.number().int().min(0).max(65535).parse(values.port);

const standin = await startC4cStandin({
  port,
  username: values.username,
  password: values.password,
  singleEntityShape: values['plain-single'] ? 'plain' : 'results',
});
console.log(
  `36One stand-in: ${standin.serviceRoot} (user ${standin.username}); control under ${standin.url}/_standin/`,
);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => void standin.close().then(() => process.exit(0)));
}
