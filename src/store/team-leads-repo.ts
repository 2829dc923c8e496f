import type { Lead, LeadEvent } from '../domain/model.js';
import type { Db } from './db.js';
import { toLead, toLeadEvent } from './leads-repo.js';

export interface TeamLeads {
  leads: Lead[];
  events: Record<string, LeadEvent[]>;
  /** When each lead's SLA clock started (its current owner got it). */
  slaStart: Record<string, number>;
}

const chunks = <T>(xs: T[], n: number) =>
  Array.from({ length: Math.ceil(xs.length / n) }, (_, i) => xs.slice(i * n, i * n + n));

/**
 * The leads of these owners that matter for a window starting at `since` (new, changed, or still waiting),
 * with their audit trails. Only these owners' leads are read: a manager never sees another team's.
 */
export async function loadTeamLeads(db: Db, owners: string[], since: number): Promise<TeamLeads> {
  const out: TeamLeads = { leads: [], events: {}, slaStart: {} };
  const emails = [...new Set(owners.map((o) => o.toLowerCase()))];
  for (const part of chunks(emails, 200)) {
    const rows = await db
      .selectFrom('leads')
      .selectAll()
      .where('owner_email', 'in', part)
      .where((eb) => eb.or([eb('updated_at', '>=', since), eb('mql_at', '>=', since), eb('state', '=', 'MQL')]))
      .execute();
    for (const r of rows) {
      out.leads.push(toLead(r));
      out.slaStart[r.id] = r.sla_started_at == null ? Number(r.mql_at) : Number(r.sla_started_at);
    }
  }
  for (const ids of chunks(
    out.leads.map((l) => l.id),
    200,
  )) {
    const rows = await db
      .selectFrom('lead_events')
      .selectAll()
      .where('lead_id', 'in', ids)
      .orderBy('at')
      .orderBy('id')
      .execute();
    for (const r of rows) {
      out.events[r.lead_id] ??= [];
      out.events[r.lead_id]!.push(toLeadEvent(r));
    }
  }
  return out;
}
