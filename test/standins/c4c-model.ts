/**
 * The 36One stand-in's service model: ONE description of the entity sets, properties and navigations it knows. The
 * write checks (unknown property → 400) and the `$metadata` document are both generated from it, so they cannot
 * disagree. Sources are noted per fact; "unverified" marks what no public source confirmed.
 */

export type EdmType = 'Edm.String' | 'Edm.DateTime' | 'Edm.Decimal' | 'Edm.Int32';

export interface PropertyDef {
  type: EdmType;
  // C4C: sap:creatable / sap:updatable per property in $metadata; a value for a non-creatable property is an error — SAP-archive/C4CODATAAPIDEVGUIDE README "SAP Cloud for Customer Annotations"
  creatable: boolean;
  updatable: boolean;
}

export interface EntitySetDef {
  /** Entity type name (without namespace). */
  type: string;
  key: string;
  properties: Map<string, PropertyDef>;
  /** Navigation name → target entity set (deep insert). */
  navigations: Map<string, string>;
  /** The property the server numbers on create. */
  idField?: 'ID' | 'AccountID';
  firstId?: number;
  /** Party-id properties that must name an existing account. */
  accountRefs: string[];
  /** Code lists: read only. */
  readOnly: boolean;
}

export type ServiceModel = Map<string, EntitySetDef>;

// C4C: entity types of the c4codataapi service live in namespace `c4codataapi` (`__metadata.type` "c4codataapi.Product") — SAP-archive/C4CODATAAPIDEVGUIDE README "ETag Support"
export const NAMESPACE = 'c4codataapi';

export interface CodeEntry {
  Code: string;
  Description: string;
}

/**
 * The code lists the shipped mapping (config/c4c-mapping.yaml) draws from, as a tenant configured for LeadBridge
 * would have them (the Z-codes are created in fine-tuning). Set names `<Entity><Property>Collection` with `Code` /
 * `Description`: the pattern of `LeadUserStatusCodeCollection` (shared/reference/c4c.md); the other names and the
 * entry shape are unverified.
 */
export const DEFAULT_CODE_LISTS: Record<string, CodeEntry[]> = {
  LeadOriginTypeCodeCollection: [
    { Code: '001', Description: 'Trade Fair' },
    { Code: 'Z01', Description: 'HubSpot (LeadBridge)' },
  ],
  LeadUserStatusCodeCollection: ['Open', 'Qualified', 'Accepted', 'Declined', 'Converted'].map((d, i) => ({
    Code: `0${i + 1}`,
    Description: d,
  })),
  LeadQualificationLevelCodeCollection: ['Cold', 'Warm', 'Hot'].map((d, i) => ({ Code: `0${i + 1}`, Description: d })),
  LeadResultReasonCodeCollection: [
    'No budget',
    'Wrong contact',
    'Existing opportunity',
    'Competitor',
    'No interest',
    'Other',
  ].map((d, i) => ({ Code: `Z0${i + 1}`, Description: d })),
  OpportunityOriginTypeCodeCollection: [{ Code: 'Z01', Description: 'HubSpot (LeadBridge)' }],
  OpportunitySalesCyclePhaseCodeCollection: ['Identify Opportunity', 'Qualify', 'Propose'].map((d, i) => ({
    Code: `00${i + 1}`,
    Description: d,
  })),
};

export interface ModelOptions {
  /** Extension fields the tenant added to accounts (e.g. `HubSpotID_KUT`). */
  accountExtensionFields?: string[];
  /** Entity sets the tenant does not expose (e.g. a code list). */
  omitSets?: string[];
  /** `Set.Property` names the tenant lacks (e.g. a mapping field that is not there). */
  removeProperties?: string[];
  codeLists?: Record<string, CodeEntry[]>;
}

const str = (creatable = true, updatable = creatable): PropertyDef => ({ type: 'Edm.String', creatable, updatable });
const of = (type: EdmType): PropertyDef => ({ type, creatable: true, updatable: true });
/** Key and server-set fields: C4C ignores or refuses values for them. */
const serverSet = (type: EdmType = 'Edm.String'): PropertyDef => ({ type, creatable: false, updatable: false });

