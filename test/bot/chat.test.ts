import { describe, expect, it } from 'vitest';
import { cardActions, cardText } from '../support/cards.js';
import { USERS, useWorld } from '../support/world.js';

describe('chat: glossary, classification and lead commands over /api/messages', () => {
  const w = useWorld({}, async (world) => {
    await world.teams.conversationUpdateMembersAdded(USERS.alex);
  });

  async function ask(text: string, user = USERS.alex) {
    const conv = w.connector.personalConversationId(user.id);
    const mark = w.connector.mark();
    const r = await w.teams.message(user, text);
    expect(r.status).toBe(200);
    const e = await w.connector.waitFor((x) => x.conversationId === conv && x.kind === 'sent', 10_000, { since: mark });
    return e.activity;
  }

  it('answers a German glossary question with the customer’s definition on a card', async () => {
    const a = await ask('Was ist ein SAL?');
    const card = (a.attachments as any[])[0].content;
    expect(cardText(card)).toMatch(/^SAL/);
    expect(cardText(card)).toContain('Sales Accepted Lead');
    expect(cardText(card)).toContain('Quelle: Glossar Leadmanagement');
  });

  it('answers an English question in English with the German term in brackets', async () => {
    const a = await ask('what does opportunity mean?');
    expect(cardText((a.attachments as any[])[0].content)).toMatch(/Opportunity/);
  });

  it('classifies a company from HubSpot by name, with the figures used', async () => {
    const a = await ask('Welches Segment hat die Beispiel AG?');
    const text = cardText((a.attachments as any[])[0].content);
    expect(text).toContain('Midmarket');
    expect(text).toMatch(/180/);
  });

  it('lists my open leads', async () => {
    const a = await ask('meine Leads');
    expect(cardText((a.attachments as any[])[0].content)).toMatch(/Deine offenen Leads \(0\)/);
  });

  it('says honestly when something is not in the glossary', async () => {
    const a = await ask('Was ist ein Quantencomputer?');
    const card = (a.attachments as any[])[0].content;
    expect(cardText(card)).toMatch(/nicht im Glossar/i);
    expect(cardActions(card).length).toBeLessThanOrEqual(3);
  });
});
