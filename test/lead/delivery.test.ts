import { describe, expect, it } from 'vitest';
import { rateLimitFault } from '../standins/hubspot.js';
import { action, cardText } from '../support/cards.js';
import { scoreEvent, USERS, useWorld } from '../support/world.js';

const TEAM = {
  id: '19:leadinbox@thread.tacv2',
  name: 'Vertrieb',
  aadGroupId: 'group-1',
  channelId: '19:leadinbox@thread.tacv2',
  channelName: 'Lead-Eingang',
};

describe('who gets the card', () => {
  const w = useWorld();

  it('posts to the lead inbox, naming the owner, when the owner has not installed the bot; the owner gets it on install', async () => {
    await w.teams.botAddedToTeam(USERS.admin, TEAM);
    await w.webhook([scoreEvent('1003')]);
    const inboxCard = await w.connector.waitFor(
      (e) => e.conversationId.startsWith('19:leadinbox') && JSON.stringify(e.activity).includes('Felix'),
      10_000,
      { since: 0 },
    );
    const text = cardText((inboxCard.activity.attachments as any[])[0].content);
    expect(text).toContain('Für Alex Wilber');
    expect(text).toContain('Lead-Eingang');
    await w.teams.conversationUpdateMembersAdded(USERS.alex);
    const own = await w.connector.waitFor(
      (e) =>
        e.conversationId === w.connector.personalConversationId(USERS.alex.id) &&
        JSON.stringify(e.activity).includes('Felix'),
      10_000,
      { since: 0 },
    );
    const card = (own.activity.attachments as any[])[0].content;
    expect(cardText(card)).not.toContain('Für Alex Wilber');
    // The owner can act from their own copy; the inbox copy follows.
    const accept = action(card, 'Annehmen');
    await w.teams.cardAction(USERS.alex, { verb: accept.verb!, data: accept.data }, { replyToId: own.activityId });
    await w.settle();
    const inbox = w.connector.activities(inboxCard.conversationId).find((a) => a.id === inboxCard.activityId)!;
    expect(cardText((inbox.activity.attachments as any[])[0].content)).toContain('SAL – angenommen');
  });

  it('falls back to the inbox when the owner blocked the bot (403)', async () => {
    await w.teams.conversationUpdateMembersAdded(USERS.megan);
    w.connector.block(w.connector.personalConversationId(USERS.megan.id));
    await w.webhook([scoreEvent('1002', '80')]);
    w.hubspot.setContactProperties('1002', { hubspotscore: '80' });
    await w.webhook([scoreEvent('1002', '80')]);
    await w.settle();
    const inbox = w.connector.cards(TEAM.id).filter((c) => cardText(c.card).includes('Laura'));
    expect(inbox).toHaveLength(1);
    expect(cardText(inbox[0]!.card)).toContain('Für Megan Bowen');
  });
});

describe('HubSpot failures', () => {
  const w = useWorld({}, async (world) => {
    await world.teams.conversationUpdateMembersAdded(USERS.alex);
  });

  it('retries enrichment after a ten-secondly 429 and a 500, and still makes exactly one card', async () => {
    w.hubspot.fault(
      rateLimitFault('TEN_SECONDLY_ROLLING', {
        path: '/crm/v3/objects/contacts/1001',
        times: 1,
        headers: { 'retry-after': '0' },
      }),
    );
    w.hubspot.fault({ method: 'GET', path: '/crm/v3/objects/companies/201', status: 500, times: 1 });
    await w.webhook([scoreEvent('1001')]);
    await w.settle(20_000);
    const cards = w.connector
      .cards(w.connector.personalConversationId(USERS.alex.id))
      .filter((c) => cardText(c.card).includes('Jonas'));
    expect(cards).toHaveLength(1);
    const attempts = await w.lb.store.db
      .selectFrom('jobs')
      .select(['kind', 'attempts', 'status'])
      .where('kind', '=', 'contact.evaluate')
      .execute();
    expect(attempts.some((j) => j.attempts >= 2 && j.status === 'done')).toBe(true);
  });

  it('answers the click at once while HubSpot is down, and writes back when it returns', async () => {
    const conv = w.connector.personalConversationId(USERS.alex.id);
    const posted = w.connector.cards(conv).find((c) => cardText(c.card).includes('Jonas'))!;
    w.hubspot.fault({ path: '/crm/v3/objects/contacts/1001', method: 'PATCH', status: 503, times: 2 });
    const accept = action(posted.card, 'Annehmen');
    const res = await w.teams.cardAction(
      USERS.alex,
      { verb: accept.verb!, data: accept.data },
      { replyToId: posted.activityId },
    );
    expect(cardText((res.body as any).value)).toContain('SAL – angenommen');
    // Answered before the write-back could land: HubSpot refuses it twice, and retries wait for the backoff.
    expect(w.hubspot.contact('1001')!.properties.hs_lead_status).not.toBe('IN_PROGRESS');
    await w.settle(20_000);
    expect(w.hubspot.contact('1001')!.properties.hs_lead_status).toBe('IN_PROGRESS');
  });

  it('stops retrying on the daily limit and shows it instead of hammering HubSpot', async () => {
    w.hubspot.fault(rateLimitFault('DAILY', { path: '/crm/v3/objects/contacts/1003', times: 5 }));
    await w.webhook([scoreEvent('1003')]);
    await new Promise((r) => setTimeout(r, 500));
    const job = await w.lb.store.db
      .selectFrom('jobs')
      .selectAll()
      .where('kind', '=', 'contact.evaluate')
      .where('status', '=', 'pending')
      .executeTakeFirstOrThrow();
    expect(job.attempts).toBe(1);
    // Until a minute after the next reset (or an hour, just after midnight): far beyond the ten-secondly retry, at any hour.
    expect(Number(job.run_at) - Date.now()).toBeGreaterThan(30_000);
    expect(job.last_error).toMatch(/DAILY/);
  });
});
