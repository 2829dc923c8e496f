/** `leadbridge digest --preview <manager-email> [--json]`: the digest card a manager would get now, without sending it. */

import { cardTextLines } from '../../cards/card-text.js';
import type { Deps } from '../../services/deps.js';
import { previewDigest } from '../../services/digest/digest.js';
import { type CliCommand, parseFlags } from '../registry.js';

/** What the command needs: the services on the configured database (built by the composition root), and a way to close them. */
export type OpenDeps = () => Promise<{ deps: Deps; close(): Promise<void> }>;

export function digestCommand(open: OpenDeps): CliCommand {
  return {
    name: 'digest',
    summary: "Preview a manager's digest card (nothing is sent).",
    usage: 'leadbridge digest --preview <manager-email> [--json]',
    async run(args, io) {
      const { flags } = parseFlags(args, ['json']);
      const email = typeof flags.preview === 'string' ? flags.preview.trim().toLowerCase() : '';
      if (!/^[^@\s]+@[^@\s]+$/.test(email)) {
        io.err(`Usage: ${this.usage}`);
        return 2;
      }
      const { deps, close } = await open();
      try {
        await deps.roster.refresh();
        const card = await previewDigest(deps, email);
        io.out(flags.json ? JSON.stringify(card, null, 2) : cardTextLines(card).join('\n'));
        return 0;
      } finally {
        await close();
      }
    },
  };
}
