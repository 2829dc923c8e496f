/**
 * Runs the Teams connector stand-in with the sample users registered, for `npm run dev` and
 * out-of-process tests:
 *   tsx test/standins/run-teams-connector.ts --port 3990 [--latency 50] [--member-id-field objectId|aadObjectId|both]
 * Incoming activities must carry the printed serviceUrl (see teams-channel.ts). Ctrl-C stops it.
 */
import { parseArgs } from 'node:util';
import { memberOf } from './teams-activities.js';
import { startTeamsConnector } from './teams-connector.js';
import { teamsUsers } from './teams-sample.js';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '3990' },
    latency: { type: 'string', default: '0' },
    'member-id-field': { type: 'string', default: 'objectId' },
  },
});

const connector = await startTeamsConnector({
  port: Number(values.port),
  latencyMs: Number(values.latency),
  memberIdField: values['member-id-field'] as 'objectId' | 'aadObjectId' | 'both',
});
Object.values(teamsUsers).forEach((u) => connector.addMember(memberOf(u)));

console.log(`Teams connector stand-in listening; serviceUrl ${connector.serviceUrl}`);
console.log(`  control: ${connector.url}/_standin/{activities,cards,events,members,faults,block,requests,reset}`);

const stop = async () => {
  await connector.close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
