import { type TeamsChannelAccount, TeamsInfo, type TurnContext } from 'botbuilder';
import type { Actor } from '../domain/model.js';
import type { Deps } from '../services/deps.js';
import { findPerson, type Person, savePerson } from '../store/people-repo.js';
import { tenantOf } from './tenant.js';

/**
 * How long what Teams' member API said about a person is used before Teams is asked again. Installs and
 * conversation updates always ask again; a person Teams cannot be asked about keeps their last known entry.
 */
export const MEMBER_REFRESH_MS = 24 * 60 * 60 * 1000;

const toMember = (p: Person): TeamsChannelAccount =>
  ({
    id: p.userId,
    aadObjectId: p.aadObjectId,
    email: p.email ?? undefined,
    userPrincipalName: p.upn ?? undefined,
    name: p.name ?? '',
    tenantId: p.tenantId,
  }) as TeamsChannelAccount;

/**
 * Who sent this activity, as Teams' member API says (tenant + Entra object id → e-mail), stored so a click does
 * not cost a member look-up. Nothing in the activity's text or data is trusted; its sender id only says whom to ask.
 * Throws when Teams cannot say and nothing is stored.
 */
export async function memberOf(deps: Deps, ctx: TurnContext, force = false): Promise<TeamsChannelAccount> {
  const from = ctx.activity.from;
  const tenant = tenantOf(ctx.activity) ?? '';
  const known = await findPerson(deps.store.db, tenant, { aadObjectId: from.aadObjectId, userId: from.id });
  // A stored entry counts only for the same Teams user id it was learned for.
  const stored = known?.userId === from.id ? known : null;
  const now = deps.clock.now();
  if (stored && !force && now - stored.checkedAt < MEMBER_REFRESH_MS) return toMember(stored);
  try {
    const m = await TeamsInfo.getMember(ctx, from.id);
    const aad = m.aadObjectId ?? (m as { objectId?: string }).objectId;
    if (!aad) throw new Error('the member has no Entra object id');
    const person: Person = {
      tenantId: tenant,
      aadObjectId: aad,
      userId: from.id,
      email: m.email ?? null,
      upn: m.userPrincipalName ?? null,
      name: m.name ?? null,
      checkedAt: now,
    };
    await savePerson(deps.store.db, person);
    return toMember(person);
  } catch (err) {
    if (!stored) throw err;
    deps.log.warn(
      { err: String(err), ageMs: now - stored.checkedAt },
      'Teams member look-up failed; using what it said last time',
    );
    return toMember(stored);
  }
}

/** Who clicked or wrote: only what Teams' member API said about the sender; unknown (no e-mail, no rights) otherwise. */
export async function resolveActor(deps: Deps, ctx: TurnContext): Promise<Actor> {
  const from = ctx.activity.from;
  try {
    const m = await memberOf(deps, ctx);
    return {
      id: m.aadObjectId!,
      name: m.name || m.email || from.id,
      email: (m.email ?? m.userPrincipalName)?.toLowerCase() ?? null,
    };
  } catch (err) {
    deps.log.warn({ err: String(err) }, 'Teams does not know the sender; acting as a person without rights');
    return { id: from.aadObjectId ?? from.id, name: from.name ?? from.id, email: null };
  }
}
