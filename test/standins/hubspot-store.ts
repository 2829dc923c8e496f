/** In-memory CRM state of the HubSpot stand-in and its v3 JSON serialisation. */
import { companyPropertyDefs, contactPropertyDefs, type PropDef } from './hubspot-schema.js';

export interface TeamRef {
  id: string;
  name: string;
  primary: boolean;
}
export interface OwnerSeed {
  id: string;
  email: string;
  firstName: string;
  lastName: string;
  /** HubSpot user id (defaults to 9000 + owner id). */
  userId?: number;
  teams?: TeamRef[];
  archived?: boolean;
  type?: 'PERSON' | 'QUEUE';
}
export type PropInput = Record<string, string | number | boolean | null | undefined>;
export interface CompanySeed {
  id: string;
  properties: PropInput;
}
export interface ContactSeed {
  id: string;
  properties: PropInput;
  /** Primary company. */
  companyId?: string;
  /** Further associated companies. */
  companyIds?: string[];
  archived?: boolean;
}

export interface ValueWithTimestamp {
  value: string;
  timestamp: string;
  sourceType: string;
  sourceId?: string;
}

export interface HsRecord {
  id: string;
  createdAt: string;
  updatedAt: string;
  archived: boolean;
  archivedAt?: string;
  /** Property history, newest first. */
  props: Map<string, ValueWithTimestamp[]>;
  companyIds: string[];
}

export interface NoteRecord {
  id: string;
  properties: Record<string, string>;
  contactIds: string[];
  companyIds: string[];
  createdAt: string;
}

export interface SerializeOptions {
  properties?: string[];
  propertiesWithHistory?: string[];
  /** Returned when no `properties` were asked for. */
  defaults: string[];
  /** Returned always. */
  always: string[];
  /** Values HubSpot calculates (e.g. a contact's `associatedcompanyid`), used when the record has none of its own. */
  computed?: (name: string) => string | undefined;
}

export const CONTACT_DEFAULTS = ['createdate', 'email', 'firstname', 'hs_object_id', 'lastmodifieddate', 'lastname'];
export const CONTACT_ALWAYS = ['createdate', 'hs_object_id', 'lastmodifieddate'];
export const COMPANY_DEFAULTS = ['createdate', 'domain', 'hs_lastmodifieddate', 'hs_object_id', 'name'];
export const COMPANY_ALWAYS = ['createdate', 'hs_lastmodifieddate', 'hs_object_id'];

const now = () => new Date().toISOString();

export class HubSpotStore {
  owners = new Map<string, OwnerSeed & { createdAt: string; updatedAt: string }>();
  companies = new Map<string, HsRecord>();
  contacts = new Map<string, HsRecord>();
  /** merged-away contact id → surviving id. */
  merged = new Map<string, string>();
  notes: NoteRecord[] = [];
  contactDefs = new Map<string, PropDef>(contactPropertyDefs().map((d) => [d.name, d]));
  companyDefs = new Map<string, PropDef>(companyPropertyDefs().map((d) => [d.name, d]));
  private seq = 30_000_000_000;

  nextId(): string {
    this.seq += 1;
    return String(this.seq);
  }

  addOwner(o: OwnerSeed): void {
    const t = now();
    this.owners.set(String(o.id), { ...o, id: String(o.id), createdAt: t, updatedAt: t });
  }

  addCompany(c: CompanySeed): HsRecord {
    const rec = newRecord(String(c.id));
    this.define(this.companyDefs, c.properties);
    this.write(rec, c.properties, 'IMPORT', 'hs_lastmodifieddate');
    this.companies.set(rec.id, rec);
    return rec;
  }

  addContact(c: ContactSeed): HsRecord {
    const rec = newRecord(String(c.id));
    rec.companyIds = [c.companyId, ...(c.companyIds ?? [])].filter((x): x is string => !!x).map(String);
    rec.archived = !!c.archived;
    this.define(this.contactDefs, c.properties);
    this.write(rec, c.properties, 'IMPORT', 'lastmodifieddate');
    this.contacts.set(rec.id, rec);
    return rec;
  }

