/**
 * The tenant boundary and who may act. With BOT_TENANT_ID set (here with authentication off), activities from any other
 * tenant get no answer and change nothing; who acts is what Teams' member API says about the sender, never what an
 * activity's data claims, and that answer is kept (and re-asked after a day) so a click costs no member look-up.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MEMBER_REFRESH_MS } from '../../src/bot/actor.js';
import { type FaultWorld, scoreEvent, startFaultWorld, USERS } from '../faults/support.js';
import { sample } from '../metrics/scrape.js';
import {
  type ActivityContext,
  cardActionActivity,
  messageActivity,
  type TeamsUser,
} from '../standins/teams-activities.js';
import { action, cardText } from '../support/cards.js';

const HOME = 'b28fdbfd-2b78-4f93-b0f8-8881793f0f8f';
const OTHER = '7d3e4c2a-1111-4222-8333-944455556666';
const alex: TeamsUser = { ...USERS.alex, tenantId: HOME };
const megan: TeamsUser = { ...USERS.megan, tenantId: HOME };
// Someone in another tenant who even has the owner's e-mail address.
const eve: TeamsUser = {
  id: '29:1eve-other-tenant',
  aadObjectId: '9e0e0e0e-0000-4000-8000-000000000e0e',
  name: 'Eve Extern',
  email: alex.email,
  upn: alex.email,
  tenantId: OTHER,
  locale: 'de-DE',
};

describe('tenant boundary and member-API identity (BOT_TENANT_ID set, auth off)', () => {
  let w: FaultWorld;
  let lead: { id: string; activityId: string; card: unknown };
  const ctx = (): ActivityContext => ({
    serviceUrl: w.connector.serviceUrl,
    botId: '6c1a5a43-9d67-4c3b-9a9e-2f0e4c7d1b11',
    botName: 'LeadBridge',
  });
  const metrics = async () => (await fetch(`${w.url}/metrics`)).text();
  const leadRow = () =>
    w.lb.store.db.selectFrom('leads').selectAll().where('id', '=', lead.id).executeTakeFirstOrThrow();
  const memberLookups = () =>
    w.connector.requests.filter((r) => r.method === 'GET' && r.path.includes('/members/')).length;

  beforeAll(async () => {
    w = await startFaultWorld({ env: { BOT_TENANT_ID: HOME.toUpperCase() } });
    await w.teams.conversationUpdateMembersAdded(alex);
    await w.teams.conversationUpdateMembersAdded(megan);
    expect((await w.webhook([scoreEvent('1003')])).status).toBe(200);
    const conv = w.connector.personalConversationId(alex.id);
    const e = await w.connector.waitFor(
      (x) => x.conversationId === conv && x.kind === 'sent' && JSON.stringify(x.activity).includes('Felix'),
      10_000,
      { since: 0 },
    );
    const row = await w.lb.store.db
      .selectFrom('leads')
      .select('id')
      .where('contact_id', '=', '1003')
      .executeTakeFirstOrThrow();
    lead = { id: row.id, activityId: e.activityId, card: (e.activity.attachments as any[])[0].content };
    await w.settle();
  });
  afterAll(async () => {
    await w?.close();
  });

  it('an install, a message and a card action from another tenant get no answer, store nothing, change nothing, and are counted', async () => {
    const before = await metrics();
    expect(sample(before, 'leadbridge_teams_activities_ignored_total', { reason: 'other_tenant' })).toBe(0);
    w.connector.clearRequests();
    const mark = w.connector.mark();

    const installed = await w.teams.conversationUpdateMembersAdded(eve);
    const asked = await w.teams.message(eve, 'meine Leads');
    const accept = action(lead.card, 'Annehmen');
    const clicked = await w.teams.cardAction(
      eve,
      { verb: accept.verb!, data: accept.data },
      { replyToId: lead.activityId },
    );
    // Inside the tenant by one field, outside by the other: still outside.
    const mixed = messageActivity(alex, 'meine Leads', ctx());
    (mixed.channelData as { tenant: { id: string } }).tenant.id = OTHER;
    const mixedReply = await w.teams.post(mixed);
    const tenantless = messageActivity(alex, 'meine Leads', ctx());
    delete (tenantless.conversation as { tenantId?: string }).tenantId;
    delete (tenantless.channelData as { tenant?: unknown }).tenant;
    const tenantlessReply = await w.teams.post(tenantless);

    for (const r of [installed, asked, mixedReply, tenantlessReply]) expect(r.status).toBe(200);
    expect(clicked.status).toBe(200);
    expect(clicked.body).toBeUndefined(); // no card, no message: no answer at all
    await w.settle();
    expect(w.connector.store.events.filter((e) => e.seq > mark)).toEqual([]); // nothing sent or updated anywhere
    expect(w.connector.requests).toEqual([]); // not even a member look-up
    const stored = await w.lb.store.db
      .selectFrom('conversations')
      .select('id')
      .where('id', '=', w.connector.personalConversationId(eve.id))
      .execute();
    expect(stored).toEqual([]);
    const people = await w.lb.store.db
      .withTables<{ people: { tenant_id: string } }>()
      .selectFrom('people')
      .select('tenant_id')
      .where('tenant_id', '=', OTHER)
      .execute();
    expect(people).toEqual([]);
    expect(await leadRow()).toMatchObject({ state: 'MQL', version: 1 });
    const events = await w.lb.store.db
      .selectFrom('lead_events')
      .select('action')
      .where('lead_id', '=', lead.id)
      .execute();
    expect(events.map((e) => e.action)).toEqual(['mql']);

    const after = await metrics();
    expect(sample(after, 'leadbridge_teams_activities_ignored_total', { reason: 'other_tenant' })).toBe(4);
    expect(sample(after, 'leadbridge_teams_activities_ignored_total', { reason: 'no_tenant' })).toBe(1);
    const logged = w.logged('Teams activity from outside BOT_TENANT_ID ignored');
    expect(logged.map((l) => l.reason)).toEqual([
      'other_tenant',
      'other_tenant',
      'other_tenant',
      'other_tenant',
      'no_tenant',
    ]);
    expect(logged[2]).toMatchObject({ tenant: OTHER, type: 'invoke', name: 'adaptiveCard/action' });
  });

  it('the home tenant is served as before', async () => {
    const conv = w.connector.personalConversationId(alex.id);
    const mark = w.connector.mark();
    expect((await w.teams.message(alex, 'Was ist ein SAL?')).status).toBe(200);
    const e = await w.connector.waitFor((x) => x.conversationId === conv && x.kind === 'sent', 10_000, { since: mark });
    expect(cardText((e.activity.attachments as any[])[0].content)).toContain('Sales Accepted Lead');
  });

  it('a click whose data claims the owner is decided on the member-API identity of the sender: refused', async () => {
    const accept = action(lead.card, 'Annehmen');
    const claims = {
      email: alex.email,
      upn: alex.upn,
      aadObjectId: alex.aadObjectId,
      from: { id: alex.id, aadObjectId: alex.aadObjectId, name: alex.name },
      actor: alex.email,
    };
    const r = await w.teams.cardAction(
      megan,
      { verb: accept.verb!, data: { ...accept.data, ...claims } },
      { replyToId: lead.activityId, locale: 'en-US' },
    );
    expect(r.status).toBe(200);
    expect(cardText((r.body as any).value)).toContain('Only the contact owner');
    expect(await leadRow()).toMatchObject({ state: 'MQL', version: 1 });
  });

  it("a sender whose activity carries the owner's object id and name, but is someone else to Teams, is refused (also with the owner known)", async () => {
    // Alex is known (stored at install); the forged activity names Alex's object id with Megan's Teams id.
    const forged = cardActionActivity(
      { ...megan, aadObjectId: alex.aadObjectId, name: alex.name },
      { verb: 'lead.accept', data: action(lead.card, 'Annehmen').data },
      { ...ctx(), replyToId: lead.activityId, trigger: 'manual' },
    );
    const r = await w.teams.post(forged);
    expect(r.status).toBe(200);
    expect(cardText((r.body as any).value)).toContain('Only the contact owner');
    expect(await leadRow()).toMatchObject({ state: 'MQL', version: 1 });
  });

  it('the owner acts; the member look-up is stored: no look-up per click, one again after a day, the last answer when Teams cannot say', async () => {
    w.connector.clearRequests();
    const accept = action(lead.card, 'Annehmen');
    const accepted = await w.teams.cardAction(
      alex,
      { verb: accept.verb!, data: accept.data },
      { replyToId: lead.activityId },
    );
    expect(cardText((accepted.body as any).value)).toContain('SAL – angenommen');
    await w.teams.message(alex, 'meine Leads');
    expect(memberLookups()).toBe(0); // Alex was learned at install

    await w.advance(MEMBER_REFRESH_MS + 1);
    await w.teams.message(alex, 'meine Leads');
    expect(memberLookups()).toBe(1);
    await w.teams.message(alex, 'meine Leads');
    expect(memberLookups()).toBe(1);

    await w.advance(MEMBER_REFRESH_MS + 1);
    w.connector.fault({ method: 'GET', path: '/members/', status: 403 });
    const conv = w.connector.personalConversationId(alex.id);
    const mark = w.connector.mark();
    await w.teams.message(alex, 'meine Leads');
    const e = await w.connector.waitFor((x) => x.conversationId === conv && x.kind === 'sent', 10_000, { since: mark });
    expect(cardText((e.activity.attachments as any[])[0].content)).toMatch(/Deine offenen Leads \(1\)/);
    w.connector.clearFaults();
    expect(w.logged('Teams member look-up failed; using what it said last time').length).toBeGreaterThanOrEqual(1);
  });
});
