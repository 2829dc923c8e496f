import { renderErasedCard } from '../../cards/erased-card.js';
import type { Locale } from '../../cards/i18n.js';
import { type LeadCardView, renderLeadCard, type SyncState } from '../../cards/lead-card.js';
import type { Lead } from '../../domain/model.js';
import { findPersonalByEmail } from '../../store/conversations-repo.js';
import type { Db } from '../../store/db.js';
import { type JobSummary, jobsOfLead, systemOf } from '../../store/jobs-repo.js';
import { leadEvents } from '../../store/leads-repo.js';
import type { Deps } from '../deps.js';
import { leadForwardTargets } from './forward-targets.js';

/** The kind of `c4cConvertLead` (effects/c4c.ts), whose refusal the card shows apart; kept here, where the card reads it. */
export const CONVERSION_KIND = 'c4c.convertLead';

function syncOf(jobs: JobSummary[], system: 'hubspot' | 'c4c', settledJobId?: number): SyncState {
  const mine = jobs
    .filter((j) => systemOf(j.kind) === system)
    .map((j) => (j.id === settledJobId ? { ...j, status: 'done' as const } : j));
  const dead = mine.filter((j) => j.status === 'dead');
  if (dead.length) return { status: 'failed', detail: dead[dead.length - 1]!.lastError ?? undefined };
  if (mine.some((j) => j.status === 'pending')) return { status: 'pending' };
  return mine.length ? { status: 'ok' } : { status: 'none' };
}

/** Everything a lead card shows, read fresh from the store. */
export async function buildLeadCardView(
  deps: Deps,
  lead: Lead,
  locale: Locale,
  extra: Partial<LeadCardView> = {},
  db: Db = deps.store.db,
  settledJobId?: number,
): Promise<LeadCardView> {
  const [events, jobs, ownerChat] = await Promise.all([
    leadEvents(db, lead.id),
    jobsOfLead(db, lead.id),
    lead.owner.email && lead.owner.active !== false ? findPersonalByEmail(db, lead.owner.email) : null,
  ]);
  const hubspot = syncOf(jobs, 'hubspot', settledJobId);
  // A refused conversion is not a failed handover: the card shows it next to the opportunity (latest attempt only).
  const isConversion = (j: JobSummary) => j.kind === CONVERSION_KIND;
  const c4c = deps.salesCloud
    ? syncOf(
        jobs.filter((j) => !(isConversion(j) && j.status === 'dead')),
        'c4c',
        settledJobId,
      )
    : 'off';
  const conversion = deps.salesCloud ? jobs.filter(isConversion).slice(-1) : [];
  return {
    lead,
    events,
    locale,
    timeZone: deps.settings.timeZone,
    hubspotUrl: deps.hubspot.recordUrl(lead.portalId, 'contact', lead.contactId),
    sync: {
      hubspot: hubspot.status === 'none' ? { status: 'ok' } : hubspot,
      c4c,
      ...(conversion.length ? { c4cConversion: syncOf(conversion, 'c4c', settledJobId) } : {}),
    },
    rejectReasons: deps.settings.rejectReasons,
    refreshUserIds: ownerChat?.userId ? [ownerChat.userId] : [],
    retryable: jobs.some((j) => j.status === 'dead'),
    forwardTargets: leadForwardTargets(deps, lead),
    now: deps.clock.now(),
    ...extra,
  };
}

export async function renderLead(
  deps: Deps,
  lead: Lead,
  locale: Locale,
  extra: Partial<LeadCardView> = {},
  settledJobId?: number,
): Promise<object> {
  if (lead.erasedAt != null) return renderErasedCard(locale);
  return renderLeadCard(await buildLeadCardView(deps, lead, locale, extra, deps.store.db, settledJobId));
}
