import type { z } from 'zod';
import { type Locale, t } from '../../cards/i18n.js';
import type { Verb } from '../../cards/verbs.js';
import type { Actor } from '../../domain/model.js';
import type { Deps } from '../../services/deps.js';

/** What replaces the clicked card: a card, or a message (a refusal, bad input). */
export type CardReply = object | string;

/** The click, without the SDK: which verb, the answer language and who clicked (looked up only when asked). */
export interface ActionTurn {
  verb: Verb;
  locale: Locale;
  actor(): Promise<Actor>;
}

/** One card action: its data schema and what it does. */
export interface CardAction<S extends z.ZodTypeAny = z.ZodTypeAny> {
  /** The Action.Execute data; Teams merges the card's inputs into it. */
  data: S;
  run(deps: Deps, turn: ActionTurn, data: z.output<S>): Promise<CardReply>;
}

/** Some verbs' handlers; the action table joins the groups. */
export type ActionGroup = { [V in Verb]?: CardAction<any> };

export const defineAction = <S extends z.ZodTypeAny>(action: CardAction<S>): CardAction<S> => action;

/** Validates the data and runs the action; invalid data is refused with a message naming the field. */
export async function runAction(action: CardAction, deps: Deps, turn: ActionTurn, raw: unknown): Promise<CardReply> {
  const parsed = action.data.safeParse(raw);
  if (parsed.success) return action.run(deps, turn, parsed.data);
  const i = parsed.error.issues[0]!;
  return `${t(turn.locale).refused.invalid}: ${i.path.join('.') || 'data'} – ${i.message}`;
}
