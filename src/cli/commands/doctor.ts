/** `leadbridge doctor [--json] [--env-file <path>] [--timeout <seconds>]`: checks the real systems before go-live. */
import { readFileSync } from 'node:fs';
import { parseEnv } from 'node:util';
import { type CheckResult, type CheckStatus, DEFAULT_CHECK_TIMEOUT_MS, runDoctor } from '../../doctor/index.js';
import { type CliCommand, type CliIo, parseFlags } from '../registry.js';

const SYMBOL: Record<CheckStatus, string> = { ok: '✓', fail: '✗', skip: '–' };
const FLAGS = ['json', 'env-file', 'timeout'];

/** The report as text: one line per check, each failure followed by what to do, then a summary. */
function renderReport(results: CheckResult[]): string[] {
  const lines = results.flatMap((r) => [
    `${SYMBOL[r.status]} ${r.name}: ${r.detail}`,
    ...(r.status === 'fail' && r.fix ? [`    → ${r.fix}`] : []),
  ]);
  const n = (s: CheckStatus) => results.filter((r) => r.status === s).length;
  const summary = `${n('ok')} passed, ${n('fail')} failed, ${n('skip')} not checkable`;
  return [...lines, '', n('fail') ? `${summary}: not ready for go-live.` : `${summary}: ready for go-live.`];
}

/** Options, or the reason they are unusable. */
function options(args: string[]): { json: boolean; envFile?: string; timeoutMs: number } | string {
  const { flags, positional } = parseFlags(args, ['json']);
  const unknown = Object.keys(flags).filter((f) => !FLAGS.includes(f));
  if (unknown.length || positional.length)
    return `unknown option ${unknown.length ? `--${unknown[0]}` : positional[0]}`;
  if (flags['env-file'] === true) return '--env-file needs a path';
  const seconds =
    flags.timeout === undefined
      ? DEFAULT_CHECK_TIMEOUT_MS / 1000
      : typeof flags.timeout === 'string'
        ? Number(flags.timeout)
        : NaN;
  if (!(seconds > 0 && seconds <= 600)) return '--timeout needs a number of seconds (1–600)';
  return {
    json: flags.json === true,
    envFile: flags['env-file'] as string | undefined,
    timeoutMs: Math.round(seconds * 1000),
  };
}

/** `env` is the process environment; an `--env-file` adds what the environment does not set itself (as `node --env-file`). */
export function doctorCommand(env: () => Record<string, string | undefined>): CliCommand {
  return {
    name: 'doctor',
    summary: 'Check configuration, database, HubSpot, 36One and Teams before go-live.',
    usage: 'leadbridge doctor [--json] [--env-file <path>] [--timeout <seconds per check>]',
    async run(args: string[], io: CliIo) {
      const o = options(args);
      if (typeof o === 'string') {
        io.err(`leadbridge doctor: ${o}\nUsage: ${this.usage}`);
        return 2;
      }
      let fromFile: Record<string, string | undefined> = {};
      if (o.envFile) {
        try {
          fromFile = parseEnv(readFileSync(o.envFile, 'utf8'));
        } catch (err) {
          io.err(
            `leadbridge doctor: cannot read ${o.envFile}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`,
          );
          return 2;
        }
      }
      const results = await runDoctor({ ...fromFile, ...env() }, { timeoutMs: o.timeoutMs });
      const failed = results.some((r) => r.status === 'fail');
      if (o.json) io.out(JSON.stringify({ ok: !failed, checks: results }, null, 2));
      else for (const l of renderReport(results)) io.out(l);
      return failed ? 1 : 0;
    },
  };
}
