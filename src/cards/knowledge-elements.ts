/** Building blocks shared by the knowledge cards (glossary, classification, help). */
import type { GlossaryEntry } from '../domain/glossary/index.js';
import { askAbout, displayName } from '../knowledge/labels.js';
import type { Locale } from '../knowledge/text/language.js';

export const MAX_BUTTONS = 5;

export function adaptiveCard(body: object[], actions: object[] = []): object {
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    body,
    ...(actions.length ? { actions: actions.slice(0, MAX_BUTTONS) } : {}),
  };
}

/** Our own text (glossary, labels); markdown in it is intended. */
export function text(value: string, opts: Record<string, unknown> = {}): object {
  return { type: 'TextBlock', text: value, wrap: true, ...opts };
}

export const title = (value: string) => text(value, { weight: 'Bolder', size: 'Large' });
export const footer = (value: string) =>
  text(value, { isSubtle: true, size: 'Small', spacing: 'Medium', separator: true });

/** A button that posts `message` into the chat as if the user had typed it. */
export function imBack(label: string, message: string): object {
  return { type: 'Action.Submit', title: label, data: { msteams: { type: 'imBack', value: message } } };
}

/** A button that asks about a glossary entry ("Was ist SQL?"). */
export function askButton(entry: GlossaryEntry, locale: Locale): object {
  return imBack(displayName(entry, locale), askAbout(entry, locale));
}
