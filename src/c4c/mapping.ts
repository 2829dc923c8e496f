import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { REJECT_REASONS, type RejectReason } from '../domain/reject-reasons.js';

/** A code from a 36One code list: always a string ('01', 'Z01'), never a YAML number. */
const code = z.string().min(1);

const rejectReasonCodes = z
  .object(Object.fromEntries(REJECT_REASONS.map((r) => [r, code])) as Record<RejectReason, typeof code>)
  .strict();

const schema = z
  .object({
    lead: z.object({ originTypeCode: code }).strict(),
    /** Lead `UserStatusCode` per LeadBridge state; the tenant derives `LifeCycleStatusCode` from it. */
    leadStatus: z
      .object({ open: code, qualified: code, accepted: code, declined: code, converted: code })
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
        probabilityPercent: z.union([z.string().regex(/^\d{1,3}(\.\d+)?$/), z.number().min(0).max(100)]).transform(String),
        /** TypeCode of the `OpportunityText` entry that carries the BANT summary. */
        bantTextTypeCode: code,
      })
      .strict(),
    /** HubSpot owner email → 36One employee party id. */
    owners: z.record(z.string().email(), code).default({}),
  })
  .strict();

export type C4cMapping = z.output<typeof schema>;

/** Validates already-parsed mapping data; `source` names the file in error messages. */
export function parseC4cMapping(data: unknown, source = 'c4c mapping'): C4cMapping {
  const result = schema.safeParse(data);
  if (result.success) return normaliseOwners(result.data);
  const lines = result.error.issues.map((i) => `${source}: ${i.path.join('.') || '(root)'}: ${describe(i)}`);
  throw new Error(lines.join('\n'));
}

/** Reads and validates the YAML mapping file (codes, owners) for 36One. */
export function loadC4cMapping(filePath: string): C4cMapping {
  let data: unknown;
  try {
    data = parseYaml(readFileSync(filePath, 'utf8'));
  } catch (err) {
    throw new Error(`${filePath}: cannot read mapping: ${(err as Error).message}`);
  }
  return parseC4cMapping(data, filePath);
}

/** The employee party id for a HubSpot owner email, if the mapping knows it. */
export function ownerPartyId(mapping: C4cMapping, email: string | undefined): string | undefined {
  return email ? mapping.owners[email.trim().toLowerCase()] : undefined;
}

function normaliseOwners(m: C4cMapping): C4cMapping {
  const owners = Object.fromEntries(Object.entries(m.owners).map(([k, v]) => [k.trim().toLowerCase(), v]));
  return { ...m, owners };
}

function describe(issue: z.ZodIssue): string {
  if (issue.code === 'invalid_type') {
    if (issue.received === 'undefined') return `expected ${issue.expected} (missing)`;
    const hint = issue.expected === 'string' && issue.received === 'number' ? "; quote codes, e.g. '01'" : '';
    return `expected ${issue.expected}, got ${issue.received}${hint}`;
  }
  if (issue.code === 'unrecognized_keys') return `unknown key(s) ${issue.keys.join(', ')}`;
  return issue.message;
}