function props(list: Array<[string, PropertyDef]>): Map<string, PropertyDef> {
  return new Map(list);
}

/** The model of one stand-in tenant. */
export function buildModel(o: ModelOptions = {}): ServiceModel {
  const model: ServiceModel = new Map();
  // C4C: LeadCollection properties (ObjectID key, ID, Contact*, Company, AccountPartyID, …, Note, Score, ExternalID) — shared/reference/c4c.md; latonaio/sap-api-integrations-lead-reads-rmq-kube SAP_API_Caller/responses/lead_collection.go
  model.set('LeadCollection', {
    type: 'Lead',
    key: 'ObjectID',
    idField: 'ID',
    firstId: 4711,
    accountRefs: ['AccountPartyID'],
    readOnly: false,
    properties: props([
      ['ObjectID', serverSet()],
      ['ID', serverSet()],
      ...[
        'Name',
        'ContactFirstName',
        'ContactLastName',
        'ContactEMail',
        'ContactPhone',
        'Company',
        'AccountPartyID',
        'ContactID',
        'OriginTypeCode',
        'QualificationLevelCode',
        'UserStatusCode',
        'ResultReasonCode',
        'PriorityCode',
        'OwnerPartyID',
        'Note',
        'ExternalID',
      ].map((p) => [p, str()] as [string, PropertyDef]),
      // C4C: the life-cycle status follows the user status (fine-tuning "Maintain Status"); not writable here — unverified
      ['LifeCycleStatusCode', serverSet()],
      ['Score', of('Edm.Int32')],
      ['StartDate', of('Edm.DateTime')],
      // C4C: every entity has an ETag property (values sent on update are ignored) — SAP-archive/C4CODATAAPIDEVGUIDE README "ETag Support"
      ['ETag', serverSet('Edm.DateTime')],
    ]),
    navigations: new Map(),
  });
  // C4C: OpportunityCollection properties and the navigation OpportunityTextCollection — latonaio/sap-api-integrations-opportunity-reads SAP_API_Caller/responses/opportunity_collection.go
  model.set('OpportunityCollection', {
    type: 'Opportunity',
    key: 'ObjectID',
    idField: 'ID',
    firstId: 8801,
    accountRefs: ['ProspectPartyID'],
    readOnly: false,
    properties: props([
      ['ObjectID', serverSet()],
      ['ID', serverSet()],
      ...[
        'Name',
        'ExternalID',
        'ProspectPartyID',
        'PrimaryContactPartyID',
        'MainEmployeeResponsiblePartyID',
        'OriginTypeCode',
        'SalesCyclePhaseCode',
      ].map((p) => [p, str()] as [string, PropertyDef]),
      ['LifeCycleStatusCode', str()],
      ['ProbabilityPercent', of('Edm.Decimal')],
      ['ExpectedRevenueAmount', of('Edm.Decimal')],
      ['ExpectedProcessingEndDate', of('Edm.DateTime')],
      ['ETag', serverSet('Edm.DateTime')],
    ]),
    navigations: new Map([['OpportunityTextCollection', 'OpportunityTextCollection']]),
  });
  // C4C: text entries carry TypeCode and Text, with ParentObjectID pointing at the header — SAP-archive/C4CODATAAPIDEVGUIDE sections/serviceticket.md (ServiceRequestDescriptionCollection answer)
  model.set('OpportunityTextCollection', {
    type: 'OpportunityText',
    key: 'ObjectID',
    accountRefs: [],
    readOnly: false,
    properties: props([
      ['ObjectID', serverSet()],
      ['ParentObjectID', serverSet()],
      ['TypeCode', str()],
      ['Text', str()],
      ['ETag', serverSet('Edm.DateTime')],
    ]),
    navigations: new Map(),
  });
  // C4C: CorporateAccountCollection with AccountID (the party id), ExternalID, RoleCode, … — latonaio ToCorporateAccount (pm.D.Results.AccountID / ExternalID / RoleCode); SAP-archive/C4CODATAAPIDEVGUIDE README ($count?$filter=CountryCode)
  model.set('CorporateAccountCollection', {
    type: 'CorporateAccount',
    key: 'ObjectID',
    idField: 'AccountID',
    firstId: 1000100,
    accountRefs: [],
    readOnly: false,
    properties: props([
      ['ObjectID', serverSet()],
      ...[
        'AccountID',
        'ExternalID',
        'Name',
        'AdditionalName',
        'RoleCode',
        'LifeCycleStatusCode',
        'CountryCode',
        'City',
        'Email',
        'Phone',
        'WebSite',
        'OwnerID',
        ...(o.accountExtensionFields ?? []),
      ].map((p) => [p, str()] as [string, PropertyDef]),
      ['ETag', serverSet('Edm.DateTime')],
    ]),
    navigations: new Map(),
  });
  for (const name of Object.keys({ ...DEFAULT_CODE_LISTS, ...o.codeLists })) {
    model.set(name, {
      type: name.replace(/Collection$/, ''),
      key: 'Code',
      accountRefs: [],
      readOnly: true,
      properties: props([
        ['Code', serverSet()],
        ['Description', serverSet()],
      ]),
      navigations: new Map(),
    });
  }
  for (const s of o.omitSets ?? []) model.delete(s);
  for (const sp of o.removeProperties ?? []) {
    const [set, prop] = sp.split('.');
    model.get(set ?? '')?.properties.delete(prop ?? '');
  }
  return model;
}

