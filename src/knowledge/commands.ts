/** Fixed phrases that are commands for the lead flow or a request for help, not questions. */
import { foldBasic } from './text/normalize.js';

/** Commands the lead/manager handlers answer (routed, not answered here). */
export type LeadCommand = 'my_leads' | 'digest' | 'digest_off' | 'digest_on';

const PATTERNS: Array<[RegExp, LeadCommand | 'help']> = [
  [/^(hilfe|help|\?|was kannst du( alles)?( tun)?|what can you do|befehle|commands|menu|hallo|hi|hello|start)$/, 'help'],
  [/^((zeig|zeige|show|list)( mir| me)? )?(meine|my)( offenen| open)? leads$/, 'my_leads'],
  [/^(digest|zusammenfassung) (aus|off|stop|stopp|deaktivieren|ausschalten|abschalten|abbestellen|pausieren|disable)$/, 'digest_off'],
  [/^(kein|keine|keinen|no) (digest|zusammenfassung)( mehr| more)?$/, 'digest_off'],
  [/^(digest|zusammenfassung) (an|ein|on|start|aktivieren|einschalten|anschalten|bestellen|enable)$/, 'digest_on'],
  [/^((zeig|zeige|show)( mir| me)?( die| den| das| the| my| meine| meinen)? )?(digest|zusammenfassung|tageszusammenfassung|daily digest)$/, 'digest'],
];
// Politeness around a command does not change it ("Meine Leads bitte", "please show my leads").
const POLITE = /^(bitte|please|mal)\s+|\s+(bitte|please|mal|jetzt|now)$/g;

/** The command a message is, or null for anything else. */
export function detectCommand(text: string): LeadCommand | 'help' | null {
  const trimmed = foldBasic(text).replace(/\s+/g, ' ').trim();
  const normalised = trimmed === '?' ? trimmed : trimmed.replace(/[\s!?.]+$/, '').replace(POLITE, '');
  for (const [re, command] of PATTERNS) if (re.test(normalised)) return command;
  return null;
}
