import type { Generated } from 'kysely';

/** The database engines LeadBridge runs on. */
export type Engine = 'sqlite' | 'postgres';

/** Timestamps are milliseconds since the epoch in every table (portable across SQLite and PostgreSQL). */
export interface LeadsTable {
  id: string;
  portal_id: number;
  contact_id: string;
  cycle: number;
  state: string;
  version: number;
  owner_id: string | null;
  owner_email: string | null;
  owner_name: string | null;
  /** 0 when HubSpot had the owner archived (a former user) at the MQL; NULL = active (0010). */
  owner_active: number | null;
  contact_json: string;
  company_json: string | null;
  bant_json: string | null;
  reject_reason: string | null;
  reject_note: string | null;
  c4c_lead_id: string | null;
  c4c_owner_mapped: number | null;
  c4c_opportunity_id: string | null;
  /** 36One account party id LeadBridge put on the lead/opportunity (migration 0004). */
  c4c_account_id: string | null;
  /** How it was decided, or why there is none: `C4cAccountMatch`. */
  c4c_account_match: string | null;
  mql_at: number;
  accepted_at: number | null;
  closed_at: number | null;
  reminded_at: number | null;
  escalated_at: number | null;
  created_at: number;
  updated_at: number;
  /** When the lead reached its current owner (reset on reassignment); the SLA counts from here, else from mql_at (0002). */
  sla_started_at: number | null;
  /** When the contact's personal data was erased or pseudonymised, and why (`ErasureReason`) (0009). */
  erased_at: number | null;
  erased_reason: string | null;
}

export interface LeadEventsTable {
  id: Generated<number>;
  lead_id: string;
  at: number;
  actor_id: string;
  actor_name: string | null;
  action: string;
  from_state: string | null;
  to_state: string | null;
  source: string;
  detail_json: string | null;
}

export interface ContactCyclesTable {
  portal_id: number;
  contact_id: string;
  cycle: number;
}

export interface WebhookEventsTable {
  id: Generated<number>;
  dedupe_key: string;
  fingerprint: string;
  portal_id: number;
  subscription_type: string;
  object_id: string;
  property_name: string | null;
  property_value: string | null;
  occurred_at: number;
  attempt_number: number;
  received_at: number;
  payload: string;
}

export interface JobsTable {
  id: Generated<number>;
  kind: string;
  lead_id: string | null;
  order_key: string;
  payload: string;
  status: string;
  attempts: number;
  run_at: number;
  lease_owner: string | null;
  lease_until: number | null;
  last_error: string | null;
  created_at: number;
  updated_at: number;
  done_at: number | null;
  /** 0 = cards in Teams (claimed first), 1 = everything else. */
  priority: Generated<number>;
}

export interface ConversationsTable {
  id: string;
  kind: string;
  user_id: string | null;
  aad_object_id: string | null;
  email: string | null;
  upn: string | null;
  name: string | null;
  tenant_id: string | null;
  locale: string | null;
  team_id: string | null;
  reference_json: string;
  blocked: number;
  updated_at: number;
  /** Set once, when the conversation is first stored (0006). */
  created_at: number | null;
}

/** A person's language from their own activities (0006). */
export interface PersonLocalesTable {
  person_key: string;
  locale: string;
  updated_at: number;
}

export interface CardPostsTable {
  id: Generated<number>;
  lead_id: string;
  conversation_id: string;
  activity_id: string;
  kind: string;
  posted_at: number;
}

/**
 * A reminder or escalation posted about a lead (0009; `kind` `reminder` | `escalation`), with the columns of a card
 * post: replaced by the neutral card when the contact is erased.
 */
export type LeadMessagesTable = CardPostsTable;

/** One row per manager and local day: claimed together with the send job, so a digest goes out once (0002). */
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

/** A person LeadBridge met in Teams, as Teams' member API described them (0007). */
export interface PeopleTable {
  tenant_id: string;
  aad_object_id: string;
  user_id: string;
  email: string | null;
  upn: string | null;
  name: string | null;
  checked_at: number;
}

/** Every table after all migrations. */
/** One start counted against a budget shared by every instance (0008). */
export interface RateStartsTable {
  bucket: string;
  at: number;
  /** 1 while the call is in flight (it counts as now); its end replaces `at` when it finishes. */
  open: Generated<number>;
  ref: string | null;
}

export interface Database {
  leads: LeadsTable;
  lead_events: LeadEventsTable;
  contact_cycles: ContactCyclesTable;
  webhook_events: WebhookEventsTable;
  jobs: JobsTable;
  conversations: ConversationsTable;
  card_posts: CardPostsTable;
  lead_messages: LeadMessagesTable;
  person_locales: PersonLocalesTable;
  digests: DigestsTable;
  digest_prefs: DigestPrefsTable;
  people: PeopleTable;
  rate_starts: RateStartsTable;
}
