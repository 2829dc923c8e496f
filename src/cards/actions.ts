import type { Verb } from './verbs.js';

/** An Action.Execute with an Action.Submit fallback for clients without Universal Actions. */
export function execute(
  title: string,
  verb: Verb,
  data: Record<string, unknown>,
  extra: Record<string, unknown> = {},
  withFallback = true,
) {
  return {
    type: 'Action.Execute',
    title,
    verb,
    data,
    ...extra,
    ...(withFallback ? { fallback: { type: 'Action.Submit', title, data: { ...data, verb }, ...extra } } : {}),
  };
}

export function showCard(title: string, card: object) {
  return { type: 'Action.ShowCard', title, card };
}
