/**
 * Marking the 36One lead converted, end to end (LeadBridge in process, stand-ins): whether a tenant lets an API
 * user set the converted status is unverified, so a refusal (4xx) leaves the opportunity created and the card says
 * "Opportunity <id> angelegt · Lead nicht als konvertiert markiert: <Grund>" (not a failed handover); an admin's retry
 * runs just that step again. Without `leadStatus.converted` in the mapping the step sends nothing.
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
  waitUntil,
} from '../faults/support.js';
import { cardActions, cardText, syncLine } from '../support/cards.js';
import { MAPPING_FILE } from './harness.js';

const PORTAL = 62515;
const ext = (contactId: string) => `hubspot:${PORTAL}:${contactId}`;
const RETRY = 'Übertrag erneut versuchen';

async function world(mappingText?: string): Promise<FaultWorld> {
  const env: Record<string, string> = {};
  if (mappingText) {
    const file = join(mkdtempSync(join(tmpdir(), 'c4c-conversion-')), 'c4c-mapping.yaml');
    writeFileSync(file, mappingText);
    env.C4C_MAPPING_FILE = file;
  }
  const w = await startFaultWorld({ c4c: true, env });
  await w.teams.conversationUpdateMembersAdded(USERS.alex);
  return w;
}

/** MQL → card → accept → "Opportunity anlegen" with two BANT "yes"; returns the card the second click answered. */
async function toOpportunity(w: FaultWorld, contactId: string): Promise<unknown> {
  addMqlContacts(w.hubspot, [{ id: contactId, ownerId: '101' }]);
  await w.webhook([scoreEvent(contactId)]);
  await w.drain();
  const accepted = await click(w, USERS.alex, onlyCard(w.connector, contactId), 'Annehmen');
  const converted = await click(
    w,
    USERS.alex,
    { ...onlyCard(w.connector, contactId), card: accepted },
    'Opportunity anlegen',
    { bant_budget: 'yes', bant_authority: 'yes', bant_closeDate: '2027-03-31' },
  );
  await w.drain();
  return converted;
}

