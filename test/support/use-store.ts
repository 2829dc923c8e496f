import { afterAll, beforeAll, beforeEach } from 'vitest';
import { openStore, type Store } from '../../src/store/db.js';
import { type ENGINES, makeDatabase, postgresDatabase, type TestDatabase } from './databases.js';
import { clearStore } from './team-world.js';

interface UseStoreOptions {
  /** Empty every table before each test of the block. */
  clean?: boolean;
}

/** A fresh, migrated store of `engine` for the enclosing describe block: opened before its tests, dropped after. */
export function useStore(
  engine: (typeof ENGINES)[number],
  options: UseStoreOptions = {},
): { store: Store; tdb: TestDatabase } {
  const ctx = {} as { store: Store; tdb: TestDatabase };
  beforeAll(async () => {
    ctx.tdb = await makeDatabase(engine);
    ctx.store = await openStore(ctx.tdb.url);
  });
  afterAll(async () => {
    await ctx.store?.close();
    await ctx.tdb?.drop();
  });
  if (options.clean) beforeEach(() => clearStore(ctx.store));
  return ctx;
}

/** Two instances' stores on one fresh PostgreSQL schema, as two LeadBridge processes would share it. */
export function useTwoInstances(options: UseStoreOptions = {}): { a: Store; b: Store; tdb: TestDatabase } {
  const ctx = {} as { a: Store; b: Store; tdb: TestDatabase };
  beforeAll(async () => {
    ctx.tdb = await postgresDatabase();
    ctx.a = await openStore(ctx.tdb.url);
    ctx.b = await openStore(ctx.tdb.url);
  });
  afterAll(async () => {
    await ctx.a?.close();
    await ctx.b?.close();
    await ctx.tdb?.drop();
  });
  if (options.clean) beforeEach(() => clearStore(ctx.a));
  return ctx;
}
