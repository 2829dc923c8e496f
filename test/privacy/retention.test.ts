import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { createLog } from '../../src/log.js';
import { pseudonymiseExpiredLeads } from '../../src/services/privacy/retention.js';
import { recordCardPost } from '../../src/store/card-posts-repo.js';
import { KEPT_LEAD_COLUMNS, PERSONAL_LEAD_COLUMNS } from '../../src/store/erasure-repo.js';
import { addLeadEvent, insertLead } from '../../src/store/leads-repo.js';
import { ENGINES } from '../support/databases.js';
import { useStore } from '../support/use-store.js';
import { dumpAllTables, leadOf, person, personValues } from './support.js';

const DAY = 86_400_000;
const NOW = 1_000 * DAY; // the controlled clock
const closedDaysAgo = (days: number) => NOW - days * DAY;

describe.each(ENGINES)('retention of closed leads (%s)', (engine) => {
  const ctx = useStore(engine);

  it('pseudonymises exactly the closed leads past LEAD_RETENTION_DAYS, in chunks; open and recent ones stay, erased ones are not done twice', async () => {
    const db = ctx.store.db;
    const p = (n: number) => person(String(8000 + n));
    const rows = [
      leadOf(p(1), {
        id: 'r-old-rejected',
        state: 'REJECTED',
        rejectReason: 'competitor',
        rejectNote: 'Notiz-8001',
        closedAt: closedDaysAgo(400),
      }),
      leadOf(p(2), {
        id: 'r-old-opportunity',
        state: 'OPPORTUNITY',
        closedAt: closedDaysAgo(366),
        acceptedAt: closedDaysAgo(370),
        bant: { budget: { value: 'yes', note: 'Notiz-8002' } },
      }),
      leadOf(p(3), { id: 'r-old-opportunity-2', state: 'OPPORTUNITY', closedAt: closedDaysAgo(365) - 1 }),
      leadOf(p(4), {
        id: 'r-recent-rejected',
        state: 'REJECTED',
        rejectReason: 'other',
        rejectNote: 'Notiz-8004',
        closedAt: closedDaysAgo(364),
      }),
      leadOf(p(5), { id: 'r-at-limit', state: 'REJECTED', rejectReason: 'other', closedAt: closedDaysAgo(365) }),
      leadOf(p(6), { id: 'r-old-open', state: 'SAL', mqlAt: closedDaysAgo(900), acceptedAt: closedDaysAgo(899) }),
    ];
    for (const l of rows) await insertLead(db, l);
    await addLeadEvent(db, 'r-old-rejected', {
      at: closedDaysAgo(400),
      actor: { id: 'u', name: 'Alex Wilber' },
      action: 'reject',
      fromState: 'MQL',
      toState: 'REJECTED',
      source: 'card',
      detail: { reason: 'competitor', note: 'Notiz-8001', version: 2 },
    });
    await recordCardPost(db, {
      leadId: 'r-old-rejected',
      conversationId: 'c1',
      activityId: 'a1',
      kind: 'owner',
      postedAt: 1,
    });
    const deps = { store: ctx.store, clock: { now: () => NOW }, log: createLog('silent'), kick: () => {} };

    expect(await pseudonymiseExpiredLeads(deps, 365, 1)).toBe(3);
    const leads = await db
      .selectFrom('leads')
      .select(['id', 'state', 'erased_reason', 'closed_at'])
      .orderBy('id')
      .execute();
    expect(leads.filter((l) => l.erased_reason).map((l) => l.id)).toEqual([
      'r-old-opportunity',
      'r-old-opportunity-2',
      'r-old-rejected',
    ]);
    for (const l of leads.filter((l) => l.erased_reason)) expect(l.erased_reason).toBe('retention');
    // States and times survive for the figures.
    expect(leads.find((l) => l.id === 'r-old-rejected')).toMatchObject({
      state: 'REJECTED',
      closed_at: closedDaysAgo(400),
    });
    const dump = await dumpAllTables(ctx.store);
    for (const n of [1, 2, 3]) for (const v of personValues(p(n))) expect(dump).not.toContain(v);
    expect(dump).not.toContain('Notiz-8001');
    expect(dump).not.toContain('Notiz-8002');
    for (const n of [4, 5, 6]) for (const v of [p(n).email, p(n).lastname, p(n).jobtitle]) expect(dump).toContain(v);
    expect(dump).toContain('Notiz-8004');
    // Its posted card is replaced (behind new leads' cards: priority 1).
    const refresh = await db.selectFrom('jobs').select(['kind', 'lead_id', 'priority']).execute();
    expect(refresh).toEqual([{ kind: 'teams.refresh', lead_id: 'r-old-rejected', priority: 1 }]);

    // The next night finds nothing new; a day later the lead at the limit is due.
    expect(await pseudonymiseExpiredLeads(deps, 365)).toBe(0);
    const later = { ...deps, clock: { now: () => NOW + DAY } };
    expect(await pseudonymiseExpiredLeads(later, 365)).toBe(1);
  });

  it('classifies every column of leads as personal (erased) or kept, so a new column cannot slip through', async () => {
    const columns =
      engine === 'sqlite'
        ? (await sql<{ name: string }>`select name from pragma_table_info('leads')`.execute(ctx.store.db)).rows
        : (
            await sql<{ name: string }>`select column_name as name from information_schema.columns
              where table_schema = current_schema() and table_name = 'leads'`.execute(ctx.store.db)
          ).rows;
    const classified = [...Object.keys(PERSONAL_LEAD_COLUMNS), ...KEPT_LEAD_COLUMNS].sort();
    expect(columns.map((c) => c.name).sort()).toEqual(classified);
  });
});

describe('LEAD_RETENTION_DAYS', () => {
  const base = { HUBSPOT_ACCESS_TOKEN: 'pat-x', HUBSPOT_CLIENT_SECRET: 'secret' };
  it('defaults to 365 days and refuses 0 with a clear message', () => {
    expect(loadConfig(base).leadRetentionDays).toBe(365);
    expect(loadConfig({ ...base, LEAD_RETENTION_DAYS: '90' }).leadRetentionDays).toBe(90);
    expect(() => loadConfig({ ...base, LEAD_RETENTION_DAYS: '0' })).toThrow(/LEAD_RETENTION_DAYS: must be at least 1/);
  });
});
