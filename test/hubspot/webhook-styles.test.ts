/**
 * HubSpot webhooks in both subscription styles, over real HTTP with signed requests: the generic `object.*` events apps
 * on HubSpot's developer platform subscribe with, and the classic `contact.*` ones. Events LeadBridge cannot use are
 * acknowledged, counted in /metrics and, when a portal sends nothing else, named in the log once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluateContact } from '../../src/services/lead/evaluate-contact.js';
import { sample } from '../metrics/scrape.js';
import {
  type WebhookChange,
  type WebhookEventOptions,
  type WebhookStyle,
  webhookEvent,
} from '../standins/hubspot-webhooks.js';
import { cardText } from '../support/cards.js';
import { PORTAL, startWorld, USERS, type World } from '../support/world.js';

interface LogLine {
  level: number;
  msg: string;
  [k: string]: unknown;
}
const OTHER_PORTAL = PORTAL + 1;

describe('HubSpot webhooks in both styles', () => {
  let w: World;
  const logs: LogLine[] = [];
  beforeAll(async () => {
    w = await startWorld({
      env: { LOG_LEVEL: 'info' },
      logSink: { write: (s: string) => void logs.push(JSON.parse(s)) },
    });
    for (const u of [USERS.alex, USERS.megan]) await w.teams.conversationUpdateMembersAdded(u);
  });
  afterAll(async () => {
    await w?.close();
  });

  const event = (
    style: WebhookStyle,
    change: WebhookChange,
    object: Parameters<typeof webhookEvent>[2],
    o: Partial<WebhookEventOptions> = {},
  ) => webhookEvent(style, change, object, { portalId: PORTAL, ...o });
  const cardsOf = (user: typeof USERS.alex, name: string) =>
    w.connector.cards(w.connector.personalConversationId(user.id)).filter((c) => cardText(c.card).includes(name));
  const evaluations = async () =>
    (await w.lb.store.db.selectFrom('jobs').select('order_key').where('kind', '=', evaluateContact.kind).execute()).map(
      (r) => r.order_key,
    );
  const metrics = async () => (await fetch(`${w.url}/metrics`)).text();

  it('a contact MQL arriving as a generic object.propertyChange (objectTypeId 0-1, lifecyclestage) gets its card', async () => {
    const ack = await w.webhook([
      event(
        'generic',
        'propertyChange',
        { type: 'contact', id: 1001 },
        { propertyName: 'lifecyclestage', propertyValue: 'marketingqualifiedlead' },
      ),
    ]);
    expect(ack).toEqual({ status: 200, body: { received: 1, duplicates: 0 } });
    await w.settle();
    expect(cardsOf(USERS.alex, 'Jonas Schmidt')).toHaveLength(1);
  });

  it('so does one whose score property changed, announced with eventType instead of subscriptionType', async () => {
    const e = event(
      'generic',
      'propertyChange',
      { type: 'contact', id: 1003 },
      { propertyName: 'hubspotscore', propertyValue: '91' },
    );
    const { subscriptionType, ...rest } = e;
    expect((await w.webhook([{ ...rest, eventType: subscriptionType }])).status).toBe(200);
    await w.settle();
    expect(cardsOf(USERS.alex, 'Felix Wagner')).toHaveLength(1);
  });

  it('an association change names the contact by fromObjectId / toObjectId, in either style', async () => {
    const ack = await w.webhook([
      event(
        'generic',
        'associationChange',
        { type: 'company' },
        { association: { from: { type: 'company', id: 204 }, to: { type: 'contact', id: 1004 } } },
      ),
      event(
        'classic',
        'associationChange',
        { type: 'contact' },
        { association: { from: { type: 'contact', id: 1002 }, to: { type: 'company', id: 202 } } },
      ),
    ]);
    expect(ack.status).toBe(200);
    await w.settle();
    expect(cardsOf(USERS.megan, 'Sophie Hoffmann')).toHaveLength(1);
    expect(cardsOf(USERS.megan, 'Laura Becker')).toHaveLength(1);
  });

  it('a company object.* event is acknowledged and counted, not evaluated', async () => {
    const before = await evaluations();
    const ack = await w.webhook([
      event(
        'generic',
        'propertyChange',
        { type: 'company', id: 201 },
        { propertyName: 'annualrevenue', propertyValue: '1' },
      ),
      event('generic', 'creation', { type: 'company', id: 209 }),
      event('classic', 'creation', { type: 'deal', id: 1005 }),
    ]);
    expect(ack).toEqual({ status: 200, body: { received: 3, duplicates: 0 } });
    await w.settle();
    expect(await evaluations()).toEqual(before);
    const text = await metrics();
    expect(
      sample(text, 'leadbridge_webhook_events_ignored_total', {
        type: 'object.propertyChange',
        reason: 'not_a_contact',
      }),
    ).toBe(1);
    expect(
      sample(text, 'leadbridge_webhook_events_ignored_total', { type: 'object.creation', reason: 'not_a_contact' }),
    ).toBe(1);
    expect(
      sample(text, 'leadbridge_webhook_events_ignored_total', { type: 'deal.creation', reason: 'not_a_contact' }),
    ).toBe(1);
    // This portal also sends events LeadBridge uses: no warning for it.
    expect(logs.filter((l) => /only events LeadBridge does not evaluate/.test(l.msg))).toEqual([]);
  });

  it('a portal that sends only events LeadBridge ignores is named in the log once', async () => {
    const other = (id: number) =>
      event(
        'generic',
        'propertyChange',
        { type: 'deal', id },
        { portalId: OTHER_PORTAL, propertyName: 'amount', propertyValue: '5' },
      );
    for (const id of [301, 302, 303]) expect((await w.webhook([other(id)])).status).toBe(200);
    const warnings = logs.filter((l) => /only events LeadBridge does not evaluate/.test(l.msg));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({
      level: 40,
      portalId: OTHER_PORTAL,
      ignored: 'object.propertyChange (not_a_contact)',
    });
    expect(
      sample(await metrics(), 'leadbridge_webhook_events_ignored_total', {
        type: 'object.propertyChange',
        reason: 'not_a_contact',
      }),
    ).toBe(4);
    // A retried (duplicate) event is acknowledged again but not counted twice.
    const again = other(301);
    expect((await w.webhook([again])).status).toBe(200);
    expect((await w.webhook([again])).body).toEqual({ received: 1, duplicates: 1 });
    expect(
      sample(await metrics(), 'leadbridge_webhook_events_ignored_total', {
        type: 'object.propertyChange',
        reason: 'not_a_contact',
      }),
    ).toBe(5);
  });
});
