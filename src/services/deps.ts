import type { SalesCloud } from '../c4c/types.js';
import type { Locale } from '../cards/i18n.js';
import type { WriteBackRule } from '../domain/hubspot-writeback.js';
import type { MqlRule } from '../domain/mql.js';
import type { PermissionPolicy } from '../domain/permissions.js';
import type { RejectReason } from '../domain/reject-reasons.js';
import type { SlaPolicy } from '../domain/sla.js';
import type { HubSpot } from '../hubspot/types.js';
import type { Clock } from '../lib/clock.js';
import type { Log } from '../log.js';
import type { RosterSource } from '../roster/resolve.js';
import type { Store } from '../store/db.js';
import type { TeamsDirectory, TeamsOutbound } from '../teams/types.js';

export interface Settings {
  mqlRule: MqlRule;
  writeBack: WriteBackRule;
  permissions: PermissionPolicy;
  rejectReasons: RejectReason[];
  defaultLocale: Locale;
  leadInboxChannelId?: string;
  /** Language of channel posts (the lead inbox); default `defaultLocale`. */
  inboxLocale?: Locale;
  timeZone: string;
  /** When the daily digest goes out (croner pattern, read in `timeZone`). */
  digestCron: string;
  /** When an unanswered MQL is reminded and escalated. */
  sla: SlaPolicy;
}

/** Everything the services need, built once by the composition root. */
export interface Deps {
  store: Store;
  clock: Clock;
  log: Log;
  hubspot: HubSpot;
  salesCloud?: SalesCloud;
  teams: TeamsOutbound;
  /** Team channels and rosters; without it, owners are reached only in chats they opened and the inbox only where someone wrote. */
  directory?: TeamsDirectory;
  settings: Settings;
  /** Teams, managers, admins and names: the roster file merged with HubSpot's owner teams. */
  roster: RosterSource;
  /** Wakes the outbox worker after new jobs were committed. */
  kick(): void;
  /** An MQL's SLA clock started (new lead, new owner): the SLA timer is set for the next due step again. */
  slaChanged?(): void;
}
