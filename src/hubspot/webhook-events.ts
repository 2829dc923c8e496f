import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { InboxEvent } from '../store/inbox-repo.js';

export const MAX_EVENTS_PER_BATCH = 100;

// Ids are kept as JavaScript numbers (and bigint columns), so only exact integers are accepted.
const id = z
  .union([z.number().int().nonnegative(), z.string().regex(/^\d{1,16}$/, 'must be a number')])
  .transform((v) => Number(v))
  .pipe(z.number().max(Number.MAX_SAFE_INTEGER, 'is too large for an id'));
/** HubSpot's object type ids, e.g. `0-1` (contacts), `0-2` (companies), `2-123` (custom objects). */
const objectTypeId = z.union([z.string().max(50), z.number()]).transform(String);

/**
 * One event of a HubSpot webhook batch, in either style: the classic `contact.*` subscriptions or the generic
 * `object.*` ones with `objectTypeId` (HubSpot docs, "Webhooks API" and changelog "Generic webhook subscriptions").
 * Unknown fields are kept in the stored payload.
 */
const EventSchema = z
  .object({
    eventId: id,
    subscriptionId: id,
    portalId: id,
    appId: id.optional(),
    occurredAt: id,
    subscriptionType: z.string().min(1).max(200).optional(),
    eventType: z.string().min(1).max(200).optional(),
    attemptNumber: z.number().int().nonnegative().max(1_000_000).default(0),
    objectId: id.optional(),
    objectTypeId: objectTypeId.optional(),
    propertyName: z.string().max(500).optional(),
    propertyValue: z.union([z.string(), z.number(), z.boolean(), z.null()]).optional(),
    changeSource: z.string().max(200).optional(),
    primaryObjectId: id.optional(),
    newObjectId: id.optional(),
    mergedObjectIds: z.array(id).max(1000).optional(),
    // associationChange: the two ends (the classic style names their kinds in associationType, e.g. CONTACT_TO_COMPANY).
    fromObjectId: id.optional(),
    toObjectId: id.optional(),
    fromObjectTypeId: objectTypeId.optional(),
    toObjectTypeId: objectTypeId.optional(),
    associationType: z.string().max(200).optional(),
  })
  .passthrough()
  .refine((e) => e.subscriptionType || e.eventType, { message: 'subscriptionType or eventType is required' });

export const BatchSchema = z
  .array(EventSchema)
  .min(1, 'the batch is empty')
  .max(MAX_EVENTS_PER_BATCH, `at most ${MAX_EVENTS_PER_BATCH} events per batch`);
export type HubSpotEvent = z.infer<typeof EventSchema>;

/** Why an event is acknowledged but not evaluated (a bounded set: it is a metrics label). */
export type IgnoreReason = 'not_a_contact' | 'not_a_trigger' | 'no_contact_id';

/** A contact HubSpot erased (GDPR delete: `privacyDeletion`) or deleted: LeadBridge erases it too. */
export interface ContactErasure {
  contactId: string;
  reason: 'privacy_deletion' | 'deletion';
}

/** A stored event plus what LeadBridge makes of it: the contact to evaluate or to erase, or why it is left alone. */
export interface WebhookEvent extends InboxEvent {
  contactId: string | null;
  erase: ContactErasure | null;
  ignored: IgnoreReason | null;
}

export type ParseResult = { ok: true; events: WebhookEvent[] } | { ok: false; message: string };

/** Parses and validates a raw webhook body; the message names the first problem (e.g. `[3].portalId: Required`). */
export function parseWebhookBatch(rawBody: string): ParseResult {
  let json: unknown;
  try {
    json = JSON.parse(rawBody);
  } catch {
    return { ok: false, message: 'body is not valid JSON' };
  }
  const parsed = BatchSchema.safeParse(json);
  if (!parsed.success) {
    const i = parsed.error.issues[0]!;
    const path = i.path
      .map((p) => (typeof p === 'number' ? `[${p}]` : `.${p}`))
      .join('')
      .replace(/^\./, '');
    return { ok: false, message: `invalid webhook batch${path ? ` at ${path}` : ''}: ${i.message}` };
  }
  return { ok: true, events: parsed.data.map(toWebhookEvent) };
}