describe('36One conversion after the opportunity', () => {
  let w: FaultWorld;
  beforeAll(async () => {
    w = await world();
  });
  afterAll(async () => {
    await w?.close();
  });

  const c4cLead = (contactId: string) => w.c4c!.leads().find((l) => l.ExternalID === ext(contactId))!;
  const opportunitiesOf = (contactId: string) => w.c4c!.opportunities().filter((o) => o.ExternalID === ext(contactId));
  const oppPosts = (contactId: string) =>
    w.c4c!.requests.filter(
      (r) =>
        r.method === 'POST' && r.path === 'OpportunityCollection' && (r.body as any)?.ExternalID === ext(contactId),
    );

  for (const status of [403, 400]) {
    it(`refused with ${status}: the opportunity counts as created, the card says why the lead is not converted, an admin's retry converts it`, async () => {
      const id = status === 403 ? '7501' : '7502';
      w.c4c!.refuseConversion(status);
      const answered = await toOpportunity(w, id);
      expect(cardText(answered)).toContain('Status: Opportunity');

      const [opp] = opportunitiesOf(id);
      expect(opp).toMatchObject({
        OpportunityTextCollection: [
          expect.objectContaining({ TypeCode: '10004', Text: expect.stringContaining('Budget') }),
        ],
      });
      expect(c4cLead(id).UserStatusCode).not.toBe('05');
      const leadId = await leadIdOf(w, id);
      expect(await w.jobs({ leadId, kind: 'c4c.opportunity' })).toEqual([expect.objectContaining({ status: 'done' })]);
      expect(await w.jobs({ leadId, kind: 'c4c.convertLead' })).toEqual([
        expect.objectContaining({ status: 'dead', attempts: 1 }),
      ]);

      const card = onlyCard(w.connector, id).card;
      expect(syncLine(card)).toContain(
        `36One ✓ Lead ${c4cLead(id).ID} · Opportunity ${opp!.ID} angelegt · Lead nicht als konvertiert markiert: Status 05 cannot be set for lead ${c4cLead(id).ID} (STATUS_NOT_ALLOWED, HTTP ${status})`,
      );
      expect(syncLine(card)).not.toContain('fehlgeschlagen');
      expect(cardActions(card).map((a) => a.title)).toContain(RETRY);

      // The tenant admin allows it; LeadBridge's admin retries: only the conversion runs again.
      w.c4c!.refuseConversion(undefined);
      const writesBefore = w.c4c!.requests.filter((r) => r.method !== 'GET').length;
      await click(w, USERS.admin, onlyCard(w.connector, id), RETRY);
      await w.drain();
      expect(c4cLead(id).UserStatusCode).toBe('05');
      const writes = w.c4c!.requests.filter((r) => r.method !== 'GET').slice(writesBefore);
      expect(writes.map((r) => `${r.method} ${r.path.replace(/\('.*'\)/, '(…)')}`)).toEqual([
        'PATCH LeadCollection(…)',
      ]);
      const after = onlyCard(w.connector, id).card;
      expect(syncLine(after)).toContain(`36One ✓ Lead ${c4cLead(id).ID} · Opportunity ${opp!.ID} angelegt`);
      expect(syncLine(after)).not.toContain('nicht als konvertiert');
      expect(cardActions(after).map((a) => a.title)).not.toContain(RETRY);
      expect(oppPosts(id)).toHaveLength(1);
    }, 30_000);
  }

  it('a second Opportunity click makes no second opportunity', async () => {
    const id = '7503';
    addMqlContacts(w.hubspot, [{ id, ownerId: '101' }]);
    await w.webhook([scoreEvent(id)]);
    await w.drain();
    const accepted = await click(w, USERS.alex, onlyCard(w.connector, id), 'Annehmen');
    const sal = { ...onlyCard(w.connector, id), card: accepted };
    const inputs = { bant_budget: 'yes', bant_authority: 'yes' };
    await click(w, USERS.alex, sal, 'Opportunity anlegen', inputs);
    const again = await click(w, USERS.alex, sal, 'Opportunity anlegen', inputs); // the same (now stale) card
    expect(cardText(again)).toContain('Die Karte war nicht mehr aktuell');
    await w.drain();
    expect(oppPosts(id)).toHaveLength(1);
    expect(opportunitiesOf(id)).toHaveLength(1);
    expect(c4cLead(id).UserStatusCode).toBe('05');
    expect(await w.jobs({ leadId: await leadIdOf(w, id), kind: 'c4c.opportunity' })).toHaveLength(1);
  }, 30_000);
});

describe('36One conversion left out of the mapping', () => {
  let w: FaultWorld;
  beforeAll(async () => {
    const mapping = readFileSync(MAPPING_FILE, 'utf8');
    const without = mapping.replace(/^\s*converted: '05'.*\n/m, '');
    expect(without).not.toBe(mapping);
    w = await world(without);
  });
  afterAll(async () => {
    await w?.close();
  });

  it('no PATCH marks the lead converted; the card just shows the opportunity', async () => {
    const id = '7511';
    await toOpportunity(w, id);
    const lead = w.c4c!.leads().find((l) => l.ExternalID === ext(id))!;
    const [opp] = w.c4c!.opportunities();
    expect(opp).toBeDefined();
    const oppAt = w.c4c!.requests.findIndex((r) => r.method === 'POST' && r.path === 'OpportunityCollection');
    expect(w.c4c!.requests.slice(oppAt).filter((r) => r.method === 'PATCH')).toEqual([]);
    expect(lead.UserStatusCode).not.toBe('05');
    await waitUntil('the card to show the opportunity', () =>
      syncLine(onlyCard(w.connector, id).card).includes(`Opportunity ${opp!.ID} angelegt`),
    );
    const line = syncLine(onlyCard(w.connector, id).card);
    expect(line).toBe(`Abgleich: HubSpot ✓ · 36One ✓ Lead ${lead.ID} · Opportunity ${opp!.ID} angelegt`);
    expect(await w.jobs({ leadId: await leadIdOf(w, id), kind: 'c4c.convertLead' })).toEqual([
      expect.objectContaining({ status: 'done' }),
    ]);
  }, 30_000);
});
