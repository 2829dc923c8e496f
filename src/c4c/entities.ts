import { z } from 'zod';

/** OData v2 `__metadata` (C4C puts the entity's ETag here). */
const metadata = z
  .object({ uri: z.string().optional(), type: z.string().optional(), etag: z.string().optional() })
  .optional();
/** C4C sends empty strings or null for unset fields. */
const text = z.string().nullish();

/** The lead fields LeadBridge reads back (other fields are ignored). */
export const leadEntity = z.object({
  __metadata: metadata,
  ObjectID: z.string().min(1),
  ID: z.string(),
  ExternalID: text,
  UserStatusCode: text,
  QualificationLevelCode: text,
  ResultReasonCode: text,
  OwnerPartyID: text,
  AccountPartyID: text,
  Note: text,
});
export type LeadEntity = z.infer<typeof leadEntity>;

/** The opportunity fields LeadBridge reads back. */
export const opportunityEntity = z.object({
  __metadata: metadata,
  ObjectID: z.string().min(1),
  ID: z.string(),
  ExternalID: text,
  ProspectPartyID: text,
});
export type OpportunityEntity = z.infer<typeof opportunityEntity>;

/**
 * A `CorporateAccountCollection` entry as the account look-up reads it (`$select`ed). `AccountID` is the
 * party id that `AccountPartyID` (lead) and `ProspectPartyID` (opportunity) refer to; `ObjectID` is only the key.
 */
export const accountEntity = z
  .object({
    __metadata: metadata,
    ObjectID: z.string().min(1),
    AccountID: z.string().min(1),
    Name: text,
  })
  .passthrough();
export type AccountEntity = z.infer<typeof accountEntity>;

/** What every entity set handled by `EntitySet` has. */
export interface KeyedEntity {
  ObjectID: string;
  ID: string;
  __metadata?: { etag?: string };
}
