import type { z } from 'zod';
import { IntegrationError } from '../lib/integration-error.js';
import type { KeyedEntity } from './entities.js';
import type { HttpRequest, RawResponse } from './http.js';
import { errorFrom } from './odata-error.js';
import { readJson, results, single } from './odata-json.js';
import { eqFilter, keyPath } from './odata-values.js';
import type { C4cLog } from './types.js';

export interface ODataIo {
  read(req: HttpRequest): Promise<RawResponse>;
  write(req: HttpRequest): Promise<RawResponse>;
}

/** Typed access to one C4C entity set keyed by `ObjectID` and found by `ExternalID`. */
export interface EntitySet<T extends KeyedEntity> {
  findByExternalId(externalId: string): Promise<T | undefined>;
  create(body: Record<string, unknown>): Promise<T>;
  /** The entity's ETag: from `__metadata.etag`, else from the `ETag` header of a read by key. */
  etagOf(entity: T): Promise<string>;
  /** PATCH with `If-Match`; a stale ETag throws `IntegrationError` with status 412. */
  patch(objectId: string, etag: string, body: Record<string, unknown>): Promise<void>;
}

export function entitySet<S extends z.ZodType<KeyedEntity>>(
  name: string,
  schema: S,
  io: ODataIo,
  log: C4cLog,
): EntitySet<z.output<S>> {
  type T = z.output<S>;
  const ok = (res: RawResponse) => res.status >= 200 && res.status < 300;

  async function findByExternalId(externalId: string): Promise<T | undefined> {
    const where = `${name} look-up`;
    const res = await io.read({
      method: 'GET',
      path: name,
      query: { $filter: eqFilter('ExternalID', externalId), $top: '2' },
    });
    if (!ok(res)) throw errorFrom(res, where);
    const found = readJson(res, results(schema), where).d.results as T[];
    if (found.length > 1)
      log.warn(
        { entitySet: name, externalId, count: found.length },
        '36One has duplicates for one ExternalID; using the first',
      );
    return found[0];
  }

  async function create(body: Record<string, unknown>): Promise<T> {
    const where = `${name} create`;
    const res = await io.write({ method: 'POST', path: name, body });
    if (!ok(res)) throw errorFrom(res, where);
    return readJson(res, single(schema), where) as T;
  }

  async function etagOf(entity: T): Promise<string> {
    if (entity.__metadata?.etag) return entity.__metadata.etag;
    const where = `${name} read`;
    const res = await io.read({ method: 'GET', path: keyPath(name, entity.ObjectID) });
    if (!ok(res)) throw errorFrom(res, where);
    const etag = res.headers.get('etag') ?? (readJson(res, single(schema), where) as T).__metadata?.etag;
    if (!etag)
      throw new IntegrationError('c4c', `36One: ${name} ${entity.ID} has no ETag`, {
        permanent: true,
        code: 'EtagMissing',
      });
    return etag;
  }

  async function patch(objectId: string, etag: string, body: Record<string, unknown>): Promise<void> {
    const res = await io.write({ method: 'PATCH', path: keyPath(name, objectId), headers: { 'If-Match': etag }, body });
    if (!ok(res)) throw errorFrom(res, `${name} update`);
  }

  return { findByExternalId, create, etagOf, patch };
}
