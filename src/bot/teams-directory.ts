import type { TeamsAdapter } from '@microsoft/teams-ai';
import {
  type ChannelInfo,
  type ConversationParameters,
  type ConversationReference,
  type TeamsChannelAccount,
  TeamsInfo,
} from 'botbuilder';
import { IntegrationError } from '../lib/integration-error.js';
import type { Conversation } from '../store/conversations-repo.js';
import type { TeamMember, TeamsDirectory } from '../teams/types.js';
import { inConversation, toTeamsError } from './teams-outbound.js';

/** Roster pages as large as Teams serves them (it caps pageSize at 500). */
const PAGE_SIZE = 500;
/** A runaway continuation token must not loop for ever. */
const MAX_PAGES = 200;

const refOf = (c: Conversation) => c.reference as ConversationReference;
const teamIdOf = (team: Conversation) => team.teamId ?? team.id;

function toMember(m: TeamsChannelAccount): TeamMember {
  return {
    id: m.id,
    aadObjectId: m.aadObjectId ?? (m as { objectId?: string }).objectId ?? null,
    email: m.email ?? null,
    upn: m.userPrincipalName ?? null,
    name: m.name ?? null,
    tenantId: m.tenantId ?? null,
  };
}

/** A channel of the team: the team's reference with the channel's id (Teams needs nobody to have written there). */
function channelOf(team: Conversation, ch: ChannelInfo): Conversation {
  const ref = refOf(team);
  // Teams returns the General channel's name as null (for localisation); its id is the team id.
  const name = ch.name ?? (ch.id === teamIdOf(team) ? 'General' : ch.id!);
  return {
    ...team,
    id: ch.id!,
    name,
    locale: null,
    blocked: false,
    reference: { ...ref, conversation: { ...ref.conversation, id: ch.id!, name } },
  };
}

export function createTeamsDirectory(adapter: TeamsAdapter, botAppId: string): TeamsDirectory {
  return {
    async channels(team) {
      const list = await inConversation(adapter, botAppId, team, (ctx) =>
        TeamsInfo.getTeamChannels(ctx, teamIdOf(team)),
      );
      return list.filter((ch) => ch.id).map((ch) => channelOf(team, ch));
    },

    async findMember(team, email) {
      const wanted = email.toLowerCase();
      return inConversation(adapter, botAppId, team, async (ctx) => {
        let token: string | undefined;
        for (let page = 0; page < MAX_PAGES; page++) {
          const r = await TeamsInfo.getPagedTeamMembers(ctx, teamIdOf(team), PAGE_SIZE, token);
          const hit = r.members.find(
            (m) => m.email?.toLowerCase() === wanted || m.userPrincipalName?.toLowerCase() === wanted,
          );
          if (hit) return toMember(hit);
          token = r.continuationToken || undefined;
          if (!token) break;
        }
        return null;
      });
    },

    async openPersonalChat(team, member) {
      const ref = refOf(team);
      const tenantId = team.tenantId ?? member.tenantId ?? ref.conversation?.tenantId;
      if (!ref.serviceUrl)
        throw new IntegrationError('teams', `the stored team ${teamIdOf(team)} has no serviceUrl`, { permanent: true });
      // As Microsoft's proactive-messaging sample (bot-conversation, messageAllMembersAsync): one member, the tenant.
      const params = {
        isGroup: false,
        bot: ref.bot,
        members: [{ id: member.id, name: member.name ?? '' }],
        tenantId,
        channelData: { tenant: { id: tenantId } },
      } as ConversationParameters;
      let id: string | undefined;
      try {
        // audience null = the bot's default scope, as botbuilder's own continueConversationAsync uses.
        await adapter.createConversationAsync(
          botAppId,
          ref.channelId ?? 'msteams',
          ref.serviceUrl,
          null as unknown as string,
          params,
          async (ctx) => {
            id = ctx.activity.conversation?.id;
          },
        );
      } catch (err) {
        throw toTeamsError(err);
      }
      if (!id) throw new IntegrationError('teams', 'Teams created the conversation but returned no id');
      const reference: Partial<ConversationReference> = {
        channelId: ref.channelId,
        serviceUrl: ref.serviceUrl,
        bot: ref.bot,
        user: { id: member.id, name: member.name ?? '', aadObjectId: member.aadObjectId ?? undefined },
        conversation: { id, conversationType: 'personal', isGroup: false, tenantId, name: '' },
      };
      return {
        id,
        kind: 'personal',
        userId: member.id,
        aadObjectId: member.aadObjectId,
        email: member.email,
        upn: member.upn,
        name: member.name,
        tenantId: tenantId ?? null,
        locale: null,
        teamId: null,
        reference,
        blocked: false,
      };
    },
  };
}
