import { describe, expect, it } from 'vitest';
import { digestCardFor, digestChatReply, previewDigest } from '../../src/services/digest/digest.js';
import { runDigestRound } from '../../src/services/digest/round.js';
import { getDigest } from '../../src/store/digests-repo.js';
import { cardText } from '../support/cards.js';
import {
  berlin,
  ev,
  installFor,
  makeLead,
  managerDeps,
  pendingJobs,
  recordingTeams,
  runDueJobs,
  storeLead,
  TestClock,
} from '../support/team-world.js';
import { useStore, useTwoInstances } from '../support/use-store.js';

describe('daily digest: exactly once per manager and day, two instances on one PostgreSQL database', () => {
  const pg = useTwoInstances({ clean: true });

  it('two instances racing at 08:00 claim each manager once, and the send job is enqueued with the claim', async () => {
    const clock = new TestClock(berlin('2025-03-10 08:00'));
    const da = managerDeps({ store: pg.a, clock });
    const db = managerDeps({ store: pg.b, clock });
    const results = await Promise.all([
      ...Array.from({ length: 5 }, () => runDigestRound(da, clock.now(), 'instance-a')),
      ...Array.from({ length: 5 }, () => runDigestRound(db, clock.now(), 'instance-b')),
    ]);
    expect(results.reduce((s, n) => s + n, 0)).toBe(2);
    const rows = (await pg.a.db
      .selectFrom('digests' as any)
      .selectAll()
      .orderBy('manager_email')
      .execute()) as any[];
    expect(rows.map((r) => [r.manager_email, r.day])).toEqual([
      ['adelev@example.com', '2025-03-10'],
      ['sued.lead@example.com', '2025-03-10'],
    ]);
    const jobs = await pendingJobs(pg.a);
    expect(jobs.map((j) => [j.kind, j.payload.managerEmail, j.payload.day])).toEqual(
      expect.arrayContaining([
        ['teams.digest', 'adelev@example.com', '2025-03-10'],
        ['teams.digest', 'sued.lead@example.com', '2025-03-10'],
      ]),
    );
    expect(jobs).toHaveLength(2);
    // Monday's digest covers the weekend: since Friday's run.
    expect(jobs[0]!.payload.since).toBe(berlin('2025-03-07 08:00'));
    // A later tick or pg.a restart the same day does nothing.
    clock.set(berlin('2025-03-10 15:00'));
    expect(await runDigestRound(db, clock.now(), 'instance-b')).toBe(0);
  });

  it("keeps the day's digest waiting for pg.a manager who has not installed the bot, and drops it the next day", async () => {
    const clock = new TestClock(berlin('2025-03-10 08:00'));
    const teams = recordingTeams();
    const deps = managerDeps({ store: pg.a, clock, teams });
    await runDigestRound(deps, clock.now());
    const [job] = (await pendingJobs(pg.a)).filter((j) => j.payload.managerEmail === 'adelev@example.com');
    const { sendDigest } = await import('../../src/services/effects/digest.js');
    const run = () =>
      sendDigest.handler(deps)({
        id: 0,
        kind: 'teams.digest',
        leadId: null,
        orderKey: 'x',
        payload: job!.payload,
        attempts: 1,
        createdAt: 0,
      });
    await expect(run()).rejects.toMatchObject({ retryAfterMs: 600_000, message: expect.stringMatching(/waits/) });
    clock.set(berlin('2025-03-10 11:00'));
    await installFor(pg.a, 'adelev@example.com');
    await run();
    expect(teams.sent.filter((s) => s.to.email === 'adelev@example.com')).toHaveLength(1);
    expect((await getDigest(pg.a.db, 'adelev@example.com', '2025-03-10'))?.sentAt).not.toBeNull();
    // Another manager never installs: the next day the old digest is given up quietly.
    const [other] = (await pendingJobs(pg.a)).filter((j) => j.payload.managerEmail === 'sued.lead@example.com');
    clock.set(berlin('2025-03-11 07:00'));
    await sendDigest.handler(deps)({
      id: 0,
      kind: 'teams.digest',
      leadId: null,
      orderKey: 'x',
      payload: other!.payload,
      attempts: 5,
      createdAt: 0,
    });
    expect(teams.sent.filter((s) => s.to.email === 'sued.lead@example.com')).toHaveLength(0);
  });

  it('sends the digest once even when the job runs twice (pg.a crash after Teams answered)', async () => {
    const clock = new TestClock(berlin('2025-03-10 08:00'));
    const teams = recordingTeams();
    const deps = managerDeps({ store: pg.a, clock, teams });
    await installFor(pg.a, 'adelev@example.com');
    await storeLead(pg.a, makeLead({ ownerEmail: 'alexw@example.com', mqlAt: berlin('2025-03-07 09:00') }));
    await runDigestRound(deps, clock.now());
    const [job] = (await pendingJobs(pg.a)).filter((j) => j.payload.managerEmail === 'adelev@example.com');
    await runDueJobs(deps);
    const { sendDigest } = await import('../../src/services/effects/digest.js');
    await sendDigest.handler(deps)({
      id: 0,
      kind: 'teams.digest',
      leadId: null,
      orderKey: 'x',
      payload: job!.payload,
      attempts: 2,
      createdAt: 0,
    });
    expect(teams.sent.filter((s) => s.to.email === 'adelev@example.com')).toHaveLength(1);
    const text = cardText(teams.sent[0]!.activity.card);
    expect(text).toContain('Tageszusammenfassung CSM Nord');
    expect(text).toContain('Kontakt');
    expect((await getDigest(pg.a.db, 'adelev@example.com', '2025-03-10'))?.sentAt).toBe(clock.now());
  });
});

