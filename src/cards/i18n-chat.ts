import type { Locale } from './i18n.js';

/** The personal commands: their answer goes to the person's 1:1 chat, never into a channel. */
export type PersonalCommand = 'my_leads' | 'digest' | 'digest_on' | 'digest_off';

const de = {
  /** The one line a channel gets when the content went to the person's chat. */
  sentToChat: { my_leads: 'Deine Leads habe ich dir im Chat geschickt.', digest: 'Die Zusammenfassung habe ich dir im Chat geschickt.',
    digest_on: 'Deine Digest-Einstellung habe ich dir im Chat bestätigt.', digest_off: 'Deine Digest-Einstellung habe ich dir im Chat bestätigt.' } as Record<PersonalCommand, string>,
  openChat: 'Das ist persönlich und gehört nicht in den Kanal: öffne bitte den Chat mit mir (LeadBridge) und frag dort noch einmal.',
  unknownAction: (verb: string) => `Diese Aktion kenne ich nicht${verb ? ` („${verb}“)` : ''} – es wurde nichts geändert. Die Karte ist vielleicht veraltet.`,
  actionFailed: 'Das hat nicht geklappt: LeadBridge konnte die Aktion gerade nicht ausführen. Bitte versuche es gleich noch einmal.',
};

const en: typeof de = {
  sentToChat: { my_leads: 'I have sent you your leads in our chat.', digest: 'I have sent you the digest in our chat.',
    digest_on: 'I have confirmed your digest setting in our chat.', digest_off: 'I have confirmed your digest setting in our chat.' },
  openChat: 'That is personal and does not belong in the channel: please open the chat with me (LeadBridge) and ask there again.',
  unknownAction: (verb: string) => `I do not know this action${verb ? ` ("${verb}")` : ''} – nothing was changed. The card may be out of date.`,
  actionFailed: 'That did not work: LeadBridge could not carry out the action just now. Please try again in a moment.',
};

export const tc = (locale: Locale): typeof de => ({ de, en })[locale];
