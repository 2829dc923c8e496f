/**
 * `npm run simulate:mql [contactId] [score]`: makes a sample contact an MQL in the local HubSpot stand-in and
 * sends the bot a correctly signed (v3) webhook, as HubSpot would. Reads env/.env.playground.
 */
import { signV3 } from '../src/hubspot/signature.js';

process.loadEnvFile('env/.env.playground');
const [contactId = '1001', score = '85'] = process.argv.slice(2);
const hubspot = process.env.HUBSPOT_BASE_URL!;
const publicBase = process.env.PUBLIC_BASE_URL!.replace(/\/+$/, '');
const secret = process.env.HUBSPOT_CLIENT_SECRET!;

const edit = await fetch(`${hubspot}/_standin/contacts/${contactId}`, {
  method: 'PATCH',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ properties: { hubspotscore: score } }),
});
if (!edit.ok) {
  console.error(
    `The HubSpot stand-in at ${hubspot} did not take the change (${edit.status}); is \`npm run dev\` running?`,
  );
  process.exit(1);
}
const body = JSON.stringify([
  {
    eventId: Date.now() % 1e9,
    subscriptionId: 7001,
    portalId: 62515,
    appId: 4242424,
    occurredAt: Date.now(),
    subscriptionType: 'contact.propertyChange',
    attemptNumber: 0,
    objectId: Number(contactId),
    propertyName: 'hubspotscore',
    propertyValue: score,
    changeSource: 'CRM',
  },
]);
const ts = String(Date.now());
const path = '/api/hubspot/webhook';
const r = await fetch(`http://127.0.0.1:${process.env.PORT ?? 3978}${path}`, {
  method: 'POST',
  body,
  headers: {
    'content-type': 'application/json',
    'x-hubspot-request-timestamp': ts,
    'x-hubspot-signature-v3': signV3(secret, 'POST', `${publicBase}${path}`, body, ts),
  },
});
console.log(`webhook for contact ${contactId} (score ${score}): HTTP ${r.status} ${await r.text()}`);
process.exit(r.ok ? 0 : 1);
