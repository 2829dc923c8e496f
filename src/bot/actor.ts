import { TeamsInfo, type TurnContext } from 'botbuilder';
import type { Actor } from '../domain/model.js';
import type { Deps } from '../services/deps.js';
import { findPersonalByAad } from '../store/conversations-repo.js';

/** Who clicked or wrote: the stored personal chat knows their email; otherwise ask Teams. */
export async function resolveActor(deps: Deps, ctx: TurnContext): Promise<Actor> {
  const from = ctx.activity.from;
  const aad = from.aadObjectId;
  const stored = aad ? await findPersonalByAad(deps.store.db, aad) : null;
  if (stored?.email) return { id: aad!, name: stored.name ?? from.name ?? stored.email, email: stored.email };
  try {
    const m = await TeamsInfo.getMember(ctx, from.id);
    return { id: m.aadObjectId ?? (m as { objectId?: string }).objectId ?? aad ?? from.id, name: m.name ?? from.name ?? m.email ?? from.id, email: m.email?.toLowerCase() ?? m.userPrincipalName?.toLowerCase() ?? null };
  } catch {
    return { id: aad ?? from.id, name: from.name ?? from.id, email: null };
  }
}
