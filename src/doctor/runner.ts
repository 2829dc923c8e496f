import type { Check, CheckResult, Outcome } from './types.js';

/** How long one check may take (`--timeout`). */
export const DEFAULT_CHECK_TIMEOUT_MS = 10_000;

export interface RunOptions {
  /** Per check (default 10 s). */
  timeoutMs?: number;
  /** Stops every check still running (e.g. the bot shuts down). */
  signal?: AbortSignal;
}

/** Runs every check side by side, each with its own timeout; a failure or exception never stops the others. Results keep the list's order. */
export async function runChecks(checks: readonly Check[], o: RunOptions = {}): Promise<CheckResult[]> {
  const timeoutMs = o.timeoutMs ?? DEFAULT_CHECK_TIMEOUT_MS;
  const started = new Map<string, Promise<CheckResult>>();
  for (const check of checks) {
    const needed = (check.needs ?? []).map((id) => {
      const p = started.get(id);
      if (!p) throw new Error(`check ${check.id} needs ${id}, which is not listed before it`);
      return p;
    });
    started.set(
      check.id,
      (async () => {
        for (const before of await Promise.all(needed)) {
          if (before.status !== 'ok')
            return {
              name: check.name,
              status: 'skip',
              detail: `not checked: ${before.name} ${before.status === 'fail' ? 'failed' : 'not checkable'}`,
            };
        }
        return { name: check.name, ...(await runOne(check, timeoutMs, o.signal)) };
      })(),
    );
  }
  return Promise.all(checks.map((c) => started.get(c.id)!));
}

async function runOne(check: Check, timeoutMs: number, outer?: AbortSignal): Promise<Outcome> {
  const ac = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  let stop = () => {};
  // Whichever comes first ends the check: its own answer, its timeout, or the caller stopping every check.
  const cut = new Promise<Outcome>((resolve) => {
    const end = (o: Outcome) => {
      ac.abort();
      resolve(o);
    };
    timer = setTimeout(
      () =>
        end({
          status: 'fail',
          detail: `no answer within ${timeoutMs / 1000} s`,
          fix: 'check the network path to this system, then run the check again',
        }),
      timeoutMs,
    );
    stop = () => end({ status: 'skip', detail: 'stopped before it finished' });
    if (outer?.aborted) stop();
    else outer?.addEventListener('abort', stop, { once: true });
  });
  try {
    return await Promise.race([cut, ac.signal.aborted ? cut : check.run(ac.signal)]);
  } catch (err) {
    return {
      status: 'fail',
      detail: err instanceof Error ? err.message : String(err),
      fix: 'see the detail; run the check again once it is fixed',
    };
  } finally {
    clearTimeout(timer);
    outer?.removeEventListener('abort', stop);
  }
}
