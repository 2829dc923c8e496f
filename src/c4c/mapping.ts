import { z } from 'zod';
import { REJECT_REASONS, type RejectReason } from '../domain/reject-reasons.js';
import { loadYamlConfig, parseConfig } from '../lib/yaml-config.js';

/** A code from a 36One code list: always a string ('01', 'Z01'), never a YAML number. */
const code = z
  .string({
    errorMap: (i, ctx) => ({
      message:
        i.code === 'invalid_type' && i.received === 'number'
          ? "expected string, got number; quote codes, e.g. '01'"
          : ctx.defaultError,
    }),
  })
  .min(1);

const rejectReasonCodes = z
  .object(Object.fromEntries(REJECT_REASONS.map((r) => [r, code])) as Record<RejectReason, typeof code>)
  .strict();

/** Look-up modes, from "never" to "also by name"; see `account` below. */
export const ACCOUNT_LOOKUPS = ['off', 'externalId', 'externalIdThenName'] as const;
export type AccountLookup = (typeof ACCOUNT_LOOKUPS)[number];

const PLACEHOLDERS = ['{portalId}', '{companyId}'];
const accountSchema = z
  .object({
    /**
     * `externalId` (default): only an account whose external reference field holds the HubSpot company wins.
     * `externalIdThenName`: else the one account whose name equals the HubSpot company name (normalised);
     * several or none: no account. `off`: no look-up. Accounts are never created or merged.
     */
    lookup: z.enum(ACCOUNT_LOOKUPS).default('externalId'),
    /** Where the tenant keeps the HubSpot company on `CorporateAccountCollection`, and in which form. */
    externalRef: z
      .object({
        /** An OData property of the account: `ExternalID`, or an extension field such as `HubSpotID_KUT`. */
        field: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'expected an OData property name, e.g. ExternalID'),
        /** The field's value with `{companyId}` (required) and `{portalId}` filled in. */
        value: z
          .string()
          .min(1)
          .refine((v) => v.includes('{companyId}'), 'must contain {companyId}')
          .refine(
            (v) => !v.replace(/\{\w+\}/g, (p) => (PLACEHOLDERS.includes(p) ? '' : p)).match(/[{}*]/),
            'only {portalId} and {companyId} may be filled in; no other braces, no *',
          ),
      })
      .strict()
      .default({ field: 'ExternalID', value: 'hubspot:{portalId}:company:{companyId}' }),
  })
  .strict();

const schema = z
  .object({
    lead: z.object({ originTypeCode: code }).strict(),
    /**
     * Lead `UserStatusCode` per LeadBridge state; the tenant derives `LifeCycleStatusCode` from it. `converted` is
     * optional: without it LeadBridge never marks the lead converted (whether a tenant lets an API user set it is
     * unverified; C4C usually converts from the follow-up opportunity).
     */
    leadStatus: z
      .object({ open: code, qualified: code, accepted: code, declined: code, converted: code.optional() })
      .strict(),
    /** Lead `QualificationLevelCode`: `initial` is set on create (optional), `qualified` when BANT passes. */
    qualificationLevel: z.object({ initial: code.optional(), qualified: code }).strict(),
    /** Lead `ResultReasonCode` for every LeadBridge reject reason. */
    resultReasons: rejectReasonCodes,
    opportunity: z
      .object({
        originTypeCode: code,
        salesCyclePhaseCode: code,
        /** Edm.Decimal, sent as a string. */
        probabilityPercent: z
          .union([z.string().regex(/^\d{1,3}(\.\d+)?$/), z.number().min(0).max(100)])
          .transform(String),
        /** TypeCode of the `OpportunityTextCollection` entry that carries the BANT summary. */
        bantTextTypeCode: code,
      })
      .strict(),
    /** Finding the 36One account of the lead's HubSpot company (read-only). */
    account: accountSchema.default({}),
    /** HubSpot owner email → 36One employee party id; looked up lower-case. */
    owners: z
      .record(z.string().email(), code)
      .default({})
      .transform((o) => Object.fromEntries(Object.entries(o).map(([k, v]) => [k.trim().toLowerCase(), v]))),
  })
  .strict();

export type C4cMapping = z.output<typeof schema>;

/** Validates already-parsed mapping data; `source` names the file in error messages. */
export function parseC4cMapping(data: unknown, source = 'c4c mapping'): C4cMapping {
  return parseConfig(data, schema, source);
}

/** Reads and validates the YAML mapping file (codes, owners) for 36One. */
export function loadC4cMapping(filePath: string): C4cMapping {
  return loadYamlConfig(filePath, schema, 'mapping');
}

/** The employee party id for a HubSpot owner email, if the mapping knows it. */
export function ownerPartyId(mapping: C4cMapping, email: string | undefined): string | undefined {
  return email ? mapping.owners[email.trim().toLowerCase()] : undefined;
}

/** The external reference value of a HubSpot company as the mapping says the tenant stores it. */
export function accountExternalRef(mapping: C4cMapping, portalId: number, companyId: string): string {
  return mapping.account.externalRef.value
    .replaceAll('{portalId}', String(portalId))
    .replaceAll('{companyId}', companyId);
}
