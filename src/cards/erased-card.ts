import { type Locale, t } from './i18n.js';

/**
 * What replaces every posted copy of a lead card once the contact was erased: no name, e-mail, phone, company, notes
 * or link, and no buttons (a click on an old copy is answered with this card again).
 */
export function renderErasedCard(locale: Locale): object {
  const tx = t(locale);
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    body: [
      { type: 'TextBlock', text: tx.erasedTitle, weight: 'Bolder', size: 'Medium', wrap: true },
      { type: 'TextBlock', text: tx.erasedBody, wrap: true, isSubtle: true },
    ],
  };
}
