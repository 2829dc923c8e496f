import { describe, expect, it } from 'vitest';
import { actOnLead } from '../../src/services/lead/actions.js';
import { runSlaSweep } from '../../src/services/sla/sweep.js';
import { recordCardPost } from '../../src/store/card-posts-repo.js';
import { getLead } from '../../src/store/leads-repo.js';
import { cardActions, cardText } from '../support/cards.js';
import {
  berlin,
  installFor,
  makeLead,
  managerDeps,
  pendingJobs,
  recordingTeams,
  runDueJobs,
  storeLead,
  TestClock,
  twoTeams,
} from '../support/team-world.js';
import { useStore, useTwoInstances } from '../support/use-store.js';

describe('SLA reminder and escalation (SQLite, controllable clock)', () => {
  const ctx = useStore('sqlite', { clean: true });

  it('an MQL of Friday 17:00 reminds its owner on Monday 11:00 and escalates to the manager on Wednesday 11:00, once each', async () => {
    const clock = new TestClock(berlin('2025-03-07 17:00'));
    const teams = recordingTeams();
    const deps = managerDeps({ store: ctx.store, clock, teams });
    const alex = await installFor(ctx.store, 'alexw@example.com');
    await installFor(ctx.store, 'adelev@example.com');
    const lead = await storeLead(
      ctx.store,
      makeLead({
        ownerEmail: 'alexw@example.com',
        mqlAt: clock.now(),
        contact: { id: '1001', firstName: 'Jonas', lastName: 'Schmidt' },
      }),
    );
    await recordCardPost(ctx.store.db, {
      leadId: lead.id,
      conversationId: alex.id,
      activityId: 'card-1',
      kind: 'owner',
      postedAt: clock.now(),
    });
    const roster = twoTeams();
    const sweep = async (local: string) => {
      clock.set(berlin(local));
      return runSlaSweep(deps, roster, clock.now());
    };

    // All weekend and Monday morning: 1 of 4 business hours used on Friday.
    for (const t of ['2025-03-07 21:00', '2025-03-08 12:00', '2025-03-09 23:59', '2025-03-10 10:59'])
      expect(await sweep(t)).toEqual({ reminded: 0, escalated: 0 });
    expect(await sweep('2025-03-10 11:00')).toEqual({ reminded: 1, escalated: 0 });
    expect(await sweep('2025-03-10 11:01')).toEqual({ reminded: 0, escalated: 0 });
    expect((await getLead(ctx.store.db, lead.id))!.remindedAt).toBe(berlin('2025-03-10 11:00'));
    expect(await runDueJobs(deps)).toEqual(['teams.remind']);
    expect(teams.sent).toHaveLength(1);
    const reminder = teams.sent[0]!;
    expect(reminder.to.email).toBe('alexw@example.com');
    expect(reminder.activity.text).toContain('Erinnerung: Der Lead Jonas Schmidt (Firma');
    expect(reminder.activity.text).toContain('wartet seit 2 T 18 Std');
    expect(reminder.activity.text).toContain(
      '[Zur Lead-Karte](https://teams.microsoft.com/l/message/a%3Aconv-alexw%40example.com/card-1',
    );
    expect(reminder.activity.text).toContain(
      `[In HubSpot öffnen](https://app.hubspot.com/contacts/62515/contact/${lead.contactId})`,
    );

    // 24 business hours: Fri 1 h + Mon 10 h + Tue 10 h + Wed 3 h → Wednesday 11:00.
    expect(await sweep('2025-03-12 10:59')).toEqual({ reminded: 0, escalated: 0 });
    expect(await sweep('2025-03-12 11:00')).toEqual({ reminded: 0, escalated: 1 });
    expect(await runDueJobs(deps)).toEqual(['teams.escalate']);
    expect(await sweep('2025-03-12 11:30')).toEqual({ reminded: 0, escalated: 0 });
    const esc = teams.sent[1]!;
    expect(esc.to.email).toBe('adelev@example.com');
    expect(cardText(esc.activity.card)).toContain('Eskalation: MQL seit 4 T 18 Std unbeantwortet');
    expect(cardActions(esc.activity.card).map((a) => a.title)).toEqual([
      'Neu zuweisen',
      'Zuweisen',
      'Erinnern',
      'In HubSpot öffnen',
    ]);

    // A restart (a fresh set of services on the same database) sends nothing again.
    const again = managerDeps({ store: ctx.store, clock, teams });
    expect(await runSlaSweep(again, roster, berlin('2025-03-14 12:00'))).toEqual({ reminded: 0, escalated: 0 });
  });

  it('stops the moment the lead is acted on, also when the reminder is already queued', async () => {
    const clock = new TestClock(berlin('2025-03-10 08:00'));
    const teams = recordingTeams();
    const deps = managerDeps({ store: ctx.store, clock, teams });
    await installFor(ctx.store, 'alexw@example.com');
    const roster = twoTeams();
    const early = await storeLead(ctx.store, makeLead({ ownerEmail: 'alexw@example.com', mqlAt: clock.now() }));
    const late = await storeLead(ctx.store, makeLead({ ownerEmail: 'alexw@example.com', mqlAt: clock.now() }));
    const actor = { id: 'aad-alex', name: 'Alex Wilber', email: 'alexw@example.com' };

    clock.set(berlin('2025-03-10 11:00'));
    expect(
      (await actOnLead(deps, { leadId: early.id, version: 1, actor, action: 'accept', source: 'card' })).kind,
    ).toBe('done');
    clock.set(berlin('2025-03-10 12:00'));
    expect(await runSlaSweep(deps, roster, clock.now())).toEqual({ reminded: 1, escalated: 0 });
    expect((await getLead(ctx.store.db, early.id))!.remindedAt).toBeNull();
    // The reminder for `late` is queued; Alex rejects before the worker sends it.
    expect(
      (
        await actOnLead(deps, {
          leadId: late.id,
          version: 1,
          actor,
          action: 'reject',
          reason: 'no_interest',
          source: 'card',
        })
      ).kind,
    ).toBe('done');
    await runDueJobs(deps);
    expect(teams.sent.filter((s) => s.activity.text?.includes('Erinnerung'))).toHaveLength(0);
    clock.set(berlin('2025-03-20 12:00'));
    expect(await runSlaSweep(deps, roster, clock.now())).toEqual({ reminded: 0, escalated: 0 });
  });

  it('a contact name from HubSpot cannot inject links or HTML into the reminder', async () => {
    const clock = new TestClock(berlin('2025-03-10 08:00'));
    const teams = recordingTeams();
    const deps = managerDeps({ store: ctx.store, clock, teams });
    await installFor(ctx.store, 'alexw@example.com');
    await storeLead(
      ctx.store,
      makeLead({
        ownerEmail: 'alexw@example.com',
        mqlAt: clock.now(),
        company: null,
        contact: { id: 'x', firstName: '**[click](http://evil)**', lastName: '<b>x</b>' },
      }),
    );
    expect(await runSlaSweep(deps, twoTeams(), berlin('2025-03-10 12:00'))).toEqual({ reminded: 1, escalated: 0 });
    clock.set(berlin('2025-03-10 12:00'));
    await runDueJobs(deps);
    const text = teams.sent[0]!.activity.text!;
    expect(text).toContain('Der Lead \\*\\*\\[click\\](http://evil)\\*\\* bx/b wartet');
    expect(text).not.toMatch(/(^|[^\\])\[click\]\(/);
  });

  it('escalates to every manager of the owner; an owner without a manager is only logged', async () => {
    const clock = new TestClock(berlin('2025-03-10 08:00'));
    const deps = managerDeps({ store: ctx.store, clock });
    const roster = twoTeams();
    const orphan = await storeLead(ctx.store, makeLead({ ownerEmail: 'nobody@example.com', mqlAt: clock.now() }));
    const zoe = await storeLead(ctx.store, makeLead({ ownerEmail: 'zoeb@example.com', mqlAt: clock.now() }));
    expect(await runSlaSweep(deps, roster, berlin('2025-03-13 08:00'))).toEqual({ reminded: 2, escalated: 2 });
    const jobs = await pendingJobs(ctx.store);
    expect(jobs.filter((j) => j.kind === 'teams.escalate').map((j) => [j.leadId, j.payload.managerEmail])).toEqual([
      [zoe.id, 'sued.lead@example.com'],
    ]);
    expect((await getLead(ctx.store.db, orphan.id))!.escalatedAt).toBe(berlin('2025-03-13 08:00'));
  });
});

describe('SLA sweep on two instances (PostgreSQL)', () => {
  const pg = useTwoInstances();

  it('sends each reminder and escalation once when every instance sweeps at the same minute', async () => {
    const clock = new TestClock(berlin('2025-03-03 09:00'));
    const da = managerDeps({ store: pg.a, clock });
    const db = managerDeps({ store: pg.b, clock });
    const roster = twoTeams();
    for (let i = 0; i < 10; i++)
      await storeLead(
        pg.a,
        makeLead({ ownerEmail: i % 2 ? 'alexw@example.com' : 'zoeb@example.com', mqlAt: clock.now() }),
      );
    const now = berlin('2025-03-06 12:00');
    const results = await Promise.all([
      runSlaSweep(da, roster, now),
      runSlaSweep(db, roster, now),
      runSlaSweep(da, roster, now),
      runSlaSweep(db, roster, now),
    ]);
    expect(results.reduce((s, r) => s + r.reminded, 0)).toBe(10);
    expect(results.reduce((s, r) => s + r.escalated, 0)).toBe(10);
    const jobs = await pendingJobs(pg.a);
    expect(jobs.filter((j) => j.kind === 'teams.remind')).toHaveLength(10);
    expect(jobs.filter((j) => j.kind === 'teams.escalate')).toHaveLength(10);
  });
});
