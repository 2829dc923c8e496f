import { ACCOUNT_SET } from './accounts.js';
import type { C4cMapping } from './mapping.js';
import type { MetadataReader, ServiceMetadata } from './metadata.js';

/**
 * A name LeadBridge reads or writes in 36One: an entity set, a property of it, a navigation (deep insert), or a
 * property of the entries a navigation creates (`via`).
 */
export type RequiredName =
  | { set: string; kind: 'set' }
  | { set: string; kind: 'property'; name: string }
  | { set: string; kind: 'navigation'; name: string }
  | { set: string; kind: 'property'; name: string; via: string };

const LEAD_SET = 'LeadCollection';
const OPPORTUNITY_SET = 'OpportunityCollection';
const BANT_TEXT = 'OpportunityTextCollection';

// Kept in step with lead-fields.ts / opportunities.ts / entities.ts by test/c4c/metadata.test.ts, which compares
// them with every name a full handover actually sends and selects.
const LEAD_PROPERTIES = [
  'ObjectID',
  'ID',
  'ExternalID',
  'Name',
  'ContactFirstName',
  'ContactLastName',
  'ContactEMail',
  'Company',
  'OriginTypeCode',
  'UserStatusCode',
  'QualificationLevelCode',
  'ResultReasonCode',
  'OwnerPartyID',
  'AccountPartyID',
  'Note',
  'Score',
];
const OPPORTUNITY_PROPERTIES = [
  'ObjectID',
  'ID',
  'ExternalID',
  'Name',
  'ProspectPartyID',
  'PrimaryContactPartyID',
  'MainEmployeeResponsiblePartyID',
  'OriginTypeCode',
  'SalesCyclePhaseCode',
  'ProbabilityPercent',
  'ExpectedProcessingEndDate',
];
const TEXT_PROPERTIES = ['TypeCode', 'Text'];

/** Every entity set, property and navigation LeadBridge uses, including the mapping's own field names. */
export function requiredNames(m: C4cMapping): RequiredName[] {
  const props = (set: string, names: string[]): RequiredName[] => [
    { set, kind: 'set' },
    ...[...new Set(names)].map((name) => ({ set, kind: 'property' as const, name })),
  ];
  return [
    ...props(LEAD_SET, LEAD_PROPERTIES),
    ...props(OPPORTUNITY_SET, OPPORTUNITY_PROPERTIES),
    { set: OPPORTUNITY_SET, kind: 'navigation', name: BANT_TEXT },
    ...TEXT_PROPERTIES.map((name) => ({ set: OPPORTUNITY_SET, kind: 'property' as const, name, via: BANT_TEXT })),
    ...(m.account.lookup === 'off'
      ? []
      : props(ACCOUNT_SET, ['ObjectID', 'AccountID', 'Name', m.account.externalRef.field])),
  ];
}

/** How a required name is reported: `Set`, `Set.Property`, `Set.Navigation.Property`. */
export const nameOf = (r: RequiredName): string =>
  r.kind === 'set' ? r.set : 'via' in r ? `${r.set}.${r.via}.${r.name}` : `${r.set}.${r.name}`;

/** The required names the tenant's `$metadata` lacks (a missing set is reported once, not per property). */
export function checkMetadata(doc: ServiceMetadata, m: C4cMapping): string[] {
  const missing: string[] = [];
  for (const r of requiredNames(m)) {
    const set = doc.sets.get(r.set);
    if (!set) {
      if (r.kind === 'set') missing.push(r.set);
      continue;
    }
    if (r.kind === 'navigation' && !set.navigations.has(r.name)) missing.push(nameOf(r));
    if (r.kind !== 'property') continue;
    if (!('via' in r)) {
      if (!set.properties.has(r.name)) missing.push(nameOf(r));
      continue;
    }
    // Entries of a navigation: checked on the type it leads to, when the document says which (else not checkable).
    const target = set.navigationTargets.get(r.via);
    const type = target ? doc.types.get(target) : undefined;
    if (set.navigations.has(r.via) && type && !type.properties.has(r.name)) missing.push(nameOf(r));
  }
  return missing;
}

