import { describe, expect, it } from 'vitest';
import { runChecks } from '../../src/doctor/runner.js';
import { type Check, fail, ok } from '../../src/doctor/types.js';

const never = () => new Promise<never>(() => {});

describe('runChecks', () => {
  it('keeps the list order, runs every check although others fail, throw or hang', async () => {
    const checks: Check[] = [
      { id: 'a', name: 'A', run: never },
      {
        id: 'b',
        name: 'B',
        run: async () => {
          throw new Error('socket hang up');
        },
      },
      { id: 'c', name: 'C', run: async () => fail('broken', 'mend it') },
      { id: 'd', name: 'D', run: async () => ok('fine') },
    ];
    expect(await runChecks(checks, { timeoutMs: 50 })).toEqual([
      {
        name: 'A',
        status: 'fail',
        detail: 'no answer within 0.05 s',
        fix: 'check the network path to this system, then run the check again',
      },
      {
        name: 'B',
        status: 'fail',
        detail: 'socket hang up',
        fix: 'see the detail; run the check again once it is fixed',
      },
      { name: 'C', status: 'fail', detail: 'broken', fix: 'mend it' },
      { name: 'D', status: 'ok', detail: 'fine' },
    ]);
  });

  it('a check whose prerequisite did not pass is not checkable, and does not run', async () => {
    let ran = false;
    const results = await runChecks([
      { id: 'token', name: 'Token', run: async () => fail('rejected', 'new token') },
      {
        id: 'prop',
        name: 'Property',
        needs: ['token'],
        run: async () => {
          ran = true;
          return ok('there');
        },
      },
      { id: 'deeper', name: 'Deeper', needs: ['prop'], run: async () => ok('there') },
    ]);
    expect(ran).toBe(false);
    expect(results.slice(1)).toEqual([
      { name: 'Property', status: 'skip', detail: 'not checked: Token failed' },
      { name: 'Deeper', status: 'skip', detail: 'not checked: Property not checkable' },
    ]);
  });

  it('the caller can stop the checks: running ones see their signal aborted, none waits for its timeout', async () => {
    const ac = new AbortController();
    let seen: AbortSignal | undefined;
    let started!: () => void;
    const running = new Promise<void>((r) => (started = r));
    const done = runChecks(
      [
        {
          id: 'x',
          name: 'X',
          run: (signal) => {
            seen = signal;
            started();
            return never();
          },
        },
      ],
      { timeoutMs: 600_000, signal: ac.signal },
    );
    await running;
    ac.abort();
    expect(await done).toEqual([{ name: 'X', status: 'skip', detail: 'stopped before it finished' }]);
    expect(seen?.aborted).toBe(true);
    expect(await runChecks([{ id: 'y', name: 'Y', run: never }], { signal: ac.signal })).toEqual([
      { name: 'Y', status: 'skip', detail: 'stopped before it finished' },
    ]);
  });

  it('a prerequisite that is not listed before is a programming error', async () => {
    await expect(runChecks([{ id: 'x', name: 'X', needs: ['y'], run: async () => ok('') }])).rejects.toThrow(
      'check x needs y, which is not listed before it',
    );
  });
});
