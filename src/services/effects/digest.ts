import { z } from 'zod';
import { tm } from '../../cards/i18n-follow-up.js';
import { localDate } from '../../domain/zoned-time.js';
import { IntegrationError } from '../../lib/integration-error.js';
import { defineJob } from '../../outbox/job.js';
import { findPersonalByEmail } from '../../store/conversations-repo.js';
import { getDigest, markDigestSent, pausedManagers } from '../../store/digests-repo.js';
import type { Deps } from '../deps.js';
import { renderTeamDigest } from '../digest/digest.js';
import { localeFor } from '../locale.js';

/** Sends a claimed digest to the manager's personal chat, once (a retry after Teams answered does nothing). */
export const sendDigest = defineJob({
  kind: 'teams.digest',
  payload: z.object({
    managerEmail: z.string().email(),
    day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    since: z.number(),
    until: z.number(),
  }),
  orderKey: ({ managerEmail }) => `digest:${managerEmail.toLowerCase()}`,
  async run(deps: Deps, { managerEmail, day, since, until }) {
    const record = await getDigest(deps.store.db, managerEmail, day);
    if (record?.sentAt != null) return;
    if ((await pausedManagers(deps.store.db)).has(managerEmail.toLowerCase())) return;
    const teams = deps.roster.current().managedTeams(managerEmail);
    if (!teams.length) {
      deps.log.info({ manager: managerEmail, day }, 'digest: no longer a manager in the roster; not sent');
      return;
    }
    const to = await findPersonalByEmail(deps.store.db, managerEmail);
    if (!to || to.blocked) {
      // The day's digest waits for the manager to (re)install the bot; on a later day it is not sent late.
      if (localDate(deps.clock.now(), deps.settings.timeZone) !== day) {
        deps.log.warn({ manager: managerEmail, day }, 'digest: manager never reachable that day; not sent');
        return;
      }
      throw new IntegrationError(
        'teams',
        `digest for ${managerEmail} waits: the manager has not installed the bot (or blocked it)`,
        { retryAfterMs: 10 * 60_000 },
      );
    }
    const locale = await localeFor(deps, to);
    const card = await renderTeamDigest(deps, teams, { since, until }, locale);
    const activityId = await deps.teams.send(to, {
      card,
      summary: tm(locale).digestTitle(teams.map((t) => t.name).join(', ')),
    });
    await markDigestSent(deps.store.db, managerEmail, day, activityId, deps.clock.now());
  },
});
