/** The go-live checks' shared shapes: pure data, no output. */

export type CheckStatus = 'ok' | 'fail' | 'skip';

/** One line of the doctor's report; `fix` says what to do when it failed. */
export interface CheckResult {
  status: CheckStatus;
  name: string;
  detail: string;
  fix?: string;
}

export type Outcome = Omit<CheckResult, 'name'>;

export interface Check {
  /** Stable id other checks name in `needs`. */
  id: string;
  name: string;
  /** Checks (earlier in the list) that must pass first; otherwise this one is not checked. */
  needs?: string[];
  run(signal: AbortSignal): Promise<Outcome>;
}

export const ok = (detail: string): Outcome => ({ status: 'ok', detail });
export const fail = (detail: string, fix: string): Outcome => ({ status: 'fail', detail, fix });
export const skip = (detail: string): Outcome => ({ status: 'skip', detail });

/** "a, b and c" */
export function listed(items: readonly string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