describe('daily digest schedule (SQLite)', () => {
  const ctx = useStore('sqlite', { clean: true });

  it("catches up after downtime the same day, but never sends a previous day's digest", async () => {
    const clock = new TestClock(berlin('2025-03-10 07:59'));
    const deps = managerDeps({ store: ctx.store, clock });
    // Before today's run time: nothing (Friday's is not sent on Monday).
    expect(await runDigestRound(deps, clock.now())).toBe(0);
    // The bot was down at 08:00 and comes back at 10:30: the missed digest goes out.
    clock.set(berlin('2025-03-10 10:30'));
    expect(await runDigestRound(deps, clock.now())).toBe(2);
    expect(await getDigest(ctx.store.db, 'adelev@example.com', '2025-03-10')).toMatchObject({
      since: berlin('2025-03-07 08:00'),
      until: berlin('2025-03-10 10:30'),
    });
    // Restarted again at 11:00: already claimed.
    clock.set(berlin('2025-03-10 11:00'));
    expect(await runDigestRound(deps, clock.now())).toBe(0);
    // Down all of Tuesday; back on Wednesday at 07:00: Tuesday's digest is not sent late.
    clock.set(berlin('2025-03-12 07:00'));
    expect(await runDigestRound(deps, clock.now())).toBe(0);
    clock.set(berlin('2025-03-12 08:00'));
    expect(await runDigestRound(deps, clock.now())).toBe(2);
    // Weekend: no run on Saturday.
    clock.set(berlin('2025-03-15 12:00'));
    expect(await runDigestRound(deps, clock.now())).toBe(0);
  });

  it('"digest aus" pauses a manager, "digest an" resumes; only managers may', async () => {
    const clock = new TestClock(berlin('2025-03-10 07:00'));
    const deps = managerDeps({ store: ctx.store, clock });
    expect((await digestChatReply(deps, 'adelev@example.com', 'digest_off', 'de')).text).toContain('pausiert');
    expect((await digestChatReply(deps, 'alexw@example.com', 'digest_off', 'de')).text).toContain(
      'nur für Teamleitungen',
    );
    clock.set(berlin('2025-03-10 08:00'));
    expect(await runDigestRound(deps, clock.now())).toBe(1);
    expect(await getDigest(ctx.store.db, 'adelev@example.com', '2025-03-10')).toBeNull();
    expect((await digestChatReply(deps, 'adelev@example.com', 'digest_on', 'en')).text).toBe(
      'The daily digest is on again.',
    );
    // Resumed the same day: the next round (tick or restart) sends today's.
    expect(await runDigestRound(deps, clock.now())).toBe(1);
  });

  it("on demand: a manager gets their own team at once; another team's digest and non-managers are refused", async () => {
    const clock = new TestClock(berlin('2025-03-11 15:00'));
    const deps = managerDeps({ store: ctx.store, clock });
    await storeLead(
      ctx.store,
      makeLead({
        ownerEmail: 'alexw@example.com',
        mqlAt: berlin('2025-03-11 09:00'),
        contact: { id: 'n1', firstName: 'Nora', lastName: 'Nord' },
      }),
    );
    await storeLead(
      ctx.store,
      makeLead({
        ownerEmail: 'zoeb@example.com',
        mqlAt: berlin('2025-03-11 09:00'),
        contact: { id: 's1', firstName: 'Sara', lastName: 'Süd' },
      }),
    );

    const own = await digestCardFor(deps, 'AdeleV@example.com', 'de');
    expect(own.ok).toBe(true);
    const text = cardText(own.ok && own.card);
    expect(text).toContain('Nora Nord');
    expect(text).not.toContain('Sara Süd');
    // The window: since the run before this morning's (Mon 08:00) up to now.
    expect(text).toContain('Zeitraum: 10.03.2025, 08:00 – 11.03.2025, 15:00');

    expect(await digestCardFor(deps, 'adelev@example.com', 'de', { team: 'CSM Süd' })).toMatchObject({
      ok: false,
      why: 'other_team',
      text: 'Du kannst nur die Zusammenfassung deines eigenen Teams sehen.',
    });
    expect(await digestCardFor(deps, 'alexw@example.com', 'de')).toMatchObject({ ok: false, why: 'not_manager' });
    expect(await digestCardFor(deps, 'alexw@example.com', 'de', { team: 'CSM Nord' })).toMatchObject({
      ok: false,
      why: 'not_manager',
    });
    expect(await digestCardFor(deps, 'adelev@example.com', 'de', { team: 'CSM West' })).toMatchObject({
      ok: false,
      why: 'unknown_team',
    });
    const admin = await digestCardFor(deps, 'admin@example.com', 'en', { team: 'CSM Süd' });
    expect(admin.ok && cardText(admin.card)).toContain('Sara Süd');
    expect((await digestChatReply(deps, 'meganb@example.com', 'digest', 'en')).text).toBe(
      'The digest is for team managers (as listed in the roster).',
    );
    const reply = await digestChatReply(deps, 'adelev@example.com', 'digest', 'de');
    expect(reply.card).toBeDefined();
  });

  it('previewDigest renders without sending and names a non-manager', async () => {
    const clock = new TestClock(berlin('2025-03-11 15:00'));
    const teams = recordingTeams();
    const deps = managerDeps({ store: ctx.store, clock, teams });
    await installFor(ctx.store, 'adelev@example.com', 'en-US');
    await storeLead(ctx.store, makeLead({ ownerEmail: 'meganb@example.com', mqlAt: berlin('2025-03-10 09:00') }), [
      ev(berlin('2025-03-10 09:00'), 'mql', null, 'MQL'),
    ]);
    const card = await previewDigest(deps, 'adelev@example.com');
    expect(cardText(card)).toContain('Daily digest CSM Nord');
    expect(teams.sent).toHaveLength(0);
    await expect(previewDigest(deps, 'alexw@example.com')).rejects.toThrow(
      'alexw@example.com manages no team in the roster',
    );
  });
});
