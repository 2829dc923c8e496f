import type { Application, TurnState } from '@microsoft/teams-ai';
import { CardFactory, MessageFactory, type TurnContext } from 'botbuilder';
import type { Locale } from '../cards/i18n.js';
import { myLeadsCard } from '../cards/my-leads-card.js';
import type { Deps } from '../services/deps.js';
import { openLeadsOfOwner } from '../store/leads-repo.js';
import { resolveActor } from './actor.js';
import { turnLocale } from './conversations.js';
import { digestChatReply } from '../services/digest.js';
import type { ManagerDeps } from '../services/manager-deps.js';

/** What chat needs from the knowledge module (glossary, classification, command routing). */
export interface ChatBrain {
  /** A command word the lead flow handles, or null when the text is a question. */
  command(text: string): 'my_leads' | 'help' | 'digest' | 'digest_on' | 'digest_off' | null;
  answer(text: string, locale: Locale): Promise<{ card?: object; text: string }>;
}

const MAX_TEXT = 2000;

export function registerMessages(app: Application<TurnState>, deps: ManagerDeps, brain: ChatBrain): void {
  app.activity('message', async (ctx) => {
    const raw = (ctx.activity.text ?? '').replace(/<[^>]*>/g, ' ');
    const text = raw.replace(/[\u0000-\u001F\u007F]/g, ' ').trim().slice(0, MAX_TEXT);
    const locale = await turnLocale(deps, ctx);
    if (!text) return;
    const command = brain.command(text);
    if (command === 'my_leads') return sendMyLeads(deps, ctx, locale);
    if (command === 'digest' || command === 'digest_on' || command === 'digest_off') {
      const actor = await resolveActor(deps, ctx);
      const reply = await digestChatReply(deps, actor.email, command, locale);
      await ctx.sendActivity(reply.card ? { ...MessageFactory.attachment(CardFactory.adaptiveCard(reply.card)), summary: reply.text.slice(0, 200) } : reply.text);
      return;
    }
    const reply = await brain.answer(text, locale);
    await ctx.sendActivity(reply.card ? { ...MessageFactory.attachment(CardFactory.adaptiveCard(reply.card)), summary: reply.text.slice(0, 200) } : reply.text);
  });
}

async function sendMyLeads(deps: Deps, ctx: TurnContext, locale: Locale): Promise<void> {
  const actor = await resolveActor(deps, ctx);
  const leads = actor.email ? await openLeadsOfOwner(deps.store.db, actor.email) : [];
  await ctx.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(myLeadsCard(leads, locale, deps.clock.now()))));
}
