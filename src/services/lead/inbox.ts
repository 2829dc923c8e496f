import { IntegrationError } from '../../lib/integration-error.js';
import { type Conversation, findChannel, installedTeams, saveConversation } from '../../store/conversations-repo.js';
import type { Deps } from '../deps.js';

type ChannelList = Array<{ team: string; channels: Array<{ id: string; name: string | null }> }>;

/** A refusal that retrying cannot fix (403, 404, …): logged and passed over. Anything else is thrown to be retried. */
export function passOver(err: unknown): boolean {
  return err instanceof IntegrationError && err.permanent;
}

/**
 * Looks the configured inbox channel up in the teams the bot is installed in and stores it (the team's reference
 * with the channel's id). Returns null, with a warning naming the id and every team's channels, when no team has it.
 */
async function resolveConfiguredInbox(deps: Deps, channelId: string): Promise<Conversation | null> {
  const teams = await installedTeams(deps.store.db);
  if (!teams.length) {
    deps.log.warn(
      { channelId },
      'lead inbox: LEAD_INBOX_CHANNEL_ID is set, but the bot is not installed in any team yet; add it to the team that has this channel',
    );
    return null;
  }
  const seen: ChannelList = [];
  for (const team of teams) {
    let channels: Conversation[];
    try {
      channels = await deps.directory!.channels(team);
    } catch (err) {
      if (!passOver(err)) throw err;
      deps.log.warn(
        { team: team.name, teamId: team.id, err: String(err) },
        'lead inbox: could not list the channels of a team',
      );
      continue;
    }
    const hit = channels.find((c) => c.id === channelId);
    if (hit) {
      await saveConversation(deps.store.db, hit, deps.clock.now());
      return hit;
    }
    seen.push({ team: team.name ?? team.id, channels: channels.map((c) => ({ id: c.id, name: c.name })) });
  }
  deps.log.warn(
    { channelId, teams: seen },
    'lead inbox: LEAD_INBOX_CHANNEL_ID names no channel of a team the bot is installed in; cards for unreachable owners wait',
  );
  return null;
}

/** The lead inbox: the configured channel, else the General channel of the first team the bot was installed in. */
export async function findLeadInbox(deps: Deps): Promise<Conversation | null> {
  const channelId = deps.settings.leadInboxChannelId;
  if (!channelId) return (await installedTeams(deps.store.db))[0] ?? null;
  return (
    (await findChannel(deps.store.db, channelId)) ?? (deps.directory ? resolveConfiguredInbox(deps, channelId) : null)
  );
}

/** At start and at every team install: checks that the configured inbox channel exists (and says which inbox is used). */
export async function checkLeadInbox(deps: Deps): Promise<Conversation | null> {
  const channelId = deps.settings.leadInboxChannelId;
  const inbox = channelId && deps.directory ? await resolveConfiguredInbox(deps, channelId) : await findLeadInbox(deps);
  if (inbox) deps.log.info({ channelId: inbox.id, name: inbox.name, teamId: inbox.teamId }, 'lead inbox ready');
  else if (!channelId)
    deps.log.info(
      'lead inbox: none yet (LEAD_INBOX_CHANNEL_ID unset); the General channel of the first team the bot is added to becomes the inbox',
    );
  return inbox;
}
