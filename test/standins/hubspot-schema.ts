/** The property definitions the HubSpot stand-in knows, and HubSpot-like validation of writes. */

export interface PropDef {
  name: string;
  label: string;
  type: 'string' | 'number' | 'enumeration' | 'datetime';
  fieldType: string;
  groupName: string;
  options?: Array<{ label: string; value: string }>;
  readOnly?: boolean;
}

const opt = (values: string[]) => values.map((v) => ({ label: v, value: v }));
const str = (name: string, label = name, groupName = 'contactinformation'): PropDef => ({
  name,
  label,
  type: 'string',
  fieldType: 'text',
  groupName,
});
const num = (name: string, label = name, groupName = 'contactinformation'): PropDef => ({
  name,
  label,
  type: 'number',
  fieldType: 'number',
  groupName,
});
const ro = (d: PropDef): PropDef => ({ ...d, readOnly: true });

export const LIFECYCLE_STAGES = [
  'subscriber',
  'lead',
  'marketingqualifiedlead',
  'salesqualifiedlead',
  'opportunity',
  'customer',
  'evangelist',
  'other',
];
export const LEAD_STATUSES = [
  'NEW',
  'OPEN',
  'IN_PROGRESS',
  'OPEN_DEAL',
  'UNQUALIFIED',
  'ATTEMPTED_TO_CONTACT',
  'CONNECTED',
  'BAD_TIMING',
];
/** Internal values of `hs_legal_basis` (a multi-checkbox: several values joined with ';'). */
export const LEGAL_BASES = [
  'Legitimate interest – prospect/lead',
  'Legitimate interest – existing customer',
  'Legitimate interest - other',
  'Performance of a contract',
  'Freely given consent from contact',
  'Not applicable',
];

export function contactPropertyDefs(): PropDef[] {
  return [
    str('firstname', 'First Name'),
    str('lastname', 'Last Name'),
    str('email', 'Email'),
    str('jobtitle', 'Job Title'),
    str('phone', 'Phone Number'),
    str('mobilephone', 'Mobile Phone Number'),
    str('company', 'Company Name'),
    str('website', 'Website URL'),
    str('city', 'City'),
    str('zip', 'Postal Code'),
    str('country', 'Country/Region'),
    str('address', 'Street Address'),
    str('salutation', 'Salutation'),
    str('message', 'Message'),
    str('industry', 'Industry'),
    str('hs_language', 'Preferred language'),
    {
      name: 'hubspot_owner_id',
      label: 'Contact owner',
      type: 'enumeration',
      fieldType: 'select',
      groupName: 'sales_properties',
    },
    {
      name: 'lifecyclestage',
      label: 'Lifecycle Stage',
      type: 'enumeration',
      fieldType: 'radio',
      groupName: 'contactinformation',
      options: opt(LIFECYCLE_STAGES),
    },
    {
      name: 'hs_lead_status',
      label: 'Lead Status',
      type: 'enumeration',
      fieldType: 'radio',
      groupName: 'sales_properties',
      options: opt(LEAD_STATUSES),
    },
    {
      name: 'hs_legal_basis',
      label: "Legal basis for processing contact's data",
      type: 'enumeration',
      fieldType: 'checkbox',
      groupName: 'contactinformation',
      options: opt(LEGAL_BASES),
    },
    ro(num('hubspotscore', 'HubSpot Score')),
    ro(str('hs_object_id', 'Record ID')),
    ro({
      name: 'createdate',
      label: 'Create Date',
      type: 'datetime',
      fieldType: 'date',
      groupName: 'contactinformation',
    }),
    ro({
      name: 'lastmodifieddate',
      label: 'Last Modified Date',
      type: 'datetime',
      fieldType: 'date',
      groupName: 'contactinformation',
    }),
  ];
}

export function companyPropertyDefs(): PropDef[] {
  const g = 'companyinformation';
  return [
    str('name', 'Company name', g),
    str('domain', 'Company Domain Name', g),
    str('website', 'Website URL', g),
    str('industry', 'Industry', g),
    str('city', 'City', g),
    str('country', 'Country/Region', g),
    str('phone', 'Phone Number', g),
    num('annualrevenue', 'Annual Revenue', g),
    num('numberofemployees', 'Number of Employees', g),
    { name: 'hubspot_owner_id', label: 'Company owner', type: 'enumeration', fieldType: 'select', groupName: g },
    ro(str('hs_object_id', 'Record ID', g)),
    ro({ name: 'createdate', label: 'Create Date', type: 'datetime', fieldType: 'date', groupName: g }),
    ro({ name: 'hs_lastmodifieddate', label: 'Last Modified Date', type: 'datetime', fieldType: 'date', groupName: g }),
  ];
}

export function noteAllowed(name: string): boolean {
  return ['hs_note_body', 'hs_timestamp', 'hubspot_owner_id', 'hs_attachment_ids'].includes(name);
}

export interface PropError {
  name: string;
  error: string;
  message: string;
}

/** Checks a write the way HubSpot does: unknown, read-only, enumeration options, numbers, owners. */
export function validateWrite(
  defs: Map<string, PropDef>,
  props: Record<string, unknown>,
  ownerExists: (id: string) => boolean,
): PropError[] {
  const errors: PropError[] = [];
  for (const [name, raw] of Object.entries(props)) {
    const def = defs.get(name);
    const value = raw === null || raw === undefined ? '' : String(raw);
    if (!def) {
      errors.push({ name, error: 'PROPERTY_DOESNT_EXIST', message: `Property "${name}" does not exist` });
    } else if (def.readOnly) {
      errors.push({
        name,
        error: 'READ_ONLY_VALUE',
        message: `"${name}" is a read only property; its value cannot be set.`,
      });
    } else if (value === '') {
    } else if (name === 'hubspot_owner_id') {
      if (!ownerExists(value))
        errors.push({ name, error: 'INVALID_OWNER_ID', message: `${value} is not a valid owner id` });
    } else if (def.options) {
      const allowed = def.options.map((o) => o.value);
      const parts = def.fieldType === 'checkbox' ? value.split(';') : [value];
      const bad = parts.find((p) => !allowed.includes(p));
      if (bad !== undefined)
        errors.push({
          name,
          error: 'INVALID_OPTION',
          message: `${bad} was not one of the allowed options: [${allowed.join(', ')}]`,
        });
    } else if (def.type === 'number' && !Number.isFinite(Number(value))) {
      errors.push({ name, error: 'INVALID_FLOAT', message: `${value} was not a valid number.` });
    }
  }
  return errors;
}

/** `GET /crm/v3/properties/{objectType}/{name}` shape. */
export function propertyApiShape(def: PropDef) {
  return {
    name: def.name,
    label: def.label,
    type: def.type,
    fieldType: def.fieldType,
    description: '',
    groupName: def.groupName,
    options: (def.options ?? []).map((o, i) => ({ ...o, description: '', displayOrder: i, hidden: false })),
    displayOrder: -1,
    calculated: false,
    externalOptions: false,
    hasUniqueValue: false,
    hidden: false,
    hubspotDefined: true,
    modificationMetadata: { archivable: true, readOnlyDefinition: true, readOnlyValue: !!def.readOnly },
    formField: !def.readOnly,
    createdAt: '2019-08-06T02:41:52.340Z',
    updatedAt: '2024-01-10T09:00:00.000Z',
    archived: false,
  };
}
