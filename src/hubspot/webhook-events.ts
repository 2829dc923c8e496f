import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { InboxEvent } from '../store/inbox-repo.js';

export const MAX_EVENTS_PER_BATCH = 100;

// Ids are kept as JavaScript numbers (and bigint columns), so only exact integers are accepted.
const id = z.union([z.number().int().nonnegative(), z.string().regex(/^\d{1,16}$/, 'must be a number')])
  .transform((v) => Number(v)).pipe(z.number().max(Number.MAX_SAFE_INTEGER, 'is too large for an id'));

/** One event of a HubSpot webhook batch; unknown fields are kept in the stored payload. */
const EventSchema = z.object({
  eventId: id,
  subscriptionId: id,
  portalId: id,
  appId: id.optional(),
  occurredAt: id,
  subscriptionType: z.string().min(1).max(200).optional(),
  eventType: z.string().min(1).max(200).optional(),
  attemptNumber: z.number().int().nonnegative().max(1_000_000).default(0),
  objectId: id.optional(),
  propertyName: z.string().max(500).optional(),
  propertyValue: z.union([z.string(), z.number(), z.boolean(), z.null()]).optional(),
  changeSource: z.string().max(200).optional(),
  primaryObjectId: id.optional(),
  newObjectId: id.optional(),
  mergedObjectIds: z.array(id).max(1000).optional(),
}).passthrough().refine((e) => e.subscriptionType || e.eventType, { message: 'subscriptionType or eventType is required' });

export const BatchSchema = z.array(EventSchema).min(1, 'the batch is empty').max(MAX_EVENTS_PER_BATCH, `at most ${MAX_EVENTS_PER_BATCH} events per batch`);
export type HubSpotEvent = z.infer<typeof EventSchema>;

export type ParseResult = { ok: true; events: InboxEvent[] } | { ok: false; message: string };

/** Parses and validates a raw webhook body; the message names the first problem (e.g. `[3].portalId: Required`). */
export function parseWebhookBatch(rawBody: string): ParseResult {
  let json: unknown;
  try { json = JSON.parse(rawBody); } catch { return { ok: false, message: 'body is not valid JSON' }; }
  const parsed = BatchSchema.safeParse(json);
  if (!parsed.success) {
    const i = parsed.error.issues[0]!;
    const path = i.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${p}`)).join('').replace(/^\./, '');
    return { ok: false, message: `invalid webhook batch${path ? ` at ${path}` : ''}: ${i.message}` };
  }
  return { ok: true, events: parsed.data.map(toInboxEvent) };
}

/** The contact an event is about (a merge names the surviving record). */
export function subjectId(e: HubSpotEvent): number | undefined {
  return e.newObjectId ?? e.primaryObjectId ?? e.objectId;
}

function toInboxEvent(e: HubSpotEvent): InboxEvent {
  const type = (e.subscriptionType ?? e.eventType)!;
  const value = e.propertyValue == null ? null : String(e.propertyValue);
  const objectId = String(subjectId(e) ?? '');
  // eventId alone is not unique at HubSpot: the fingerprint guards against folding distinct events together.
  const fingerprint = createHash('sha1').update(JSON.stringify([type, objectId, e.propertyName ?? null, value, e.occurredAt])).digest('base64url');
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
  };
}
