import { afterAll, beforeAll } from 'vitest';
import { openStore, type Store } from '../../src/store/db.js';
import { type ENGINES, makeDatabase, type TestDatabase } from './databases.js';

/** A fresh, migrated store of `engine` for the enclosing describe block: opened before its tests, dropped after. */
export function useStore(engine: (typeof ENGINES)[number]): { store: Store; tdb: TestDatabase } {
  const ctx = {} as { store: Store; tdb: TestDatabase };
  beforeAll(async () => {
    ctx.tdb = await makeDatabase(engine);
    ctx.store = await openStore(ctx.tdb.url);
  });
  afterAll(async () => {
    await ctx.store?.close();
    await ctx.tdb?.drop();
  });
  return ctx;
}