/** A code list to compare with the mapping: the set that holds it, the property it fills, the mapping's codes. */
export interface CodeListCheck {
  set: string;
  /** `LeadCollection.UserStatusCode` */
  property: string;
  /** Where the codes come from in the mapping file, e.g. `leadStatus`. */
  mappingKey: string;
  codes: string[];
}

/**
 * The code lists LeadBridge's mapping draws from. Set names follow C4C's `<Entity><Property>Collection` pattern
 * (`LeadUserStatusCodeCollection`); tenants do not expose every list, so a set absent from `$metadata` is "not
 * checkable", not a failure (see `checkCodeLists`).
 */
export function codeListChecks(m: C4cMapping): CodeListCheck[] {
  const defined = (codes: Array<string | undefined>) => [...new Set(codes.filter((c): c is string => !!c))];
  return [
    {
      set: 'LeadOriginTypeCodeCollection',
      property: `${LEAD_SET}.OriginTypeCode`,
      mappingKey: 'lead.originTypeCode',
      codes: [m.lead.originTypeCode],
    },
    {
      set: 'LeadUserStatusCodeCollection',
      property: `${LEAD_SET}.UserStatusCode`,
      mappingKey: 'leadStatus',
      codes: defined(Object.values(m.leadStatus)),
    },
    {
      set: 'LeadQualificationLevelCodeCollection',
      property: `${LEAD_SET}.QualificationLevelCode`,
      mappingKey: 'qualificationLevel',
      codes: defined([m.qualificationLevel.initial, m.qualificationLevel.qualified]),
    },
    {
      set: 'LeadResultReasonCodeCollection',
      property: `${LEAD_SET}.ResultReasonCode`,
      mappingKey: 'resultReasons',
      codes: defined(Object.values(m.resultReasons)),
    },
    {
      set: 'OpportunityOriginTypeCodeCollection',
      property: `${OPPORTUNITY_SET}.OriginTypeCode`,
      mappingKey: 'opportunity.originTypeCode',
      codes: [m.opportunity.originTypeCode],
    },
    {
      set: 'OpportunitySalesCyclePhaseCodeCollection',
      property: `${OPPORTUNITY_SET}.SalesCyclePhaseCode`,
      mappingKey: 'opportunity.salesCyclePhaseCode',
      codes: [m.opportunity.salesCyclePhaseCode],
    },
    {
      set: 'OpportunityTextCollectionTypeCodeCollection',
      property: `${OPPORTUNITY_SET}.${BANT_TEXT}.TypeCode`,
      mappingKey: 'opportunity.bantTextTypeCode',
      codes: [m.opportunity.bantTextTypeCode],
    },
  ];
}

export type CodeListResult =
  | { check: CodeListCheck; status: 'ok' }
  | { check: CodeListCheck; status: 'missing'; missing: string[] }
  | { check: CodeListCheck; status: 'notCheckable' };

/** Compares one code list with the mapping's codes, when the tenant exposes it. */
export async function checkCodeList(
  reader: MetadataReader,
  doc: ServiceMetadata,
  check: CodeListCheck,
): Promise<CodeListResult> {
  if (!doc.sets.has(check.set)) return { check, status: 'notCheckable' };
  const known = new Set(await reader.codes(check.set));
  const missing = check.codes.filter((c) => !known.has(c));
  return missing.length ? { check, status: 'missing', missing } : { check, status: 'ok' };
}

/** Compares every code list the tenant exposes with the mapping's codes; a list it does not expose is not checkable. */
export async function checkCodeLists(
  reader: MetadataReader,
  doc: ServiceMetadata,
  m: C4cMapping,
): Promise<CodeListResult[]> {
  const out: CodeListResult[] = [];
  for (const check of codeListChecks(m)) out.push(await checkCodeList(reader, doc, check));
  return out;
}
