/** Blocking, throttling and 5xx of the Teams connector stand-in, and botbuilder's own retry behaviour. */
import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  type ConversationReference,
  TeamsInfo,
} from 'botbuilder';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTeamsConnector, type TeamsConnector, type TeamsMember } from './teams-connector.js';

const megan: TeamsMember = {
  id: '29:1meganBowenTeamsMri',
  aadObjectId: '7a3b2c1d-0000-4000-8000-000000000102',
  name: 'Megan Bowen',
  email: 'meganb@example.com',
  userPrincipalName: 'meganb@example.com',
  tenantId: 'b28fdbfd-2b78-4f93-b0f8-8881793f0f8f',
};
let tc: TeamsConnector;
const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
const ref = (): ConversationReference => ({
  channelId: 'msteams',
  serviceUrl: tc.serviceUrl,
  bot: { id: '28:bot', name: 'LeadBridge' },
  user: { id: megan.id, name: megan.name },
  conversation: {
    id: tc.personalConversationId(megan.id),
    conversationType: 'personal',
    tenantId: megan.tenantId,
    isGroup: false,
    name: '',
  },
});
const send = (text: string) =>
  adapter.continueConversationAsync('', ref(), async (ctx) => void (await ctx.sendActivity(text)));
const sends = () => tc.requests.filter((r) => r.method === 'POST' && r.path.includes('/activities'));

beforeAll(async () => {
  tc = await startTeamsConnector();
});
afterAll(() => tc.close());
beforeEach(() => {
  tc.reset();
  tc.addMember(megan);
});

describe('blocked conversation', () => {
  it('answers 403 ConversationBlockedByUser; botbuilder throws a RestError with that code and does not retry', async () => {
    tc.block(tc.personalConversationId(megan.id));
    const err = await send('Hallo').catch((e) => e);
    expect(err.statusCode).toBe(403);
    expect(err.code).toBe('ConversationBlockedByUser');
    expect(err.message).toBe('User blocked the conversation with the bot.');
    expect(sends()).toHaveLength(1);
    tc.unblock(tc.personalConversationId(megan.id));
    await send('wieder da');
    expect(tc.allActivities().map((a) => a.activity.text)).toEqual(['wieder da']);
  });
});

describe('throttling and server errors (botbuilder retries on its own)', () => {
  it('429 with Retry-After is retried after that many seconds, then succeeds', async () => {
    tc.fault({ method: 'POST', path: /\/activities/, status: 429, headers: { 'Retry-After': '1' }, times: 1 });
    const t0 = Date.now();
    await send('nach Pause');
    expect(Date.now() - t0).toBeGreaterThanOrEqual(950);
    expect(sends().map((r) => r.status)).toEqual([429, 201]);
  });

  it('429 with Retry-After: botbuilder gives up after 3 retries (4 attempts) and throws 429', async () => {
    tc.fault({ method: 'POST', status: 429, headers: { 'Retry-After': '0' } });
    const err = await send('zu viel').catch((e) => e);
    expect(err.statusCode).toBe(429);
    expect(sends()).toHaveLength(4);
  });

  it('429 WITHOUT Retry-After is not retried at all', async () => {
    tc.fault({ method: 'POST', status: 429, times: 1 });
    const err = await send('zu viel').catch((e) => e);
    expect(err.statusCode).toBe(429);
    expect(err.code).toBe('TooManyRequests');
    expect(sends()).toHaveLength(1);
  });

  it('a 502 is retried with exponential backoff (0.5–1 s first), 412 is not', async () => {
    tc.fault({ method: 'POST', status: 502, times: 1 });
    const t0 = Date.now();
    await send('trotzdem');
    expect(Date.now() - t0).toBeGreaterThanOrEqual(450);
    expect(sends().map((r) => r.status)).toEqual([502, 201]);
    tc.clearRequests();
    tc.fault({ method: 'POST', status: 412, times: 1 });
    expect((await send('x').catch((e) => e)).statusCode).toBe(412);
    expect(sends()).toHaveLength(1);
  });

  it('faults can target reads too (getMember 500 then OK)', async () => {
    tc.fault({ method: 'GET', path: '/members/', status: 500, times: 1 });
    let email = '';
    await adapter.continueConversationAsync(
      '',
      ref(),
      async (ctx) => void (email = (await TeamsInfo.getMember(ctx, megan.id)).email!),
    );
    expect(email).toBe(megan.email);
  });

  it('messages over ~28 KB answer 413', async () => {
    const err = await send('x'.repeat(30_000)).catch((e) => e);
    expect(err.statusCode).toBe(413);
  });
});

describe('control API over HTTP', () => {
  it('members, faults, events long-poll, activities', async () => {
    const base = `${tc.url}/_standin`;
    const post = (p: string, b: unknown) =>
      fetch(`${base}${p}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(b),
      });
    await post('/members', { ...megan, id: '29:other', aadObjectId: 'x', userPrincipalName: 'o@example.com' });
    expect(tc.store.findMember('o@example.com')?.id).toBe('29:other');
    await post('/faults', {
      method: 'POST',
      pathRegex: '/activities',
      status: 503,
      times: 1,
      headers: { 'Retry-After': '0' },
    });
    const since = tc.mark();
    const polled = fetch(`${base}/events?since=${since}&wait=3000`).then((r) => r.json());
    await send('per HTTP');
    const [event] = await polled;
    expect(event).toMatchObject({ kind: 'sent', activity: { text: 'per HTTP' } });
    const acts = await (
      await fetch(`${base}/activities?conversationId=${encodeURIComponent(tc.personalConversationId(megan.id))}`)
    ).json();
    expect(acts).toHaveLength(1);
    const reqs = await (await fetch(`${base}/requests`)).json();
    expect(reqs.map((r: { status: number }) => r.status)).toEqual([503, 201]);
  });
});
