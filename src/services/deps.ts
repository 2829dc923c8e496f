import type { SalesCloud } from '../c4c/types.js';
import type { Locale } from '../cards/i18n.js';
import type { MqlRule } from '../domain/mql.js';
import type { PermissionPolicy } from '../domain/permissions.js';
import type { RejectReason } from '../domain/reject-reasons.js';
import type { WriteBackRule } from '../domain/hubspot-writeback.js';
import type { HubSpot } from '../hubspot/types.js';
import type { Clock } from '../lib/clock.js';
import type { Log } from '../log.js';
import type { Store } from '../store/db.js';
import type { Conversation } from '../store/conversations-repo.js';

/** A message or card to post in Teams. */
export interface OutboundActivity {
  text?: string;
  card?: object;
  /** Shown in notifications and clients without cards. */
  summary?: string;
}

/** Teams as the services use it (implemented in src/bot). Failures throw IntegrationError('teams'). */
export interface TeamsOutbound {
  send(to: Conversation, activity: OutboundActivity): Promise<string>;
  update(to: Conversation, activityId: string, activity: OutboundActivity): Promise<void>;
}

export interface Settings {
  mqlRule: MqlRule;
  writeBack: WriteBackRule;
  permissions: PermissionPolicy;
  rejectReasons: RejectReason[];
  defaultLocale: Locale;
  leadInboxChannelId?: string;
  timeZone: string;
}

/** Everything the services need, built once by the composition root. */
export interface Deps {
  store: Store;
  clock: Clock;
  log: Log;
  hubspot: HubSpot;
  salesCloud?: SalesCloud;
  teams: TeamsOutbound;
  settings: Settings;
  /** Wakes the outbox worker after new jobs were committed. */
  kick(): void;
}