export class ODataFailure extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

// C4C: JSON dates are `/Date(<ms>)/` — SAP-archive/C4CODATAAPIDEVGUIDE sections/serviceticket.md ("CreationDate":"\/Date(1490832000000)\/")
const ODATA_DATE = /^\/Date\(-?\d+([+-]\d{4})?\)\/$/;

/**
 * The fields of a POST (`create`) or PATCH (`update`) body, checked against the model: an unknown property or
 * navigation, also inside a deep insert, is refused.
 */
export function checkBody(
  model: ServiceModel,
  set: string,
  body: unknown,
  op: 'create' | 'update',
): Record<string, unknown> {
  if (!body || typeof body !== 'object' || Array.isArray(body))
    throw new ODataFailure(400, 'INVALID_BODY', 'Request body must be a JSON object');
  const def = model.get(set)!;
  const fields: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(body)) {
    if (k === '__metadata') continue;
    const nav = def.navigations.get(k);
    const prop = def.properties.get(k);
    // C4C: a property or navigation the entity does not have is refused with 400 "Property 'X' is invalid" — shared/reference/c4c.md (the message wording is unverified in public sources)
    if (!nav && !prop) throw new ODataFailure(400, 'INVALID_PROPERTY', `Property '${k}' is invalid`);
    if (nav) {
      // C4C: deep insert = the navigation as an array of child entries in the POST body — SAP-archive/C4CODATAAPIDEVGUIDE sections/odataapi_v2_samples.md
      if (op !== 'create' || !Array.isArray(v))
        throw new ODataFailure(400, 'INVALID_VALUE', `Property '${k}' has an invalid value`);
      fields[k] = v.map((entry) => checkBody(model, nav, entry, 'create'));
      continue;
    }
    if (op === 'create' ? !prop!.creatable : !prop!.updatable) {
      // C4C: ObjectID (creatable=false, Nullable=false) and ETag values are silently ignored — SAP-archive/C4CODATAAPIDEVGUIDE README "Exception"
      if (k === 'ObjectID' || k === 'ETag') continue;
      throw new ODataFailure(
        400,
        'NOT_CHANGEABLE',
        `Property '${k}' cannot be ${op === 'create' ? 'set on create' : 'changed'}`,
      );
    }
    if (!valueFits(prop!.type, v)) throw new ODataFailure(400, 'INVALID_VALUE', `Property '${k}' has an invalid value`);
    fields[k] = v;
  }
  return fields;
}

