import { describe, expect, it } from 'vitest';
import { findPerson, type Person, savePerson } from '../../src/store/people-repo.js';
import { ENGINES } from '../support/databases.js';
import { useStore } from '../support/use-store.js';

describe.each(ENGINES)("people (what Teams' member API said) on %s", (engine) => {
  const ctx = useStore(engine);
  const alex: Person = {
    tenantId: 't-1',
    aadObjectId: 'aad-1',
    userId: '29:1alex',
    email: 'AlexW@Example.com',
    upn: 'alexw@example.com',
    name: 'Alex',
    checkedAt: 1_000,
  };

  it('is keyed on tenant + object id; a later answer replaces the earlier one (the e-mail may change)', async () => {
    const db = ctx.store.db;
    await savePerson(db, alex);
    expect(await findPerson(db, 't-1', { aadObjectId: 'aad-1', userId: 'ignored' })).toEqual({
      ...alex,
      email: 'alexw@example.com',
    });
    await savePerson(db, { ...alex, email: 'alex.wilber@example.com', checkedAt: 2_000 });
    expect(await findPerson(db, 't-1', { aadObjectId: 'aad-1', userId: '29:1alex' })).toMatchObject({
      email: 'alex.wilber@example.com',
      checkedAt: 2_000,
    });
    expect(await findPerson(db, 't-1', { userId: '29:1alex' })).toMatchObject({ aadObjectId: 'aad-1' });
    expect(await findPerson(db, 't-2', { aadObjectId: 'aad-1', userId: '29:1alex' })).toBeNull(); // another tenant is another person
  });
});
