import type { Kysely, Migration } from 'kysely';

/** Whether the lead's Contact Owner was still active in HubSpot when the lead was made (0 = archived, NULL = active). */
export const ownerActiveMigration: Migration = {
  async up(db: Kysely<any>) {
    await db.schema.alterTable('leads').addColumn('owner_active', 'integer').execute();
  },
  async down(db: Kysely<any>) {
    await db.schema.alterTable('leads').dropColumn('owner_active').execute();
  },
};