const CONTACT_TYPE_ID = '0-1';
/** The changes that can make a contact an MQL (a deletion or a privacy deletion cannot). */
const TRIGGERS = new Set(['creation', 'propertyChange', 'merge', 'restore', 'associationChange']);
/**
 * The changes that erase a contact: `privacyDeletion` (HubSpot changelog "Webhooks now support privacy-compliant
 * contact deletions": HubSpot then also sends `deletion`; on the developer platform a `hubEvents` subscription, docs
 * "Configure webhooks") and a plain `deletion`. Unverified: the generic `object.privacyDeletion` with objectTypeId 0-1
 * (public code handles it next to object.deletion); it is read like every generic event.
 */
const ERASURES: Record<string, ContactErasure['reason']> = {
  privacyDeletion: 'privacy_deletion',
  deletion: 'deletion',
};

type Use = { contactId: number } | { erase: number; reason: ContactErasure['reason'] } | { ignored: IgnoreReason };

/** The contact an event is about (a merge names the surviving record) and whether it is erased, or why it is left alone. */
function contactOf(e: HubSpotEvent): Use {
  const [scope, change = ''] = (e.subscriptionType ?? e.eventType)!.split('.', 2);
  if (scope !== 'contact' && scope !== 'object') return { ignored: 'not_a_contact' };
  const erasure = ERASURES[change];
  if (erasure) {
    if (scope === 'object' && e.objectTypeId !== CONTACT_TYPE_ID) return { ignored: 'not_a_contact' };
    return e.objectId === undefined ? { ignored: 'no_contact_id' } : { erase: e.objectId, reason: erasure };
  }
  if (!TRIGGERS.has(change)) return { ignored: 'not_a_trigger' };
  const contact =
    change === 'associationChange'
      ? associationContact(e, scope === 'contact')
      : genericOrClassic(e, scope === 'contact');
  if (contact === 'other') return { ignored: 'not_a_contact' };
  return contact === undefined ? { ignored: 'no_contact_id' } : { contactId: contact };
}

function genericOrClassic(e: HubSpotEvent, classic: boolean): number | undefined | 'other' {
  if (!classic && e.objectTypeId !== CONTACT_TYPE_ID) return 'other';
  return e.newObjectId ?? e.primaryObjectId ?? e.objectId;
}

/**
 * The contact end of an association change: `objectId` when given, else whichever end is a contact, known from
 * `fromObjectTypeId`/`toObjectTypeId` or from `associationType` (e.g. `CONTACT_TO_COMPANY`). Unverified: which of these
 * a generic event carries, so each is used when present; a classic `contact.*` event without them names the contact first.
 */
function associationContact(e: HubSpotEvent, classic: boolean): number | undefined | 'other' {
  if (e.objectId !== undefined && (classic || e.objectTypeId === CONTACT_TYPE_ID)) return e.objectId;
  const [fromKind, toKind] = e.associationType ? e.associationType.toUpperCase().split('_TO_') : [];
  const isContact = (typeId: string | undefined, kind: string | undefined, fallback: boolean) =>
    typeId !== undefined ? typeId === CONTACT_TYPE_ID : kind !== undefined ? kind === 'CONTACT' : fallback;
  const fromIsContact = isContact(e.fromObjectTypeId, fromKind, classic);
  const toIsContact = isContact(e.toObjectTypeId, toKind, false);
  if (fromIsContact && e.fromObjectId !== undefined) return e.fromObjectId;
  if (toIsContact && e.toObjectId !== undefined) return e.toObjectId;
  return fromIsContact || toIsContact ? undefined : 'other';
}

function toWebhookEvent(e: HubSpotEvent): WebhookEvent {
  const type = (e.subscriptionType ?? e.eventType)!;
  const value = e.propertyValue == null ? null : String(e.propertyValue);
  const use = contactOf(e);
  const contactId = 'contactId' in use ? String(use.contactId) : null;
  const erase = 'erase' in use ? { contactId: String(use.erase), reason: use.reason } : null;
  const objectId = contactId ?? erase?.contactId ?? String(e.objectId ?? e.fromObjectId ?? '');
  // eventId alone is not unique at HubSpot: the fingerprint guards against folding distinct events together.
  const fingerprint = createHash('sha1')
    .update(JSON.stringify([type, objectId, e.propertyName ?? null, value, e.occurredAt]))
    .digest('base64url');
  return {
    dedupeKey: `${e.portalId}:${e.subscriptionId}:${e.eventId}`,
    fingerprint,
    portalId: e.portalId,
    subscriptionType: type,
    objectId,
    propertyName: e.propertyName ?? null,
    propertyValue: value,
    occurredAt: e.occurredAt,
    attemptNumber: e.attemptNumber,
    payload: e,
    contactId,
    erase,
    ignored: 'ignored' in use ? use.ignored : null,
  };
}