  /** Seeded property names become known properties (like custom properties created in the portal). */
  private define(defs: Map<string, PropDef>, props: PropInput): void {
    for (const name of Object.keys(props)) {
      if (!defs.has(name))
        defs.set(name, { name, label: name, type: 'string', fieldType: 'text', groupName: 'custom' });
    }
  }

  /** Writes values (strings, like HubSpot stores them) with history; null/undefined are skipped. */
  write(rec: HsRecord, props: PropInput, sourceType: string, modifiedProp: string, sourceId?: string): void {
    const t = now();
    for (const [name, v] of Object.entries(props)) {
      if (v === undefined || v === null) continue;
      const hist = rec.props.get(name) ?? [];
      hist.unshift({ value: String(v), timestamp: t, sourceType, ...(sourceId ? { sourceId } : {}) });
      rec.props.set(name, hist);
    }
    rec.updatedAt = t;
    rec.props.set('hs_object_id', [{ value: rec.id, timestamp: rec.createdAt, sourceType: 'CALCULATED' }]);
    rec.props.set('createdate', [{ value: rec.createdAt, timestamp: rec.createdAt, sourceType: 'CALCULATED' }]);
    rec.props.set(modifiedProp, [{ value: t, timestamp: t, sourceType: 'CALCULATED' }]);
  }

  /** The ids merged into this one (HubSpot's `hs_merged_object_ids`, `;`-separated). */
  mergedInto(id: string): string[] {
    return [...this.merged.keys()].filter((m) => m !== id && this.resolveContact(m)?.id === id);
  }

  /** Follows merges: a merged-away id resolves to the surviving record. */
  resolveContact(id: string): HsRecord | undefined {
    let cur = id;
    for (let i = 0; i < 10 && this.merged.has(cur); i++) cur = this.merged.get(cur)!;
    return this.contacts.get(cur);
  }

  findBy(map: Map<string, HsRecord>, prop: string, value: string): HsRecord | undefined {
    const v = value.toLowerCase();
    return [...map.values()].find((r) => value1(r, prop)?.toLowerCase() === v);
  }

  notesFor(contactId: string): NoteRecord[] {
    return this.notes.filter((n) => n.contactIds.includes(contactId));
  }
}

function newRecord(id: string): HsRecord {
  const t = now();
  return { id, createdAt: t, updatedAt: t, archived: false, props: new Map(), companyIds: [] };
}

/** Current value of a property (undefined when never set). */
export function value1(rec: HsRecord, name: string): string | undefined {
  return rec.props.get(name)?.[0]?.value;
}

export function currentProps(rec: HsRecord): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, h] of rec.props) if (h[0]) out[k] = h[0].value;
  return out;
}

/** The v3 `SimplePublicObject(WithAssociations)` JSON for a record. */
export function serialize(rec: HsRecord, o: SerializeOptions): Record<string, unknown> {
  const names = new Set([...(o.properties?.length ? o.properties : o.defaults), ...o.always]);
  const properties: Record<string, string | null> = {};
  for (const n of [...names].sort()) properties[n] = value1(rec, n) ?? o.computed?.(n) ?? null;
  const out: Record<string, unknown> = {
    id: rec.id,
    properties,
    createdAt: rec.createdAt,
    updatedAt: rec.updatedAt,
    archived: rec.archived,
  };
  if (rec.archivedAt) out.archivedAt = rec.archivedAt;
  if (o.propertiesWithHistory?.length) {
    const h: Record<string, ValueWithTimestamp[]> = {};
    for (const n of o.propertiesWithHistory) h[n] = rec.props.get(n) ?? [];
    out.propertiesWithHistory = h;
  }
  return out;
}
