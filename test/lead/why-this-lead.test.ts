/**
 * HubSpot's analytics context arrives with the contact in the same batch read: a burst of MQLs costs exactly the
 * calls it cost with the context switched off (`HUBSPOT_CONTEXT_PROPERTIES=none`), the context is kept on the lead,
 * the card shows the call brief (relative dates from the product's clock), and „Was heißt das?“ answers from the
 * glossary on the card itself. On SQLite and PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CONTEXT_PROPERTIES } from '../../src/domain/contact-context.js';
import { cardsByContact, type FaultWorld, scoreEvent, startFaultWorld, USERS, waitUntil } from '../faults/support.js';
import { action, cardActions, cardText } from '../support/cards.js';
import { ENGINES } from '../support/databases.js';

const DAY = 86_400_000;
const CONTACT_BATCH = '/crm/v3/objects/contacts/batch/read';
const COMPANY_BATCH = '/crm/v3/objects/companies/batch/read';
const BURST = 100;

/** One HubSpot webhook request with an event for each contact (HubSpot sends up to 100 per request). */
function seedBurst(w: FaultWorld, ids: string[], now: number): void {
  ids.forEach((id, i) =>
    w.hubspot.addContact({
      id,
      companyId: String(201 + (i % 3)),
      properties: {
        firstname: `Kontakt${id}`,
        lastname: 'Test',
        email: `k${id}@example.org`,
        hubspotscore: 85,
        lifecyclestage: 'marketingqualifiedlead',
        hubspot_owner_id: String(101 + (i % 2)),
        // Every other contact has full analytics; the rest none (as contacts created by import have).
        ...(i % 2 === 0
          ? {
              hs_analytics_source: 'ORGANIC_SEARCH',
              hs_analytics_source_data_1: 'google',
              recent_conversion_event_name: 'Whitepaper KI im Vertrieb',
              recent_conversion_date: new Date(now - 2 * DAY).toISOString(),
              first_conversion_event_name: 'Newsletter',
              num_conversion_events: 3,
              hs_analytics_num_page_views: 17,
              hs_analytics_last_url: 'https://www.example.com/loesungen/crm',
            }
          : {}),
      },
    }),
  );
}

async function burst(w: FaultWorld, ids: string[]) {
  w.hubspot.clearRequests();
  const ack = await w.webhook(ids.map((id) => scoreEvent(id)));
  expect(ack.status).toBe(200);
  await w.settle(60_000);
  await waitUntil('every MQL card', () => ids.every((id) => cardsByContact(w.connector).has(id)), 30_000);
  const calls = w.hubspot.requests.filter((r) => !r.path.startsWith('/_standin/'));
  const kinds = (paths: string[]) =>
    paths.reduce<Record<string, number>>((acc, p) => {
      const k = p.replace(/\/\d+$/, '/{id}');
      acc[k] = (acc[k] ?? 0) + 1;
      return acc;
    }, {});
  return { calls, byPath: kinds(calls.map((r) => r.path)) };
}