function valueFits(type: EdmType, v: unknown): boolean {
  switch (type) {
    case 'Edm.DateTime':
      return typeof v === 'string' && ODATA_DATE.test(v);
    // C4C: Edm.Decimal travels as a JSON string — SAP-archive/C4CODATAAPIDEVGUIDE sections/serviceticket.md ("SizeInkB":"37.00000000000000"); latonaio/sap-api-integrations-opportunity-reads (ProbabilityPercent string)
    case 'Edm.Decimal':
      return typeof v === 'string' && /^-?\d+(\.\d+)?$/.test(v);
    case 'Edm.Int32':
      return typeof v === 'number' && Number.isInteger(v);
    case 'Edm.String':
      return typeof v === 'string';
  }
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** `$metadata`: an EDMX 1.0 / OData v2 document of every set, property (with sap:creatable / sap:updatable) and navigation. */
export function metadataXml(model: ServiceModel): string {
  const types: string[] = [];
  const associations: string[] = [];
  const sets: string[] = [];
  const assocSets: string[] = [];
  for (const [name, d] of model) {
    const lines = [
      `      <EntityType Name="${esc(d.type)}">`,
      `        <Key><PropertyRef Name="${esc(d.key)}"/></Key>`,
    ];
    for (const [p, def] of d.properties) {
      const nullable = p === d.key ? ' Nullable="false"' : '';
      lines.push(
        `        <Property Name="${esc(p)}" Type="${def.type}"${nullable} sap:creatable="${def.creatable}" sap:updatable="${def.updatable}" sap:filterable="true"/>`,
      );
    }
    for (const [nav, target] of d.navigations) {
      const targetType = model.get(target)?.type;
      if (!targetType) continue;
      const assoc = `${d.type}_${nav}`;
      lines.push(
        `        <NavigationProperty Name="${esc(nav)}" Relationship="${NAMESPACE}.${esc(assoc)}" FromRole="${esc(d.type)}" ToRole="${esc(nav)}"/>`,
      );
      associations.push(
        `      <Association Name="${esc(assoc)}"><End Type="${NAMESPACE}.${esc(d.type)}" Multiplicity="1" Role="${esc(d.type)}"/><End Type="${NAMESPACE}.${esc(targetType)}" Multiplicity="*" Role="${esc(nav)}"/></Association>`,
      );
      assocSets.push(
        `        <AssociationSet Name="${esc(assoc)}Set" Association="${NAMESPACE}.${esc(assoc)}"><End EntitySet="${esc(name)}" Role="${esc(d.type)}"/><End EntitySet="${esc(target)}" Role="${esc(nav)}"/></AssociationSet>`,
      );
    }
    lines.push('      </EntityType>');
    types.push(lines.join('\n'));
    sets.push(
      `        <EntitySet Name="${esc(name)}" EntityType="${NAMESPACE}.${esc(d.type)}" sap:creatable="${!d.readOnly}" sap:updatable="${!d.readOnly}"/>`,
    );
  }
  return `<?xml version="1.0" encoding="utf-8"?>
<edmx:Edmx Version="1.0" xmlns:edmx="http://schemas.microsoft.com/ado/2007/06/edmx" xmlns:m="http://schemas.microsoft.com/ado/2007/08/dataservices/metadata" xmlns:sap="http://www.sap.com/Protocols/SAPData">
  <edmx:DataServices m:DataServiceVersion="2.0">
    <Schema Namespace="${NAMESPACE}" xmlns="http://schemas.microsoft.com/ado/2008/09/edm">
${[...types, ...associations].join('\n')}
      <EntityContainer Name="${NAMESPACE}" m:IsDefaultEntityContainer="true">
${[...sets, ...assocSets].join('\n')}
      </EntityContainer>
    </Schema>
  </edmx:DataServices>
</edmx:Edmx>
`;
}
