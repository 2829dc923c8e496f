/**
 * `leadbridge export --contact <id>`: everything LeadBridge stores about a HubSpot contact, as JSON (an access request).
 * `leadbridge erase --contact <id>`: erases it, as HubSpot's privacy deletion would (a request that does not come
 * through HubSpot). Both work on the database DATABASE_URL names, SQLite or PostgreSQL, with or without the bot running.
 */

import type { Clock } from '../../lib/clock.js';
import type { Log } from '../../log.js';
import type { Store } from '../../store/db.js';
import { type CliCommand, parseFlags } from '../registry.js';

/** What the commands need: the configured store, a clock and a (quiet) log. */
export type OpenStore = () => Promise<{ store: Store; clock: Clock; log: Log }>;

/** HubSpot record ids are numbers. */
const contactOf = (args: string[]): string | null => {
  const { flags } = parseFlags(args, ['json']);
  const id = typeof flags.contact === 'string' ? flags.contact.trim() : '';
  return /^\d{1,20}$/.test(id) ? id : null;
};

type Opened = Awaited<ReturnType<OpenStore>>;

/** A command on one contact: its id checked (usage error, exit 2), the store opened for `act` and closed after. */
function contactCommand(
  open: OpenStore,
  c: Pick<CliCommand, 'name' | 'summary' | 'usage'>,
  act: (opened: Opened, contactId: string, args: string[]) => Promise<string>,
): CliCommand {
  return {
    ...c,
    async run(args, io) {
      const contactId = contactOf(args);
      if (!contactId) {
        io.err(`Usage: ${c.usage} (the contact's HubSpot record id, a number)`);
        return 2;
      }
      const opened = await open();
      try {
        io.out(await act(opened, contactId, args));
        return 0;
      } finally {
        await opened.store.close();
      }
    },
  };
}

export const exportCommand = (open: OpenStore): CliCommand =>
  contactCommand(
    open,
    {
      name: 'export',
      summary: 'Print everything LeadBridge stores about a HubSpot contact as JSON.',
      usage: 'leadbridge export --contact <hubspotContactId>',
    },
    async ({ store, clock }, contactId) => {
      const { exportContact } = await import('../../store/privacy-export-repo.js');
      return JSON.stringify(await exportContact(store.db, contactId, clock.now()), null, 2);
    },
  );

export const eraseCommand = (open: OpenStore): CliCommand =>
  contactCommand(
    open,
    {
      name: 'erase',
      summary: "Erase a HubSpot contact's personal data from LeadBridge (as HubSpot's GDPR delete does).",
      usage: 'leadbridge erase --contact <hubspotContactId> [--json]',
    },
    async ({ store, clock, log }, contactId, args) => {
      const { eraseContact } = await import('../../services/privacy/erasure.js');
      // The running bot's worker picks up the card replacements (it polls the outbox).
      const r = await eraseContact({ store, clock, log, kick: () => {} }, { contactId }, 'request');
      if (parseFlags(args, ['json']).flags.json) return JSON.stringify({ contactId, ...r });
      return r.leads === 0
        ? `Contact ${contactId}: nothing left to erase (${r.webhookEvents} stored webhook event(s) deleted).`
        : `Contact ${contactId} erased: ${r.leads} lead(s); ${r.cards} posted card(s) will be replaced by the running LeadBridge; ${r.webhookEvents} stored webhook event(s) deleted.`;
    },
  );
