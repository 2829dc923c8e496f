import type { Kysely, Migration } from 'kysely';

/**
 * The 36One account LeadBridge chose for a lead (`c4c_account_id`, the account's party id) and how
 * (`c4c_account_match`: externalId | name | record | none | ambiguous), so the card can say
 * "36One: kein eindeutiger Account für <Firma>". Written only by the 36One effects (`setC4cRefs`).
 */
export const c4cAccountMigration: Migration = {
  async up(db: Kysely<any>) {
    await db.schema.alterTable('leads').addColumn('c4c_account_id', 'text').execute();
    await db.schema.alterTable('leads').addColumn('c4c_account_match', 'text').execute();
  },
  async down(db: Kysely<any>) {
    await db.schema.alterTable('leads').dropColumn('c4c_account_match').execute();
    await db.schema.alterTable('leads').dropColumn('c4c_account_id').execute();
  },
};
