import { renderDigestCard } from '../../cards/digest-card.js';
import type { Locale } from '../../cards/i18n.js';
import { tm } from '../../cards/i18n-follow-up.js';
import { type DigestFigures, digestFigures } from '../../domain/digest.js';
import { latestSlot } from '../../domain/digest-slot.js';
import type { RosterTeam } from '../../domain/roster.js';
import { addBusinessTime, businessTimeBetween } from '../../domain/sla.js';
import { findPersonalByEmail } from '../../store/conversations-repo.js';
import { pausedManagers, setDigestPaused } from '../../store/digests-repo.js';
import { loadTeamLeads } from '../../store/team-leads-repo.js';
import type { Deps } from '../deps.js';
import { localeFor } from '../locale.js';

export interface DigestWindow {
  since: number;
  until: number;
}

/** The figures of these teams for the window, with a HubSpot link per lead. */
export async function teamDigest(
  deps: Deps,
  teams: RosterTeam[],
  w: DigestWindow,
): Promise<{ figures: DigestFigures; links: Record<string, string> }> {
  const roster = deps.roster.current();
  const { sla } = deps.settings;
  const members = [...new Set(teams.flatMap((t) => t.members))];
  const data = await loadTeamLeads(deps.store.db, members, w.since);
  const figures = digestFigures({
    leads: data.leads,
    events: data.events,
    members,
    since: w.since,
    now: w.until,
    slaDueAt: (l) => addBusinessTime(data.slaStart[l.id] ?? l.mqlAt, sla.remindAfterMs, sla.hours, sla.timeZone),
    elapsed: (a, b) => businessTimeBetween(a, b, sla.hours, sla.timeZone),
    nameOf: (e) => roster.nameOf(e),
  });
  const links = Object.fromEntries(
    data.leads.map((l) => [l.id, deps.hubspot.recordUrl(l.portalId, 'contact', l.contactId)]),
  );
  return { figures, links };
}

/** The digest card of these teams for the window. */
export async function renderTeamDigest(
  deps: Deps,
  teams: RosterTeam[],
  w: DigestWindow,
  locale: Locale,
  notice?: string,
): Promise<object> {
  const { figures, links } = await teamDigest(deps, teams, w);
  return renderDigestCard({
    teamName: teams.map((t) => t.name).join(', '),
    figures,
    links,
    locale,
    timeZone: deps.settings.timeZone,
    notice,
  });
}

/** An on-demand window: what this morning's digest covered, up to now. */
export function onDemandWindow(deps: Deps, now: number): DigestWindow {
  const slot = latestSlot(deps.settings.digestCron, deps.settings.timeZone, now);
  return { since: slot ? slot.since : now - 86_400_000, until: now };
}

export type DigestRefusal = 'not_manager' | 'other_team' | 'unknown_team';
export type DigestAnswer = { ok: true; card: object } | { ok: false; why: DigestRefusal; text: string };

/**
 * "digest" / "Zusammenfassung" on demand: the requester's own teams (or the named team, for its manager or an
 * admin). Anyone else is refused: a manager only ever sees their own team's leads.
 */
export async function digestCardFor(
  deps: Deps,
  managerEmail: string,
  locale: Locale,
  opts: { team?: string } = {},
): Promise<DigestAnswer> {
  const roster = deps.roster.current();
  const tx = tm(locale);
  const me = managerEmail.toLowerCase();
  let teams: RosterTeam[];
  if (opts.team) {
    const team = roster.team(opts.team);
    if (!team) return { ok: false, why: 'unknown_team', text: tx.unknownTeam };
    if (team.manager !== me && !roster.isAdmin(me)) {
      return roster.managedTeams(me).length
        ? { ok: false, why: 'other_team', text: tx.otherTeam }
        : { ok: false, why: 'not_manager', text: tx.notManager };
    }
    teams = [team];
  } else {
    teams = roster.managedTeams(me);
    if (!teams.length) return { ok: false, why: 'not_manager', text: tx.notManager };
  }
  const paused = (await pausedManagers(deps.store.db)).has(me);
  const card = await renderTeamDigest(
    deps,
    teams,
    onDemandWindow(deps, deps.clock.now()),
    locale,
    paused ? tx.digestPaused : undefined,
  );
  return { ok: true, card };
}

/** `leadbridge digest --preview <manager-email>`: the card the manager would get now (no authorisation: the CLI is an operator's). */
export async function previewDigest(deps: Deps, email: string): Promise<object> {
  const teams = deps.roster.current().managedTeams(email);
  if (!teams.length) throw new Error(`${email} manages no team in the roster`);
  const conv = await findPersonalByEmail(deps.store.db, email);
  const locale = conv ? await localeFor(deps, conv) : deps.settings.defaultLocale;
  return renderTeamDigest(deps, teams, onDemandWindow(deps, deps.clock.now()), locale);
}

export type DigestCommand = 'digest' | 'digest_on' | 'digest_off';

/** The chat answer to "digest", "digest an", "digest aus" (and "Zusammenfassung …"). */
export async function digestChatReply(
  deps: Deps,
  actorEmail: string | null,
  command: DigestCommand,
  locale: Locale,
  opts: { team?: string } = {},
): Promise<{ card?: object; text: string }> {
  const tx = tm(locale);
  if (!actorEmail) return { text: tx.notManager };
  if (command === 'digest') {
    const r = await digestCardFor(deps, actorEmail, locale, opts);
    return r.ok ? { card: r.card, text: tx.digestTitle('').trim() } : { text: r.text };
  }
  if (!deps.roster.current().managedTeams(actorEmail).length) return { text: tx.notManager };
  await setDigestPaused(deps.store.db, actorEmail, command === 'digest_off', deps.clock.now());
  deps.log.info({ manager: actorEmail.toLowerCase(), paused: command === 'digest_off' }, 'digest preference changed');
  return { text: command === 'digest_off' ? tx.digestPaused : tx.digestResumed };
}
