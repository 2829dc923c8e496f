import { describe, expect, it } from 'vitest';
import { digestCommand } from '../../src/cli/commands/digest.js';
import { loadConfig } from '../../src/config.js';
import { startSchedules } from '../../src/scheduler/schedules.js';
import { getDigest } from '../../src/store/digests-repo.js';
import { berlin, HOUR, installFor, managerDeps, TestClock } from '../support/team-world.js';
import { useStore } from '../support/use-store.js';

describe('roster, digest, SLA and pacing configuration', () => {
  it('has the documented defaults', () => {
    const c = loadConfig({});
    expect({ roster: c.roster, digest: c.digest, teams: c.teams, sla: c.sla }).toEqual({
      roster: { file: 'config/roster.yaml' },
      digest: { cron: '0 8 * * 1-5' },
      teams: { maxSendsPerSecond: 40 },
      sla: {
        remindAfterMs: 4 * HOUR,
        escalateAfterMs: 24 * HOUR,
        hours: expect.objectContaining({ kind: 'weekly' }),
        timeZone: 'Europe/Berlin',
      },
    });
  });

  it('names every bad value', () => {
    const issues = (() => {
      try {
        loadConfig({
          DIGEST_CRON: 'every morning',
          SLA_REMIND_AFTER: '4 hours',
          SLA_ESCALATE_AFTER: '2w',
          BUSINESS_HOURS: 'Mon-Fri 9-5',
          TEAMS_MAX_SENDS_PER_SECOND: '-1',
        });
        return [];
      } catch (err) {
        return (err as Error).message
          .split('\n')
          .slice(1)
          .map((l) => l.trim());
      }
    })();
    expect(issues).toEqual([
      'DIGEST_CRON: invalid cron pattern (e.g. "0 8 * * 1-5")',
      'SLA_REMIND_AFTER: invalid duration "4 hours": use a positive number with s, m, h or d, e.g. 90s, 30m, 4h, 2d',
      'SLA_ESCALATE_AFTER: invalid duration "2w": use a positive number with s, m, h or d, e.g. 90s, 30m, 4h, 2d',
      'BUSINESS_HOURS: invalid business hours "Mon-Fri 9-5": bad time "9" (use HH:MM)',
      'TEAMS_MAX_SENDS_PER_SECOND: Number must be greater than or equal to 0',
    ]);
    expect(loadConfig({ BUSINESS_HOURS: 'always', TEAMS_MAX_SENDS_PER_SECOND: '0' })).toMatchObject({
      sla: { hours: { kind: 'always' } },
      teams: { maxSendsPerSecond: 0 },
    });
  });
});

describe('schedules and CLI', () => {
  const ctx = useStore('sqlite');

  it("at start, a bot that was down at 08:00 sends today's digest", async () => {
    const deps = managerDeps({ store: ctx.store, clock: new TestClock(berlin('2025-03-10 10:30')) });
    const schedules = await startSchedules(deps, { instanceId: 'test' });
    schedules.stop();
    expect(await getDigest(ctx.store.db, 'adelev@example.com', '2025-03-10')).toMatchObject({
      since: berlin('2025-03-07 08:00'),
    });
  });

  it('`leadbridge digest --preview <email>` prints the card text (or JSON) and sends nothing', async () => {
    const deps = managerDeps({ store: ctx.store, clock: new TestClock(berlin('2025-03-10 10:30')) });
    await installFor(ctx.store, 'adelev@example.com');
    let closed = 0;
    const cmd = digestCommand(async () => ({
      deps,
      close: async () => {
        closed++;
      },
    }));
    const out: string[] = [];
    const err: string[] = [];
    const io = { out: (l: string) => out.push(l), err: (l: string) => err.push(l) };
    expect(await cmd.run(['--preview', 'adelev@example.com'], io)).toBe(0);
    expect(out.join('\n')).toContain('Tageszusammenfassung CSM Nord');
    expect(out.join('\n')).toContain('MQL: 0');
    expect(await cmd.run(['--preview', 'adelev@example.com', '--json'], io)).toBe(0);
    expect(JSON.parse(out[out.length - 1]!).version).toBe('1.5');
    expect(await cmd.run([], io)).toBe(2);
    await expect(cmd.run(['--preview', 'alexw@example.com'], io)).rejects.toThrow('manages no team');
    expect(closed).toBe(3);
  });
});
