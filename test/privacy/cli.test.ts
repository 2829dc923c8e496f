import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordCardPost } from '../../src/store/card-posts-repo.js';
import { saveConversation } from '../../src/store/conversations-repo.js';
import { openStore } from '../../src/store/db.js';
import { storeInboxEvents } from '../../src/store/inbox-repo.js';
import { enqueue } from '../../src/store/jobs-repo.js';
import { addLeadEvent, insertLead } from '../../src/store/leads-repo.js';
import { ENGINES, makeDatabase, type TestDatabase } from '../support/databases.js';
import { asBytes, dumpAllTables, leadOf, person, personValues, rawSqliteFiles } from './support.js';

const run = promisify(execFile);
const bin = fileURLToPath(new URL('../../bin/leadbridge.js', import.meta.url));
const asked = person('7001');
const other = person('7002');
const NOTE = 'Ablehnung-wegen-7001-Notiz';

describe.each(ENGINES)('leadbridge export / erase --contact (%s)', (engine) => {
  let tdb: TestDatabase;
  const cli = (...args: string[]) =>
    run(process.execPath, [bin, ...args], { env: { ...process.env, DATABASE_URL: tdb.url, LOG_LEVEL: 'info' } });

  beforeAll(async () => {
    tdb = await makeDatabase(engine);
    const store = await openStore(tdb.url);
    const db = store.db;
    await insertLead(
      db,
      leadOf(asked, { id: 'lead-a1', state: 'REJECTED', rejectReason: 'no_budget', rejectNote: NOTE, closedAt: 2_000 }),
    );
    await insertLead(
      db,
      leadOf(asked, {
        id: 'lead-a2',
        cycle: 2,
        state: 'SAL',
        acceptedAt: 3_000,
        bant: { budget: { value: 'yes', note: `Budget ${asked.lastname}` } },
      }),
    );
    await insertLead(db, leadOf(other, { id: 'lead-o1' }));
    await addLeadEvent(db, 'lead-a1', {
      at: 2_000,
      actor: { id: 'u1', name: 'Alex Wilber' },
      action: 'reject',
      fromState: 'MQL',
      toState: 'REJECTED',
      source: 'card',
      detail: { reason: 'no_budget', note: NOTE, version: 2 },
    });
    await addLeadEvent(db, 'lead-a2', {
      at: 1_000,
      actor: { id: 'system', name: 'LeadBridge' },
      action: 'mql',
      fromState: null,
      toState: 'MQL',
      source: 'webhook',
      detail: { contact: `${asked.firstname} ${asked.lastname}`, score: 85 },
    });
    await enqueue(
      db,
      [
        {
          kind: 'hubspot.note',
          leadId: 'lead-a2',
          orderKey: 'hubspot:lead-a2',
          payload: { leadId: 'lead-a2', text: `BANT ${asked.email}`, at: 1 },
        },
      ],
      3_000,
    );
    await saveConversation(
      db,
      {
        id: 'a:alex',
        kind: 'personal',
        userId: '29:1',
        aadObjectId: null,
        email: 'alexw@example.com',
        upn: null,
        name: 'Alex Wilber',
        tenantId: 't',
        locale: 'de-DE',
        teamId: null,
        reference: {},
        blocked: false,
      },
      1_000,
    );
    await recordCardPost(db, {
      leadId: 'lead-a2',
      conversationId: 'a:alex',
      activityId: 'act-1',
      kind: 'owner',
      postedAt: 1_500,
    });
    await storeInboxEvents(
      db,
      [
        {
          dedupeKey: '1:2:3',
          fingerprint: 'f1',
          portalId: 62515,
          subscriptionType: 'contact.propertyChange',
          objectId: asked.id,
          propertyName: 'phone',
          propertyValue: asked.phone,
          occurredAt: 1,
          attemptNumber: 0,
          payload: { objectId: Number(asked.id), propertyValue: asked.phone },
        },
        {
          dedupeKey: '1:2:4',
          fingerprint: 'f2',
          portalId: 62515,
          subscriptionType: 'contact.merge',
          objectId: '99',
          propertyName: null,
          propertyValue: null,
          occurredAt: 1,
          attemptNumber: 0,
          payload: { objectId: 99, mergedObjectIds: [Number(asked.id)] },
        },
      ],
      1_000,
    );
    await store.close();
  }, 60_000);
  afterAll(async () => {
    await tdb?.drop();
  });

  it('export prints everything stored about the contact as JSON: leads, history, notes, outbox, where its cards were posted', async () => {
    const { stdout } = await cli('export', '--contact', asked.id);
    const out = JSON.parse(stdout);
    expect(out.contactId).toBe(asked.id);
    expect(out.leads.map((l: any) => l.lead.id)).toEqual(['lead-a1', 'lead-a2']);
    expect(out.leads[0].lead).toMatchObject({ state: 'REJECTED', rejectNote: NOTE, contact: { email: asked.email } });
    expect(out.leads[0].history[0].detail.note).toBe(NOTE);
    expect(out.leads[1].outbox[0]).toMatchObject({ kind: 'hubspot.note', status: 'pending' });
    expect(out.leads[1].cards).toEqual([
      {
        conversationId: 'a:alex',
        where: "owner's chat",
        postedAt: new Date(1_500).toISOString(),
        conversationName: 'Alex Wilber',
      },
    ]);
    expect(out.webhookEvents.map((e: any) => e.propertyValue)).toEqual([asked.phone]);
    expect(stdout).not.toContain(other.email);
  });

  it('erase erases it (and only it) through the CLI; a second erase finds nothing left; export then shows no personal data', async () => {
    const first = await cli('erase', '--contact', asked.id, '--json');
    expect(JSON.parse(first.stdout)).toEqual({ contactId: asked.id, leads: 2, cards: 1, webhookEvents: 2 });
    const again = await cli('erase', '--contact', asked.id);
    expect(again.stdout).toMatch(new RegExp(`Contact ${asked.id}: nothing left to erase`));

    const after = JSON.parse((await cli('export', '--contact', asked.id)).stdout);
    expect(after.leads.map((l: any) => [l.lead.state, l.lead.erasedReason])).toEqual([
      ['REJECTED', 'request'],
      ['ERASED', 'request'],
    ]);
    const text = JSON.stringify(after);
    for (const v of [...personValues(asked), NOTE]) expect(text).not.toContain(v);

    const store = await openStore(tdb.url);
    try {
      const dump = await dumpAllTables(store);
      for (const v of [...personValues(asked), NOTE, `Firma von ${asked.lastname}`]) expect(dump).not.toContain(v);
      expect(dump).toContain(other.email);
      // The card is replaced by the running bot: a refresh of it waits in the outbox.
      const refresh = await store.db
        .selectFrom('jobs')
        .select(['kind', 'status'])
        .where('lead_id', '=', 'lead-a2')
        .where('kind', '=', 'teams.refresh')
        .execute();
      expect(refresh).toEqual([{ kind: 'teams.refresh', status: 'pending' }]);
    } finally {
      await store.close();
    }
    if (engine === 'sqlite') {
      const raw = rawSqliteFiles(tdb.url);
      for (const v of [asked.email, asked.phone, NOTE]) expect(raw).not.toContain(asBytes(v));
    }
  });

  it('refuses a missing or non-numeric contact id with the usage (exit 2), no stack trace', async () => {
    for (const args of [['export'], ['erase', '--contact', 'max@example.com']]) {
      const err = await cli(...args).then(
        () => null,
        (e) => e as { code: number; stderr: string },
      );
      expect(err?.code).toBe(2);
      expect(err?.stderr).toMatch(/Usage: leadbridge (export|erase) --contact <hubspotContactId>/);
      expect(err?.stderr).not.toMatch(/\n\s+at /);
    }
  });
});
