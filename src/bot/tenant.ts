import type { Application, TurnState } from '@microsoft/teams-ai';
import { type Activity, ActivityTypes, type TurnContext } from 'botbuilder';
import type { Log } from '../log.js';

/** The tenant an activity comes from: `conversation.tenantId`, else `channelData.tenant.id` (lower case). */
export function tenantOf(a: Partial<Activity>): string | undefined {
  const id = a.conversation?.tenantId ?? (a.channelData as { tenant?: { id?: unknown } } | undefined)?.tenant?.id;
  return typeof id === 'string' && id ? id.toLowerCase() : undefined;
}

export type ForeignReason = 'other_tenant' | 'no_tenant';

/** Why an activity is outside the customer's tenant, or null when it belongs (or no tenant is configured). */
export function foreignReason(a: Partial<Activity>, tenantId: string | undefined): ForeignReason | null {
  if (!tenantId) return null;
  const cd = (a.channelData as { tenant?: { id?: unknown } } | undefined)?.tenant?.id;
  const ids = [a.conversation?.tenantId, cd].filter((x): x is string => typeof x === 'string' && x !== '');
  if (!ids.length) return 'no_tenant';
  // Both places must name the customer's tenant when both are there.
  return ids.every((id) => id.toLowerCase() === tenantId) ? null : 'other_tenant';
}

/**
 * Ends the turn of an activity from any tenant but `tenantId` before anything else runs: no reply, nothing stored,
 * no card action. An invoke still gets an empty 200 (without one the adapter would answer 501).
 */
export function registerTenantBoundary(
  app: Application<TurnState>,
  o: { tenantId?: string; log: Log; onIgnored?(reason: ForeignReason): void },
): void {
  if (!o.tenantId) return;
  app.turn('beforeTurn', async (ctx: TurnContext) => {
    const a = ctx.activity;
    const reason = foreignReason(a, o.tenantId);
    if (!reason) return true;
    o.log.warn(
      {
        reason,
        tenant: tenantOf(a) ?? null,
        type: a.type,
        name: a.name ?? null,
        conversationType: a.conversation?.conversationType ?? null,
      },
      'Teams activity from outside BOT_TENANT_ID ignored',
    );
    o.onIgnored?.(reason);
    if (a.type === ActivityTypes.Invoke)
      await ctx.sendActivity({ type: ActivityTypes.InvokeResponse, value: { status: 200 } });
    return false;
  });
}
