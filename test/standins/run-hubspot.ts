/**
 * Runs the HubSpot stand-in with the sample portal, for `npm run dev` and out-of-process tests:
 *   tsx test/standins/run-hubspot.ts --port 3980 [--token <accessToken>] [--latency 50] [--empty]
 * Then set HUBSPOT_BASE_URL to the printed URL. Ctrl-C stops it.
 */
import { parseArgs } from 'node:util';
import { startHubSpotStandin } from './hubspot.js';
import { sampleData } from './hubspot-sample.js';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '3980' },
    token: { type: 'string' },
    latency: { type: 'string', default: '0' },
    portal: { type: 'string', default: '12345678' },
    empty: { type: 'boolean', default: false },
  },
});

const standin = await startHubSpotStandin({
  port: Number(values.port),
  portalId: Number(values.portal),
  accessToken: values.token,
  latencyMs: Number(values.latency),
});
if (!values.empty) standin.seed(sampleData);

console.log(
  `HubSpot stand-in listening on ${standin.url} (portal ${standin.portalId}${values.token ? ', token required' : ''})`,
);
console.log(`  HUBSPOT_BASE_URL=${standin.url}`);
console.log(`  control: ${standin.url}/_standin/{seed,faults,requests,contacts/<id>,config,reset}`);

const stop = async () => {
  await standin.close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