describe.each(ENGINES)('why this lead (%s)', (engine) => {
  let on: FaultWorld;
  let off: FaultWorld;
  const base = engine === 'sqlite' ? 610_000 : 620_000;
  const ids = Array.from({ length: BURST }, (_, i) => String(base + i));

  beforeAll(async () => {
    [on, off] = await Promise.all([
      startFaultWorld({ engine }),
      startFaultWorld({ engine, env: { HUBSPOT_CONTEXT_PROPERTIES: 'none' } }),
    ]);
    for (const w of [on, off]) {
      w.clock.freeze();
      for (const u of [USERS.alex, USERS.megan])
        expect((await w.teams.conversationUpdateMembersAdded(u)).status).toBe(200);
      seedBurst(w, ids, w.clock.now());
    }
  }, 60_000);
  afterAll(async () => {
    await Promise.all([on?.close(), off?.close()]);
  });

  it('a burst of MQLs costs no more HubSpot calls with the context than without it', async () => {
    const without = await burst(off, ids);
    const withContext = await burst(on, ids);
    // What a burst costs, apart from how the worker happened to group the evaluations (that follows timing, not the
    // context): per evaluation batch one batch read of the contacts and one of the companies, every contact read once,
    // owners from the owner list (active and archived: at most one read of each), and nothing read one by one.
    const cost = (b: typeof without) => {
      const batches = b.byPath[CONTACT_BATCH] ?? 0;
      const inputs = b.calls
        .filter((r) => r.path === CONTACT_BATCH)
        .flatMap((r) => (r.body as { inputs: Array<{ id: string }> }).inputs.map((x) => x.id));
      return {
        companyReadsPerBatch: (b.byPath[COMPANY_BATCH] ?? 0) / batches,
        contactsRead: inputs.sort(),
        ownerListReads: b.byPath['/crm/v3/owners'] ?? 0,
        ownerReadsById: b.byPath['/crm/v3/owners/{id}'] ?? 0,
        otherCalls: b.calls.length - batches - (b.byPath[COMPANY_BATCH] ?? 0) - (b.byPath['/crm/v3/owners'] ?? 0),
        callsBeyondBatches: b.calls.length - 2 * batches,
      };
    };
    expect(cost(withContext)).toEqual(cost(without));
    expect(cost(withContext)).toMatchObject({
      companyReadsPerBatch: 1,
      contactsRead: [...ids].sort(),
      ownerReadsById: 0,
      otherCalls: 0,
    });
    expect(cost(withContext).ownerListReads).toBeLessThanOrEqual(2);
    // At most one batch read per worker slot (WORKER_CONCURRENCY 8) for the 100 contacts, not one read per lead.
    expect(withContext.byPath[CONTACT_BATCH]).toBeLessThanOrEqual(8);
    // The context properties travel in those reads (and only when configured).
    const props = (b: typeof withContext) =>
      (b.calls.find((r) => r.path === CONTACT_BATCH)!.body as { properties: string[] }).properties;
    expect(props(withContext)).toEqual(expect.arrayContaining([...DEFAULT_CONTEXT_PROPERTIES]));
    expect(props(without).filter((p) => DEFAULT_CONTEXT_PROPERTIES.includes(p))).toEqual([]);
  }, 150_000);

  it('keeps the context on the lead and shows the brief on the card; nothing where HubSpot knows nothing', async () => {
    const [rich, bare] = [ids[0]!, ids[1]!];
    const row = await on.lb.store.db
      .selectFrom('leads')
      .select('contact_json')
      .where('contact_id', '=', rich)
      .executeTakeFirstOrThrow();
    expect(JSON.parse(row.contact_json).context).toMatchObject({
      source: 'ORGANIC_SEARCH',
      recentConversion: 'Whitepaper KI im Vertrieb',
      recentConversionAt: on.clock.now() - 2 * DAY,
      conversions: 3,
      pageViews: 17,
    });
    const card = cardText(cardsByContact(on.connector).get(rich)!.at(-1)!.card);
    expect(card).toContain('Hat vor 2 Tagen das Formular „Whitepaper KI im Vertrieb“ abgeschickt (3. Conversion');
    expect(card).toContain('Organische Suche (Google)');
    for (const text of [card, cardText(cardsByContact(on.connector).get(bare)!.at(-1)!.card)])
      expect(text).not.toMatch(/undefined|\bnull\b|NaN|ORGANIC_SEARCH/);
    expect(cardText(cardsByContact(on.connector).get(bare)!.at(-1)!.card)).not.toContain('Warum dieser Lead?');
    // Switched off, the same contact's card has no context.
    expect(cardText(cardsByContact(off.connector).get(rich)!.at(-1)!.card)).not.toContain('Warum dieser Lead?');
  });

  it('„Was heißt das?“ answers from the glossary on the card; an unknown term or a gone lead is answered plainly', async () => {
    const posted = cardsByContact(on.connector).get(ids[0]!)!.at(-1)!;
    const scoring = cardActions(posted.card).find((a) => a.verb === 'glossary.explain' && a.data.term === 'scoring')!;
    expect(action(posted.card, 'Was heißt das?').type).toBe('Action.ShowCard');
    const res = await on.teams.cardAction(USERS.alex, { verb: scoring.verb!, data: scoring.data });
    expect(res.status).toBe(200);
    const answer = cardText((res.body as any).value);
    expect(answer).toContain('Beim Scoring wird das Verhalten eines Kontakts');
    expect(answer).toContain('Warum dieser Lead?');
    // In English for an English reader.
    const en = await on.teams.cardAction(USERS.megan, { verb: scoring.verb!, data: scoring.data }, { locale: 'en-US' });
    expect(cardText((en.body as any).value)).toContain("Scoring awards points for a contact's behaviour");

    const unknown = await on.teams.cardAction(USERS.alex, {
      verb: 'glossary.explain',
      data: { ...scoring.data, term: 'quatsch' },
    });
    expect(JSON.stringify(unknown.body)).toContain('term – not a glossary term');
    const gone = await on.teams.cardAction(USERS.alex, {
      verb: 'glossary.explain',
      data: { leadId: '00000000-0000-4000-8000-000000000000', term: 'mql' },
    });
    expect(JSON.stringify(gone.body)).toContain('MQL: Ein Marketing Qualified Lead');
    expect(JSON.stringify(gone.body)).not.toContain('MQL: MQL');
  });
});
