import type { Database } from './schema.js';

/** One row per manager and local day: claimed together with the send job, so a digest goes out once. */
export interface DigestsTable {
  manager_email: string;
  /** yyyy-mm-dd in the digest time zone. */
  day: string;
  window_start: number;
  window_end: number;
  claimed_at: number;
  claimed_by: string;
  sent_at: number | null;
  activity_id: string | null;
}

/** A manager who paused the daily digest ("digest aus"). */
export interface DigestPrefsTable {
  manager_email: string;
  paused: number;
  updated_at: number;
}

/** The tables and columns added by `0002_manager`. */
export type ManagerTables = {
  digests: DigestsTable;
  digest_prefs: DigestPrefsTable;
  /** When the lead reached its current owner (reset on reassignment); the SLA counts from here, else from mql_at. */
  leads: { sla_started_at: number | null };
};

export type ManagerDatabase = Database & ManagerTables;
