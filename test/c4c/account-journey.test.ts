/**
 * The 36One account end to end (LeadBridge in process, HubSpot / Teams / 36One stand-ins, fast-forwarded clock):
 * the MQL's 36One lead carries the account of its HubSpot company when exactly one is found, the card says
 * "36One: kein eindeutiger Account für <Firma>" when not, and the opportunity carries the account. A look-up that
 * fails with a 5xx fails the opportunity job before anything is written; the outbox retries it.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addMqlContacts,
  click,
  type FaultWorld,
  leadIdOf,
  onlyCard,
  scoreEvent,
  startFaultWorld,
  USERS,
} from '../faults/support.js';
import { cardText, syncLine } from '../support/cards.js';
import { MAPPING_FILE } from './harness.js';

const PORTAL = 62515;
const ext = (contactId: string) => `hubspot:${PORTAL}:${contactId}`;
const ref = (companyId: string) => `hubspot:${PORTAL}:company:${companyId}`;

describe("36One account of the lead's company, end to end", () => {
  let w: FaultWorld;
  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'c4c-account-'));
    const mappingFile = join(dir, 'c4c-mapping.yaml');
    writeFileSync(
      mappingFile,
      readFileSync(MAPPING_FILE, 'utf8').replace('lookup: externalId', 'lookup: externalIdThenName'),
    );
    w = await startFaultWorld({ c4c: true, env: { C4C_MAPPING_FILE: mappingFile } });
    await w.teams.conversationUpdateMembersAdded(USERS.alex);
  });
  afterAll(async () => {
    await w?.close();
  });

  const c4cLead = (contactId: string) => w.c4c!.leads().find((l) => l.ExternalID === ext(contactId));
  const card = (contactId: string) => onlyCard(w.connector, contactId);
  const accountQueries = () => w.c4c!.requests.filter((r) => r.path === 'CorporateAccountCollection');
  const oppPosts = () => w.c4c!.requests.filter((r) => r.method === 'POST' && r.path === 'OpportunityCollection');

  /** Accept, then convert with two BANT "yes" (the card the bot answers is the one clicked next). */
  async function convert(contactId: string) {
    const accepted = await click(w, USERS.alex, card(contactId), 'Annehmen');
    await click(w, USERS.alex, { ...card(contactId), card: accepted }, 'Opportunity anlegen', {
      bant_budget: 'yes',
      bant_authority: 'yes',
      bant_closeDate: '2027-03-31',
    });
  }

  it('found by external reference: on the 36One lead, on the card, on the opportunity', async () => {
    const account = w.c4c!.seedAccount({ Name: 'Musterfirma GmbH', ExternalID: ref('201') });
    w.c4c!.seedAccount({ Name: 'Musterfirma GmbH' }); // a namesake: the reference decides, not the name
    addMqlContacts(w.hubspot, [{ id: '7401', ownerId: '101', companyId: '201' }]);
    await w.webhook([scoreEvent('7401')]);
    await w.drain();

    expect(c4cLead('7401')).toMatchObject({ AccountPartyID: account.AccountID, Company: 'Musterfirma GmbH' });
    expect(syncLine(card('7401').card)).toContain(`36One ✓ Lead ${c4cLead('7401')!.ID} · Account ${account.AccountID}`);
    expect(cardText(card('7401').card)).not.toContain('kein eindeutiger Account');

    await convert('7401');
    await w.drain();
    expect(oppPosts()).toHaveLength(1);
    expect(oppPosts()[0]!.body).toMatchObject({ ExternalID: ext('7401'), ProspectPartyID: account.AccountID });
    expect(w.c4c!.opportunities()).toEqual([
      expect.objectContaining({ ExternalID: ext('7401'), ProspectPartyID: account.AccountID }),
    ]);
    expect(c4cLead('7401')).toMatchObject({ UserStatusCode: '05', AccountPartyID: account.AccountID });
  }, 30_000);

  it('ambiguous name: no account, the card and the 36One lead note say why', async () => {
    w.c4c!.seedAccount({ Name: 'Beispiel AG', City: 'München' });
    w.c4c!.seedAccount({ Name: 'Beispiel AG', City: 'Wien' });
    addMqlContacts(w.hubspot, [{ id: '7402', ownerId: '101', companyId: '202' }]);
    await w.webhook([scoreEvent('7402')]);
    await w.drain();

    const lead = c4cLead('7402')!;
    expect(lead).not.toHaveProperty('AccountPartyID');
    expect(lead.Note).toContain('LeadBridge: kein eindeutiger Account für Beispiel AG (2 Treffer)');
    const text = cardText(card('7402').card);
    expect(syncLine(card('7402').card)).toContain(`36One ✓ Lead ${lead.ID}`);
    expect(text).toContain('36One: kein eindeutiger Account für Beispiel AG (mehrere Treffer)');
    const row = await w.lb.store.db
      .selectFrom('leads')
      .select(['c4c_account_id', 'c4c_account_match'])
      .where('id', '=', await leadIdOf(w, '7402'))
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ c4c_account_id: null, c4c_account_match: 'ambiguous' });
  }, 30_000);

  it('account created later; its look-up fails with a 5xx at conversion: the job retries, the opportunity only comes with the decided account', async () => {
    addMqlContacts(w.hubspot, [{ id: '7403', ownerId: '101', companyId: '203' }]);
    await w.webhook([scoreEvent('7403')]);
    await w.drain();
    expect(c4cLead('7403')).not.toHaveProperty('AccountPartyID');
    expect(cardText(card('7403').card)).toContain(
      '36One: kein eindeutiger Account für Nordlicht Logistik GmbH & Co. KG (kein Treffer)',
    );

    // Sales creates the account in 36One; then the look-up at conversion meets a gateway error once.
    const account = w.c4c!.seedAccount({ Name: 'Nordlicht Logistik GmbH & Co. KG' });
    w.c4c!.fault({
      method: 'GET',
      path: 'CorporateAccountCollection',
      status: 503,
      body: '<html>Service Unavailable</html>',
    });
    const queriesBefore = accountQueries().length;
    w.clock.freeze(); // the retry waits for drain(), however slow the machine is
    await convert('7403');
    await w.quiet();

    const [job] = await w.jobs({ leadId: await leadIdOf(w, '7403'), kind: 'c4c.opportunity' });
    expect(job).toMatchObject({
      status: 'pending',
      attempts: 1,
      lastError: '36One: request failed on CorporateAccountCollection look-up (HTTP 503)',
    });
    expect(accountQueries().length).toBe(queriesBefore + 1);
    expect(oppPosts().filter((r) => (r.body as any)?.ExternalID === ext('7403'))).toHaveLength(0);
    expect(c4cLead('7403')!.UserStatusCode).not.toBe('05');

    await w.drain();
    const [done] = await w.jobs({ leadId: await leadIdOf(w, '7403'), kind: 'c4c.opportunity' });
    expect(done).toMatchObject({ status: 'done', attempts: 2 });
    const posts = oppPosts().filter((r) => (r.body as any)?.ExternalID === ext('7403'));
    expect(posts).toHaveLength(1);
    expect(posts[0]!.body).toMatchObject({ ProspectPartyID: account.AccountID });
    expect(c4cLead('7403')).toMatchObject({ UserStatusCode: '05', AccountPartyID: account.AccountID });
    const text = cardText(card('7403').card);
    expect(text).toContain(`Account ${account.AccountID} (per Firmenname)`);
    expect(text).not.toContain('kein eindeutiger Account');
  }, 30_000);
});
