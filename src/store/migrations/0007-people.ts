import type { Kysely, Migration } from 'kysely';

/**
 * The people LeadBridge met in Teams, keyed on tenant + Entra object id (the e-mail is mutable): what Teams' member
 * API said about them (e-mail, UPN, name) and when it was last asked (`checked_at`). Permissions are decided on it.
 */
export const peopleMigration: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('people')
      .addColumn('tenant_id', 'text', (c) => c.notNull())
      .addColumn('aad_object_id', 'text', (c) => c.notNull())
      .addColumn('user_id', 'text', (c) => c.notNull())
      .addColumn('email', 'text')
      .addColumn('upn', 'text')
      .addColumn('name', 'text')
      .addColumn('checked_at', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('people_pk', ['tenant_id', 'aad_object_id'])
      .execute();
    await db.schema.createIndex('people_user').on('people').columns(['tenant_id', 'user_id']).execute();
  },
  async down(db: Kysely<any>) {
    await db.schema.dropTable('people').execute();
  },
};
