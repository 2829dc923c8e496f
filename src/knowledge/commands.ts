/**
 * Chat commands: fixed phrases the bot answers itself, not questions. Each is declared once here, without any bot SDK;
 * the bot's run table (src/bot/chat/commands.ts) has one entry per name, and the help answer lists them.
 */
import type { Locale } from './text/language.js';
import { foldBasic } from './text/normalize.js';

type Texts = Record<Locale, string>;

interface CommandBase {
  /** Whole messages (folded, politeness and end punctuation removed) that are this command; German and English words alike. */
  patterns: RegExp[];
  /** Messages that must be this command and no other: checked at start, so two commands cannot claim one phrase. */
  examples: string[];
  /** The answer's one-line title where the command is only named (`leadbridge ask`). */
  title: Texts;
  /** How the help answer names it; null: not listed (help itself). */
  help: Texts | null;
}

/** Answered where it was asked. */
interface ChannelCommand extends CommandBase {
  scope: 'channel';
}
/** May name someone's leads or a team's figures: the answer goes to the person's 1:1 chat, a channel gets one line. */
interface PersonalCommand extends CommandBase {
  scope: 'personal';
  sentToChat: Texts;
}

export type ChatCommandSpec = ChannelCommand | PersonalCommand;

const digestSetting: Texts = {
  de: 'Deine Digest-Einstellung habe ich dir im Chat bestätigt.',
  en: 'I have confirmed your digest setting in our chat.',
};

export const CHAT_COMMANDS = {
  help: {
    scope: 'channel',
    patterns: [
      /^(hilfe|help|\?|was kannst du( alles)?( tun)?|what can you do|befehle|commands|menu|hallo|hi|hello|start)$/,
    ],
    examples: ['hilfe', 'help', '?', 'was kannst du?'],
    title: { de: 'Hilfe', en: 'Help' },
    help: null,
  },
  my_leads: {
    scope: 'personal',
    patterns: [/^((zeig|zeige|show|list)( mir| me)? )?(meine|my)( offenen| open)? leads$/],
    examples: ['meine Leads', 'Meine offenen Leads', 'my leads', 'show me my leads'],
    title: { de: 'Meine Leads', en: 'My leads' },
    help: { de: '„meine Leads“', en: '"my leads"' },
    sentToChat: { de: 'Deine Leads habe ich dir im Chat geschickt.', en: 'I have sent you your leads in our chat.' },
  },
  digest: {
    scope: 'personal',
    patterns: [
      /^((zeig|zeige|show)( mir| me)?( die| den| das| the| my| meine| meinen)? )?(digest|zusammenfassung|tageszusammenfassung|daily digest)$/,
    ],
    examples: ['digest', 'Zusammenfassung', 'zeig mir die Zusammenfassung'],
    title: { de: 'Zusammenfassung', en: 'Digest' },
    help: { de: '„digest“', en: '"digest"' },
    sentToChat: {
      de: 'Die Zusammenfassung habe ich dir im Chat geschickt.',
      en: 'I have sent you the digest in our chat.',
    },
  },
  digest_off: {
    scope: 'personal',
    patterns: [
      /^(digest|zusammenfassung) (aus|off|stop|stopp|deaktivieren|ausschalten|abschalten|abbestellen|pausieren|disable)$/,
      /^(kein|keine|keinen|no) (digest|zusammenfassung)( mehr| more)?$/,
    ],
    examples: ['digest aus', 'Zusammenfassung aus', 'digest off', 'kein Digest mehr'],
    title: { de: 'Zusammenfassung abbestellen', en: 'Digest off' },
    help: { de: '„digest aus“', en: '"digest off"' },
    sentToChat: digestSetting,
  },
  digest_on: {
    scope: 'personal',
    patterns: [/^(digest|zusammenfassung) (an|ein|on|start|aktivieren|einschalten|anschalten|bestellen|enable)$/],
    examples: ['digest an', 'Digest on', 'Zusammenfassung an!'],
    title: { de: 'Zusammenfassung bestellen', en: 'Digest on' },
    help: { de: '„digest an“', en: '"digest on"' },
    sentToChat: digestSetting,
  },
} as const satisfies Record<string, ChatCommandSpec>;

export type ChatCommandName = keyof typeof CHAT_COMMANDS;
/** Commands the lead/manager handlers answer (everything but help). */
export type LeadCommand = Exclude<ChatCommandName, 'help'>;

// Politeness around a command does not change it ("Meine Leads bitte", "please show my leads").
const POLITE = /^(bitte|please|mal)\s+|\s+(bitte|please|mal|jetzt|now)$/g;

/** A message as command patterns see it: folded, one space, no end punctuation or politeness. */
export function commandText(text: string): string {
  const trimmed = foldBasic(text).replace(/\s+/g, ' ').trim();
  return trimmed === '?' ? trimmed : trimmed.replace(/[\s!?.]+$/, '').replace(POLITE, '');
}

/** The first of `commands` whose patterns take the whole message, or null. */
export function matchCommand<N extends string>(
  commands: Iterable<readonly [N, { patterns: readonly RegExp[] }]>,
  text: string,
): N | null {
  const normalised = commandText(text);
  for (const [name, c] of commands) if (c.patterns.some((re) => re.test(normalised))) return name;
  return null;
}

const ENTRIES = Object.entries(CHAT_COMMANDS) as Array<[ChatCommandName, ChatCommandSpec]>;

/** The command a message is, or null for anything else. */
export function detectCommand(text: string): ChatCommandName | null {
  return matchCommand(ENTRIES, text);
}
