import { type Kysely, type Migration, sql } from 'kysely';

/**
 * `conversations.created_at`: when LeadBridge first learned a conversation (never rewritten), so "the first team
 * the bot was installed in" stays the same across restarts. `person_locales`: the language of each person, taken
 * from their own activities only (a channel has no language).
 */
export const inboxLanguageMigration: Migration = {
  async up(db: Kysely<any>) {
    await db.schema.alterTable('conversations').addColumn('created_at', 'bigint').execute();
    await sql`update conversations set created_at = updated_at`.execute(db);
    await db.schema
      .createTable('person_locales')
      // The person's AAD object id, else their Teams user id (`29:…`).
      .addColumn('person_key', 'text', (c) => c.primaryKey())
      .addColumn('locale', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'bigint', (c) => c.notNull())
      .execute();
  },
  async down(db: Kysely<any>) {
    await db.schema.dropTable('person_locales').execute();
    await db.schema.alterTable('conversations').dropColumn('created_at').execute();
  },
};
