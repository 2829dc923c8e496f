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

/** A member of a team's roster, as Teams' member API describes them. */
export interface TeamMember {
  id: string;
  aadObjectId: string | null;
  email: string | null;
  upn: string | null;
  name: string | null;
  tenantId: string | null;
}

/** The teams the bot is installed in, as delivery needs them (implemented in src/bot). Failures throw IntegrationError('teams'). */
export interface TeamsDirectory {
  /** The team's channels as conversations the bot can post to (General's id is the team id). */
  channels(team: Conversation): Promise<Conversation[]>;
  /** The member of the team's roster with this email or UPN, or null. */
  findMember(team: Conversation, email: string): Promise<TeamMember | null>;
  /** Opens (or gets back) the bot's 1:1 chat with a member of the team: their personal conversation. */
  openPersonalChat(team: Conversation, member: TeamMember): Promise<Conversation>;
}
