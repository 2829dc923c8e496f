import { ALL_VERBS, VERBS, type Verb } from '../../cards/verbs.js';
import type { Deps } from '../../services/deps.js';
import { type ActionGroup, type ActionTurn, type CardAction, type CardReply, runAction } from './action.js';
import { glossaryActions } from './glossary.js';
import { leadActions } from './lead.js';
import { reassignActions } from './reassign.js';

/** The verbs a list of groups has no handler for; `never` when it covers every Verb. */
export type UnhandledVerbs<G extends readonly ActionGroup[]> = Exclude<Verb, { [I in keyof G]: keyof G[I] }[number]>;
/** `true` only when the groups cover every Verb; otherwise the missing verbs, so assigning `true` names them. */
export type CoversEveryVerb<G extends readonly ActionGroup[]> = [UnhandledVerbs<G>] extends [never]
  ? true
  : UnhandledVerbs<G>;

const GROUPS = [leadActions, reassignActions, glossaryActions] as const;
/** Compile-time: a Verb some card can send but no group handles is a type error here. */
export const EVERY_VERB_HANDLED: CoversEveryVerb<typeof GROUPS> = true;

/** Joins handler groups into one table; a verb handled twice, one no card sends, or one left out fails at start. */
export function actionTable(groups: readonly ActionGroup[]): ReadonlyMap<Verb, CardAction> {
  const table = new Map<Verb, CardAction>();
  for (const group of groups) {
    for (const [verb, action] of Object.entries(group) as Array<[Verb, CardAction]>) {
      if (!(verb in VERBS)) throw new Error(`card action for a verb no card sends: ${verb}`);
      if (table.has(verb)) throw new Error(`card action registered twice: ${verb}`);
      table.set(verb, action);
    }
  }
  const missing = ALL_VERBS.filter((v) => !table.has(v));
  if (missing.length) throw new Error(`card verbs without a handler: ${missing.join(', ')}`);
  return table;
}

/** Every card action LeadBridge handles, one entry per verb. */
export const ACTIONS = actionTable(GROUPS);

/** Runs the action of `verb` on raw card data (what the bot does for a click; tests call it directly). */
export function runCardAction(
  deps: Deps,
  verb: Verb,
  turn: Omit<ActionTurn, 'verb'>,
  raw: unknown,
): Promise<CardReply> {
  return runAction(ACTIONS.get(verb)!, deps, { ...turn, verb }, raw);
}
