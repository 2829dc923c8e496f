import { IntegrationError } from '../lib/integration-error.js';

/** An OData v2 string literal: single quotes, inner quotes doubled (`O'Brien` → `'O''Brien'`). */
export function odataString(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

/** `$filter` expression `<field> eq '<value>'`. */
export function eqFilter(field: string, value: string): string {
  return `${field} eq ${odataString(value)}`;
}

/** The resource path of one entity by key: `LeadCollection('00163E…')`. */
export function keyPath(entitySet: string, objectId: string): string {
  return `${entitySet}(${odataString(objectId)})`;
}

/** A `yyyy-mm-dd` date as an OData v2 JSON date `/Date(<ms since epoch, UTC midnight>)/`. */
export function odataDate(ymd: string): string {
  const ms = /^\d{4}-\d{2}-\d{2}$/.test(ymd) ? Date.parse(`${ymd}T00:00:00Z`) : NaN;
  if (Number.isNaN(ms)) {
    throw new IntegrationError('c4c', `36One: invalid date '${ymd}', expected yyyy-mm-dd`, {
      permanent: true,
      code: 'InvalidDate',
    });
  }
  return `/Date(${ms})/`;
}

/** Drops undefined and empty-string fields so they are not sent. */
export function compact<T extends Record<string, unknown>>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== '')) as Partial<T>;
}
