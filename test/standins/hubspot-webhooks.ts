/**
 * Webhook events as HubSpot sends them, in both subscription styles, for tests to POST to the bot (signed by
 * `postSignedWebhook`). Body: a JSON array of such events, at most 100.
 *
 * - classic (legacy `contact.*` subscriptions): `subscriptionType` `contact.propertyChange` etc., `objectId` the contact —
 *   HubSpot docs, "Webhooks API" (example payloads; merge adds primaryObjectId/mergedObjectIds/newObjectId, association
 *   changes add associationType/fromObjectId/toObjectId/associationRemoved/isPrimaryAssociation — changelog
 *   "New subscription types for webhooks").
 * - generic (`object.*`, what apps on the developer platform subscribe with as `crmObjects`): `subscriptionType`
 *   `object.propertyChange` etc. with `objectTypeId` in raw form (`0-1` contacts, `0-2` companies) — HubSpot changelog
 *   "Public beta: generic webhook subscriptions" and developer-platform docs "Configure webhooks". Unverified: whether a
 *   generic associationChange names the ends' types as `fromObjectTypeId`/`toObjectTypeId`; sent here as the v4
 *   associations API names them.
 * - privacy deletion (`contact.privacyDeletion`, GDPR delete): same fields as a deletion, `objectId` the contact — HubSpot
 *   changelog "Webhooks now support privacy-compliant contact deletions" (HubSpot also sends `contact.deletion`); on
 *   the developer platform a `hubEvents` subscription (docs "Configure webhooks"). Unverified: the generic
 *   `object.privacyDeletion` with `objectTypeId` 0-1, built here like every generic event.
 */
export type WebhookStyle = 'classic' | 'generic';
export type WebhookChange =
  | 'creation'
  | 'deletion'
  | 'propertyChange'
  | 'merge'
  | 'restore'
  | 'associationChange'
  | 'privacyDeletion';
export type CrmObject = 'contact' | 'company' | 'deal' | 'ticket';

/** HubSpot's object type ids (e.g. `/crm/v3/objects/0-1/...`). */
export const OBJECT_TYPE_ID: Record<CrmObject, string> = { contact: '0-1', company: '0-2', deal: '0-3', ticket: '0-5' };

export interface WebhookEventOptions {
  portalId: number;
  appId?: number;
  subscriptionId?: number;
  eventId?: number;
  occurredAt?: number;
  attemptNumber?: number;
  propertyName?: string;
  propertyValue?: string;
  changeSource?: string;
  /** merge: the surviving record and the ids merged into it. */
  merge?: { primaryObjectId: number; mergedObjectIds: number[] };
  /** associationChange: the ends (without `objectId`, as HubSpot sends it). */
  association?: {
    from: { type: CrmObject; id: number };
    to: { type: CrmObject; id: number };
    removed?: boolean;
    primary?: boolean;
  };
  /** Fields to add or override (e.g. `eventType` instead of `subscriptionType`). */
  extra?: Record<string, unknown>;
}

/** The fields every event carries; the others depend on the change. */
export interface SentEvent {
  eventId: number;
  subscriptionId: number;
  portalId: number;
  occurredAt: number;
  subscriptionType: string;
  [k: string]: unknown;
}

let seq = 1;

/** One event about `object` (`id` is ignored for associationChange, which names both ends instead). */
export function webhookEvent(
  style: WebhookStyle,
  change: WebhookChange,
  object: { type: CrmObject; id?: number },
  o: WebhookEventOptions,
): SentEvent {
  const e: SentEvent = {
    eventId: o.eventId ?? seq++,
    subscriptionId: o.subscriptionId ?? 7001,
    portalId: o.portalId,
    appId: o.appId ?? 4242424,
    occurredAt: o.occurredAt ?? Date.now(),
    subscriptionType: `${style === 'classic' ? object.type : 'object'}.${change}`,
    attemptNumber: o.attemptNumber ?? 0,
    changeSource: o.changeSource ?? 'CRM',
  };
  if (style === 'generic' && change !== 'associationChange') e.objectTypeId = OBJECT_TYPE_ID[object.type];
  if (change !== 'associationChange' && object.id !== undefined) e.objectId = object.id;
  if (change === 'propertyChange') Object.assign(e, { propertyName: o.propertyName, propertyValue: o.propertyValue });
  if (change === 'merge' && o.merge) {
    Object.assign(e, {
      primaryObjectId: o.merge.primaryObjectId,
      mergedObjectIds: o.merge.mergedObjectIds,
      newObjectId: o.merge.primaryObjectId,
    });
  }
  if (change === 'associationChange' && o.association) {
    const a = o.association;
    Object.assign(e, {
      associationType: `${a.from.type.toUpperCase()}_TO_${a.to.type.toUpperCase()}`,
      fromObjectId: a.from.id,
      toObjectId: a.to.id,
      associationRemoved: a.removed ?? false,
      isPrimaryAssociation: a.primary ?? false,
      ...(style === 'generic'
        ? { fromObjectTypeId: OBJECT_TYPE_ID[a.from.type], toObjectTypeId: OBJECT_TYPE_ID[a.to.type] }
        : {}),
    });
  }
  return { ...e, ...o.extra };
}
