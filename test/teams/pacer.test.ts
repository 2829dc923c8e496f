import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { RateLimit } from '../../src/lib/rate-limit.js';
import type { Conversation } from '../../src/store/conversations-repo.js';
import { pacedTeams, SendPacer, TEAMS_CONVERSATION_LIMITS } from '../../src/teams/pacer.js';
import type { TeamsOutbound } from '../../src/teams/types.js';

const conv = (id: string): Conversation => ({
  id,
  kind: 'personal',
  userId: null,
  aadObjectId: null,
  email: null,
  upn: null,
  name: null,
  tenantId: null,
  locale: null,
  teamId: null,
  reference: {},
  blocked: false,
});

/** Records when each call reached Teams. */
function timedTeams(): TeamsOutbound & { calls: Array<{ conv: string; at: number; what: string }> } {
  const calls: Array<{ conv: string; at: number; what: string }> = [];
  return {
    calls,
    async send(to, a) {
      calls.push({ conv: to.id, at: Date.now(), what: a.text ?? '' });
      return `id-${calls.length}`;
    },
    async update(to, id) {
      calls.push({ conv: to.id, at: Date.now(), what: `update ${id}` });
    },
  };
}

/** No sliding window ever holds more starts than its limit. */
function expectWithin(times: number[], limits: readonly RateLimit[]) {
  for (const [windowMs, max] of limits) {
    for (const t of times)
      expect(
        times.filter((x) => x > t - windowMs && x <= t).length,
        `${max} per ${windowMs} ms at ${t}`,
      ).toBeLessThanOrEqual(max);
  }
}

describe('paced Teams sends', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: 0 });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('keeps one conversation at ≤ 7 per second and ≤ 8 per 2 seconds, in order', async () => {
    const inner = timedTeams();
    const teams = pacedTeams(inner, { maxPerSecond: 0 });
    const done = Promise.all(Array.from({ length: 20 }, (_, i) => teams.send(conv('a'), { text: `m${i}` })));
    await vi.advanceTimersByTimeAsync(10_000);
    expect(await done).toHaveLength(20);
    const times = inner.calls.map((c) => c.at);
    expect(inner.calls.map((c) => c.what)).toEqual(Array.from({ length: 20 }, (_, i) => `m${i}`));
    expect(times.slice(0, 9)).toEqual([0, 0, 0, 0, 0, 0, 0, 1000, 2000]);
    expectWithin(times, TEAMS_CONVERSATION_LIMITS);
    // 8 per 2 s is the binding limit: 20 sends need 4 s (8 in [0, 2 s), 8 in [2 s, 4 s), 4 from 4 s).
    expect(times[times.length - 1]).toBe(4000);
  });

  it('keeps the app at TEAMS_MAX_SENDS_PER_SECOND across conversations', async () => {
    const inner = timedTeams();
    const teams = pacedTeams(inner, { maxPerSecond: 20 });
    const done = Promise.all(Array.from({ length: 50 }, (_, i) => teams.send(conv(`c${i}`), { text: `m${i}` })));
    await vi.advanceTimersByTimeAsync(5_000);
    await done;
    const times = inner.calls.map((c) => c.at);
    expect([
      times.filter((t) => t === 0).length,
      times.filter((t) => t === 1000).length,
      times.filter((t) => t === 2000).length,
    ]).toEqual([20, 20, 10]);
    expectWithin(times, [[1000, 20]]);
  });

  it('0 turns the app-wide limit off (the per-conversation limit stays)', async () => {
    const inner = timedTeams();
    const teams = pacedTeams(inner, { maxPerSecond: 0 });
    await Promise.all(Array.from({ length: 100 }, (_, i) => teams.send(conv(`c${i}`), {})));
    expect(inner.calls.every((c) => c.at === 0)).toBe(true);
  });

  it('a busy conversation does not hold up the others; updates are paced with sends', async () => {
    const inner = timedTeams();
    const teams = pacedTeams(inner, { maxPerSecond: 100 });
    const busy = Array.from({ length: 10 }, (_, i) => teams.send(conv('inbox'), { text: `card${i}` }));
    const other = teams.update(conv('alex'), 'act-1', {});
    const more = teams.update(conv('inbox'), 'act-2', {});
    await vi.advanceTimersByTimeAsync(0);
    expect(inner.calls.find((c) => c.conv === 'alex')!.at).toBe(0);
    expect(teams.pacer.waiting).toBe(4);
    await vi.advanceTimersByTimeAsync(5_000);
    await Promise.all([...busy, other, more]);
    const inbox = inner.calls.filter((c) => c.conv === 'inbox');
    expect(inbox.map((c) => c.what).slice(-1)).toEqual(['update act-2']);
    expectWithin(
      inbox.map((c) => c.at),
      TEAMS_CONVERSATION_LIMITS,
    );
  });

  it("passes failures through (retries are the worker's) and keeps going", async () => {
    const pacer = new SendPacer({ maxPerSecond: 0 });
    await expect(
      pacer.run('a', async () => {
        throw new Error('429');
      }),
    ).rejects.toThrow('429');
    await expect(
      pacer.run('a', () => {
        throw new Error('sync');
      }),
    ).rejects.toThrow('sync');
    await expect(pacer.run('a', async () => 'ok')).resolves.toBe('ok');
  });

  it('respects the half-hour and hourly conversation limits too', async () => {
    const pacer = new SendPacer({
      maxPerSecond: 0,
      perConversation: [
        [1000, 7],
        [30_000, 60],
      ],
    });
    const at: number[] = [];
    const all = Array.from({ length: 70 }, () =>
      pacer.run('a', async () => {
        at.push(Date.now());
      }),
    );
    await vi.advanceTimersByTimeAsync(60_000);
    await Promise.all(all);
    expectWithin(at, [
      [1000, 7],
      [30_000, 60],
    ]);
    expect(at[60]).toBe(30_000);
  });
});
