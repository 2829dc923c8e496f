import type { Application, TurnState } from '@microsoft/teams-ai';
import type { TurnContext } from 'botbuilder';
import { tc, type PersonalCommand } from '../cards/i18n-chat.js';
import type { Locale } from '../cards/i18n.js';
import { myLeadsCard } from '../cards/my-leads-card.js';
import type { Actor } from '../domain/model.js';
import type { OutboundActivity } from '../teams/types.js';
import { digestChatReply } from '../services/digest/digest.js';
import type { Deps } from '../services/deps.js';
import { sendPersonally } from '../services/lead/personal-chat.js';
import { openLeadsOfOwner } from '../store/leads-repo.js';
import { resolveActor } from './actor.js';
import { toActivity } from './teams-outbound.js';
import { personLocale, turnLocale } from './conversations.js';

/** What chat needs from the knowledge module (glossary, classification, command routing). */
export interface ChatBrain {
  /** A command word the lead flow handles, or null when the text is a question. */
  command(text: string): PersonalCommand | 'help' | null;
  answer(text: string, locale: Locale): Promise<{ card?: object; text: string }>;
}

const MAX_TEXT = 2000;

const asOutbound = (r: { card?: object; text: string }): OutboundActivity => (r.card ? { card: r.card, summary: r.text.slice(0, 200) } : { text: r.text });

export function registerMessages(app: Application<TurnState>, deps: Deps, brain: ChatBrain): void {
  app.activity('message', async (ctx) => {
    const raw = (ctx.activity.text ?? '').replace(/<[^>]*>/g, ' ');
    const text = raw.replace(/[\u0000-\u001F\u007F]/g, ' ').trim().slice(0, MAX_TEXT);
    const locale = await turnLocale(deps, ctx);
    if (!text) {
      // An Action.Submit no handler knows (a card LeadBridge no longer has): say so rather than nothing.
      if (ctx.activity.value && typeof ctx.activity.value === 'object') await ctx.sendActivity(tc(locale).unknownAction(String((ctx.activity.value as { verb?: unknown }).verb ?? '')));
      return;
    }
    const command = brain.command(text);
    if (command && command !== 'help') return answerPersonal(deps, ctx, command, locale);
    await ctx.sendActivity(toActivity(asOutbound(await brain.answer(text, locale))));
  });
}

/** The answer to a personal command: it may name someone's leads or a team's figures. */
async function personalAnswer(deps: Deps, actor: Actor, command: PersonalCommand, locale: Locale): Promise<OutboundActivity> {
  if (command === 'my_leads') {
    const leads = actor.email ? await openLeadsOfOwner(deps.store.db, actor.email) : [];
    return { card: myLeadsCard(leads, locale, deps.clock.now()) };
  }
  return asOutbound(await digestChatReply(deps, actor.email, command, locale));
}

/** In the personal chat: the answer. Anywhere else (channel, group chat): the answer goes to the 1:1 chat, the channel gets one line. */
async function answerPersonal(deps: Deps, ctx: TurnContext, command: PersonalCommand, locale: Locale): Promise<void> {
  const actor = await resolveActor(deps, ctx);
  if (ctx.activity.conversation.conversationType === 'personal') {
    await ctx.sendActivity(toActivity(await personalAnswer(deps, actor, command, locale)));
    return;
  }
  // The content goes to the person's chat in their own language; the channel's line in the channel's.
  const own = await personLocale(deps, ctx.activity);
  const sent = await sendPersonally(deps, { aadObjectId: actor.id, email: actor.email }, () => personalAnswer(deps, actor, command, own));
  await ctx.sendActivity(sent ? tc(locale).sentToChat[command] : tc(locale).openChat);
}
