/**
 * SLA steps on time: a timer armed for the next due step (set again when an MQL's SLA clock starts) runs the sweep
 * when it is due, not at the next minute; after a restart the new instance arms it again, and with two instances
 * the step is still sent once. Time is virtual: the clock and the timers move only when the test says.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseBusinessHours } from '../../src/domain/sla.js';
import { type SlaSchedule, startSlaSchedule } from '../../src/scheduler/sla-schedule.js';
import type { Deps } from '../../src/services/deps.js';
import { openStore, type Store } from '../../src/store/db.js';
import { getLead } from '../../src/store/leads-repo.js';
import { ENGINES } from '../support/databases.js';
import { clearStore, makeLead, managerDeps, storeLead, type TestClock } from '../support/team-world.js';
import { useStore } from '../support/use-store.js';
import { virtualTime } from '../support/virtual-time.js';

const T0 = Date.parse('2026-12-01T10:00:00Z');

describe.each(ENGINES)('SLA timer (%s)', (engine) => {
  const ctx = useStore(engine);
  const others: Store[] = [];
  afterAll(async () => {
    for (const s of others) await s.close();
  });
  beforeAll(async () => {
    await clearStore(ctx.store);
  });

  /** An instance: its own store connection (as after a restart), the shared virtual clock and timers. */
  async function instance(time: ReturnType<typeof virtualTime>, remind: string) {
    const store = await openStore(ctx.tdb.url);
    others.push(store);
    const deps: Deps = {
      ...managerDeps({ store, clock: { now: time.now } as TestClock }),
    };
    deps.settings = {
      ...deps.settings,
      sla: {
        remindAfterMs: remind === '90s' ? 90_000 : 20_000,
        escalateAfterMs: 24 * 3_600_000,
        hours: parseBusinessHours('always'),
        timeZone: 'Europe/Berlin',
      },
    };
    const schedule = startSlaSchedule(deps, { cron: false, timers: time.timers });
    return { deps, schedule };
  }
  const reminders = async (store: Store, leadId: string) =>
    (await store.db.selectFrom('jobs').select(['kind', 'payload']).where('kind', '=', 'teams.remind').execute()).filter(
      (j) => String(j.payload).includes(leadId),
    );

  it('a 90 s SLA reminds within 2 s of due, once, across a restart and with a second instance running', async () => {
    const time = virtualTime(T0);
    const a = await instance(time, '90s');
    const settle =
      (...s: SlaSchedule[]) =>
      () =>
        Promise.all(s.map((x) => x.idle()));
    await time.advanceTo(T0 + 5_000, settle(a.schedule));
    const lead = await storeLead(ctx.store, makeLead({ mqlAt: time.now() }));
    const due = time.now() + 90_000;
    a.deps.slaChanged = () => a.schedule.rearm();
    a.deps.slaChanged();
    await time.advanceTo(T0 + 40_000, settle(a.schedule));
    // Restart: the first instance stops; two come up (one replaced, one more), each arming its own timer at start.
    a.schedule.stop();
    const b = await instance(time, '90s');
    const c = await instance(time, '90s');
    await time.advanceTo(due + 10 * 60_000, settle(b.schedule, c.schedule));
    const remindedAt = (await getLead(ctx.store.db, lead.id))!.remindedAt!;
    expect(remindedAt - due).toBeGreaterThanOrEqual(0);
    expect(remindedAt - due).toBeLessThanOrEqual(2_000);
    expect(await reminders(ctx.store, lead.id)).toHaveLength(1);
    b.schedule.stop();
    c.schedule.stop();
  });

  it('a lead that arrives while the timer waits for a later step is armed for at once (SLA shorter than the sweep)', async () => {
    const time = virtualTime(T0 + 86_400_000);
    const a = await instance(time, '20s');
    a.deps.slaChanged = () => a.schedule.rearm();
    const settle = () => a.schedule.idle();
    await settle();
    const lead = await storeLead(ctx.store, makeLead({ mqlAt: time.now() }));
    a.deps.slaChanged();
    const due = time.now() + 20_000;
    await time.advanceTo(due + 60_000, settle);
    expect((await getLead(ctx.store.db, lead.id))!.remindedAt).toBe(due);
    expect(await reminders(ctx.store, lead.id)).toHaveLength(1);
    a.schedule.stop();
  });

  it('a sweep that fails is logged and left to the next run, and the timer is armed again', async () => {
    const time = virtualTime(T0 + 2 * 86_400_000);
    const a = await instance(time, '20s');
    const settle = () => a.schedule.idle();
    await settle();
    const lead = await storeLead(ctx.store, makeLead({ mqlAt: time.now() }));
    const due = time.now() + 20_000;
    // The roster cannot be read at the first due sweep; the minute safety net (here: a rearm) catches up.
    const roster = a.deps.roster;
    let broken = true;
    a.deps.roster = {
      ...roster,
      current: () => {
        if (broken) throw new Error('roster unavailable');
        return roster.current();
      },
    };
    a.schedule.rearm();
    await time.advanceTo(due, settle);
    expect((await getLead(ctx.store.db, lead.id))!.remindedAt).toBeNull();
    broken = false;
    a.schedule.rearm();
    await time.advanceTo(due + 1_000, settle);
    expect((await getLead(ctx.store.db, lead.id))!.remindedAt).toBe(due);
    a.schedule.stop();
  });

  it('asks to re-arm that arrive while one arming waits share it: one query and one timer, not one per lead', async () => {
    const time = virtualTime(T0 + 4 * 86_400_000);
    const a = await instance(time, '20s');
    await a.schedule.idle();
    let armed = 0;
    const set = time.timers.set;
    time.timers.set = (fn, ms) => {
      armed++;
      return set(fn, ms);
    };
    for (let i = 0; i < 50; i++) await storeLead(ctx.store, makeLead({ mqlAt: time.now() }));
    // 50 leads' SLA clocks start while the first arming is still waiting for the database.
    for (let i = 0; i < 50; i++) a.schedule.rearm();
    await a.schedule.idle();
    expect(armed).toBeLessThanOrEqual(2); // the first ask arms at once; the 49 asked meanwhile share one arming
    expect(armed).toBeGreaterThanOrEqual(1);
    time.timers.set = set;
    a.schedule.stop();
  });
});
