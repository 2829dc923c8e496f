import type { Locale } from './i18n.js';

const de = {
  openChat:
    'Das ist persönlich und gehört nicht in den Kanal: öffne bitte den Chat mit mir (LeadBridge) und frag dort noch einmal.',
  unknownAction: (verb: string) =>
    `Diese Aktion kenne ich nicht${verb ? ` („${verb}“)` : ''} – es wurde nichts geändert. Die Karte ist vielleicht veraltet.`,
  actionFailed:
    'Das hat nicht geklappt: LeadBridge konnte die Aktion gerade nicht ausführen. Bitte versuche es gleich noch einmal.',
};

const en: typeof de = {
  openChat:
    'That is personal and does not belong in the channel: please open the chat with me (LeadBridge) and ask there again.',
  unknownAction: (verb: string) =>
    `I do not know this action${verb ? ` ("${verb}")` : ''} – nothing was changed. The card may be out of date.`,
  actionFailed: 'That did not work: LeadBridge could not carry out the action just now. Please try again in a moment.',
};

export const tc = (locale: Locale): typeof de => ({ de, en })[locale];
